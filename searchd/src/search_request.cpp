#include "lupe/search/search_request.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>

#include "lupe/analyzers/error.h"

namespace lupe::search {
namespace {

constexpr std::size_t kMaxPerPage = 100;
constexpr std::size_t kMaxFilterValues = 100;

[[noreturn]] void Invalid(const std::string& message) {
  throw Error(ErrorCode::kInvalidInput, message);
}

std::optional<int> ParseYearEnd(const std::string& name, const std::string& text,
                                const std::string& whole) {
  if (text.empty()) return std::nullopt;
  int year = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (error != std::errc() || end != text.data() + text.size() || text.size() != 4) {
    Invalid(name + ": '" + Excerpt(whole) +
            "' is not a year or a range of years (2021, 2020..2023, 2020.., ..2019)");
  }
  return year;
}

void AddFilterValue(FacetFilter& filter, const std::string& name, const std::string& value) {
  if (value.empty()) Invalid(name + " must not be empty");
  if (filter.values.size() + filter.ranges.size() >= kMaxFilterValues) {
    Invalid(name + " is given more than " + std::to_string(kMaxFilterValues) + " times");
  }
  if (filter.facet->kind != analyzers::FacetSpec::Kind::kYear) {
    filter.values.push_back(value);
    return;
  }
  const std::size_t dots = value.find("..");
  if (dots == std::string::npos) {
    ParseYearEnd(name, value, value);
    filter.values.push_back(value);
    return;
  }
  FacetFilter::YearRange range{ParseYearEnd(name, value.substr(0, dots), value),
                               ParseYearEnd(name, value.substr(dots + 2), value)};
  if (!range.from && !range.to) Invalid(name + ": the range '..' needs at least one year");
  if (range.from && range.to && *range.from > *range.to) {
    Invalid(name + ": the range '" + Excerpt(value) + "' ends before it starts");
  }
  filter.ranges.push_back(range);
}

std::vector<const analyzers::FacetSpec*> ParseFacetList(const std::string& text,
                                                        const analyzers::Schema& schema) {
  std::vector<const analyzers::FacetSpec*> facets;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find(',', begin);
    if (end == std::string::npos) end = text.size();
    const std::string name = text.substr(begin, end - begin);
    begin = end + 1;
    if (name.empty()) continue;
    const analyzers::FacetSpec* facet = schema.Find(name);
    if (facet == nullptr) Invalid("facets: unknown facet '" + Excerpt(name) + "'");
    if (std::find(facets.begin(), facets.end(), facet) == facets.end()) facets.push_back(facet);
  }
  return facets;
}

SortOrder ParseSort(const std::string& text) {
  if (text == "relevance") return SortOrder::kRelevance;
  if (text == "date_desc") return SortOrder::kDateDescending;
  if (text == "date_asc") return SortOrder::kDateAscending;
  Invalid("sort must be relevance, date_desc or date_asc, not '" + Excerpt(text) + "'");
}

}  // namespace

std::string Excerpt(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

void RequireUtf8(const std::string& name, const std::string& text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) Invalid(name + " is not valid UTF-8");
  }
}

std::size_t ParseCount(const std::string& name, const std::string& text, std::size_t min,
                       std::size_t max) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < min ||
      value > max) {
    Invalid(name + " must be a whole number from " + std::to_string(min) + " to " +
            std::to_string(max) + ", not '" + Excerpt(text) + "'");
  }
  return value;
}

const FacetFilter* SearchRequest::FilterOf(const analyzers::FacetSpec& facet) const {
  for (const FacetFilter& filter : filters) {
    if (filter.facet == &facet) return &filter;
  }
  return nullptr;
}

namespace {

enum class Endpoint { kSearch, kSimilar };

SearchRequest Parse(const std::vector<std::pair<std::string, std::string>>& params,
                    const SearchdConfig& config, Endpoint endpoint) {
  const analyzers::Schema& schema = config.schema;
  const bool search = endpoint == Endpoint::kSearch;
  SearchRequest request;
  if (search) {
    for (const analyzers::FacetSpec& facet : schema.facets()) request.facets.push_back(&facet);
  } else {
    request.per_page = 5;
  }
  std::vector<FacetFilter> filters(schema.facets().size());
  bool seen_q = false;
  for (const auto& [name, value] : params) {
    RequireUtf8("the parameter name", name);
    RequireUtf8(name, value);
    if (!search && (name == "q" || name == "facets" || name == "sort")) {
      Invalid("unknown parameter '" + name + "' (known: filter.<facet>, page, per_page)");
    }
    if (name == "q") {
      if (seen_q) Invalid("q is given more than once");
      seen_q = true;
      request.q = value;
    } else if (name == "facets") {
      request.facets = ParseFacetList(value, schema);
    } else if (name == "sort") {
      request.sort = ParseSort(value);
    } else if (name == "page") {
      request.page = ParseCount("page", value, 1, config.result_window);
    } else if (name == "per_page") {
      request.per_page = ParseCount("per_page", value, 1, kMaxPerPage);
    } else if (name.rfind("filter.", 0) == 0) {
      const analyzers::FacetSpec* facet = schema.Find(name.substr(7));
      if (facet == nullptr) Invalid(Excerpt(name) + ": unknown facet '" + Excerpt(name.substr(7)) + "'");
      FacetFilter& filter = filters[static_cast<std::size_t>(facet - schema.facets().data())];
      filter.facet = facet;
      AddFilterValue(filter, name, value);
    } else {
      Invalid("unknown parameter '" + Excerpt(name) +
              "' (known: q, filter.<facet>, facets, sort, page, per_page)");
    }
  }
  if ((request.page - 1) * request.per_page + request.per_page > config.result_window) {
    Invalid("page " + std::to_string(request.page) + " is beyond the result window of " +
            std::to_string(config.result_window) + " hits (page * per_page)");
  }
  for (FacetFilter& filter : filters) {
    if (filter.facet != nullptr) request.filters.push_back(std::move(filter));
  }
  return request;
}

}  // namespace

SearchRequest ParseSearchRequest(const std::vector<std::pair<std::string, std::string>>& params,
                                 const SearchdConfig& config) {
  return Parse(params, config, Endpoint::kSearch);
}

SearchRequest ParseSimilarRequest(const std::vector<std::pair<std::string, std::string>>& params,
                                  const SearchdConfig& config) {
  return Parse(params, config, Endpoint::kSimilar);
}

}  // namespace lupe::search
