// Query help end to end: autocompletion (GET /api/v1/suggest) and "did you mean"
// (the search response's suggestion), both from the index's own vocabulary.
#include <catch2/catch.hpp>

#include "support/searchd_daemon.h"

using lupe::testing::Daemon;
using lupe::testing::Encode;
using lupe::testing::IndexCorpus;
using lupe::testing::Reply;
using lupe::testing::TempDir;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

struct Suggested {
  std::vector<std::string> words;
  std::vector<std::pair<std::string, std::string>> titles;  // (text, id)
};

Suggested Suggest(const Daemon& daemon, const std::string& q) {
  const Reply reply = daemon.Get("/api/v1/suggest?q=" + Encode(q));
  INFO(q << " -> " << reply.text.substr(0, 300));
  REQUIRE(reply.status == 200);
  CHECK(reply.body->getValue<std::string>("query") == q);
  Suggested suggested;
  const Array::Ptr list = reply.body->getArray("suggestions");
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Object::Ptr entry = list->getObject(static_cast<unsigned>(i));
    const std::string text = entry->getValue<std::string>("text");
    if (entry->getValue<std::string>("kind") == "word") {
      suggested.words.push_back(text);
    } else {
      suggested.titles.emplace_back(text, entry->getValue<std::string>("id"));
    }
  }
  return suggested;
}

Object::Ptr Search(const Daemon& daemon, const std::string& q) {
  const Reply reply = daemon.Get("/api/v1/search?facets=&q=" + Encode(q));
  REQUIRE(reply.status == 200);
  return reply.body;
}

}  // namespace

TEST_CASE("autocompletion offers index words with the typed beginning, frequent first") {
  TempDir dir;
  const Daemon daemon(IndexCorpus(dir));
  const Suggested stadt = Suggest(daemon, "Stadtentw");
  REQUIRE(!stadt.words.empty());
  CHECK(stadt.words.front() == "Stadtentwicklung");
  for (const std::string& word : stadt.words) CHECK(word.rfind("Stadtentw", 0) == 0);
  bool isek = false;
  for (const auto& [title, id] : stadt.titles) isek |= id == "saarlouis-isek-2019";
  CHECK(isek);  // "Integriertes Stadtentwicklungskonzept (ISEK) Saarlouis …"

  // Earlier words stay; the case of the typed word is kept; stop words are not offered.
  for (const std::string& word : Suggest(daemon, "Smart City Strat").words) {
    CHECK(word.rfind("Smart City Strat", 0) == 0);
  }
  for (const std::string& word : Suggest(daemon, "stadtentw").words) {
    CHECK(word.rfind("stadtentw", 0) == 0);
  }
  for (const std::string& word : Suggest(daemon, "de").words) {
    CHECK(word != "der");
    CHECK(word != "den");
  }
  // Nothing to complete: empty query, a finished word, one letter.
  CHECK(Suggest(daemon, "").words.empty());
  CHECK(Suggest(daemon, "Strategie ").words.empty());
  CHECK(Suggest(daemon, "S").words.empty());
  CHECK(Suggest(daemon, "Xyzzyq").words.empty());

  // Words appear as the documents write them: umlauts, ß, hyphens.
  const Suggested mobility = Suggest(daemon, "Mobilit");
  REQUIRE(!mobility.words.empty());
  CHECK(mobility.words.front() == "Mobilität");
  for (const std::string& word : mobility.words) CHECK(word.rfind("Mobilität", 0) == 0);
  CHECK(Suggest(daemon, "Mobilitaetsstr").words.front() == "Mobilitätsstrategie");

  CHECK(daemon.Get("/api/v1/suggest?q=a&limit=3").status == 400);
  CHECK(daemon.Get("/api/v1/suggest?q=Stadt&per_page=0").status == 400);
  const Reply three = daemon.Get("/api/v1/suggest?q=Stadt&per_page=3");
  REQUIRE(three.status == 200);
  CHECK(three.body->getArray("suggestions")->size() <= 6);  // 3 words + 3 titles
}

TEST_CASE("a misspelled query gets a suggestion that finds more, a correct one none") {
  TempDir dir;
  const Daemon daemon(IndexCorpus(dir));
  const Object::Ptr typo = Search(daemon, "Digitalisirung");
  REQUIRE(typo->has("suggestion"));
  CHECK(typo->getValue<std::string>("suggestion") == "Digitalisierung");
  CHECK(Search(daemon, "Digitalisierung")->getValue<std::size_t>("total") >
        typo->getValue<std::size_t>("total"));
  CHECK(Search(daemon, "Klimaanpasung")->getValue<std::string>("suggestion") == "Klimaanpassung");
  CHECK(Search(daemon, "Wärmeplanug")->getValue<std::string>("suggestion") == "Wärmeplanung");
  // Only the unknown word changes; syntax and the other words stay as typed.
  CHECK(Search(daemon, "\"Smart City\" Digitalisirung")->getValue<std::string>("suggestion") ==
        "\"Smart City\" Digitalisierung");
  CHECK(!Search(daemon, "Digitalisierung")->has("suggestion"));
  CHECK(!Search(daemon, "Strategie Mobilität")->has("suggestion"));
  CHECK(!Search(daemon, "Xyzzyqwv")->has("suggestion"));  // nothing near it
}
