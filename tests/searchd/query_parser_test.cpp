// The search API's query syntax, through the real analyzer, over a small in-memory index
// written the way the indexer writes (title field + body).
#include "lupe/search/query_parser.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <set>

#include "lupe/analyzers/error.h"
#include "lupe/analyzers/term_writer.h"

using lupe::search::QueryParser;
namespace schema = lupe::analyzers::schema;
using Ids = std::set<std::string>;

namespace {

class Fixture {
 public:
  Fixture() : database_(std::string(), Xapian::DB_BACKEND_INMEMORY), parser_(analyzer_, {200, {}}) {
    Add("ulm", "Smart-City-Strategie Ulm", "Die Stadt Ulm setzt auf Mobilität und Bürger*innen.");
    Add("freiburg", "Radverkehrskonzept Freiburg", "Rad- und Fußverkehr in der Stadt der Zukunft.");
    Add("entwurf", "Entwurf der Wärmeplanung", "Erste Fassung zur Wärmeplanung in Kiel.");
    Add("kiel", "Wärmeplanung Kiel", "Die finale Fassung zur Wärmeplanung.");
  }

  Ids Search(const std::string& q, QueryParser::Mode mode = QueryParser::Mode::kAllWords) const {
    Xapian::Query query = parser_.Parse(q, mode);
    if (query.empty()) query = Xapian::Query::MatchAll;
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    const Xapian::MSet matches = enquire.get_mset(0, 100);
    Ids ids;
    for (auto it = matches.begin(); it != matches.end(); ++it)
      ids.insert(it.get_document().get_data());
    return ids;
  }

  const QueryParser& parser() const { return parser_; }

 private:
  void Add(const std::string& id, const std::string& title, const std::string& body) {
    const lupe::analyzers::TermWriter writer(analyzer_);
    Xapian::Document document;
    document.set_data(id);
    writer.Write(title, schema::kTitle, {1, 1}, document);
    const Xapian::termpos next =
        writer.Write(title, schema::kBody, {1, schema::kTitleWeight}, document);
    writer.Write(body, schema::kBody, {next + 100, 1}, document);
    database_.add_document(document);
  }

  lupe::analyzers::Analyzer analyzer_;
  Xapian::WritableDatabase database_;
  QueryParser parser_;
};

}  // namespace

TEST_CASE("every word must match, through its variants") {
  const Fixture f;
  CHECK(f.Search("Wärmeplanung") == Ids{"entwurf", "kiel"});
  CHECK(f.Search("Waermeplanung Kiel") == Ids{"entwurf", "kiel"});
  CHECK(f.Search("Ulm Freiburg").empty());
  CHECK(f.Search("Bürger") == Ids{"ulm"});
  CHECK(f.Search("SmartCity-Strategie") == Ids{"ulm"});
}

TEST_CASE("phrases in every quote style, and an unclosed quote runs to the end") {
  const Fixture f;
  for (const char* q : {"\"Stadt der Zukunft\"", "„Stadt der Zukunft“", "„Stadt der Zukunft”",
                        "“Stadt der Zukunft”", "»Stadt der Zukunft«", "«Stadt der Zukunft»",
                        "‚Stadt der Zukunft‘", "„Stadt der Zukunft", "\"Stadt der Zukunft"}) {
    INFO(q);
    CHECK(f.Search(q) == Ids{"freiburg"});
  }
  CHECK(f.Search("\"Zukunft der Stadt\"").empty());
}

TEST_CASE("a leading minus excludes a word or a phrase") {
  const Fixture f;
  CHECK(f.Search("Wärmeplanung -Entwurf") == Ids{"kiel"});
  CHECK(f.Search("Wärmeplanung -\"erste Fassung\"") == Ids{"kiel"});
  CHECK(f.Search("-Wärmeplanung") == Ids{"ulm", "freiburg"});
  // A hyphen inside a word is no exclusion: Rad-Verkehr is radverkehr, which freiburg has
  // as the completed word of "Rad- und Fußverkehr".
  CHECK(f.Search("Rad-Verkehr") == Ids{"freiburg"});
}

TEST_CASE("a hyphen after a closing quote links a word to the phrase and excludes nothing") {
  const Fixture f;
  CHECK(f.Search("„Wärmeplanung“-Fassung") == Ids{"entwurf", "kiel"});
  CHECK(f.Search("\"Stadt der Zukunft\"-Verkehr") == Ids{"freiburg"});
  CHECK(f.Search("„Wärmeplanung“ -Entwurf") == Ids{"kiel"});
}

TEST_CASE("OR between words makes them alternatives") {
  const Fixture f;
  CHECK(f.Search("Ulm OR Freiburg") == Ids{"ulm", "freiburg"});
  CHECK(f.Search("Ulm OR Freiburg OR Kiel") == Ids{"ulm", "freiburg", "entwurf", "kiel"});
  CHECK(f.Search("Stadt Ulm OR Freiburg") == Ids{"ulm", "freiburg"});
  CHECK(f.Search("Ulm or Freiburg").empty());  // lower-case "or" is a word
}

TEST_CASE("title: restricts a word or a phrase to the title") {
  const Fixture f;
  CHECK(f.Search("title:Kiel") == Ids{"kiel"});
  CHECK(f.Search("Kiel") == Ids{"entwurf", "kiel"});
  CHECK(f.Search("title:\"Smart City\"") == Ids{"ulm"});
  CHECK(f.Search("TITLE:wärmeplanung") == Ids{"entwurf", "kiel"});
}

TEST_CASE("stop words need not match unless they are all there is") {
  const Fixture f;
  CHECK(f.Search("die Stadt") == Ids{"ulm", "freiburg"});
  CHECK(f.Search("die") == Ids{"ulm", "kiel"});
}

TEST_CASE("any-word mode ranks documents matching some of the words") {
  const Fixture f;
  CHECK(f.Search("Ulm Freiburg Kiel", QueryParser::Mode::kAnyWord) ==
        Ids{"ulm", "freiburg", "entwurf", "kiel"});
}

TEST_CASE("any-word mode also matches the words of a hyphenated compound one by one") {
  const Fixture f;
  CHECK(f.Search("Stadt-Mobilität").empty());
  CHECK(f.Search("Stadt-Mobilität", QueryParser::Mode::kAnyWord) == Ids{"ulm", "freiburg"});
  CHECK(f.Search("Smart-City-Strategie", QueryParser::Mode::kAnyWord) == Ids{"ulm"});
}

TEST_CASE("given the index as vocabulary, any-word mode finds Odinga for Odingas") {
  const lupe::analyzers::Analyzer analyzer;
  const lupe::analyzers::TermWriter writer(analyzer);
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const std::string text :
       {"Odinga wurde Premierminister", "Odinga in der Regierung", "Die Rolle der Opposition"}) {
    Xapian::Document document;
    document.set_data(text);
    writer.Write(text, schema::kBody, {1, 1}, document);
    database.add_document(document);
  }
  const QueryParser parser(analyzer, {200, {}});
  auto search = [&](const std::string& q, QueryParser::Mode mode,
                    const Xapian::Database* vocabulary) {
    Xapian::Enquire enquire(database);
    enquire.set_query(parser.Parse(q, mode, nullptr, vocabulary));
    Ids texts;
    const Xapian::MSet matches = enquire.get_mset(0, 10);
    for (auto it = matches.begin(); it != matches.end(); ++it)
      texts.insert(it.get_document().get_data());
    return texts;
  };
  // Snowball keeps the s after a vowel: "odingas" is a stem of its own.
  CHECK(search("Odingas Rolle?", QueryParser::Mode::kAnyWord, nullptr) ==
        Ids{"Die Rolle der Opposition"});
  CHECK(search("Odingas Rolle?", QueryParser::Mode::kAnyWord, &database) ==
        Ids{"Odinga wurde Premierminister", "Odinga in der Regierung", "Die Rolle der Opposition"});
  CHECK(search("Odingas Regierung", QueryParser::Mode::kAllWords, &database).empty());
}

TEST_CASE("in any-word mode documents with neighbouring query words close together rank higher") {
  const lupe::analyzers::Analyzer analyzer;
  const lupe::analyzers::TermWriter writer(analyzer);
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string filler = " eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf ";
  // The same words, as often, in texts of the same length: only their distance differs.
  const std::pair<std::string, std::string> texts[] = {{"far", "Kiel" + filler + "Wärmeplanung"},
                                                       {"near", "Kiel Wärmeplanung" + filler}};
  for (const auto& [id, text] : texts) {
    Xapian::Document document;
    document.set_data(id);
    writer.Write(text, schema::kBody, {1, 1}, document);
    database.add_document(document);
  }
  auto ranking = [&](double proximity_weight) {
    QueryParser::Options options{200, {}};
    options.proximity_weight = proximity_weight;
    const QueryParser parser(analyzer, options);
    Xapian::Enquire enquire(database);
    enquire.set_query(parser.Parse("Kiel Wärmeplanung", QueryParser::Mode::kAnyWord));
    const Xapian::MSet matches = enquire.get_mset(0, 10);
    REQUIRE(matches.size() == 2);
    return std::make_pair(matches.begin().get_document().get_data(),
                          matches.begin().get_weight() - (++matches.begin()).get_weight());
  };
  const auto [first, margin] = ranking(0.25);
  CHECK(first == "near");
  CHECK(margin > 0);
  CHECK(ranking(0).second == Approx(0));  // proximity off: a tie
}

TEST_CASE("empty queries match everything - bad queries are refused by name") {
  const Fixture f;
  CHECK(f.parser().Parse("", QueryParser::Mode::kAllWords).empty());
  CHECK(f.parser().Parse("  … – ", QueryParser::Mode::kAllWords).empty());
  try {
    f.parser().Parse("Stra\xC3", QueryParser::Mode::kAllWords);
    FAIL("invalid UTF-8 accepted");
  } catch (const lupe::Error& error) {
    CHECK(error.code() == lupe::ErrorCode::kInvalidInput);
    CHECK(std::string(error.what()) == "q is not valid UTF-8");
  }
  try {
    f.parser().Parse(std::string(201, 'a'), QueryParser::Mode::kAllWords);
    FAIL("over-long query accepted");
  } catch (const lupe::Error& error) {
    CHECK(error.code() == lupe::ErrorCode::kTooLarge);
  }
}
