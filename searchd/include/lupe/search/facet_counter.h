#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "lupe/analyzers/schema.h"
#include "lupe/search/revision_cache.h"

namespace lupe::search {

struct FacetValue {
  std::string value;
  Xapian::doccount count = 0;
  bool selected = false;  // filtered on by the request (search results only)
};

// Records the documents an Enquire matches, so their facet values can be counted
// afterwards (CountValues): exact counts when the match visits every document
// (check_at_least = the document count).
// Thread-safety: one per match; not shareable.
class MatchCollector : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& document, double weight) override;
  // The matched documents in ascending order (sorts on first call).
  const std::vector<Xapian::docid>& Documents();

 private:
  std::vector<Xapian::docid> documents_;
  bool sorted_ = true;
};

// Every document of database that query matches (Xapian's match, unweighted), ascending.
// complete is false if time_limit_seconds (0: none) stopped the match early.
struct CollectedMatches {
  std::vector<Xapian::docid> documents;
  bool complete = true;
};
CollectedMatches CollectMatches(const Xapian::Database& database, const Xapian::Query& query,
                                double time_limit_seconds = 0);

// Counts facet values over matches, exactly. Each facet's values are read once per index
// revision from its value slot into a column held in memory: per document, the ordinals
// of its values (Lucene's doc values, Solr's "fc" facet method). Counting a match is then
// an array increment per document, where reading the value stream cost a B-tree step
// and a string-map update per document and facet (a tenth of a search request's time).
// Memory: 4 bytes per document and facet plus 4 per value, for the latest revision seen
// (a column of another revision, uuid or document count is rebuilt on first use).
// The Database must be read-only (a WritableDatabase's uncommitted changes are not seen).
// Thread-safety: all members may be called from any thread; a column is built by the
// first thread that needs it while the others wait.
class FacetCounter {
 public:
  FacetCounter();
  ~FacetCounter();
  FacetCounter(const FacetCounter&) = delete;
  FacetCounter& operator=(const FacetCounter&) = delete;

  // The values of facet over documents (any order), single values or
  // Schema::EncodeValues lists for multi-valued facets such as topic. Order: by count
  // descending, then by value; year facets by year descending.
  std::vector<FacetValue> Count(const Xapian::Database& database,
                                const std::vector<Xapian::docid>& documents,
                                const analyzers::FacetSpec& facet) const;

  // The values of facet over every document matching query (Xapian::Query::MatchAll: all;
  // an empty query, Xapian's MatchNothing, matches none).
  std::vector<FacetValue> CountMatching(const Xapian::Database& database,
                                        const Xapian::Query& query,
                                        const analyzers::FacetSpec& facet) const;

  struct Column;  // opaque: facet_counter.cpp

 private:
  std::shared_ptr<const Column> ColumnOf(const Xapian::Database& database,
                                         const analyzers::FacetSpec& facet) const;

  // Per slot, the columns of the latest two revisions.
  RevisionCache<Xapian::valueno, Column> columns_;
};

}  // namespace lupe::search
