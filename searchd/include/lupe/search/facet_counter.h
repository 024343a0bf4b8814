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
};

// Counts the values of one facet over every document matching a query — exact counts,
// not estimates from the first page — reading the facet's value slot (single values, or
// Schema::EncodeValues lists for multi-valued facets such as topic).
// Order: by count descending, then by value; year facets by year descending.
// Thread-safety: stateless; the Database is the caller's (one per thread).
std::vector<FacetValue> CountFacet(const Xapian::Database& database, const Xapian::Query& query,
                                   const analyzers::FacetSpec& facet);

}  // namespace lupe::search
