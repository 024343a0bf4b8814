// The [searchd] section of the config file: the ranking keys reach SearchdConfig, and values out of
// range are refused by name.
#include "lupe/search/searchd_config.h"

#include <catch2/catch.hpp>
#include <string>

#include "lupe/analyzers/error.h"
#include "support/temp_dir.h"

using lupe::search::LoadSearchdConfig;
using lupe::testing::TempDir;

namespace {

// A config file with one facet and the given [searchd] lines.
std::string Config(const std::string& searchd) {
  return "[facets]\norder = type\n[facet.type]\nsource = type\nkind = string\nslot = 10\n"
         "[searchd]\n" +
         searchd;
}

}  // namespace

TEST_CASE(
    "the ranking keys of searchd set BM25, the relax rule and the weights of exact and part "
    "matches") {
  const TempDir dir;
  const auto file =
      dir.Write("lupe.ini", Config("bm25_k1 = 1.1\nbm25_b = 0.6\nexact_weight = 0.25\n"
                                   "part_weight = 0.3\nrelax_below = 5\n"
                                   "question_words = 3\n"));
  const auto config = LoadSearchdConfig(file.string());
  CHECK(config.bm25_k1 == 1.1);
  CHECK(config.bm25_b == 0.6);
  CHECK(config.query_terms.exact_weight == 0.25);
  CHECK(config.query_terms.part_weight == 0.3);
  CHECK(config.relax_below == 5);
  CHECK(config.question_words == 3);
}

TEST_CASE("the shipped config file holds the built-in ranking defaults") {
  const auto shipped = LoadSearchdConfig(std::string(LUPE_SOURCE_DIR) + "/config/lupe.ini");
  const lupe::search::SearchdConfig defaults;
  CHECK(shipped.bm25_k1 == defaults.bm25_k1);
  CHECK(shipped.bm25_b == defaults.bm25_b);
  CHECK(shipped.query_terms.exact_weight == defaults.query_terms.exact_weight);
  CHECK(shipped.query_terms.part_weight == defaults.query_terms.part_weight);
  CHECK(shipped.relax_below == defaults.relax_below);
  CHECK(shipped.question_words == defaults.question_words);
  CHECK(shipped.proximity_window == defaults.proximity_window);
  CHECK(shipped.proximity_weight == defaults.proximity_weight);
  CHECK(shipped.match_cache_mb == defaults.match_cache_mb);
}

TEST_CASE("match_cache_mb sets the memory for the posting lists of query terms") {
  const TempDir dir;
  CHECK(LoadSearchdConfig(dir.Write("a.ini", Config("match_cache_mb = 8\n")).string())
            .match_cache_mb == 8);
  CHECK(LoadSearchdConfig(dir.Write("b.ini", Config("match_cache_mb = 0\n")).string())
            .match_cache_mb == 0);
  CHECK_THROWS_WITH(LoadSearchdConfig(dir.Write("c.ini", Config("match_cache_mb = -1\n")).string()),
                    Catch::Contains("match_cache_mb"));
}

TEST_CASE("a part weight above 1 is refused, naming the key") {
  const TempDir dir;
  const auto file = dir.Write("lupe.ini", Config("part_weight = 2\n"));
  try {
    LoadSearchdConfig(file.string());
    FAIL("part_weight 2 accepted");
  } catch (const lupe::Error& error) {
    INFO(error.what());
    CHECK(error.code() == lupe::ErrorCode::kConfig);
    CHECK(std::string(error.what()).find("part_weight") != std::string::npos);
  }
}
