#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "lupe/analyzers/schema.h"

namespace lupe::search {

struct FacetValue {
  std::string value;
  Xapian::doccount count = 0;
  bool selected = false;  // filtered on by the request (search results only)
};

// Tallies the values of one facet in the documents an Enquire matches, reading the
// facet's value slot (single values, or Schema::EncodeValues lists for multi-valued facets
// such as topic). Counts are exact when the match visits every document (check_at_least
// = the document count). Add several to one Enquire to count several facets in one pass.
// Thread-safety: one per match; not shareable.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(const analyzers::FacetSpec& facet) : facet_(facet) {}

  void operator()(const Xapian::Document& document, double weight) override;

  // The values seen, by count descending, then by value; year facets by year descending.
  std::vector<FacetValue> Values() const;

  const analyzers::FacetSpec& facet() const { return facet_; }

 private:
  const analyzers::FacetSpec& facet_;
  std::map<std::string, Xapian::doccount> counts_;
};

// Counts the values of one facet over every document matching query (empty: all).
// Thread-safety: stateless; the Database is the caller's (one per thread).
std::vector<FacetValue> CountFacet(const Xapian::Database& database, const Xapian::Query& query,
                                   const analyzers::FacetSpec& facet);

}  // namespace lupe::search
