#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/schema.h"
#include "lupe/search/facet_counter.h"
#include "lupe/search/match_sets.h"
#include "lupe/search/query_parser.h"
#include "lupe/search/ranking.h"
#include "lupe/search/search_request.h"
#include "lupe/search/searchd_config.h"
#include "lupe/search/stem_expansions.h"
#include "lupe/search/suggester.h"
#include "lupe/search/synonyms.h"
#include "lupe/search/value_columns.h"
#include "lupe/search/word_analyses.h"

namespace lupe::search {

struct SearchHit {
  Xapian::docid docid = 0;
  double score = 0;  // 0..1, relative to the best match of the query
  analyzers::schema::HitFields fields;
  std::string snippet;  // HTML: escaped text with <mark>ed matches
};

struct FacetCounts {
  const analyzers::FacetSpec* facet = nullptr;
  std::vector<FacetValue> values;
};

struct SearchResult {
  Xapian::doccount total = 0;  // exact unless partial
  bool relaxed = false;        // all-words matching found nothing; any-word results
  bool partial = false;        // the time limit stopped a match: the page's ranking or,
                               // for a phrase, total (an estimate then)
  std::string suggestion;      // "did you mean": a corrected query that finds more, or ""
  std::vector<SearchHit> hits;
  std::vector<FacetCounts> facets;  // in the order the request asked for
};

// Runs a search request against an index: the query (all words, relaxed to ranked any-word
// matching when that finds nothing, or when a question finds few: SearchdConfig), the
// filters (values of one facet OR-ed, facets AND-ed, year ranges), sorting and paging,
// snippets, and exact multi-select facet counts: each facet is counted with every filter but
// its own, so selecting Bayern still shows what Hessen would add; selected values always
// appear, at count 0 if need be. A query with words the index does not know gets a
// suggestion (Suggester::Correct) when the corrected query finds more.
// Thread-safety: const and shareable; the Database is the calling thread's.
class Searcher {
 public:
  // synonyms may be null (none).
  Searcher(const analyzers::Analyzer& analyzer, const SearchdConfig& config,
           const SynonymsFile* synonyms);

  // Throws lupe::Error (kInvalidInput, kTooLarge) for a query the parser rejects.
  SearchResult Search(const Xapian::Database& database, const SearchRequest& request) const;

  // The documents most like document docid, best first: its most distinctive words
  // (Xapian's relevance-set expansion over its own terms) as a ranked any-word query,
  // restricted by the request's filters and paged like a search. The document itself and
  // its near-duplicates (an earlier draft: nearly the same vocabulary) are left out.
  // total counts the similar documents (near-duplicates excluded only among those ranked
  // up to this page).
  SearchResult Similar(const Xapian::Database& database, Xapian::docid docid,
                       const SearchRequest& request) const;

  // The facet counter searches use (its columns are shared by every request).
  const FacetCounter& Facets() const { return facets_; }

 private:
  const analyzers::Analyzer& analyzer_;
  // The number of documents matching every word of q with the request's filters.
  Xapian::doccount CountAllWords(const Xapian::Database& database, const std::string& q,
                                 const SearchRequest& request) const;

  Xapian::Query Parse(const Xapian::Database& database, const std::string& q,
                      QueryParser::Mode mode) const;
  // The postings the ranking walks (match_sets_'s), or null if it keeps none
  // (match_cache_mb 0): then each list would be read whole where Xapian may skip.
  const MatchSets* KeptPostings() const {
    return config_.match_cache_mb > 0 ? &match_sets_ : nullptr;
  }

  const SearchdConfig& config_;
  const SynonymsFile* synonyms_;
  QueryParser parser_;
  Suggester suggester_;
  FacetCounter facets_;
  // BM25 with the document lengths from a table per index revision.
  Ranking ranking_;
  // The postings of each query term: totals and facet counts without weighting, and the
  // ranking's postings.
  MatchSets match_sets_;
  // What each hit needs besides its snippet's text: its hit fields and chunk starts.
  ValueColumns columns_;
  // The index terms of the query's stems, whose positions the snippets read.
  StemExpansions expansions_;
  // The tokens of the compounds the snippets analyse alone.
  WordAnalyses analyses_;
};

}  // namespace lupe::search
