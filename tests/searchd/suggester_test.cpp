// Suggester::Correct on hand-made indexes: which index word a misspelling is corrected to.
#include "lupe/search/suggester.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <string>

#include "lupe/analyzers/analyzer.h"

using lupe::search::Suggester;

namespace {

// An in-memory index with the given words, each in `frequency` documents.
void AddWord(Xapian::WritableDatabase& db, const std::string& word, int frequency) {
  for (int i = 0; i < frequency; ++i) {
    Xapian::Document document;
    document.add_term(word);
    db.add_document(document);
  }
}

}  // namespace

TEST_CASE(
    "a misspelling is corrected to the nearest more frequent word, behind any number of others") {
  const lupe::analyzers::Analyzer analyzer;
  const Suggester suggester(analyzer);
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  // 70,000 words before "atomkraft" with its first letter: more than a scan from the
  // letter's first word looked at before.
  Xapian::Document many;
  std::string word = "abcdef";
  for (int i = 0; i < 70000; ++i) {
    int n = i;
    for (std::size_t k = 0; k < 4; ++k, n /= 26) {
      word[word.size() - 1 - k] = static_cast<char>('a' + n % 26);
    }
    many.add_term(word);
  }
  db.add_document(many);
  AddWord(db, "atomkraft", 20);
  AddWord(db, "atomkrafts", 3);  // as near, less frequent: the frequent one wins
  AddWord(db, "atomkraftwerk", 30);
  AddWord(db, "bergbau", 5);

  CHECK(suggester.Correct(db, "Atomkrafft").value_or("") == "Atomkraft");
  CHECK(suggester.Correct(db, "atmokraft").value_or("") == "atomkraft");  // transposed
  CHECK(suggester.Correct(db, "Bergbaau Atomkraaft").value_or("") == "Bergbau Atomkraft");
  CHECK_FALSE(suggester.Correct(db, "Atomkraft").has_value());  // a known word
  CHECK_FALSE(suggester.Correct(db, "Zyxwvut").has_value());    // nothing near
}

TEST_CASE("a correction follows the index: a new, more frequent neighbour wins after a commit") {
  const lupe::analyzers::Analyzer analyzer;
  const Suggester suggester(analyzer);
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  AddWord(db, "bergbau", 5);
  CHECK(suggester.Correct(db, "Bergbauu").value_or("") == "Bergbau");
  CHECK(suggester.Correct(db, "Bergbauu").value_or("") == "Bergbau");  // asked again
  AddWord(db, "bergbaue", 100);                                        // as near, and more frequent
  CHECK(suggester.Correct(db, "Bergbauu").value_or("") == "Bergbaue");
}
