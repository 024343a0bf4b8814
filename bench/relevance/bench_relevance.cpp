// Runs the queries of a BEIR collection through Lupe's real query path (searchd's Searcher
// over an index the real lupe-indexer built) in several configurations, and through a
// stock Xapian baseline (TermGenerator/QueryParser, german2, STEM_ALL_Z on both sides, any
// word, BM25 defaults), writing one TREC run file (top 100 per query) per configuration.
// bench/relevance/run scores them. LUPE_* variables override the shipped ranking for a
// sweep (bench/relevance/run lists them).
//
// Usage: bench-relevance INDEX CORPUS_JSONL QUERIES_JSONL SYNONYMS OUT_DIR
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/schema.h"
#include "lupe/search/searcher.h"
#include "lupe/search/synonyms.h"

namespace {

struct Record {
  std::string id;
  std::string text;
};

std::vector<Record> ReadJsonLines(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Record> records;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto object = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
    records.push_back({object->getValue<std::string>("_id"), object->getValue<std::string>("text")});
  }
  return records;
}

std::string Nfc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string out;
  nfc->normalize(icu::UnicodeString::fromUTF8(text), status).toUTF8String(out);
  return U_SUCCESS(status) ? out : text;
}

// LUPE_RUNS (comma-separated run names) restricts a sweep to some runs; unset: all.
bool Wanted(const std::string& name) {
  const char* runs = std::getenv("LUPE_RUNS");
  if (runs == nullptr) return true;
  std::string list(1, ',');
  list.append(runs).push_back(',');
  std::string item(1, ',');
  item.append(name).push_back(',');
  return list.find(item) != std::string::npos;
}

struct Configuration {
  const char* name;
  lupe::analyzers::QueryBuilder::Options terms;
  bool synonyms;
};

void RunLupe(const std::string& index, const std::vector<Record>& queries,
             const std::string& synonyms_path, const std::filesystem::path& out_dir) {
  const lupe::analyzers::Analyzer analyzer;
  const Xapian::Database database(index);
  const Configuration configurations[] = {
      {"lupe-exact", {false, false, false}, false},      // no stemming
      {"lupe-stem", {true, false, false}, false},        // + stemming
      {"lupe-variants", {true, true, false}, false},     // + the analyzer's variants
      {"lupe-decompound", {true, true, true}, false},    // + compound parts
      {"lupe-all", {true, true, true}, true},            // + abbreviations and synonyms
  };
  for (const Configuration& configuration : configurations) {
    if (!Wanted(configuration.name)) continue;
    lupe::search::SearchdConfig config;  // the defaults, unless the environment says
    config.query_terms = configuration.terms;
    if (const char* k1 = std::getenv("LUPE_BM25_K1")) config.bm25_k1 = std::stod(k1);
    if (const char* b = std::getenv("LUPE_BM25_B")) config.bm25_b = std::stod(b);
    if (const char* w = std::getenv("LUPE_EXACT_WEIGHT"))
      config.query_terms.exact_weight = std::stod(w);
    if (const char* w = std::getenv("LUPE_PART_WEIGHT"))
      config.query_terms.part_weight = std::stod(w);
    if (const char* window = std::getenv("LUPE_PROXIMITY_WINDOW")) {
      config.proximity_window = static_cast<Xapian::termcount>(std::stoul(window));
    }
    if (const char* w = std::getenv("LUPE_PROXIMITY_WEIGHT"))
      config.proximity_weight = std::stod(w);
    if (const char* below = std::getenv("LUPE_RELAX_BELOW")) {
      config.relax_below = static_cast<Xapian::doccount>(std::stoul(below));
    }
    if (const char* words = std::getenv("LUPE_QUESTION_WORDS")) {
      config.question_words = std::stoul(words);
    }
    std::unique_ptr<lupe::search::SynonymsFile> synonyms;
    if (configuration.synonyms) {
      synonyms = std::make_unique<lupe::search::SynonymsFile>(synonyms_path, analyzer,
                                                              std::chrono::hours(1));
    }
    const lupe::search::Searcher searcher(analyzer, config, synonyms.get());
    std::ofstream out(out_dir / (std::string(configuration.name) + ".trec"));
    for (const Record& query : queries) {
      lupe::search::SearchRequest request;
      request.q = query.text;
      request.per_page = 100;
      const lupe::search::SearchResult result = searcher.Search(database, request);
      int rank = 0;
      for (const lupe::search::SearchHit& hit : result.hits) {
        out << query.id << " Q0 " << hit.fields.values[0].value_or("") << ' ' << ++rank << ' '
            << hit.score << ' ' << configuration.name << '\n';
      }
    }
  }
}

void RunXapian(const std::vector<Record>& corpus, const std::vector<Record>& queries,
               const std::filesystem::path& out_dir) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("german2"));
  // The same strategy on both sides. With the TermGenerator's default (STEM_SOME) a word
  // starting with a digit gets no Z term, while STEM_ALL_Z queries look only for Z terms:
  // every number of a question (years, "Super Bowl 50") would silently match nothing.
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
  for (const Record& record : corpus) {
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(Nfc(record.text));
    document.set_data(record.id);
    database.add_document(document);
  }
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem("german2"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
  parser.set_default_op(Xapian::Query::OP_OR);
  parser.set_database(database);
  std::ofstream out(out_dir / "xapian-german2.trec");
  for (const Record& query : queries) {
    Xapian::Query parsed;
    try {
      parsed = parser.parse_query(Nfc(query.text));
    } catch (const Xapian::QueryParserError&) {
      parsed = parser.parse_query(Nfc(query.text), 0);  // no operators
    }
    Xapian::Enquire enquire(database);
    enquire.set_query(parsed);
    const Xapian::MSet matches = enquire.get_mset(0, 100);
    int rank = 0;
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      out << query.id << " Q0 " << it.get_document().get_data() << ' ' << ++rank << ' '
          << it.get_weight() << " xapian-german2\n";
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: bench-relevance INDEX CORPUS_JSONL QUERIES_JSONL SYNONYMS OUT_DIR\n";
    return 64;
  }
  try {
    const std::vector<Record> queries = ReadJsonLines(argv[3]);
    std::filesystem::create_directories(argv[5]);
    RunLupe(argv[1], queries, argv[4], argv[5]);
    if (Wanted("xapian-german2")) RunXapian(ReadJsonLines(argv[2]), queries, argv[5]);
  } catch (const std::exception& error) {
    std::cerr << "bench-relevance: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
