#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "lupe/analyzers/schema.h"

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

// Counts the values of one facet over documents (ascending), reading the facet's value
// slot as a stream in docid order — far cheaper than fetching each document's values —
// single values, or Schema::EncodeValues lists for multi-valued facets such as topic.
// Order: by count descending, then by value; year facets by year descending.
std::vector<FacetValue> CountValues(const Xapian::Database& database,
                                    const std::vector<Xapian::docid>& documents,
                                    const analyzers::FacetSpec& facet);

// Counts the values of one facet over every document matching query (empty: all).
// Thread-safety: stateless; the Database is the caller's (one per thread).
std::vector<FacetValue> CountFacet(const Xapian::Database& database, const Xapian::Query& query,
                                   const analyzers::FacetSpec& facet);

}  // namespace lupe::search
