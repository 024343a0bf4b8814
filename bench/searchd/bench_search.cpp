// One thread, no HTTP: Searcher::Search (match, facets, snippets, corrections) over the
// query mix of bench/searchd, as lupe-searchd answers GET /api/v1/search?q=...&facets=
// type,year,state. Prints µs per search (the best of ROUNDS rounds, after a warm-up round).
// Usage: bench-search INDEX [ROUNDS [QUERIES]]   (defaults: 5, bench/searchd/queries.txt)
// With EACH=1 in the environment it also prints each query's best µs, slowest first: the
// slowest queries of the mix set the p99 latency under load.
//
// For a figure that does not move with the machine's load, count instructions instead:
//   valgrind --tool=callgrind --toggle-collect='*MeasuredRounds*'
//            build/bin/bench-search build/bench-searchd-index/all/index 2
// (the index bench/searchd/run builds; see docs/performance.md). Kernel time (the preads of
// index blocks) is not in that count.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/search/search_request.h"
#include "lupe/search/searchd_config.h"
#include "lupe/search/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

// The rounds a profiler should count (callgrind --toggle-collect='MeasuredRounds*').
[[gnu::noinline]] double MeasuredRounds(const lupe::search::Searcher& searcher,
                                        const Xapian::Database& database,
                                        const std::vector<lupe::search::SearchRequest>& requests,
                                        int rounds, std::size_t& snippet_bytes) {
  double best = 0;
  for (int round = 0; round < rounds; ++round) {
    snippet_bytes = 0;
    const auto start = Clock::now();
    for (const auto& request : requests) {
      for (const auto& hit : searcher.Search(database, request).hits) {
        snippet_bytes += hit.snippet.size();
      }
    }
    const double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count() /
                      static_cast<double>(requests.size());
    best = round == 0 ? us : std::min(best, us);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench-search INDEX [ROUNDS [QUERIES]]\n";
    return 64;
  }
  const int rounds = argc > 2 ? std::max(1, std::stoi(argv[2])) : 5;
  const std::string queries_file = argc > 3 ? argv[3] : "bench/searchd/queries.txt";
  try {
    const Xapian::Database database(argv[1]);
    const lupe::analyzers::Analyzer analyzer;
    const lupe::search::SearchdConfig config = lupe::search::LoadSearchdConfig("");
    const lupe::search::Searcher searcher(analyzer, config, nullptr);
    std::vector<lupe::search::SearchRequest> requests;
    std::ifstream in(queries_file);
    if (!in) {
      std::cerr << "cannot read " << queries_file << "\n";
      return 66;
    }
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      requests.push_back(
          lupe::search::ParseSearchRequest({{"q", line}, {"facets", "type,year,state"}}, config));
    }
    for (const auto& request : requests) searcher.Search(database, request);  // warm-up
    std::size_t snippet_bytes = 0;
    const double us = MeasuredRounds(searcher, database, requests, rounds, snippet_bytes);
    std::cout << requests.size() << " queries: " << us << " µs per search (best of " << rounds
              << " rounds); " << snippet_bytes << " bytes of snippets per round\n";
    if (const char* each = std::getenv("EACH"); each != nullptr && std::string(each) == "1") {
      std::vector<std::pair<double, std::string>> times;
      for (const auto& request : requests) {
        const std::vector<lupe::search::SearchRequest> one{request};
        times.emplace_back(MeasuredRounds(searcher, database, one, rounds, snippet_bytes),
                           request.q);
      }
      std::sort(times.rbegin(), times.rend());
      for (const auto& [time, q] : times) std::cout << time << " µs  " << q << "\n";
    }
  } catch (const std::exception& error) {
    std::cerr << "bench-search: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
