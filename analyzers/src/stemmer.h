#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "word_lists.h"

namespace lupe::analyzers {

// Stems normalised words (the output of Normalizer) for German.
// Rules:
//   1. Snowball "german" (Xapian::Stem) on the normalised form, where umlauts are already
//      spelled ae/oe/ue: "strategien" -> "strategi", "massnahmen" -> "massnahm". Because the
//      umlaut is spelled out, the stemmer cannot strip it: "buerger" -> "buerg" while
//      "burger" -> "burg" (Bürger never matches Burger).
//   2. Umlaut plurals listed in umlaut_plurals.txt map to the singular's stem:
//      "staedte" -> "staedt" -> "stadt", "laendern" -> "laend" -> "land".
// Thread-safety: const and shareable; each thread has its own Snowball state
// (thread-local), because Xapian::Stem is not safe for concurrent use. Callers cache
// results (WordCache): stemming is the costliest filter.
class Stemmer {
 public:
  // singular_plural: normalised (singular, plural) pairs, e.g. ("stadt", "staedte").
  explicit Stemmer(const std::vector<std::pair<std::string, std::string>>& singular_plural);

  // Writes the stem of word into stem.
  void Stem(std::string_view word, std::string& stem) const;

 private:
  StringMap plural_stems_;  // stem of plural -> stem of singular
};

}  // namespace lupe::analyzers
