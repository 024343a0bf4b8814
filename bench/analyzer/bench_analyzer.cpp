// Analysis throughput: Lupe's analyzer vs Xapian's TermGenerator (german2, STEM_SOME) on
// the same texts, both writing terms into a Xapian::Document, one thread.
// Usage: bench-analyzer FILE.jsonl [MAX_MB [ROUNDS]]
//   (one JSON object per line with a "text" field; defaults: 40 MB, 5 rounds)
// See docs/performance.md; run through bench/analyzer/run.

#include <Poco/JSON/Parser.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/term_writer.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> LoadTexts(const std::string& path, std::size_t max_bytes) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<std::string> texts;
  std::size_t total = 0;
  std::string line;
  Poco::JSON::Parser parser;
  while (total < max_bytes && std::getline(in, line)) {
    parser.reset();
    auto object = parser.parse(line).extract<Poco::JSON::Object::Ptr>();
    std::string text = object->optValue<std::string>("text", "");
    total += text.size();
    texts.push_back(std::move(text));
  }
  return texts;
}

struct Result {
  double seconds = 0;
  std::size_t terms = 0;
};

// Runs both indexers over every text, alternating per text so that both see the same
// machine conditions (other load, frequency scaling); returns {first, second}.
template <typename FirstFn, typename SecondFn>
std::pair<Result, Result> MeasureInterleaved(const std::vector<std::string>& texts, FirstFn first,
                                             SecondFn second) {
  std::pair<Result, Result> results;
  auto run = [](const std::string& text, auto& index, Result& result) {
    const auto start = Clock::now();
    Xapian::Document document;
    index(text, document);
    result.terms += document.termlist_count();
    result.seconds += std::chrono::duration<double>(Clock::now() - start).count();
  };
  for (const std::string& text : texts) {
    run(text, first, results.first);
    run(text, second, results.second);
  }
  return results;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench-analyzer FILE.jsonl [MAX_MB [ROUNDS]]\n";
    return 64;
  }
  const std::size_t max_mb = argc > 2 ? std::stoul(argv[2]) : 40;
  const int rounds = argc > 3 ? std::stoi(argv[3]) : 5;
  const std::vector<std::string> texts = LoadTexts(argv[1], max_mb << 20);
  std::size_t bytes = 0;
  for (const auto& text : texts) bytes += text.size();
  const double mb = static_cast<double>(bytes) / (1 << 20);

  const lupe::analyzers::Analyzer analyzer;
  const lupe::analyzers::TermWriter writer(analyzer);
  auto lupe = [&](const std::string& text, Xapian::Document& document) {
    writer.Write(text, lupe::analyzers::schema::kBody, {}, document);
  };
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("german2"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  auto xapian = [&](const std::string& text, Xapian::Document& document) {
    generator.set_document(document);
    generator.index_text(text);
  };

  // Each indexer's best round counts.
  Result best_lupe, best_xapian;
  best_lupe.seconds = best_xapian.seconds = 1e9;
  for (int round = 0; round < rounds; ++round) {
    const auto [x, l] = MeasureInterleaved(texts, xapian, lupe);
    if (x.seconds < best_xapian.seconds) best_xapian = x;
    if (l.seconds < best_lupe.seconds) best_lupe = l;
  }
  std::cout << "input: " << texts.size() << " documents, " << mb << " MB\n";
  std::cout << "xapian TermGenerator (german2, STEM_SOME): " << mb / best_xapian.seconds
            << " MB/s, " << best_xapian.terms << " distinct terms\n";
  std::cout << "lupe Analyzer + TermWriter:               " << mb / best_lupe.seconds << " MB/s, "
            << best_lupe.terms << " distinct terms\n";
  std::cout << "ratio lupe/xapian: " << best_xapian.seconds / best_lupe.seconds << "\n";
  return 0;
}
