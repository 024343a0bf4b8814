#include "lupe/search/suggester.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <queue>

#include "lupe/analyzers/schema.h"

namespace lupe::search {
namespace {

namespace schema = analyzers::schema;

// Bounds on the vocabulary scanned per request, so a short prefix stays fast.
constexpr std::size_t kMaxCompletionScan = 20000;
constexpr std::size_t kMaxTitleTerms = 50;
constexpr std::size_t kMaxTitles = 5;
constexpr std::size_t kMaxCorrectionScan = 50000;

bool IsWordTerm(std::string_view term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z') &&
         term.find_first_of("0123456789") == std::string_view::npos;
}

// The word as the documents spell it (lower case), or the term itself.
std::string Spelling(const Xapian::Database& database, const std::string& term) {
  std::string spelled = database.get_metadata(std::string(schema::kSpellingKeyPrefix) + term);
  return spelled.empty() ? term : spelled;
}

// word with its first letter upper-cased if model's first letter is upper-case.
std::string CapitalizedLike(std::string word, std::string_view model) {
  if (model.empty() || word.empty()) return word;
  std::int32_t i = 0;
  UChar32 first;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(model.data()), i,
          static_cast<std::int32_t>(model.size()), first);
  if (first < 0 || !u_isupper(first)) return word;
  std::int32_t end = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(word.data()), end,
          static_cast<std::int32_t>(word.size()), c);
  if (c < 0) return word;
  char buffer[U8_MAX_LENGTH];
  std::int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(buffer), length, U8_MAX_LENGTH, u_toupper(c), error);
  if (error) return word;
  return std::string(buffer, static_cast<std::size_t>(length)) +
         word.substr(static_cast<std::size_t>(end));
}

// Optimal string alignment distance between a and b, or max + 1 if it exceeds max.
std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t max) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > max) return max + 1;
  std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > max) return max + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

// The index word nearest to term within the allowed distance (the most frequent among
// equally near ones) that is much more frequent than term itself, if any.
std::optional<std::string> ClosestWord(const Xapian::Database& database, const std::string& term,
                                       Xapian::doccount term_frequency) {
  const std::size_t max = term.size() <= 5 ? 1 : 2;
  const Xapian::doccount needed = term_frequency == 0 ? 1 : term_frequency * 10;
  const std::string prefix = term.substr(0, 1);
  std::optional<std::string> best;
  Xapian::doccount best_frequency = 0;
  std::size_t best_distance = max + 1;
  std::size_t scanned = 0;
  for (auto it = database.allterms_begin(prefix);
       it != database.allterms_end(prefix) && scanned < kMaxCorrectionScan; ++it, ++scanned) {
    const Xapian::doccount frequency = it.get_termfreq();
    if (frequency < needed) continue;
    const std::string candidate = *it;
    if (!IsWordTerm(candidate)) continue;
    const std::size_t distance = EditDistance(term, candidate, max);
    if (distance < best_distance || (distance == best_distance && frequency > best_frequency)) {
      if (distance > max) continue;
      best = candidate;
      best_frequency = frequency;
      best_distance = distance;
    }
  }
  return best;
}

// Collects tokens of a query.
class TokenList : public analyzers::TokenSink {
 public:
  void OnToken(const analyzers::Token& token) override { tokens.push_back(token); }
  std::vector<analyzers::Token> tokens;
};

}  // namespace

std::vector<Suggestion> Suggester::Complete(const Xapian::Database& database,
                                            std::string_view query, std::size_t limit) const {
  std::vector<Suggestion> suggestions;
  if (query.empty() || query.back() == ' ') return suggestions;
  TokenList list;
  analyzer_.Analyze(query, list);
  const analyzers::Token* last = nullptr;
  for (const analyzers::Token& token : list.tokens) {
    if (!token.Has(analyzers::kVariant)) last = &token;
  }
  if (last == nullptr || last->end != query.size() || last->text.size() < 2) return suggestions;
  const std::string& prefix = last->text;
  const std::string head(query.substr(0, last->start));
  const std::string_view typed = query.substr(last->start);

  using Entry = std::pair<Xapian::doccount, std::string>;  // min-heap of the best `limit`
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> best;
  std::size_t scanned = 0;
  for (auto it = database.allterms_begin(prefix);
       it != database.allterms_end(prefix) && scanned < kMaxCompletionScan; ++it, ++scanned) {
    const std::string term = *it;
    if (!IsWordTerm(term) || analyzer_.IsStopWord(term)) continue;
    best.emplace(it.get_termfreq(), term);
    if (best.size() > limit) best.pop();
  }
  std::vector<Entry> words;
  for (; !best.empty(); best.pop()) words.push_back(best.top());
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    suggestions.push_back(
        {head + CapitalizedLike(Spelling(database, it->second), typed), Suggestion::Kind::kWord, {}});
  }

  // Titles with a word of that beginning.
  const std::string title_prefix = "S" + prefix;
  std::vector<Xapian::docid> documents;
  const std::size_t titles = std::min(limit, kMaxTitles);
  std::size_t terms = 0;
  for (auto it = database.allterms_begin(title_prefix);
       it != database.allterms_end(title_prefix) && terms < kMaxTitleTerms &&
       documents.size() < titles;
       ++it, ++terms) {
    for (auto doc = database.postlist_begin(*it);
         doc != database.postlist_end(*it) && documents.size() < titles; ++doc) {
      if (std::find(documents.begin(), documents.end(), *doc) == documents.end()) {
        documents.push_back(*doc);
      }
    }
  }
  for (Xapian::docid docid : documents) {
    const Poco::JSON::Object::Ptr fields =
        Poco::JSON::Parser()
            .parse(schema::StoredFields(database.get_document(docid)))
            .extract<Poco::JSON::Object::Ptr>();
    suggestions.push_back({fields->optValue<std::string>("title", ""), Suggestion::Kind::kTitle,
                           fields->optValue<std::string>("id", "")});
  }
  return suggestions;
}

std::optional<std::string> Suggester::Correct(const Xapian::Database& database,
                                              std::string_view query) const {
  TokenList list;
  analyzer_.Analyze(query, list);
  std::string corrected;
  std::size_t copied = 0;
  bool changed = false;
  for (const analyzers::Token& token : list.tokens) {
    if (token.Has(analyzers::kVariant) || token.Has(analyzers::kStopWord) ||
        token.Has(analyzers::kNumeric) || token.text.size() < 4 || token.start < copied) {
      continue;
    }
    const std::string_view written = query.substr(token.start, token.end - token.start);
    if (written == "OR" || (written == "title" && token.end < query.size() &&
                            query[token.end] == ':')) {
      continue;
    }
    const Xapian::doccount frequency = database.get_termfreq(token.text);
    if (frequency > 2) continue;
    const std::optional<std::string> better = ClosestWord(database, token.text, frequency);
    if (!better) continue;
    corrected += query.substr(copied, token.start - copied);
    corrected += CapitalizedLike(Spelling(database, *better), written);
    copied = token.end;
    changed = true;
  }
  if (!changed) return std::nullopt;
  corrected += query.substr(copied);
  return corrected;
}

}  // namespace lupe::search
