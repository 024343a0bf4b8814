// Exact facet counts over all matches, single- and multi-valued, in the documented order.
#include "lupe/search/facet_counter.h"

#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>

using lupe::analyzers::FacetSpec;
using lupe::analyzers::Schema;
using lupe::search::FacetCounter;
using lupe::search::FacetValue;

namespace {

struct Doc {
  const char* state;
  const char* year;
  std::vector<std::string> topics;
  const char* word;
};

Xapian::WritableDatabase Index(const std::vector<Doc>& docs) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const Doc& doc : docs) {
    Xapian::Document document;
    if (*doc.state) document.add_value(12, doc.state);
    document.add_value(11, doc.year);
    document.add_value(15, Schema::EncodeValues(doc.topics));
    document.add_term(doc.word);
    database.add_document(document);
  }
  return database;
}

std::vector<std::string> Render(const std::vector<FacetValue>& values) {
  std::vector<std::string> rendered;
  for (const auto& v : values) rendered.push_back(v.value + "=" + std::to_string(v.count));
  return rendered;
}

}  // namespace

TEST_CASE("facet counts are exact over all matches and ordered by count, then value") {
  std::vector<Doc> docs;
  // 150 documents: more than any first page; counts must still be exact.
  for (int i = 0; i < 150; ++i) {
    docs.push_back({i % 3 == 0 ? "Bayern" : (i % 3 == 1 ? "Hessen" : ""), i % 2 ? "2021" : "2019",
                    i % 5 == 0 ? std::vector<std::string>{"Mobilität", "Energie"}
                               : std::vector<std::string>{"Mobilität"},
                    i < 100 ? "strategie" : "bericht"});
  }
  docs.push_back({"Berlin", "2023", {}, "strategie"});
  const Xapian::WritableDatabase database = Index(docs);
  const FacetSpec state{"state", "state", FacetSpec::Kind::kString, false, 12};
  const FacetSpec year{"year", "date", FacetSpec::Kind::kYear, false, 11};
  const FacetSpec topic{"topic", "topic", FacetSpec::Kind::kString, true, 15};
  const FacetCounter counter;

  CHECK(Render(counter.CountMatching(database, Xapian::Query("strategie"), state)) ==
        std::vector<std::string>{"Bayern=34", "Hessen=33", "Berlin=1"});
  CHECK(Render(counter.CountMatching(database, Xapian::Query::MatchAll, state)) ==
        std::vector<std::string>{"Bayern=50", "Hessen=50", "Berlin=1"});
  CHECK(Render(counter.CountMatching(database, Xapian::Query("bericht"), year)) ==
        std::vector<std::string>{"2021=25", "2019=25"});
  CHECK(Render(counter.CountMatching(database, Xapian::Query::MatchAll, year)) ==
        std::vector<std::string>{"2023=1", "2021=75", "2019=75"});
  CHECK(Render(counter.CountMatching(database, Xapian::Query::MatchAll, topic)) ==
        std::vector<std::string>{"Mobilität=150", "Energie=30"});
  CHECK(counter.CountMatching(database, Xapian::Query("nichts"), topic).empty());
  // An empty query is Xapian's MatchNothing: it matches no document.
  CHECK(counter.CountMatching(database, Xapian::Query::MatchNothing, state).empty());
  CHECK(counter.CountMatching(database, Xapian::Query(), state).empty());
}

TEST_CASE("facet counts follow the index to its next commit and back to an older handle") {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("lupe-facet-counter-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const FacetSpec state{"state", "state", FacetSpec::Kind::kString, false, 12};
  const FacetCounter counter;
  auto add = [&](Xapian::WritableDatabase& writer, const char* value, int copies) {
    for (int i = 0; i < copies; ++i) {
      Xapian::Document document;
      document.add_value(12, value);
      document.add_term("strategie");
      writer.add_document(document);
    }
    writer.commit();
  };
  {
    Xapian::WritableDatabase writer(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    add(writer, "Bayern", 3);
  }
  const Xapian::Database before(dir.string());
  CHECK(Render(counter.CountMatching(before, Xapian::Query::MatchAll, state)) ==
        std::vector<std::string>{"Bayern=3"});
  {
    Xapian::WritableDatabase writer(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    add(writer, "Hessen", 5);
    writer.delete_document(1);  // a Bayern document
    writer.commit();
  }
  const Xapian::Database after(dir.string());
  CHECK(Render(counter.CountMatching(after, Xapian::Query::MatchAll, state)) ==
        std::vector<std::string>{"Hessen=5", "Bayern=2"});
  // A thread that has not reopened yet still counts its own revision right.
  CHECK(Render(counter.CountMatching(before, Xapian::Query::MatchAll, state)) ==
        std::vector<std::string>{"Bayern=3"});
  // Documents given by docid, in any order; unknown docids count nothing.
  CHECK(Render(counter.Count(after, {8, 2, 999}, state)) ==
        std::vector<std::string>{"Bayern=1", "Hessen=1"});
  std::filesystem::remove_all(dir);
}
