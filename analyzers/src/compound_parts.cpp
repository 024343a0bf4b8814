#include "compound_parts.h"

#include <algorithm>

namespace lupe::analyzers {

void CompoundPartsEncoder::Encode(std::string_view word, const WordCache& cache,
                                  std::string& parts) {
  parts.clear();
  split_.clear();
  decompounder_.Split(word, split_);
  for (std::size_t i = 0; i + 1 < split_.size(); i += 2) {
    const auto begin = static_cast<unsigned char>(split_[i]);
    const auto end = static_cast<unsigned char>(split_[i + 1]);
    const std::string_view part = word.substr(begin, end - begin);
    TokenFlags flags = kNoFlags;
    if (!cache.Find(part, stem_, flags)) stemmer_.Stem(part, stem_);
    const std::size_t length = std::min<std::size_t>(stem_.size(), 255);
    parts.push_back(split_[i]);
    parts.push_back(split_[i + 1]);
    parts.push_back(static_cast<char>(length));
    parts.append(stem_, 0, length);
  }
}

}  // namespace lupe::analyzers
