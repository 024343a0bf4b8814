#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lupe/analyzers/schema.h"
#include "lupe/search/searchd_config.h"

namespace lupe::search {

// The filters on one facet: values OR-ed together; a year facet may instead have a range.
struct FacetFilter {
  const analyzers::FacetSpec* facet = nullptr;
  std::vector<std::string> values;
  // filter.year=2020..2023; either end may be open (2020.., ..2019).
  struct YearRange {
    std::optional<int> from;
    std::optional<int> to;
  };
  std::vector<YearRange> ranges;
};

enum class SortOrder { kRelevance, kDateDescending, kDateAscending };

// A validated GET /api/v1/search request.
struct SearchRequest {
  std::string q;
  std::vector<FacetFilter> filters;                   // in the order of the schema
  std::vector<const analyzers::FacetSpec*> facets;    // whose counts to return
  SortOrder sort = SortOrder::kRelevance;
  std::size_t page = 1;
  std::size_t per_page = 10;

  const FacetFilter* FilterOf(const analyzers::FacetSpec& facet) const;
};

// Parses the query parameters (name, decoded value) of a search request. Throws
// lupe::Error(kInvalidInput) naming the parameter for unknown parameters and facets,
// malformed numbers and ranges, page 0 or beyond the result window, per_page outside
// 1..100, and invalid UTF-8; kTooLarge for q over the configured limit.
SearchRequest ParseSearchRequest(const std::vector<std::pair<std::string, std::string>>& params,
                                 const SearchdConfig& config);

// The parameters of GET /api/v1/documents/{id}/similar: filter.<facet>, page and per_page
// (default 5); the same checks. The request has no q and no facets.
SearchRequest ParseSimilarRequest(const std::vector<std::pair<std::string, std::string>>& params,
                                  const SearchdConfig& config);

// Range check of per_page-style parameters shared by the API's endpoints: the number in
// text, from min to max, else lupe::Error(kInvalidInput) naming name.
std::size_t ParseCount(const std::string& name, const std::string& text, std::size_t min,
                       std::size_t max);

// At most max_bytes of text, cut at a character boundary, with "…" if cut: user input
// quoted in error messages.
std::string Excerpt(const std::string& text, std::size_t max_bytes = 60);

// Throws lupe::Error(kInvalidInput) naming the parameter if text is not valid UTF-8.
void RequireUtf8(const std::string& name, const std::string& text);

}  // namespace lupe::search
