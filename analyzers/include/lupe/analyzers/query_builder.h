#pragma once

#include <xapian.h>

#include <string_view>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/schema.h"

namespace lupe::analyzers {

// Turns words and phrases a user typed into Xapian queries over the terms TermWriter
// writes, analysing them with the same Analyzer. It knows the term layout, not the query
// syntax: searchd's parser splits a query into words, phrases and operators and asks
// this class for each piece.
//
// Matching rules:
//   - A word matches its exact term or its stem term (exact matches score higher because
//     they match both, the exact term at Options::exact_weight; a token without a stem
//     term, such as a number, weighs 1 + exact_weight); variants at its position are
//     alternatives: "Bürger*innen" matches buergerinnen or buerger.
//   - A hyphenated word matches its parts as a phrase or its joined form:
//     "Smart-City-Strategie" finds "Smart City-Strategie" and "Smartcitystrategie".
//   - A phrase matches its words at consecutive positions (exact forms and variants),
//     or all its words written as one: "Smart City Strategie" finds "SmartCity-Strategie".
//   - A word also matches where it is a part of a compound (Entwicklung finds
//     Stadtentwicklungskonzept), and a compound where a document has all its parts in
//     compounds (Stadtentwicklung finds Stadtentwicklungskonzept); both at part_weight,
//     so whole words rank first. Parts are not matched as separate words: "Klimaanpassung"
//     does not find "Anpassung an das Klima" (too loose without proximity). Query words
//     are split whatever their case ("stadtentwicklung" as "Stadtentwicklung").
//   - ForAnyWord() (ranked any-word matching) also matches the words of a hyphenated
//     compound one by one, at part_weight: "CPI-Maßstab" finds "der CPI ist ein Maßstab".
//     Given the index as vocabulary, a word ending in a vowel and s, which the Snowball
//     stemmer leaves whole, also matches the stem of the word without the s when the
//     index has that stem in more documents than the word's own: "Odingas" finds
//     "Odinga", "Kitas" "Kita"; "Haus" stays apart from "hauen", which the index knows
//     no better.
//   - Stop words are dropped from ForWords() unless the text has nothing else.
// Thread-safety: const; shareable.
class QueryBuilder {
 public:
  // Which of the analyzer's terms a query uses. The defaults are what searchd does; the
  // others exist to measure what each contributes (bench/relevance).
  struct Options {
    bool stems = true;     // a word also matches its stem term
    bool variants = true;  // ... and its variants (gender base, joined hyphen compound)
    bool parts = true;     // ... and, at part_weight, its occurrences inside compounds
    double exact_weight = 1.0;  // weight of the exact term, added to the stem term's
    double part_weight = 0.5;   // weight of a match as a compound part
  };

  explicit QueryBuilder(const Analyzer& analyzer) : analyzer_(analyzer) {}
  QueryBuilder(const Analyzer& analyzer, Options options)
      : analyzer_(analyzer), options_(options) {}

  // All words of text must match (AND). An empty Query if text has no words.
  Xapian::Query ForWords(std::string_view text, const TextField& field) const;

  // Any word of text may match (OR), for ranked any-word matching; the words of a
  // hyphenated compound also match one by one, at part_weight, and with vocabulary (the
  // database searched; may be null) a word ending in a vowel and s also its form without
  // the s. An empty Query if text has no words.
  Xapian::Query ForAnyWord(std::string_view text, const TextField& field,
                           const Xapian::Database* vocabulary = nullptr) const;

  // text as one phrase. An empty Query if text has no words.
  Xapian::Query ForPhrase(std::string_view text, const TextField& field) const;

 private:
  const Analyzer& analyzer_;
  Options options_;
};

}  // namespace lupe::analyzers
