#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "lupe/analyzers/query_builder.h"
#include "lupe/analyzers/schema.h"

namespace lupe::search {

// What lupe-searchd reads from the [searchd] section of its config file (config/lupe.ini
// documents every key), with the facets of the [facets] sections.
struct SearchdConfig {
  analyzers::Schema schema = analyzers::Schema::Default();
  std::size_t max_query_bytes = 1000;   // q longer than this: 413
  std::size_t max_uri_bytes = 8192;     // request line URI longer than this: 413
  double query_time_limit_seconds = 2;  // matching stops here; the response says "partial"
  std::size_t result_window = 10000;    // page * per_page may not exceed it
  std::size_t snippet_bytes = 300;
  // Origins allowed to call the API from a browser (CORS); "*" allows any. Empty: none.
  std::vector<std::string> cors_origins;
  // Server threads. Each kept-alive connection holds one, so this is also the number of
  // connections served at once; more wait in the queue.
  int threads = 128;
  int queue = 512;
  // Requests doing their work at once (WorkGate); the others wait in arrival order, at
  // most max_wait_seconds (then 503). 0: as many as the machine has cores.
  std::size_t work_slots = 0;
  double max_wait_seconds = 10;
  // Memory for the posting lists of query terms (MatchSets), in MiB: totals, facet counts
  // and the ranking's postings come from them. 0: none kept (each search reads its terms'
  // lists, and ranks from the index's).
  std::size_t match_cache_mb = 64;
  // How often a server thread checks for a newer commit of the index.
  double reopen_seconds = 1;
  // Abbreviations and synonyms applied at query time (config/abbreviations.txt), "" for
  // none. A relative path in the config file is relative to the config file's directory.
  std::string synonyms;
  // BM25 ranking: k1 (how fast repeated words stop adding weight) and b (how much long
  // documents are discounted); docs/relevance.md tells how the defaults were chosen.
  double bm25_k1 = 0.8;
  double bm25_b = 0.9;
  // A question — a query ending with "?", or of question_words or more words that are not
  // stop words — whose every-word matching finds fewer than relax_below documents is
  // answered by ranked any-word matching ("relaxed"), as one that finds none always is.
  Xapian::doccount relax_below = 10;
  std::size_t question_words = 4;
  // In relaxed (any-word) matching, neighbouring query words found within proximity_window
  // positions of each other add proximity_weight times their weight again (0: off).
  Xapian::termcount proximity_window = 8;
  double proximity_weight = 0.5;
  // Which terms query words match — all of them, except when bench/relevance measures
  // what each kind contributes — and their weights (exact_weight, part_weight in the
  // config file).
  analyzers::QueryBuilder::Options query_terms;
};

// Loads path; an empty path means config/lupe.ini in the working directory if it exists,
// else the built-in defaults. Throws lupe::Error(kConfig) naming the file and key.
SearchdConfig LoadSearchdConfig(const std::string& path);

}  // namespace lupe::search
