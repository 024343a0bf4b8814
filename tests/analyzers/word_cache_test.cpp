// The per-thread word cache: starts small, grows, and never answers wrongly.
#include "word_cache.h"

#include <catch2/catch.hpp>
#include <string>

using lupe::analyzers::TokenFlags;
using lupe::analyzers::WordCache;

TEST_CASE("the word cache finds every word it kept while it grows and starts over") {
  WordCache cache;
  std::string stem;
  TokenFlags flags = 0;
  CHECK_FALSE(cache.Find("strategie", stem, flags));
  // 300,000 words: the table grows from 1,024 slots to its maximum, then starts over.
  for (int i = 0; i < 300000; ++i) {
    const std::string word = "wort" + std::to_string(i);
    cache.Insert(word, "stamm" + std::to_string(i), static_cast<TokenFlags>(i & 0x7F));
    // The word just inserted and one from a while ago are found (or, after a start-over,
    // missing), never confused with another.
    REQUIRE(cache.Find(word, stem, flags));
    CHECK(stem == "stamm" + std::to_string(i));
    CHECK(flags == static_cast<TokenFlags>(i & 0x7F));
    if (i >= 1000 && cache.Find("wort" + std::to_string(i - 1000), stem, flags)) {
      CHECK(stem == "stamm" + std::to_string(i - 1000));
    }
  }
  CHECK_FALSE(cache.Find("wort", stem, flags));
}

TEST_CASE("the word cache keeps compound parts and updates an entry in place") {
  WordCache cache;
  std::string stem, parts;
  TokenFlags flags = 0;
  cache.Insert("radverkehr", "radverkehr", 0);
  REQUIRE(cache.Find("radverkehr", stem, flags, &parts));
  CHECK(parts.empty());
  cache.Update("radverkehr", "radverkehr", 1, std::string("\x00\x03\x03rad", 6));
  REQUIRE(cache.Find("radverkehr", stem, flags, &parts));
  CHECK(stem == "radverkehr");
  CHECK(flags == 1);
  CHECK(parts == std::string("\x00\x03\x03rad", 6));
  cache.Update("neu", "neu", 2, "");  // not cached yet: inserted
  REQUIRE(cache.Find("neu", stem, flags, &parts));
  CHECK(flags == 2);
}
