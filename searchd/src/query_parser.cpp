#include "lupe/search/query_parser.h"

#include <unicode/utf8.h>

#include <string>
#include <vector>

#include "lupe/analyzers/error.h"
#include "lupe/analyzers/query_builder.h"
#include "lupe/analyzers/schema.h"

namespace lupe::search {
namespace {

namespace schema = analyzers::schema;

// One word or phrase of the query with its modifiers.
struct Item {
  std::string text;
  bool phrase = false;
  bool excluded = false;
  bool or_with_previous = false;
  const analyzers::TextField* field = &schema::kBody;
};

// The closing quote(s) that end a phrase opened by c, or none if c opens no phrase.
std::u32string ClosersOf(UChar32 c) {
  switch (c) {
    case U'"':
      return U"\"";
    case U'\u201E':
      return U"\u201C\u201D";  // „…“ (German), „…”
    case U'\u201C':
      return U"\u201D\u201C";  // “…” (English)
    case U'\u201D':
      return U"\u201D";
    case U'\u00BB':
      return U"\u00AB";  // »…« (German)
    case U'\u00AB':
      return U"\u00BB";  // «…» (French, Swiss)
    case U'\u201A':
      return U"\u2018\u2019";  // ‚…‘ (German single)
    default:
      return U"";
  }
}

bool IsSpace(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }

UChar32 CodePointAt(std::string_view s, std::size_t i, std::size_t* next) {
  auto index = static_cast<std::int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), index,
          static_cast<std::int32_t>(s.size()), c);
  *next = static_cast<std::size_t>(index);
  return c;
}

bool StartsWithTitlePrefix(std::string_view s, std::size_t i) {
  static constexpr std::string_view kPrefix = "title:";
  if (s.size() - i <= kPrefix.size()) return false;
  for (std::size_t k = 0; k < kPrefix.size(); ++k) {
    const char c = s[i + k];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != kPrefix[k]) return false;
  }
  return !IsSpace(static_cast<unsigned char>(s[i + kPrefix.size()]));
}

// Splits the query into items (see the syntax in query_parser.h).
std::vector<Item> Scan(std::string_view s) {
  std::vector<Item> items;
  bool pending_or = false;
  bool spaced = true;  // the item starts the query or follows white space
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t next;
    if (IsSpace(CodePointAt(s, i, &next))) {
      i = next;
      spaced = true;
      continue;
    }
    Item item;
    if (s[i] == '-' && i + 1 < s.size() && !IsSpace(static_cast<unsigned char>(s[i + 1]))) {
      // -Entwurf excludes; „Model C“-Schulen is a compound written with quotes: the hyphen
      // right after the closing quote links the next word, which is a word of its own.
      item.excluded = spaced;
      ++i;
    }
    spaced = false;
    if (StartsWithTitlePrefix(s, i)) {
      item.field = &schema::kTitle;
      i += 6;
    }
    const UChar32 c = CodePointAt(s, i, &next);
    const std::u32string closers = ClosersOf(c);
    if (!closers.empty()) {
      // A phrase runs to its closing quote, or to the end if there is none.
      std::size_t end = next;
      std::size_t after = s.size();
      for (std::size_t j = next; j < s.size();) {
        std::size_t k;
        if (closers.find(CodePointAt(s, j, &k)) != std::u32string::npos) {
          end = j;
          after = k;
          break;
        }
        j = k;
        end = k;
      }
      item.text = std::string(s.substr(next, end - next));
      item.phrase = true;
      i = after;
    } else {
      std::size_t end = i;
      while (end < s.size()) {
        std::size_t k;
        const UChar32 d = CodePointAt(s, end, &k);
        if (IsSpace(d) || (end > i && d == U'"')) break;
        end = k;
      }
      item.text = std::string(s.substr(i, end - i));
      i = end;
      if (item.text == "OR" && !item.excluded && item.field == &schema::kBody && !items.empty()) {
        pending_or = true;
        continue;
      }
    }
    item.or_with_previous = pending_or && !item.excluded;
    pending_or = false;
    items.push_back(std::move(item));
  }
  return items;
}

bool OnlyStopWords(const analyzers::Analyzer& analyzer, const std::string& text) {
  bool any = false;
  for (const analyzers::Token& token : analyzer.Analyze(text)) {
    if (token.Has(analyzers::kVariant)) continue;
    if (!token.Has(analyzers::kStopWord)) return false;
    any = true;
  }
  return any;
}

Xapian::Query Combine(Xapian::Query::op op, const std::vector<Xapian::Query>& queries) {
  if (queries.empty()) return Xapian::Query();
  if (queries.size() == 1) return queries.front();
  return Xapian::Query(op, queries.begin(), queries.end());
}

// Any expression of a synonym group: one word as a word; several as all their words,
// ranked higher as a phrase.
Xapian::Query GroupQuery(const analyzers::QueryBuilder& builder,
                         const std::vector<std::string>& expressions,
                         const analyzers::TextField& field) {
  std::vector<Xapian::Query> alternatives;
  for (const std::string& expression : expressions) {
    const Xapian::Query words = builder.ForWords(expression, field);
    if (words.empty()) continue;
    if (expression.find(' ') == std::string::npos) {
      alternatives.push_back(words);
    } else {
      alternatives.emplace_back(Xapian::Query::OP_OR, builder.ForPhrase(expression, field), words);
    }
  }
  return Combine(Xapian::Query::OP_OR, alternatives);
}

// Replaces items (and runs of items) that are synonym expressions by their group's query,
// in queries; absorbed items get an empty text so later steps skip them.
void ApplySynonyms(const Synonyms& synonyms, const analyzers::Analyzer& analyzer,
                   const analyzers::QueryBuilder& builder, std::vector<Item>& items,
                   std::vector<Xapian::Query>& queries) {
  std::vector<std::string> keys;
  for (const Item& item : items) {
    const bool plain = !item.phrase && !item.excluded && item.field == &schema::kBody;
    keys.push_back(plain ? Synonyms::Key(item.text, analyzer) : std::string());
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].phrase) {
      std::vector<std::string> words;
      for (const Item& word : Scan(items[i].text)) words.push_back(Synonyms::Key(word.text, analyzer));
      const auto match = synonyms.Longest(words, 0);
      if (match && match->words == words.size()) {
        queries[i] = GroupQuery(builder, *match->expressions, *items[i].field);
      }
      continue;
    }
    if (keys[i].empty()) continue;
    const auto match = synonyms.Longest(keys, i);
    if (!match) continue;
    bool joined = false;  // an OR inside the run: not one expression
    for (std::size_t k = i + 1; k < i + match->words; ++k) joined |= items[k].or_with_previous;
    if (joined) continue;
    queries[i] = GroupQuery(builder, *match->expressions, schema::kBody);
    for (std::size_t k = i + 1; k < i + match->words; ++k) items[k].text.clear();
    i += match->words - 1;
  }
}

// A word or phrase item (without synonyms). In any-word mode the words of an item (such
// as a hyphenated compound's) need not all match either.
Xapian::Query ItemQuery(const analyzers::QueryBuilder& builder, const Item& item,
                        QueryParser::Mode mode, const Xapian::Database* vocabulary) {
  if (item.phrase) return builder.ForPhrase(item.text, *item.field);
  if (mode == QueryParser::Mode::kAnyWord && !item.excluded) {
    return builder.ForAnyWord(item.text, *item.field, vocabulary);
  }
  return builder.ForWords(item.text, *item.field);
}

// Neighbouring content words of the query found close together in a document: the OR of
// OP_NEAR over each pair's positional (exact) terms, scaled by the proximity weight; an
// empty Query if there is no pair or proximity is off. For ranking only.
Xapian::Query Proximity(const analyzers::QueryBuilder& builder, const std::vector<Item>& items,
                        const std::vector<bool>& stop, const QueryParser::Options& options) {
  if (options.proximity_weight <= 0 || options.proximity_window < 2) return Xapian::Query();
  std::vector<Xapian::Query> words;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    const bool alternative =
        item.or_with_previous || (i + 1 < items.size() && items[i + 1].or_with_previous);
    if (item.excluded || stop[i] || item.phrase || alternative || item.text.empty() ||
        item.field != &schema::kBody) {
      continue;
    }
    Xapian::Query word = builder.ForPhrase(item.text, *item.field);
    if (!word.empty()) words.push_back(std::move(word));
  }
  std::vector<Xapian::Query> pairs;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const Xapian::Query pair[] = {words[i], words[i + 1]};
    pairs.emplace_back(Xapian::Query::OP_NEAR, pair, pair + 2, options.proximity_window);
  }
  if (pairs.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()),
                       options.proximity_weight);
}

}  // namespace

QueryParser::QueryParser(const analyzers::Analyzer& analyzer, Options options)
    : analyzer_(analyzer), options_(options) {}

Xapian::Query QueryParser::Parse(std::string_view query, Mode mode, const Synonyms* synonyms,
                                 const Xapian::Database* vocabulary) const {
  if (query.size() > options_.max_query_bytes) {
    throw Error(ErrorCode::kTooLarge,
                "q is longer than " + std::to_string(options_.max_query_bytes) + " bytes");
  }
  for (std::size_t i = 0; i < query.size();) {
    if (CodePointAt(query, i, &i) < 0)
      throw Error(ErrorCode::kInvalidInput, "q is not valid UTF-8");
  }
  const analyzers::QueryBuilder builder(analyzer_, options_.terms);
  std::vector<Item> items = Scan(query);
  std::vector<Xapian::Query> synonym_queries(items.size());
  if (synonyms != nullptr && synonyms->size() > 0) {
    ApplySynonyms(*synonyms, analyzer_, builder, items, synonym_queries);
  }

  // Stop words need not match, unless they are all there is.
  bool has_content = false;
  std::vector<bool> stop(items.size(), false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].excluded) continue;
    stop[i] = !items[i].phrase && synonym_queries[i].empty() &&
              OnlyStopWords(analyzer_, items[i].text);
    has_content = has_content || !stop[i];
  }

  std::vector<Xapian::Query> required;  // one per OR group
  std::vector<Xapian::Query> group;
  std::vector<Xapian::Query> excluded;
  auto close_group = [&] {
    if (!group.empty()) required.push_back(Combine(Xapian::Query::OP_OR, group));
    group.clear();
  };
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    const Xapian::Query q = !synonym_queries[i].empty()
                                ? synonym_queries[i]
                                : ItemQuery(builder, item, mode, vocabulary);
    if (q.empty()) continue;
    if (item.excluded) {
      excluded.push_back(q);
      continue;
    }
    if (stop[i] && has_content && !item.or_with_previous) continue;
    if (!item.or_with_previous) close_group();
    group.push_back(q);
  }
  close_group();

  Xapian::Query positive =
      Combine(mode == Mode::kAllWords ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, required);
  // Proximity ranks ranked any-word matches only: a pair matches no document the words
  // don't, so OP_OR adds its weight without changing the matches. (OP_AND_MAYBE, which
  // could carry it into all-words matching, gave Xapian 1.4 weights that depended on the
  // order of the documents in the index.)
  if (mode == Mode::kAnyWord) {
    if (const Xapian::Query near = Proximity(builder, items, stop, options_); !near.empty()) {
      positive = Xapian::Query(Xapian::Query::OP_OR, positive, near);
    }
  }
  if (excluded.empty()) return positive;
  if (positive.empty()) positive = Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, positive,
                       Combine(Xapian::Query::OP_OR, excluded));
}

}  // namespace lupe::search
