#include "lupe/search/facet_counter.h"

#include <algorithm>
#include <map>

namespace lupe::search {
namespace {

// Tallies a facet's values in the documents Xapian matches.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(const analyzers::FacetSpec& facet) : facet_(facet) {}

  void operator()(const Xapian::Document& document, double) override {
    const std::string slot = document.get_value(facet_.slot);
    if (slot.empty()) return;
    if (!facet_.multi_valued) {
      ++counts_[slot];
      return;
    }
    for (const std::string& value : analyzers::Schema::DecodeValues(slot)) ++counts_[value];
  }

  const std::map<std::string, Xapian::doccount>& counts() const { return counts_; }

 private:
  const analyzers::FacetSpec& facet_;
  std::map<std::string, Xapian::doccount> counts_;
};

}  // namespace

std::vector<FacetValue> CountFacet(const Xapian::Database& database, const Xapian::Query& query,
                                   const analyzers::FacetSpec& facet) {
  FacetSpy spy(facet);
  Xapian::Enquire enquire(database);
  enquire.set_query(query.empty() ? Xapian::Query::MatchAll : query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());  // counting needs no ranking
  enquire.add_matchspy(&spy);
  const Xapian::doccount all = database.get_doccount();
  enquire.get_mset(0, 0, all);  // check_at_least = all: every match is seen
  std::vector<FacetValue> values;
  for (const auto& [value, count] : spy.counts()) values.push_back({value, count});
  if (facet.kind == analyzers::FacetSpec::Kind::kYear) {
    std::sort(values.begin(), values.end(),
              [](const FacetValue& a, const FacetValue& b) { return a.value > b.value; });
  } else {
    std::stable_sort(values.begin(), values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
  }
  return values;
}

}  // namespace lupe::search
