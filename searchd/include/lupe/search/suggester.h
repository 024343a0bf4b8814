#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/search/revision_cache.h"

namespace lupe::search {

struct Suggestion {
  enum class Kind { kWord, kTitle };
  std::string text;  // the whole query with the last word completed, or a document title
  Kind kind = Kind::kWord;
  std::string id;  // the document of a title
};

// Query help drawn from the index's own vocabulary:
// - Complete: autocompletion of the query's last (partial) word — the index's words with
//   that beginning, most frequent first (in how many documents they occur) — and the titles
//   of documents with a title word of that beginning.
// - Correct: "did you mean" — each query word the index does not know (or hardly knows) is
//   replaced by the most frequent index word within a small edit distance (Damerau-
//   Levenshtein over the normalised form: 1 for words up to 5 letters, else 2; the first
//   letter must match, as in most spellers). The caller offers it only if it finds more.
// Words are shown as the index spelled them: with umlauts and ß where the documents had
// them (the indexer records those spellings, schema::kSpellingKeyPrefix), in lower case.
// A word's nearest neighbour depends only on the word and the index's vocabulary, and
// finding it walks thousands of index terms, so it is kept per index revision for up to
// max_corrections words (WordRevisionCache).
// Thread-safety: const; shareable; the Database is the caller's.
class Suggester {
 public:
  explicit Suggester(const analyzers::Analyzer& analyzer, std::size_t max_corrections = 20000)
      : analyzer_(analyzer), corrections_(max_corrections) {}

  std::vector<Suggestion> Complete(const Xapian::Database& database, std::string_view query,
                                   std::size_t limit) const;

  // The corrected query, or nothing if every word is known or has no close neighbour.
  std::optional<std::string> Correct(const Xapian::Database& database,
                                     std::string_view query) const;

 private:
  const analyzers::Analyzer& analyzer_;
  // Per normalised word of a query: its nearest neighbour if the index hardly knows it.
  WordRevisionCache<std::optional<std::string>> corrections_;
};

}  // namespace lupe::search
