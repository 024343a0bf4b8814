// StemExpansions: the index terms a stem stands for, per index revision, bounded.
#include "lupe/search/stem_expansions.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/temp_dir.h"

using lupe::search::StemExpansions;

namespace {

std::string StemOf(const lupe::analyzers::Analyzer& analyzer, const std::string& word) {
  return analyzer.Analyze(word).front().stem;
}

void AddWords(const std::string& path, const std::vector<std::string>& words) {
  Xapian::WritableDatabase writer(path, Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document document;
  for (const std::string& word : words) document.add_term(word);
  writer.add_document(document);
  writer.commit();
}

}  // namespace

TEST_CASE("a stem expands to the index's words the analyzer gives that stem") {
  lupe::testing::TempDir dir;
  const std::string path = (dir / "index").string();
  // buergermeister starts with the stem and a suffix-like tail, but is another word.
  AddWords(path, {"buerger", "buergern", "buergermeister", "rathaus", "strasse"});
  const lupe::analyzers::Analyzer analyzer;
  const StemExpansions expansions(analyzer);
  Xapian::Database reader(path);
  const std::string stem = StemOf(analyzer, "Bürger");
  const auto terms = expansions.Of(reader, stem);
  CHECK(*terms == std::vector<std::string>{"buerger", "buergern"});
  CHECK(*terms == StemExpansions::Compute(analyzer, reader, stem));
  CHECK(expansions.Of(reader, stem) == terms);  // kept for this revision
  CHECK(expansions.Of(reader, "zzz")->empty());
}

TEST_CASE("stem expansions follow a new commit and stay right when the cache starts over") {
  lupe::testing::TempDir dir;
  const std::string path = (dir / "index").string();
  AddWords(path, {"strasse", "buerger"});
  const lupe::analyzers::Analyzer analyzer;
  const StemExpansions expansions(analyzer, /*max_stems=*/1);
  Xapian::Database old_reader(path);
  const std::string street = StemOf(analyzer, "Straße");
  const std::string citizen = StemOf(analyzer, "Bürger");
  CHECK(*expansions.Of(old_reader, street) == std::vector<std::string>{"strasse"});

  AddWords(path, {"strassen", "buergers"});
  Xapian::Database reader(path);
  CHECK(*expansions.Of(reader, street) == std::vector<std::string>{"strasse", "strassen"});
  // The handle on the older revision still gets its revision's answer.
  CHECK(*expansions.Of(old_reader, street) == std::vector<std::string>{"strasse"});
  // Room for one stem: asking for another starts over, answers stay right.
  CHECK(*expansions.Of(reader, citizen) == std::vector<std::string>{"buerger", "buergers"});
  CHECK(*expansions.Of(reader, street) == std::vector<std::string>{"strasse", "strassen"});
}
