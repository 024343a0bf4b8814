// Ranking: a query rewritten to weigh its terms with the document-length table (and with
// the terms' postings kept by MatchSets) must rank exactly as Xapian's own BM25 ranks the
// query: the same documents in the same order, the same weights and percentages.
#include "lupe/search/ranking.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/search/match_sets.h"
#include "lupe/search/query_parser.h"
#include "support/searchd_daemon.h"

using lupe::search::MatchSets;
using lupe::search::Ranking;
using Q = Xapian::Query;

namespace {

const Ranking::Parameters kParameters{0.8, 0.9, 0.5};
const std::vector<std::string> kWords = {"a", "b", "c", "d", "e", "f", "g", "h"};

// 400 documents of 1 to 40 words: each word of kWords with its own probability (a: 0.9 ...
// h: 0.05) and 1 to 4 times, filler words for the rest; value slot 1 a letter a to f.
void WriteRandomIndex(const std::string& path, std::mt19937& random, int documents = 400) {
  Xapian::WritableDatabase writer(path, Xapian::DB_CREATE_OR_OPEN);
  std::uniform_real_distribution<double> chance(0, 1);
  std::uniform_int_distribution<int> count(1, 4);
  std::uniform_int_distribution<int> length(1, 40);
  const double probability[] = {0.9, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05};
  for (int i = 0; i < documents; ++i) {
    Xapian::Document document;
    Xapian::termpos position = 0;
    for (std::size_t w = 0; w < kWords.size(); ++w) {
      if (chance(random) >= probability[w]) continue;
      for (int n = count(random); n > 0; --n) document.add_posting(kWords[w], ++position);
    }
    for (int n = length(random); n > 0; --n) document.add_posting("filler", ++position);
    document.add_value(1, std::string(1, static_cast<char>('a' + count(random))));
    writer.add_document(document);
  }
  writer.commit();
}

Q RandomWord(std::mt19937& random) {
  return Q(kWords[static_cast<std::size_t>(random()) % kWords.size()]);
}

// A random query of every operator, with terms of the query twice (wqf 2) or with a
// position, up to depth levels deep; factors of OP_SCALE_WEIGHT from factors. simple: only
// the operators the parser uses, no wildcard, for a combined Database (Xapian 1.4 may crash
// on MAX or SYNONYM over one; see Ranking about wildcards).
Q RandomQuery(std::mt19937& random, int depth, const std::vector<double>& factors,
              bool simple = false) {
  std::uniform_int_distribution<int> pick(0, 99);
  const int leaf = pick(random);
  if (depth == 0 || leaf < 30) {
    if (leaf < 2) return simple ? RandomWord(random) : Q::MatchAll;
    if (leaf < 3) return Q::MatchNothing;
    if (leaf < 5) return Q("absent");
    // Two different words: Xapian 1.4 may crash weighing a word NEAR itself in a SYNONYM.
    const std::size_t first = static_cast<std::size_t>(random()) % kWords.size();
    const std::size_t second = (first + 1 + static_cast<std::size_t>(random()) % 7) % kWords.size();
    const Q pair[] = {Q(kWords[first]), Q(kWords[second])};
    if (leaf < 8) return Q(Q::OP_PHRASE, pair, pair + 2);
    if (leaf < 11) return Q(Q::OP_NEAR, pair, pair + 2, 3);
    if (leaf < 13) return Q(Q::OP_VALUE_RANGE, 1, "b", "d");
    if (leaf < 14) return simple ? RandomWord(random) : Q(Q::OP_WILDCARD, "f");
    if (leaf < 16) return Q(kWords[static_cast<std::size_t>(random()) % kWords.size()], 2);
    if (leaf < 18) return Q(kWords[static_cast<std::size_t>(random()) % kWords.size()], 1, 3);
    return RandomWord(random);
  }
  const Q::op ops[] = {Q::OP_AND,    Q::OP_OR,        Q::OP_AND_NOT, Q::OP_XOR,
                       Q::OP_FILTER, Q::OP_AND_MAYBE, Q::OP_SYNONYM, Q::OP_MAX};
  const int op = simple ? std::vector<int>{0, 1, 2, 4, 5, 8}[pick(random) % 6] : pick(random) % 10;
  if (op >= 8) {
    const double factor = factors[static_cast<std::size_t>(random()) % factors.size()];
    return Q(Q::OP_SCALE_WEIGHT, RandomQuery(random, depth - 1, factors, simple), factor);
  }
  std::vector<Q> subqueries;
  const std::size_t word = static_cast<std::size_t>(random()) % kWords.size();
  for (int i = 0, n = 1 + pick(random) % 4; i < n; ++i) {
    // A synonym of different words: Xapian 1.4 may crash on a synonym of a word and itself.
    subqueries.push_back(ops[op] == Q::OP_SYNONYM
                             ? Q(kWords[(word + static_cast<std::size_t>(i)) % kWords.size()])
                             : RandomQuery(random, depth - 1, factors, simple));
  }
  return Q(ops[op], subqueries.begin(), subqueries.end());
}

Xapian::MSet Ranked(const Xapian::Database& database, const Q& query, const Ranking& ranking,
                    Xapian::doccount first, Xapian::doccount check_at_least) {
  Xapian::Enquire enquire(database);
  enquire.set_weighting_scheme(ranking.Weight());
  enquire.set_query(query);
  return enquire.get_mset(first, 10, check_at_least);
}

// rewritten ranks as Xapian ranks query: page from first, with and without pruning.
void CheckSamePages(const Xapian::Database& database, const Q& query, const Q& rewritten,
                    const Ranking& ranking) {
  for (const auto& [first, check_at_least] :
       {std::pair<Xapian::doccount, Xapian::doccount>{0, 0}, {3, database.get_doccount()}}) {
    const Xapian::MSet xapian = Ranked(database, query, ranking, first, check_at_least);
    const Xapian::MSet ours = Ranked(database, rewritten, ranking, first, check_at_least);
    REQUIRE(ours.size() == xapian.size());
    for (Xapian::doccount i = 0; i < xapian.size(); ++i) {
      INFO("rank " << first + i);
      CHECK(*ours[i] == *xapian[i]);
      CHECK(ours[i].get_weight() == Approx(xapian[i].get_weight()).epsilon(1e-12));
      CHECK(ours[i].get_percent() == xapian[i].get_percent());
    }
    if (check_at_least != 0) {
      CHECK(ours.get_matches_estimated() == xapian.get_matches_estimated());
    }
  }
}

// The rewritten query ranks as Xapian ranks query: page from first, with and without
// pruning; rewritten once with the postings from the index and once with those kept by
// postings (the same MatchSets across calls, as in searchd).
void CheckSameRanking(const Xapian::Database& database, const Q& query, const Ranking& ranking,
                      const MatchSets& postings) {
  for (const MatchSets* kept : {static_cast<const MatchSets*>(nullptr), &postings}) {
    INFO((kept == nullptr ? "postings from the index" : "postings kept"));
    const Q rewritten = ranking.Rewrite(database, query, kept);
    try {
      Ranked(database, query, ranking, 0, 0);
    } catch (const Xapian::Error& error) {
      // Queries Xapian cannot weigh (a synonym of a value range, say) fail alike.
      INFO(error.get_description());
      CHECK_THROWS_AS(Ranked(database, rewritten, ranking, 0, 0), Xapian::Error);
      return;
    }
    CheckSamePages(database, query, rewritten, ranking);
  }
}

// A random index (WriteRandomIndex) in a directory of its own.
struct RandomIndex {
  explicit RandomIndex(std::uint32_t seed) : random(seed) {
    WriteRandomIndex(path, random);
    database = Xapian::Database(path);
  }
  lupe::testing::TempDir dir;
  const std::string path = (dir / "index").string();
  std::mt19937 random;
  Xapian::Database database;
};

}  // namespace

TEST_CASE("the rewrite weighs the query's terms itself and leaves Xapian what it must match") {
  RandomIndex index(7);
  const Xapian::Database& database = index.database;
  const Ranking ranking(kParameters);
  CHECK(ranking.Rewrite(database, Q("a")).get_type() == Q::LEAF_POSTING_SOURCE);
  // Inside a factor, on both sides of AND_MAYBE, on the weighted side of FILTER.
  const Q pair[] = {Q("a"), Q("b")};
  const Q phrase(Q::OP_PHRASE, pair, pair + 2);
  const Q query(Q::OP_FILTER,
                Q(Q::OP_AND_MAYBE, Q(Q::OP_SCALE_WEIGHT, Q("c"), 0.5), Q(Q::OP_OR, Q("d"), phrase)),
                Q("e"));
  const Q rewritten = ranking.Rewrite(database, query);
  const std::string description = rewritten.get_description();
  INFO(description);
  CHECK(description.find("0.5 * PostingSource(") != std::string::npos);
  CHECK(description.find(" c") == std::string::npos);
  CHECK(description.find(" d") == std::string::npos);
  // What Xapian matches stays: the phrase, the filter.
  CHECK(description.find(phrase.get_description().substr(6, 10)) != std::string::npos);
  CHECK(description.find("FILTER e") != std::string::npos);
  // Terms twice in the query stay Xapian's, as does everything without length
  // normalisation.
  CHECK(ranking.Rewrite(database, Q("a", 2)).get_type() == Q::LEAF_TERM);
  CHECK(Ranking({0.8, 0, 0.5}).Rewrite(database, Q("a")).get_type() == Q::LEAF_TERM);
  CHECK(Ranking({0, 0.9, 0.5}).Rewrite(database, Q("a")).get_type() == Q::LEAF_TERM);
}

TEST_CASE("the rewritten query ranks as Xapian's BM25 for random queries of every operator") {
  RandomIndex index(20261126);
  const Xapian::Database& database = index.database;
  const Ranking ranking(kParameters);
  const MatchSets postings;
  // Factors that scale exactly in binary (the parser's 0.5 among them).
  const std::vector<double> factors = {0.5, 2, 0.25, 1};
  for (int i = 0; i < 600; ++i) {
    const Q query = RandomQuery(index.random, 3, factors);
    INFO(query.get_description());
    CheckSameRanking(database, query, ranking, postings);
  }
  // A MatchSets that keeps nothing (its budget too small for any list) hands out each
  // list all the same.
  const MatchSets keeps_nothing(0);
  for (int i = 0; i < 100; ++i) {
    const Q query = RandomQuery(index.random, 3, factors);
    INFO(query.get_description());
    CheckSameRanking(database, query, ranking, keeps_nothing);
  }
}

TEST_CASE("any other factor gives each document the same weight, to rounding") {
  RandomIndex index(11);
  const Xapian::Database& database = index.database;
  const Ranking ranking(kParameters);
  for (const double factor : {1.0 / 3, 0.1, 0.7}) {
    const Q query(Q::OP_OR, Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_AND, Q("a"), Q("c")), factor), Q("b"));
    auto weights = [&](const Q& q) {
      Xapian::Enquire enquire(database);
      enquire.set_weighting_scheme(ranking.Weight());
      enquire.set_query(q);
      std::map<Xapian::docid, double> of;
      const Xapian::MSet mset = enquire.get_mset(0, database.get_doccount());
      for (auto it = mset.begin(); it != mset.end(); ++it) of[*it] = it.get_weight();
      return of;
    };
    const auto xapian = weights(query);
    const auto ours = weights(ranking.Rewrite(database, query));
    REQUIRE(ours.size() == xapian.size());
    REQUIRE(!ours.empty());
    for (const auto& [docid, weight] : xapian)
      CHECK(ours.at(docid) == Approx(weight).epsilon(1e-12));
  }
}

TEST_CASE("the ranking stays Xapian's after a commit, on the older handle, and over shards") {
  lupe::testing::TempDir dir;
  const std::string path = (dir / "index").string();
  std::mt19937 random(3);
  WriteRandomIndex(path, random, 200);
  const Xapian::Database before(path);
  const Ranking ranking(kParameters);
  const MatchSets postings;
  const std::vector<double> factors = {0.5};
  std::vector<Q> queries;
  for (int i = 0; i < 100; ++i) queries.push_back(RandomQuery(random, 2, factors, true));
  for (const Q& query : queries) CheckSameRanking(before, query, ranking, postings);
  // A commit changes the lengths' average and the terms' frequencies.
  WriteRandomIndex(path, random, 150);
  const Xapian::Database after(path);
  REQUIRE(after.get_doccount() == 350);
  for (const Q& query : queries) {
    INFO(query.get_description());
    CheckSameRanking(after, query, ranking, postings);
    CheckSameRanking(before, query, ranking, postings);
  }
  // Two shards in one Database: each posting source sees a shard, not the table's index.
  const std::string other = (dir / "other").string();
  WriteRandomIndex(other, random, 120);
  Xapian::Database combined(path);
  combined.add_database(Xapian::Database(other));
  for (const Q& query : queries) {
    INFO(query.get_description());
    CheckSameRanking(combined, query, ranking, postings);
  }
}

TEST_CASE("the parser's queries over corpus/ rank as Xapian ranks them") {
  lupe::testing::TempDir dir;
  const Xapian::Database database(lupe::testing::IndexCorpus(dir));
  const lupe::analyzers::Analyzer analyzer;
  const lupe::search::QueryParser parser(analyzer, {});
  const Ranking ranking(kParameters);
  const MatchSets postings;
  using Mode = lupe::search::QueryParser::Mode;
  for (const char* q :
       {"Strategie", "Smart-City-Strategie", "Bürger*innen Beteiligung", "Mobilitaet OR Verkehr",
        "Digitalisierung -Verwaltung", "title:Strategie Klimaschutz", "Datenplattform",
        "\"digitale Verwaltung\" Portal", "Wärmeplanung Energie Wasserstoff",
        "Wie beteiligen Kommunen ihre Bürger an der Wärmeplanung?"}) {
    for (const Mode mode : {Mode::kAllWords, Mode::kAnyWord}) {
      const Q query = parser.Parse(q, mode, nullptr, &database);
      INFO(q << ": " << query.get_description());
      CheckSameRanking(database, query, ranking, postings);
    }
  }
}
