#include "lupe/search/searcher.h"

#include <chrono>
#include <memory>

#include "lupe/analyzers/schema.h"
#include "lupe/search/hit_fields.h"
#include "lupe/search/snippeter.h"

namespace lupe::search {
namespace {

namespace schema = analyzers::schema;
using Kind = analyzers::FacetSpec::Kind;

bool InRange(int year, const FacetFilter::YearRange& range) {
  return (!range.from || year >= *range.from) && (!range.to || year <= *range.to);
}

// Documents with any of the filter's values: OR of the facet's boolean terms. Year ranges
// expand to the years the index has, so they work for any facet of kind year.
Xapian::Query FilterQuery(const Xapian::Database& database, const FacetFilter& filter) {
  std::vector<Xapian::Query> terms;
  for (const std::string& value : filter.values) terms.emplace_back(filter.facet->Term(value));
  if (!filter.ranges.empty()) {
    const std::string prefix = filter.facet->TermPrefix();
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
      const std::string year = (*it).substr(prefix.size());
      if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos) continue;
      const int number = std::stoi(year);
      for (const FacetFilter::YearRange& range : filter.ranges) {
        if (InRange(number, range)) {
          terms.emplace_back(*it);
          break;
        }
      }
    }
  }
  if (terms.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// query restricted by every filter except the one on skip (nullptr: all filters).
Xapian::Query Filtered(const Xapian::Database& database, const Xapian::Query& query,
                       const SearchRequest& request, const analyzers::FacetSpec* skip) {
  std::vector<Xapian::Query> filters;
  for (const FacetFilter& filter : request.filters) {
    if (filter.facet != skip) filters.push_back(FilterQuery(database, filter));
  }
  const Xapian::Query base = query.empty() ? Xapian::Query::MatchAll : query;
  if (filters.empty()) return base;
  return Xapian::Query(Xapian::Query::OP_FILTER, base,
                       Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
}

bool IsSelected(const FacetFilter& filter, const std::string& value) {
  for (const std::string& selected : filter.values) {
    if (selected == value) return true;
  }
  if (filter.ranges.empty() || value.size() != 4) return false;
  const int year = std::atoi(value.c_str());
  for (const FacetFilter::YearRange& range : filter.ranges) {
    if (InRange(year, range)) return true;
  }
  return false;
}

// Marks the selected values, adding those without matches (count 0) at the end.
void MarkSelected(const SearchRequest& request, FacetCounts& counts) {
  const FacetFilter* filter = request.FilterOf(*counts.facet);
  if (filter == nullptr) return;
  for (FacetValue& value : counts.values) value.selected = IsSelected(*filter, value.value);
  for (const std::string& selected : filter->values) {
    bool present = false;
    for (const FacetValue& value : counts.values) present = present || value.value == selected;
    if (!present) counts.values.push_back({selected, 0, true});
  }
}

void ApplySort(Xapian::Enquire& enquire, SortOrder sort, Xapian::MultiValueKeyMaker& keys) {
  switch (sort) {
    case SortOrder::kRelevance:
      return;
    case SortOrder::kDateDescending:
      keys.add_value(schema::kDateSlot, true);  // undated documents sort last
      break;
    case SortOrder::kDateAscending:
      keys.add_value(schema::kDateSlot, false, std::string(1, '\xff'));  // undated last
      break;
  }
  enquire.set_sort_by_key_then_relevance(&keys, false);
}

// A question: a query that ends with a question mark, or has question_words or more words
// that are not stop words. Its words are those of the question, not necessarily of the
// answer ("Wann wurde die Brücke eröffnet?" asks about a text that may say "Einweihung").
bool IsQuestion(const analyzers::Analyzer& analyzer, const std::string& q,
                std::size_t question_words) {
  const std::size_t end = q.find_last_not_of(" \t\r\n");
  if (end != std::string::npos && q[end] == '?') return true;
  std::size_t words = 0;
  for (const analyzers::Token& token : analyzer.Analyze(q)) {
    words += !token.Has(analyzers::kVariant) && !token.Has(analyzers::kStopWord);
  }
  return words >= question_words;
}

// Words of a document worth expanding on: body terms (no prefix), no numbers, no stop words.
class ContentWords : public Xapian::ExpandDecider {
 public:
  explicit ContentWords(const analyzers::Analyzer& analyzer) : analyzer_(analyzer) {}
  bool operator()(const std::string& term) const override {
    if (term.size() < 3 || (term[0] >= 'A' && term[0] <= 'Z')) return false;
    if (term.find_first_not_of("0123456789.,-") == std::string::npos) return false;
    return !analyzer_.IsStopWord(term);
  }

 private:
  const analyzers::Analyzer& analyzer_;
};

// The body words (exact terms) of a document.
std::vector<std::string> Vocabulary(const Xapian::Database& database, Xapian::docid docid) {
  std::vector<std::string> words;
  for (auto it = database.termlist_begin(docid); it != database.termlist_end(docid); ++it) {
    const std::string& term = *it;
    if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) words.push_back(term);
  }
  return words;  // sorted: termlists are
}

// Jaccard similarity of two sorted vocabularies.
double Overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t common = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  const std::size_t all = a.size() + b.size() - common;
  return all == 0 ? 1.0 : static_cast<double>(common) / static_cast<double>(all);
}

// Documents sharing this much of their vocabulary are versions of one text.
constexpr double kNearDuplicate = 0.6;
constexpr Xapian::termcount kExpandTerms = 40;

}  // namespace

Searcher::Searcher(const analyzers::Analyzer& analyzer, const SearchdConfig& config,
                   const SynonymsFile* synonyms)
    : analyzer_(analyzer),
      config_(config),
      synonyms_(synonyms),
      parser_(analyzer, {config.max_query_bytes, config.query_terms, config.proximity_window,
                         config.proximity_weight}),
      suggester_(analyzer),
      ranking_({config.bm25_k1, config.bm25_b, 0.5}),
      match_sets_(config.match_cache_mb << 20 >> 3),  // postings of 8 bytes
      expansions_(analyzer),
      analyses_(analyzer) {}

Xapian::Query Searcher::Parse(const Xapian::Database& database, const std::string& q,
                              QueryParser::Mode mode) const {
  if (synonyms_ == nullptr) return parser_.Parse(q, mode, nullptr, &database);
  const std::shared_ptr<const Synonyms> synonyms = synonyms_->Current();
  return parser_.Parse(q, mode, synonyms.get(), &database);
}

Xapian::doccount Searcher::CountAllWords(const Xapian::Database& database, const std::string& q,
                                         const SearchRequest& request) const {
  const Xapian::Query query =
      Filtered(database, Parse(database, q, QueryParser::Mode::kAllWords), request, nullptr);
  return static_cast<Xapian::doccount>(
      match_sets_.Of(database, query, config_.query_time_limit_seconds).documents->size());
}

SearchResult Searcher::Search(const Xapian::Database& database,
                              const SearchRequest& request) const {
  SearchResult result;
  Xapian::Query query = Parse(database, request.q, QueryParser::Mode::kAllWords);

  // The matches (MatchSets) give the total and the counts of the facets without a filter of
  // their own; Xapian ranks the page alone and may skip documents that cannot reach it.
  // Not so in relaxed (any-word) matching: there a hit's percentage also says how many of
  // the query's words it has, and Xapian counts those right only for documents it does not
  // skip (the best one sets the scale). Relaxed searches are few.
  Xapian::MSet mset;
  MatchSets::Matches matches;
  bool timed_out = false;
  auto run = [&](const Xapian::Query& q) {
    const Xapian::Query filtered = Filtered(database, q, request, nullptr);
    matches = match_sets_.Of(database, filtered, config_.query_time_limit_seconds);
    Xapian::Enquire enquire(database);
    enquire.set_weighting_scheme(ranking_.Weight());
    enquire.set_query(ranking_.Rewrite(database, filtered, KeptPostings()));
    enquire.set_time_limit(config_.query_time_limit_seconds);
    Xapian::MultiValueKeyMaker keys;
    ApplySort(enquire, request.sort, keys);
    const auto first = static_cast<Xapian::doccount>((request.page - 1) * request.per_page);
    const auto start = std::chrono::steady_clock::now();
    const Xapian::doccount check_at_least = result.relaxed ? database.get_doccount() : 0;
    mset = enquire.get_mset(first, static_cast<Xapian::doccount>(request.per_page), check_at_least);
    // Xapian does not say whether its time limit cut the ranking short.
    timed_out = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >=
                config_.query_time_limit_seconds;
  };
  run(query);
  const auto found = [&] { return static_cast<Xapian::doccount>(matches.documents->size()); };
  if (!request.q.empty() &&
      (found() == 0 || (found() < config_.relax_below &&
                        IsQuestion(analyzer_, request.q, config_.question_words)))) {
    const Xapian::Query any = Parse(database, request.q, QueryParser::Mode::kAnyWord);
    if (any.serialise() != query.serialise()) {
      query = any;
      result.relaxed = true;
      run(query);
    }
  }
  result.partial = timed_out || !matches.complete;
  result.total = found();
  if (!request.q.empty()) {
    if (const auto corrected = suggester_.Correct(database, request.q)) {
      const Xapian::doccount found_now = result.relaxed ? 0 : result.total;
      if (CountAllWords(database, *corrected, request) > found_now) {
        result.suggestion = *corrected;
      }
    }
  }

  const auto hit_fields = columns_.Of(database, schema::kHitSlot);
  const auto chunk_starts = columns_.Of(database, schema::kChunkStartsSlot);
  Snippeter snippeter(analyzer_, query,
                      {config_.snippet_bytes, &expansions_, &analyses_, &match_sets_});
  snippeter.Prepare(database, std::vector<Xapian::docid>(mset.begin(), mset.end()));
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    SearchHit hit;
    hit.docid = *it;
    hit.score = it.get_percent() / 100.0;
    hit.fields = HitFieldsOf(it.get_document(), hit_fields->Get(*it));
    hit.snippet = snippeter.Make(database, *it, chunk_starts->Get(*it));
    result.hits.push_back(std::move(hit));
  }

  for (const analyzers::FacetSpec* facet : request.facets) {
    FacetCounts counts{facet, {}};
    if (request.FilterOf(*facet) == nullptr) {
      counts.values = facets_.Count(database, *matches.documents, *facet);
    } else {
      const MatchSets::Matches others = match_sets_.Of(
          database, Filtered(database, query, request, facet), config_.query_time_limit_seconds);
      result.partial = result.partial || !others.complete;
      counts.values = facets_.Count(database, *others.documents, *facet);
      MarkSelected(request, counts);
    }
    result.facets.push_back(std::move(counts));
  }
  return result;
}

SearchResult Searcher::Similar(const Xapian::Database& database, Xapian::docid docid,
                               const SearchRequest& request) const {
  Xapian::RSet rset;
  rset.add_document(docid);
  Xapian::Enquire expand(database);
  expand.set_query(Xapian::Query::MatchAll);
  const ContentWords content(analyzer_);
  const Xapian::ESet eset = expand.get_eset(kExpandTerms, rset, &content);
  SearchResult result;
  if (eset.empty()) return result;
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
  const Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());

  Xapian::Enquire enquire(database);
  enquire.set_weighting_scheme(ranking_.Weight());
  enquire.set_query(
      ranking_.Rewrite(database, Filtered(database, query, request, nullptr), KeptPostings()));
  enquire.set_time_limit(config_.query_time_limit_seconds);
  // Rank past the page by a margin, to fill it after dropping the document and its drafts.
  constexpr Xapian::doccount kMargin = 20;
  const auto first = static_cast<Xapian::doccount>((request.page - 1) * request.per_page);
  const auto wanted = static_cast<Xapian::doccount>(request.per_page);
  const Xapian::MSet mset = enquire.get_mset(0, first + wanted + kMargin, database.get_doccount());
  const std::vector<std::string> vocabulary = Vocabulary(database, docid);
  Xapian::doccount dropped = 0;
  Xapian::doccount kept = 0;
  const Snippeter snippeter(analyzer_, query,
                            {config_.snippet_bytes, &expansions_, &analyses_, &match_sets_});
  const auto hit_fields = columns_.Of(database, schema::kHitSlot);
  const auto chunk_starts = columns_.Of(database, schema::kChunkStartsSlot);
  double best = 0;  // scores are relative to the most similar document kept
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (*it == docid || Overlap(vocabulary, Vocabulary(database, *it)) >= kNearDuplicate) {
      ++dropped;
      continue;
    }
    if (best == 0) best = it.get_weight();
    if (kept++ < first || result.hits.size() >= wanted) continue;
    result.hits.push_back({*it, best > 0 ? it.get_weight() / best : 0,
                           HitFieldsOf(it.get_document(), hit_fields->Get(*it)),
                           snippeter.Make(database, *it, chunk_starts->Get(*it))});
  }
  result.partial = mset.get_matches_lower_bound() != mset.get_matches_upper_bound();
  result.total = mset.get_matches_estimated() - dropped;
  return result;
}

}  // namespace lupe::search
