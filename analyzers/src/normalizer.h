#pragma once

#include <unicode/normalizer2.h>

#include <string>

namespace lupe::analyzers {

// Turns a word as written (UTF-16, from the segmenter) into its normalised exact form
// (UTF-8). Rules, in order:
//   1. NFKC with case folding (ICU NFKC_Casefold): "DIGITALISIERUNG" -> "digitalisierung",
//      decomposed "u\u0308" -> "ü", ligature "ﬁ" -> "fi", full-width "Ｇ" -> "g",
//      "ß"/"ẞ" -> "ss", soft hyphens removed.
//   2. German umlauts to their ASCII spelling: "ä" -> "ae", "ö" -> "oe", "ü" -> "ue",
//      so "Bürger" and "Buerger" meet, while "Burger" stays apart. Text without umlauts
//      is never touched ("quelle", "neue", "steuer" stay).
//   3. Other Latin diacritics removed: "café" -> "cafe", "Škoda" -> "skoda".
//   4. Typographic apostrophes to ASCII: "’" -> "'".
// Thread-safe: const, no state of its own (ICU's normalizer instances are immutable).
class Normalizer {
 public:
  Normalizer();  // throws lupe::Error(kInternal) if ICU data is missing

  // Appends the normalised form of [begin, end) to out.
  void Append(const char16_t* begin, const char16_t* end, std::string& out) const;

 private:
  void AppendNonAscii(const char16_t* begin, const char16_t* end, std::string& out) const;

  const icu::Normalizer2* nfkc_cf_;
  const icu::Normalizer2* nfd_;
};

}  // namespace lupe::analyzers
