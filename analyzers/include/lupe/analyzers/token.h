#pragma once

#include <cstdint>
#include <string>

namespace lupe::analyzers {

// What a token is, beyond its text. A token without kVariant is a word as written
// (or a part of a hyphenated compound as written); variants sit at the position of the
// word they come from and carry its byte offsets.
enum TokenFlag : std::uint16_t {
  kNoFlags = 0,
  kVariant = 1 << 0,       // another form of the word at the same position
  kCompoundPart = 1 << 1,  // a part of a hyphenated compound (Smart-City -> smart, city)
  kJoined = 1 << 2,        // a hyphenated compound written as one word (smartcity)
  kGender = 1 << 3,        // a gender-inclusive form (Bürger*innen -> buergerinnen)
  kGenderBase = 1 << 4,    // the base of a gender form (Bürger*innen -> buerger)
  kStopWord = 1 << 5,      // on the shipped stop word list; need not match in free-text queries
  kNumeric = 1 << 6,       // contains a digit (2022, 5g, myk10); never stemmed
  kCompoundHead = 1 << 7,  // the first part of a hyphenated compound (starts a chain)
  // A part of a compound written as one word, a variant at the word's position with its
  // offsets: Stadtentwicklungskonzept -> stadt, entwicklung, konzept. Indexed as part terms.
  kDecompoundPart = 1 << 8,
  // A word completed across a suspended hyphen, a variant at the position and offsets of
  // the truncated word: "Rad- und Fußverkehr" -> radverkehr at "Rad".
  kCompleted = 1 << 9,
};
using TokenFlags = std::uint16_t;

// One term-producing unit of analysed text.
//   text:  the normalised exact form: NFKC, case-folded, ä/ö/ü as ae/oe/ue, ß as ss,
//          other Latin diacritics removed ("Straße" -> "strasse", "Bürger" -> "buerger").
//   stem:  the Snowball German stem of text (umlaut plurals mapped to their singular:
//          "staedte" -> "stadt"); empty for numeric tokens.
//   position: word position, starting at 0 for each call; never decreases along the stream.
//   start, end: byte offsets of the source text in the analysed input (half-open).
struct Token {
  std::string text;
  std::string stem;
  std::uint32_t position = 0;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  TokenFlags flags = kNoFlags;

  bool Has(TokenFlag flag) const { return (flags & flag) != 0; }
};

}  // namespace lupe::analyzers
