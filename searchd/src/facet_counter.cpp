#include "lupe/search/facet_counter.h"

#include <algorithm>

namespace lupe::search {

void FacetSpy::operator()(const Xapian::Document& document, double) {
  const std::string slot = document.get_value(facet_.slot);
  if (slot.empty()) return;
  if (!facet_.multi_valued) {
    ++counts_[slot];
    return;
  }
  for (const std::string& value : analyzers::Schema::DecodeValues(slot)) ++counts_[value];
}

std::vector<FacetValue> FacetSpy::Values() const {
  std::vector<FacetValue> values;
  values.reserve(counts_.size());
  for (const auto& [value, count] : counts_) values.push_back({value, count});
  if (facet_.kind == analyzers::FacetSpec::Kind::kYear) {
    std::sort(values.begin(), values.end(),
              [](const FacetValue& a, const FacetValue& b) { return a.value > b.value; });
  } else {
    std::stable_sort(values.begin(), values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
  }
  return values;
}

std::vector<FacetValue> CountFacet(const Xapian::Database& database, const Xapian::Query& query,
                                   const analyzers::FacetSpec& facet) {
  FacetSpy spy(facet);
  Xapian::Enquire enquire(database);
  enquire.set_query(query.empty() ? Xapian::Query::MatchAll : query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());  // counting needs no ranking
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, database.get_doccount());  // every match is seen
  return spy.Values();
}

}  // namespace lupe::search
