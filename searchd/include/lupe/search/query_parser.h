#pragma once

#include <xapian.h>

#include <cstddef>
#include <string_view>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/query_builder.h"
#include "lupe/search/synonyms.h"

namespace lupe::search {

// Parses the query syntax of the search API into a Xapian query over the terms the
// indexer writes; every word and phrase goes through analyzers::QueryBuilder, so a query
// is analysed exactly like the documents.
//
// Syntax:
//   Strategie Mobilität      every word must match (through its variants)
//   "Smart City"             a phrase; also „…“, “…”, »…«, «…», ‚…‘; an unclosed quote
//                            runs to the end of the query
//   -Entwurf  -"erste Fassung"   excludes a word or phrase (at the start of the query or
//                            after white space: in „Model C“-Schulen the hyphen links)
//   Rad OR Fuß               alternatives (OR between two items; chains: a OR b OR c)
//   title:Wärmeplanung  title:"Smart City"   restricted to the title
// Stop words need not match outside phrases (unless the query has nothing else).
// In any-word mode, neighbouring words of the query that a document has close together
// rank it higher, and given the index as vocabulary, a word ending in a vowel and s also
// matches its form without the s where the index knows that better (Odingas: Odinga;
// QueryBuilder::ForAnyWord).
// With a Synonyms list, a word or run of words (or a whole phrase) equal to one of its
// expressions matches any expression of the group: ÖPNV also finds "öffentlicher
// Personennahverkehr" (all its words; the phrase ranks higher), and the reverse.
// Thread-safety: const; shareable.
class QueryParser {
 public:
  struct Options {
    std::size_t max_query_bytes = 1000;
    analyzers::QueryBuilder::Options terms;  // which terms words match (all by default)
    // Ranking in any-word mode: documents where two neighbouring content words of the
    // query occur within proximity_window positions of each other gain proximity_weight
    // times the pair's weight (0: off).
    Xapian::termcount proximity_window = 8;
    double proximity_weight = 0.5;
  };

  QueryParser(const analyzers::Analyzer& analyzer, Options options);

  enum class Mode {
    kAllWords,  // every item must match
    kAnyWord,   // ranked: any item may match (the fallback for long questions)
  };

  // An empty Query (no words at all, e.g. "" or "…") means: match every document.
  // vocabulary (may be null) is the database the query will search.
  // Throws lupe::Error(kInvalidInput) for invalid UTF-8 and kTooLarge over the size limit.
  Xapian::Query Parse(std::string_view query, Mode mode, const Synonyms* synonyms = nullptr,
                      const Xapian::Database* vocabulary = nullptr) const;

 private:
  const analyzers::Analyzer& analyzer_;
  Options options_;
};

}  // namespace lupe::search
