// Abbreviations and synonyms: the list's format, matching, and their effect on searches.
#include "lupe/search/synonyms.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <thread>

#include "lupe/analyzers/error.h"
#include "support/searchd_daemon.h"

using lupe::search::Synonyms;
using lupe::testing::Daemon;
using lupe::testing::Encode;
using lupe::testing::IndexCorpus;
using lupe::testing::ShippedConfigWith;
using lupe::testing::TempDir;

namespace {

const lupe::analyzers::Analyzer& SharedAnalyzer() {
  static const lupe::analyzers::Analyzer analyzer;
  return analyzer;
}

std::vector<std::string> Keys(const std::string& query) {
  std::vector<std::string> keys;
  std::size_t at = 0;
  while (at < query.size()) {
    std::size_t end = query.find(' ', at);
    if (end == std::string::npos) end = query.size();
    keys.push_back(Synonyms::Key(query.substr(at, end - at), SharedAnalyzer()));
    at = end + 1;
  }
  return keys;
}

std::set<std::string> Ids(const Daemon& daemon, const std::string& q) {
  const auto reply = daemon.Get("/api/v1/search?facets=&per_page=100&q=" + Encode(q));
  REQUIRE(reply.status == 200);
  std::set<std::string> ids;
  const auto hits = reply.body->getArray("hits");
  for (std::size_t i = 0; i < hits->size(); ++i) {
    ids.insert(hits->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
  }
  return ids;
}


}  // namespace

TEST_CASE("synonym expressions match query words however they are spelled") {
  const Synonyms synonyms = Synonyms::Parse(
      "# comment\n\nÖPNV = öffentlicher Personennahverkehr\n"
      "KTS = Koordinierungs- und Transferstelle\nDSGVO = Datenschutz-Grundverordnung\n"
      "ÖV = öffentlicher Verkehr\n",
      SharedAnalyzer(), "test.txt");
  CHECK(synonyms.size() == 4);
  for (const char* query : {"ÖPNV", "oepnv", "öpnv", "Oepnv"}) {
    const auto match = synonyms.Longest(Keys(query), 0);
    REQUIRE(match);
    CHECK(match->words == 1);
    CHECK(match->expressions->at(1) == "öffentlicher Personennahverkehr");
  }
  const auto keys = Keys("Ausbau des Oeffentlicher Personennahverkehr 2030");
  CHECK_FALSE(synonyms.Longest(keys, 1));
  const auto expansion = synonyms.Longest(keys, 2);
  REQUIRE(expansion);
  CHECK(expansion->words == 2);
  CHECK(expansion->expressions->front() == "ÖPNV");
  CHECK(synonyms.Longest(Keys("Koordinierungs- und Transferstelle"), 0)->words == 3);
  CHECK(synonyms.Longest(Keys("datenschutz-grundverordnung"), 0));
  CHECK_FALSE(synonyms.Longest(Keys("öffentlicher"), 0));  // half an expression
}

TEST_CASE("a malformed synonym line is refused naming the file and line") {
  for (const char* text : {"ÖPNV\n", "a = b\n = c\n", "ÖPNV = \n", "a = b\nx = = y\n"}) {
    INFO(text);
    try {
      Synonyms::Parse(text, SharedAnalyzer(), "list.txt");
      FAIL("accepted");
    } catch (const lupe::Error& error) {
      CHECK(error.code() == lupe::ErrorCode::kConfig);
      CHECK(std::string(error.what()).rfind("list.txt:", 0) == 0);
    }
  }
}

TEST_CASE("an abbreviation finds its expansion and the reverse, and edits apply while serving") {
  TempDir dir;
  const std::string index = IndexCorpus(dir);
  // One document with only the expansion, one with only the abbreviation.
  dir.Write("more/lang.txt", "Der öffentliche Personennahverkehr im Kreis wird getaktet.");
  dir.Write("more/kurz.txt", "Takt im ÖPNV: halbstündlich ab 2027.");
  REQUIRE(lupe::testing::Run(std::string(LUPE_INDEXER_BINARY) + " --index " + index + " add " +
                             (dir / "more").string() + " 2>/dev/null") == 0);
  std::set<std::string> abbreviation, expansion;
  {
    const Daemon plain(index);  // no config: no synonyms
    abbreviation = Ids(plain, "ÖPNV");
    expansion = Ids(plain, "öffentlicher Personennahverkehr");
  }
  std::set<std::string> both = abbreviation;
  both.insert(expansion.begin(), expansion.end());
  REQUIRE(both.size() > abbreviation.size());  // the corpus has documents with only one form
  REQUIRE(both.size() > expansion.size());

  const auto list = dir.Write("synonyms.txt", "ÖPNV = öffentlicher Personennahverkehr\n");
  const auto config = dir.Write("lupe.ini", ShippedConfigWith("synonyms = " + list.string() + "\n"));
  const Daemon daemon(index, {"--config", config.string()});
  CHECK(Ids(daemon, "ÖPNV") == both);
  CHECK(Ids(daemon, "öffentlicher Personennahverkehr") == both);
  CHECK(Ids(daemon, "\"öffentlicher Personennahverkehr\"") == both);

  // The editor adds a line; searchd picks it up within seconds.
  CHECK(Ids(daemon, "OZG").size() < Ids(daemon, "OZG OR Onlinezugangsgesetz").size());
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // a new file time
  dir.Write("synonyms.txt", "ÖPNV = öffentlicher Personennahverkehr\nOZG = Onlinezugangsgesetz\n");
  const auto wanted = Ids(daemon, "OZG OR Onlinezugangsgesetz");
  bool applied = false;
  for (int i = 0; i < 60 && !applied; ++i) {
    applied = Ids(daemon, "OZG") == wanted;
    if (!applied) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  CHECK(applied);
}

TEST_CASE("searchd refuses to start with a broken synonyms file, exit 78 naming the line") {
  TempDir dir;
  const std::string index = IndexCorpus(dir);
  const auto list = dir.Write("synonyms.txt", "ÖPNV = öffentlicher Personennahverkehr\nISEK\n");
  const auto config = dir.Write("lupe.ini", ShippedConfigWith("synonyms = " + list.string() + "\n"));
  CHECK(lupe::testing::Run(std::string(LUPE_SEARCHD_BINARY) + " --index " + index + " --config " +
                           config.string() + " --port 0 >/dev/null 2>" + (dir / "err").string()) ==
        78);
  CHECK(lupe::testing::Run("grep -q 'synonyms.txt:2' " + (dir / "err").string()) == 0);
}
