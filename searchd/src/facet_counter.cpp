#include "lupe/search/facet_counter.h"

#include <algorithm>
#include <map>

namespace lupe::search {

void MatchCollector::operator()(const Xapian::Document& document, double) {
  const Xapian::docid docid = document.get_docid();
  if (!documents_.empty() && docid < documents_.back()) sorted_ = false;
  documents_.push_back(docid);
}

const std::vector<Xapian::docid>& MatchCollector::Documents() {
  if (!sorted_) {
    std::sort(documents_.begin(), documents_.end());
    sorted_ = true;
  }
  return documents_;
}

std::vector<FacetValue> CountValues(const Xapian::Database& database,
                                    const std::vector<Xapian::docid>& documents,
                                    const analyzers::FacetSpec& facet) {
  std::map<std::string, Xapian::doccount> counts;
  Xapian::ValueIterator value = database.valuestream_begin(facet.slot);
  const Xapian::ValueIterator end = database.valuestream_end(facet.slot);
  for (const Xapian::docid docid : documents) {
    if (value == end) break;
    if (value.get_docid() < docid) value.skip_to(docid);
    if (value == end) break;
    if (value.get_docid() != docid) continue;
    const std::string& slot = *value;
    if (!facet.multi_valued) {
      ++counts[slot];
      continue;
    }
    for (const std::string& v : analyzers::Schema::DecodeValues(slot)) ++counts[v];
  }
  std::vector<FacetValue> values;
  values.reserve(counts.size());
  for (const auto& [v, count] : counts) values.push_back({v, count});
  if (facet.kind == analyzers::FacetSpec::Kind::kYear) {
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
  MatchCollector collector;
  Xapian::Enquire enquire(database);
  enquire.set_query(query.empty() ? Xapian::Query::MatchAll : query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());  // counting needs no ranking
  enquire.add_matchspy(&collector);
  enquire.get_mset(0, 0, database.get_doccount());  // every match is seen
  return CountValues(database, collector.Documents(), facet);
}

}  // namespace lupe::search
