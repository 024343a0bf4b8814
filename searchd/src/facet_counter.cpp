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

CollectedMatches CollectMatches(const Xapian::Database& database, const Xapian::Query& query,
                                double time_limit_seconds) {
  MatchCollector collector;
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());  // counting needs no ranking
  enquire.set_time_limit(time_limit_seconds);
  enquire.add_matchspy(&collector);
  const Xapian::MSet mset = enquire.get_mset(0, 0, database.get_doccount());  // all seen
  return {collector.Documents(), mset.get_matches_lower_bound() == mset.get_matches_upper_bound()};
}

// A facet's values by document: the ordinals of docid's values are
// ordinals[starts[docid]] .. ordinals[starts[docid + 1]] (none past the end of starts);
// ordinals number the values in byte order.
struct FacetCounter::Column {
  std::vector<std::string> values;
  std::vector<std::uint32_t> starts;
  std::vector<std::uint32_t> ordinals;
};

namespace {

std::unique_ptr<FacetCounter::Column> ReadColumn(const Xapian::Database& database,
                                                 const analyzers::FacetSpec& facet) {
  auto column = std::make_unique<FacetCounter::Column>();
  const Xapian::docid last_docid = database.get_lastdocid();
  // First pass: each document's values as strings, numbered in order of appearance.
  std::map<std::string, std::uint32_t> numbers;
  std::vector<std::uint32_t> first_seen;  // ordinals_ in appearance numbers
  column->starts.assign(static_cast<std::size_t>(last_docid) + 2, 0);
  Xapian::docid filled = 0;  // starts[0..filled] are set
  auto add = [&](const std::string& value) {
    auto [it, added] = numbers.emplace(value, static_cast<std::uint32_t>(numbers.size()));
    first_seen.push_back(it->second);
  };
  for (auto it = database.valuestream_begin(facet.slot); it != database.valuestream_end(facet.slot);
       ++it) {
    const Xapian::docid docid = it.get_docid();
    const auto size = static_cast<std::uint32_t>(first_seen.size());
    for (; filled <= docid; ++filled) column->starts[filled] = size;
    const std::string& slot = *it;
    if (facet.multi_valued) {
      for (const std::string& v : analyzers::Schema::DecodeValues(slot)) add(v);
    } else {
      add(slot);
    }
  }
  const auto size = static_cast<std::uint32_t>(first_seen.size());
  for (; filled < column->starts.size(); ++filled) column->starts[filled] = size;
  // Renumber in byte order, so ordinal order is value order.
  std::vector<std::uint32_t> ordinal_of(numbers.size());
  column->values.reserve(numbers.size());
  for (const auto& [value, number] : numbers) {
    ordinal_of[number] = static_cast<std::uint32_t>(column->values.size());
    column->values.push_back(value);
  }
  column->ordinals.reserve(first_seen.size());
  for (const std::uint32_t number : first_seen) column->ordinals.push_back(ordinal_of[number]);
  return column;
}

}  // namespace

FacetCounter::FacetCounter() = default;
FacetCounter::~FacetCounter() = default;

std::shared_ptr<const FacetCounter::Column> FacetCounter::ColumnOf(
    const Xapian::Database& database, const analyzers::FacetSpec& facet) const {
  return columns_.Get(database, facet.slot,
                      [&](const Xapian::Database& db) { return ReadColumn(db, facet); });
}

std::vector<FacetValue> FacetCounter::Count(const Xapian::Database& database,
                                            const std::vector<Xapian::docid>& documents,
                                            const analyzers::FacetSpec& facet) const {
  const std::shared_ptr<const Column> column = ColumnOf(database, facet);
  std::vector<Xapian::doccount> counts(column->values.size(), 0);
  const std::size_t end = column->starts.size() - 1;
  for (const Xapian::docid docid : documents) {
    if (docid >= end) continue;
    for (std::uint32_t i = column->starts[docid]; i < column->starts[docid + 1]; ++i) {
      ++counts[column->ordinals[i]];
    }
  }
  std::vector<FacetValue> values;
  for (std::size_t ordinal = 0; ordinal < counts.size(); ++ordinal) {
    if (counts[ordinal] > 0) values.push_back({column->values[ordinal], counts[ordinal]});
  }
  if (facet.kind == analyzers::FacetSpec::Kind::kYear) {
    std::sort(values.begin(), values.end(),
              [](const FacetValue& a, const FacetValue& b) { return a.value > b.value; });
  } else {
    std::stable_sort(values.begin(), values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
  }
  return values;
}

std::vector<FacetValue> FacetCounter::CountMatching(const Xapian::Database& database,
                                                    const Xapian::Query& query,
                                                    const analyzers::FacetSpec& facet) const {
  return Count(database, CollectMatches(database, query).documents, facet);
}

}  // namespace lupe::search
