#include "stemmer.h"

#include <xapian.h>

namespace lupe::analyzers {

Stemmer::Stemmer(const std::vector<std::pair<std::string, std::string>>& singular_plural) {
  std::string singular_stem, plural_stem;
  for (const auto& [singular, plural] : singular_plural) {
    Stem(singular, singular_stem);
    Stem(plural, plural_stem);
    if (singular_stem != plural_stem) plural_stems_.emplace(plural_stem, singular_stem);
  }
}

void Stemmer::Stem(std::string_view word, std::string& stem) const {
  thread_local Xapian::Stem snowball("german");
  stem = snowball(std::string(word));
  if (auto it = plural_stems_.find(stem); it != plural_stems_.end()) stem = it->second;
}

}  // namespace lupe::analyzers
