#pragma once

#include <string>
#include <string_view>

namespace lupe::analyzers {

// How analysed text is stored as Xapian terms: defined once here and used by the
// indexer (TermWriter) and by searchd (QueryBuilder), so the two cannot drift apart.
//
//   exact term:  <field prefix><token text>        with positions   "strategien", "Sulm"
//   stem term:   Z<field prefix><token stem>       without positions "Zstrategi", "ZSulm"
//
// Every token yields both (numeric tokens only the exact term). Variants (joined
// compounds, gender bases) are terms like any other at the position of their word.
struct TextField {
  std::string_view name;
  std::string_view prefix;  // Xapian term prefix: empty or upper-case letters
};

namespace schema {

inline constexpr TextField kBody{"body", ""};
inline constexpr TextField kTitle{"title", "S"};

inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kIdPrefix = "Q";

inline std::string ExactTerm(const TextField& field, std::string_view text) {
  std::string term(field.prefix);
  term += text;
  return term;
}

inline std::string StemTerm(const TextField& field, std::string_view stem) {
  std::string term(kStemPrefix);
  term += field.prefix;
  term += stem;
  return term;
}

}  // namespace schema
}  // namespace lupe::analyzers
