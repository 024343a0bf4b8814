#include "lupe/search/suggester.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <queue>

#include "lupe/analyzers/schema.h"
#include "lupe/search/hit_fields.h"

namespace lupe::search {
namespace {

namespace schema = analyzers::schema;

// Bounds on the vocabulary scanned per request, so a short prefix stays fast.
constexpr std::size_t kMaxCompletionScan = 20000;
constexpr std::size_t kMaxTitleTerms = 50;
constexpr std::size_t kMaxTitles = 5;

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

// The index word nearest to term within the allowed distance (optimal string alignment:
// insertions, deletions, substitutions, transpositions; the first letter as typed), the
// most frequent among equally near ones, that is much more frequent than term itself.
// The index's words are walked in order with one row of the distance table per letter,
// the rows of a prefix shared with the word before reused, and every word under a prefix
// that is already too far skipped at once (TermIterator::skip_to): a misspelling costs
// a few thousand table rows however many words share its first letter.
class ClosestWordSearch {
 public:
  ClosestWordSearch(const std::string& term, Xapian::doccount term_frequency)
      : term_(term),
        max_(term.size() <= 5 ? 1 : 2),
        needed_(term_frequency == 0 ? 1 : term_frequency * 10) {}

  std::optional<std::string> Run(const Xapian::Database& database) {
    const std::string first = term_.substr(0, 1);
    rows_.assign(1, Row(term_.size() + 1));
    for (std::size_t j = 0; j <= term_.size(); ++j) rows_[0][j] = j;
    std::string previous;
    std::size_t visited = 0;
    Xapian::TermIterator it = database.allterms_begin(first);
    const Xapian::TermIterator end = database.allterms_end(first);
    while (it != end && visited++ < kMaxCorrectionVisits) {
      const std::string candidate = *it;
      std::size_t common = 0;
      while (common < previous.size() && common < candidate.size() &&
             previous[common] == candidate[common]) {
        ++common;
      }
      const std::size_t dead = Extend(candidate, std::min(common, valid_));
      previous = candidate;
      if (dead != 0) {
        // No word beginning with candidate's first `dead` bytes is near enough.
        std::string next = candidate.substr(0, dead);
        while (!next.empty() && static_cast<unsigned char>(next.back()) == 0xFF) next.pop_back();
        if (next.empty()) break;
        next.back() = static_cast<char>(static_cast<unsigned char>(next.back()) + 1);
        it.skip_to(next);
        continue;
      }
      if (rows_.back()[term_.size()] <= max_ && IsWordTerm(candidate)) {
        Consider(candidate, rows_.back()[term_.size()], it.get_termfreq());
      }
      ++it;
    }
    return best_;
  }

 private:
  using Row = std::vector<std::size_t>;
  // Bounds the walk on hostile vocabularies (every prefix near the word).
  static constexpr std::size_t kMaxCorrectionVisits = 200000;

  // Fills the rows for candidate's letters after the first `keep`; returns the length of
  // its shortest prefix that no continuation can bring within max_, or 0.
  std::size_t Extend(const std::string& candidate, std::size_t keep) {
    rows_.resize(keep + 1);
    valid_ = keep;
    for (std::size_t i = keep + 1; i <= candidate.size(); ++i) {
      const Row& previous = rows_[i - 1];
      Row current(term_.size() + 1);
      current[0] = i;
      std::size_t row_min = current[0];
      for (std::size_t j = 1; j <= term_.size(); ++j) {
        const std::size_t cost = candidate[i - 1] == term_[j - 1] ? 0 : 1;
        current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
        if (i > 1 && j > 1 && candidate[i - 1] == term_[j - 2] &&
            candidate[i - 2] == term_[j - 1]) {
          current[j] = std::min(current[j], rows_[i - 2][j - 2] + 1);
        }
        row_min = std::min(row_min, current[j]);
      }
      // Later rows are at least the smaller of this row's minimum and the previous row's
      // plus one (a transposition reaches back two rows).
      const std::size_t before_min = *std::min_element(previous.begin(), previous.end());
      rows_.push_back(std::move(current));  // may move the rows: previous is stale now
      valid_ = i;
      if (row_min > max_ && before_min + 1 > max_) return i;
    }
    return 0;
  }

  void Consider(const std::string& candidate, std::size_t distance, Xapian::doccount frequency) {
    if (frequency < needed_) return;
    if (distance < best_distance_ || (distance == best_distance_ && frequency > best_frequency_)) {
      best_ = candidate;
      best_distance_ = distance;
      best_frequency_ = frequency;
    }
  }

  const std::string& term_;
  const std::size_t max_;
  const Xapian::doccount needed_;
  std::vector<Row> rows_;  // rows_[i]: the table row after i bytes of the current word
  std::size_t valid_ = 0;  // rows_[0..valid_] belong to the current word's prefix
  std::optional<std::string> best_;
  std::size_t best_distance_ = ~std::size_t{0};
  Xapian::doccount best_frequency_ = 0;
};

std::optional<std::string> ClosestWord(const Xapian::Database& database, const std::string& term,
                                       Xapian::doccount term_frequency) {
  return ClosestWordSearch(term, term_frequency).Run(database);
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
    suggestions.push_back({head + CapitalizedLike(Spelling(database, it->second), typed),
                           Suggestion::Kind::kWord,
                           {}});
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
    const schema::HitFields fields = HitFieldsOf(database.get_document(docid));
    suggestions.push_back(
        {fields.values[1].value_or(""), Suggestion::Kind::kTitle, fields.values[0].value_or("")});
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
  std::optional<IndexRevision> revision;  // taken for the first word looked up
  for (const analyzers::Token& token : list.tokens) {
    if (token.Has(analyzers::kVariant) || token.Has(analyzers::kStopWord) ||
        token.Has(analyzers::kNumeric) || token.text.size() < 4 || token.start < copied) {
      continue;
    }
    const std::string_view written = query.substr(token.start, token.end - token.start);
    if (written == "OR" ||
        (written == "title" && token.end < query.size() && query[token.end] == ':')) {
      continue;
    }
    // A word the index knows well has no correction: kept too, as its frequency is a lookup.
    if (!revision) revision = IndexRevision::Of(database);
    const auto better = corrections_.Get(*revision, token.text, [&] {
      const Xapian::doccount frequency = database.get_termfreq(token.text);
      return frequency > 2 ? std::nullopt : ClosestWord(database, token.text, frequency);
    });
    if (!*better) continue;
    corrected += query.substr(copied, token.start - copied);
    corrected += CapitalizedLike(Spelling(database, **better), written);
    copied = token.end;
    changed = true;
  }
  if (!changed) return std::nullopt;
  corrected += query.substr(copied);
  return corrected;
}

}  // namespace lupe::search
