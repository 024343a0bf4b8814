// Snippet cost: Snippeter (anchors, positions, partial inflate and analysis) against the
// naive way (inflate the whole text and analyse all of it) on the same hits, one thread.
// Usage: bench-snippets FILE.jsonl [MAX_MB [ROUNDS]]
//   (the laws as JSON lines with "title" and "text"; defaults: 40 MB, 3 rounds)
// Indexes the laws through the indexer's DocumentBuilder into a glass index in a temporary
// directory, runs a fixed set of queries (10 hits each) and reports µs per snippet.
// See docs/performance.md; run through bench/snippets/run.
#include <Poco/JSON/Parser.h>
#include <stdlib.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/schema.h"
#include "lupe/ingest/document_builder.h"
#include "lupe/search/match_sets.h"
#include "lupe/search/query_parser.h"
#include "lupe/search/snippeter.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace schema = lupe::analyzers::schema;

class NullSink : public lupe::analyzers::TokenSink {
 public:
  void OnToken(const lupe::analyzers::Token& token) override { count += token.end & 1; }
  std::size_t count = 0;
};

std::filesystem::path IndexLaws(const std::string& jsonl, std::size_t max_bytes,
                                const lupe::analyzers::Analyzer& analyzer, const char* keep) {
  std::string dir = (std::filesystem::temp_directory_path() / "lupe-bench-XXXXXX").string();
  if (keep != nullptr) {
    dir = keep;
  } else if (::mkdtemp(dir.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  std::filesystem::create_directories(dir);
  Xapian::WritableDatabase db(dir + "/index", Xapian::DB_CREATE);
  const lupe::analyzers::Schema facets = lupe::analyzers::Schema::Default();
  const lupe::ingest::Gazetteer gazetteer;
  const lupe::ingest::DocumentBuilder builder(analyzer, facets, gazetteer, {});
  std::ifstream in(jsonl);
  std::string line;
  std::size_t total = 0, count = 0;
  Poco::JSON::Parser parser;
  while (total < max_bytes && std::getline(in, line)) {
    parser.reset();
    auto law = parser.parse(line).extract<Poco::JSON::Object::Ptr>();
    const std::string text = law->optValue<std::string>("text", "");
    if (text.empty()) continue;
    const std::string id = "law" + std::to_string(count++);
    const std::string sidecar =
        "<meta><title><![CDATA[" + law->optValue<std::string>("title", id) + "]]></title></meta>";
    try {
      db.add_document(builder.Build({id + ".txt", std::nullopt, id, {}}, text, sidecar).document);
      total += text.size();
    } catch (const std::exception&) {
    }
  }
  db.commit();
  std::cout << "index: " << db.get_doccount() << " laws, " << static_cast<double>(total) / 1e6
            << " MB of text\n";
  return dir;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench-snippets FILE.jsonl [MAX_MB [ROUNDS]]\n";
    return 64;
  }
  const std::size_t max_mb = argc > 2 ? std::stoul(argv[2]) : 40;
  const int rounds = argc > 3 ? std::stoi(argv[3]) : 3;
  const lupe::analyzers::Analyzer analyzer;
  // LUPE_BENCH_INDEX=DIR keeps the index there and reuses it on the next run.
  const char* keep = std::getenv("LUPE_BENCH_INDEX");
  // LUPE_BENCH_SNIPPETER_ONLY=1: no baselines (for profiling the Snippeter).
  const bool only_snippeter = std::getenv("LUPE_BENCH_SNIPPETER_ONLY") != nullptr;
  const std::filesystem::path dir =
      keep != nullptr && std::filesystem::exists(std::filesystem::path(keep) / "index")
          ? std::filesystem::path(keep)
          : IndexLaws(argv[1], max_mb << 20, analyzer, keep);
  const Xapian::Database db((dir / "index").string());
  const lupe::search::QueryParser parser(analyzer, {});
  const lupe::search::MatchSets documents;  // the terms' document lists, as searchd keeps them
  const std::vector<std::string> queries = {"Bürger",
                                            "Verordnung",
                                            "Steuer Einkommen",
                                            "\"öffentliche Sicherheit\"",
                                            "Datenschutz",
                                            "Bundesregierung Zustimmung Bundesrat",
                                            "Fahrerlaubnis",
                                            "Wärme",
                                            "Gesetz -Verordnung",
                                            "Arbeitnehmer OR Beschäftigte",
                                            "title:Verordnung Verkehr",
                                            "Städte Gemeinden",
                                            "Frist"};
  double snippeter_s = 1e9, naive_s = 1e9, data_s = 1e9, worst_us = 0;
  std::size_t snippets = 0, bytes = 0;
  // Per query: best round's µs per snippet and worst single snippet (the fallback shows).
  std::vector<double> query_us(queries.size(), 1e9), query_worst_us(queries.size(), 0);
  for (int round = 0; round < rounds; ++round) {
    double s = 0, n = 0, d = 0;
    snippets = bytes = 0;
    for (std::size_t qi = 0; qi < queries.size(); ++qi) {
      const std::string& q = queries[qi];
      const Xapian::Query query = parser.Parse(q, lupe::search::QueryParser::Mode::kAllWords);
      Xapian::Enquire enquire(db);
      enquire.set_query(query);
      const Xapian::MSet hits = enquire.get_mset(0, 10);
      auto start = Clock::now();
      lupe::search::Snippeter snippeter(analyzer, query, {300, nullptr, nullptr, &documents});
      snippeter.Prepare(db, std::vector<Xapian::docid>(hits.begin(), hits.end()));
      for (auto it = hits.begin(); it != hits.end(); ++it) {
        const auto one = Clock::now();
        bytes += snippeter.Make(db, *it).size();
        const double us = std::chrono::duration<double, std::micro>(Clock::now() - one).count();
        worst_us = std::max(worst_us, us);
        query_worst_us[qi] = std::max(query_worst_us[qi], us);
      }
      const double query_s = std::chrono::duration<double>(Clock::now() - start).count();
      s += query_s;
      query_us[qi] = std::min(query_us[qi], query_s * 1e6 / std::max<double>(1, hits.size()));
      if (round == 0 && !hits.empty())
        std::cout << q << ": " << snippeter.Make(db, *hits.begin()) << "\n";
      snippets += hits.size();
      if (only_snippeter) continue;
      start = Clock::now();
      for (auto it = hits.begin(); it != hits.end(); ++it) {
        const Xapian::Document document = db.get_document(*it, Xapian::DOC_ASSUME_VALID);
        // The floor: the data and the first chunk of the text (word chunks in indexes
        // written now, text chunks in older ones).
        bytes +=
            (document.get_data().size() + document.get_value(schema::kFirstWordChunkSlot).size() +
             document.get_value(schema::kFirstTextSlot).size()) &
            1;
      }
      d += std::chrono::duration<double>(Clock::now() - start).count();
      start = Clock::now();
      for (auto it = hits.begin(); it != hits.end(); ++it) {
        NullSink sink;
        analyzer.Analyze(schema::DocumentText(db.get_document(*it)), sink);
      }
      n += std::chrono::duration<double>(Clock::now() - start).count();
    }
    snippeter_s = std::min(snippeter_s, s);
    naive_s = std::min(naive_s, n);
    data_s = std::min(data_s, d);
  }
  if (keep == nullptr) std::filesystem::remove_all(dir);
  for (std::size_t qi = 0; qi < queries.size(); ++qi) {
    std::cout << "  " << queries[qi] << ": " << query_us[qi] << " µs per snippet (worst "
              << query_worst_us[qi] << " µs)\n";
  }
  std::cout << "snippets: " << snippets << " (" << queries.size() << " queries x 10 hits), "
            << bytes / std::max<std::size_t>(snippets, 1) << " bytes each\n"
            << "Snippeter:              " << snippeter_s * 1e6 / static_cast<double>(snippets)
            << " µs per snippet (worst " << worst_us << " µs)\n"
            << "floor (data+chunk 0):   " << data_s * 1e6 / static_cast<double>(snippets)
            << " µs per snippet\n"
            << "naive (inflate+analyse): " << naive_s * 1e6 / static_cast<double>(snippets)
            << " µs per snippet\n"
            << "ratio naive/Snippeter:  " << naive_s / snippeter_s << "\n";
  return 0;
}
