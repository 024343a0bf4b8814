#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "decompounder.h"
#include "stemmer.h"
#include "word_cache.h"

namespace lupe::analyzers {

// A compound part as the word cache keeps it: its bytes in the word and its stem, so that
// emitting a part needs no lookup of its own. Encoded per part as
// [begin][end][stem length][stem bytes].
struct CompoundPart {
  std::size_t begin;
  std::size_t end;
  std::string_view stem;
};

template <typename Fn>
void ForEachCompoundPart(std::string_view encoded, Fn fn) {
  for (std::size_t i = 0; i + 3 <= encoded.size();) {
    const auto length = static_cast<unsigned char>(encoded[i + 2]);
    fn(CompoundPart{static_cast<unsigned char>(encoded[i]),
                    static_cast<unsigned char>(encoded[i + 1]), encoded.substr(i + 3, length)});
    i += 3 + std::size_t{length};
  }
}

// Splits a normalised word with the Decompounder and encodes its parts with their stems.
// Not thread-safe (scratch buffers): one per analysis call.
class CompoundPartsEncoder {
 public:
  CompoundPartsEncoder(const Decompounder& decompounder, const Stemmer& stemmer)
      : decompounder_(decompounder), stemmer_(stemmer) {}

  // Sets parts to the encoded parts of word (empty if it is no compound). The stems of
  // parts come from cache when it has them (parts are mostly common words).
  void Encode(std::string_view word, const WordCache& cache, std::string& parts);

 private:
  const Decompounder& decompounder_;
  const Stemmer& stemmer_;
  std::string split_;
  std::string stem_;
};

}  // namespace lupe::analyzers
