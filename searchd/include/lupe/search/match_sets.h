#pragma once

#include <xapian.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "lupe/search/revision_cache.h"

namespace lupe::search {

// The first element of the ascending range [at, end) not below value. For lists walked
// forward in steps that are mostly short (Xapian's skips, a few documents looked up in
// many): steps from at that double until they pass value, then a binary search.
template <typename Iterator, typename T>
Iterator Gallop(Iterator at, Iterator end, const T& value) {
  if (at == end || !(*at < value)) return at;
  // *at < value throughout.
  std::ptrdiff_t step = 1;
  while (step < end - at && at[step] < value) {
    at += step;
    step *= 2;
  }
  return std::lower_bound(at + 1, step < end - at ? at + step + 1 : end, value);
}

// The documents a query matches, as a sorted list of document ids, computed from the
// documents of its terms. A search needs every match for its total and its facet counts,
// but ranks only one page. Counted by Xapian's match, every matching document is weighted
// (BM25 and its document length, per term), and the match cannot stop early; counted here,
// the ranking match may skip what cannot reach the page (Xapian's max-weight pruning) and
// the counts stay exact. Each term's postings (its documents and its wdf in each) are kept
// per index revision, within a budget of max_postings postings (WordRevisionCache: starts
// over when full), as Lucene's query cache keeps the document sets of frequent clauses;
// Ranking weighs from the same postings.
// Evaluates terms, MatchAll, MatchNothing, AND, OR, AND_NOT, XOR, FILTER, AND_MAYBE (its
// left side: the right one only ranks), SCALE_WEIGHT, SYNONYM and MAX; a subquery that
// needs more than term lists (a phrase, NEAR, a value range, a wildcard) is matched by
// Xapian (unweighted, every match collected), and only that subquery.
// Thread-safety: all members may be called from any thread.
class MatchSets {
 public:
  using Documents = std::vector<Xapian::docid>;

  // A term's posting list.
  struct Postings {
    Documents documents;                    // ascending
    std::vector<Xapian::termcount> wdfs;  // wdfs[i]: the term's wdf in documents[i]
  };

  // 8 M postings (a document id and a wdf, 4 bytes each): 64 MiB.
  static constexpr std::size_t kDefaultMaxPostings = std::size_t{8} << 20;

  explicit MatchSets(std::size_t max_postings = kDefaultMaxPostings);
  MatchSets(const MatchSets&) = delete;
  MatchSets& operator=(const MatchSets&) = delete;

  struct Matches {
    std::shared_ptr<const Documents> documents;  // ascending
    bool complete = true;  // false if the time limit stopped a subquery Xapian matched
  };

  // The documents of database that query matches. time_limit_seconds (0: none) bounds
  // each of Xapian's matches of a subquery.
  Matches Of(const Xapian::Database& database, const Xapian::Query& query,
             double time_limit_seconds = 0) const;

  // The documents holding term (every document for the empty term), ascending; kept.
  std::shared_ptr<const Documents> OfTerm(const Xapian::Database& database,
                                          const std::string& term) const {
    return OfTerm(IndexRevision::Of(database), database, term);
  }
  // The same, given database's IndexRevision (for many terms in a row).
  std::shared_ptr<const Documents> OfTerm(const IndexRevision& revision,
                                          const Xapian::Database& database,
                                          const std::string& term) const;

  // term's postings in database (every document for the empty term, each with wdf 1),
  // given database's IndexRevision; kept with its documents.
  std::shared_ptr<const Postings> PostingsOf(const IndexRevision& revision,
                                             const Xapian::Database& database,
                                             const std::string& term) const;

 private:
  WordRevisionCache<Postings> terms_;
};

}  // namespace lupe::search
