// MatchSets: the documents a query matches, from the terms' document lists (and Xapian's
// match for phrases and the like), must be exactly what Xapian's own match finds.
#include "lupe/search/match_sets.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/search/query_parser.h"
#include "support/searchd_daemon.h"

using lupe::search::MatchSets;
using Q = Xapian::Query;

namespace {

// Every document Xapian's match finds for query, ascending.
MatchSets::Documents XapianMatches(const Xapian::Database& database, const Q& query) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet mset = enquire.get_mset(0, database.get_doccount() + 1);
  MatchSets::Documents documents(mset.begin(), mset.end());
  std::sort(documents.begin(), documents.end());
  return documents;
}

const std::vector<std::string> kWords = {"a", "b", "c", "d", "e", "f", "g", "h"};

// 300 documents, each holding each word with its own probability (a: 0.9 ... h: 0.05), at
// random positions 1 to 6, and the value slot 1 holding a random letter a to f.
void WriteRandomIndex(const std::string& path, std::mt19937& random) {
  Xapian::WritableDatabase writer(path, Xapian::DB_CREATE_OR_OVERWRITE);
  std::uniform_real_distribution<double> chance(0, 1);
  std::uniform_int_distribution<int> position(1, 6);
  const double probability[] = {0.9, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05};
  for (int i = 0; i < 300; ++i) {
    Xapian::Document document;
    for (std::size_t w = 0; w < kWords.size(); ++w) {
      if (chance(random) < probability[w]) {
        document.add_posting(kWords[w], static_cast<Xapian::termpos>(position(random)));
      }
    }
    document.add_value(1, std::string(1, static_cast<char>('a' + position(random) - 1)));
    document.add_term("all");
    writer.add_document(document);
  }
  writer.delete_document(17);  // the documents of MatchAll skip deleted ones
  writer.commit();
}

Q RandomWord(std::mt19937& random) {
  return Q(kWords[static_cast<std::size_t>(random()) % kWords.size()]);
}

// A random query of the operators MatchSets evaluates over term lists, with the phrases,
// NEAR pairs, value ranges and wildcards Xapian has to match, up to depth levels deep.
Q RandomQuery(std::mt19937& random, int depth) {
  std::uniform_int_distribution<int> pick(0, 99);
  const int leaf = pick(random);
  if (depth == 0 || leaf < 30) {
    if (leaf < 2) return Q::MatchAll;
    if (leaf < 4) return Q::MatchNothing;
    if (leaf < 6) return Q("absent");
    const Q pair[] = {RandomWord(random), RandomWord(random)};
    if (leaf < 9) return Q(Q::OP_PHRASE, pair, pair + 2);
    if (leaf < 12) return Q(Q::OP_NEAR, pair, pair + 2, 2);
    if (leaf < 14) return Q(Q::OP_VALUE_RANGE, 1, "b", "d");
    if (leaf < 15) return Q(Q::OP_WILDCARD, "a");
    return RandomWord(random);
  }
  const Q::op ops[] = {Q::OP_AND,    Q::OP_OR,        Q::OP_AND_NOT, Q::OP_XOR,
                       Q::OP_FILTER, Q::OP_AND_MAYBE, Q::OP_SYNONYM, Q::OP_MAX};
  const int op = pick(random) % 9;
  if (op == 8) return Q(Q::OP_SCALE_WEIGHT, RandomQuery(random, depth - 1), 0.5);
  std::vector<Q> subqueries;
  for (int i = 0, n = 1 + pick(random) % 4; i < n; ++i) {
    subqueries.push_back(RandomQuery(random, depth - 1));
  }
  return Q(ops[op], subqueries.begin(), subqueries.end());
}

}  // namespace

TEST_CASE("match sets are Xapian's matches for random queries of every operator") {
  lupe::testing::TempDir dir;
  const std::string path = (dir / "index").string();
  std::mt19937 random(20261126);
  WriteRandomIndex(path, random);
  const Xapian::Database database(path);
  const MatchSets sets;
  for (int i = 0; i < 2000; ++i) {
    const Q query = RandomQuery(random, 3);
    INFO(query.get_description());
    const MatchSets::Matches matches = sets.Of(database, query);
    CHECK(*matches.documents == XapianMatches(database, query));
    CHECK(matches.complete);
  }
  CHECK(sets.Of(database, Q::MatchAll).documents->size() == 299);
  CHECK(sets.Of(database, Q::MatchNothing).documents->empty());
  // A phrase only ranks on the right side of AND_MAYBE, as a NEAR pair does in an OR with
  // its own words (the parser's proximity in any-word mode).
  const Q pair[] = {Q("a"), Q("b")};
  const Q ranked(Q::OP_AND_MAYBE, Q("c"), Q(Q::OP_PHRASE, pair, pair + 2));
  CHECK(*sets.Of(database, ranked).documents == *sets.Of(database, Q("c")).documents);
}

TEST_CASE("match sets follow a new commit, and stay right past their budget") {
  lupe::testing::TempDir dir;
  const std::string path = (dir / "index").string();
  auto add = [&](const std::string& term, int copies) {
    Xapian::WritableDatabase writer(path, Xapian::DB_CREATE_OR_OPEN);
    for (int i = 0; i < copies; ++i) {
      Xapian::Document document;
      document.add_term(term);
      writer.add_document(document);
    }
    writer.commit();
  };
  add("strategie", 3);
  const Xapian::Database before(path);
  // Room for 4 document ids: "strategie" (3) fits, MatchAll after the commit (5) does not.
  const MatchSets sets(4);
  auto count = [&](const Xapian::Database& database, const Q& query) {
    return sets.Of(database, query).documents->size();
  };
  CHECK(count(before, Q("strategie")) == 3);
  add("bericht", 2);
  const Xapian::Database after(path);
  CHECK(count(after, Q("strategie")) == 3);
  CHECK(count(after, Q("bericht")) == 2);
  CHECK(count(after, Q::MatchAll) == 5);
  CHECK(count(after, Q::MatchAll) == 5);
  // The handle on the older revision still gets its own revision's documents.
  CHECK(count(before, Q::MatchAll) == 3);
  CHECK(count(before, Q("bericht")) == 0);
}

TEST_CASE("Gallop finds what lower_bound finds, from any start") {
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    MatchSets::Documents list;
    Xapian::docid docid = 0;
    for (int n = static_cast<int>(random() % 70); n > 0; --n) {
      docid += 1 + static_cast<Xapian::docid>(random() % 9);
      list.push_back(docid);
    }
    for (std::size_t from = 0; from <= list.size(); ++from) {
      const auto start = list.begin() + static_cast<std::ptrdiff_t>(from);
      for (Xapian::docid target = 0; target <= docid + 2; ++target) {
        INFO("round " << round << ", from " << from << ", target " << target);
        CHECK(lupe::search::Gallop(start, list.end(), target) ==
              std::lower_bound(start, list.end(), target));
      }
    }
  }
}

TEST_CASE("a term's postings hold its documents and its wdf in each, as the index does") {
  lupe::testing::TempDir dir;
  const std::string path = (dir / "index").string();
  {
    Xapian::WritableDatabase writer(path, Xapian::DB_CREATE_OR_OPEN);
    for (Xapian::termcount copies : {2u, 0u, 5u, 1u}) {
      Xapian::Document document;
      document.add_term("other");
      if (copies > 0) document.add_term("plan", copies);
      writer.add_document(document);
    }
    writer.commit();
  }
  const Xapian::Database database(path);
  const MatchSets sets;
  const auto revision = lupe::search::IndexRevision::Of(database);
  const auto plan = sets.PostingsOf(revision, database, "plan");
  CHECK(plan->documents == MatchSets::Documents{1, 3, 4});
  CHECK(plan->wdfs == std::vector<Xapian::termcount>{2, 5, 1});
  // The same list as the term's documents, and kept: asked again, the same object.
  CHECK(*sets.OfTerm(database, "plan") == plan->documents);
  CHECK(sets.PostingsOf(revision, database, "plan") == plan);
  const auto every = sets.PostingsOf(revision, database, "");
  CHECK(every->documents == MatchSets::Documents{1, 2, 3, 4});
  CHECK(every->wdfs == std::vector<Xapian::termcount>{1, 1, 1, 1});
  CHECK(sets.PostingsOf(revision, database, "absent")->documents.empty());
}

TEST_CASE("match sets are Xapian's matches for the queries the parser builds over corpus/") {
  lupe::testing::TempDir dir;
  const Xapian::Database database(lupe::testing::IndexCorpus(dir));
  const lupe::analyzers::Analyzer analyzer;
  const lupe::search::QueryParser parser(analyzer, {});
  const MatchSets sets;
  using Mode = lupe::search::QueryParser::Mode;
  for (const char* q :
       {"Strategie", "Smart-City-Strategie", "Bürger*innen Beteiligung", "Mobilitaet OR Verkehr",
        "Digitalisierung -Verwaltung", "title:Strategie Klimaschutz", "Datenplattform",
        "Wärmeplanung Energie Wasserstoff", "Bürgerbeteiligung", "kommunale Wärmeplanung"}) {
    for (const Mode mode : {Mode::kAllWords, Mode::kAnyWord}) {
      const Q query = parser.Parse(q, mode, nullptr, &database);
      INFO(q << ": " << query.get_description());
      const MatchSets::Documents documents = *sets.Of(database, query).documents;
      CHECK(documents == XapianMatches(database, query));
      if (mode == Mode::kAllWords) CHECK(!documents.empty());
    }
  }
}
