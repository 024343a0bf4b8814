// Behaviour 5: gender-inclusive forms are one word family.
#include <catch2/catch.hpp>

#include "token_table.h"

using lupe::analyzers::Analyzer;
using lupe::analyzers::kGender;
using lupe::analyzers::kGenderBase;
using lupe::analyzers::kVariant;
using lupe::analyzers::Token;
using lupe::analyzers::testing::TermsAt;
using Terms = std::vector<std::string>;

TEST_CASE("every gender-inclusive spelling yields the feminine plural and the base") {
  const Analyzer analyzer;
  // ICU splits some of these ("*", "/") and keeps others whole (":", "·", "_", Binnen-I);
  // all end the same way.
  for (const char* spelling :
       {"B\xC3\xBCrger*innen", "B\xC3\xBCrger:innen", "B\xC3\xBCrger_innen", "B\xC3\xBCrger/-innen",
        "B\xC3\xBCrger/innen", "B\xC3\xBCrger\xC2\xB7innen", "B\xC3\xBCrgerInnen",
        "B\xC3\xBCrger*Innen", "B\xC3\xBCrger(innen)"}) {
    INFO(spelling);
    CHECK(TermsAt(analyzer, spelling) == Terms{"buergerinnen@0", "buerger@0"});
    const std::vector<Token> tokens = analyzer.Analyze(spelling);
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].Has(kGender));
    CHECK(tokens[1].Has(kVariant));
    CHECK(tokens[1].Has(kGenderBase));
    // Both cover the whole written form, so highlighting marks all of it.
    CHECK(tokens[0].start == 0);
    CHECK(tokens[0].end == std::string(spelling).size());
    CHECK(tokens[1].end == tokens[0].end);
  }
}

TEST_CASE("singular gender forms and other words with gender forms") {
  const Analyzer analyzer;
  CHECK(TermsAt(analyzer, "Sachbearbeiter/in") == Terms{"sachbearbeiterin@0", "sachbearbeiter@0"});
  CHECK(TermsAt(analyzer, "LehrerIn") == Terms{"lehrerin@0", "lehrer@0"});
  CHECK(TermsAt(analyzer, "Mitarbeiter*innen und Einwohner:innen") ==
        Terms{"mitarbeiterinnen@0", "mitarbeiter@0", "und@1", "einwohnerinnen@2", "einwohner@2"});
  // The plain feminine form is an ordinary word: it matches the gender forms' main term.
  CHECK(TermsAt(analyzer, "B\xC3\xBCrgerinnen") == Terms{"buergerinnen@0"});
}

TEST_CASE("a gender form inside a hyphenated compound") {
  const Analyzer analyzer;
  CHECK(TermsAt(analyzer, "Nutzer_innen-Beteiligung") ==
        Terms{"nutzerinnen@0", "nutzer@0", "nutzerinnenbeteiligung@0", "beteiligung@1"});
}

TEST_CASE("ordinary colons, slashes and underscores between other words separate them") {
  const Analyzer analyzer;
  CHECK(TermsAt(analyzer, "Ziel:Stadt") == Terms{"ziel@0", "stadt@1"});
  CHECK(TermsAt(analyzer, "und/oder") == Terms{"und@0", "oder@1"});
  CHECK(TermsAt(analyzer, "Strategie_final") == Terms{"strategie@0", "final@1"});
  CHECK(TermsAt(analyzer, "Bayern/Innenministerium") == Terms{"bayern@0", "innenministerium@1"});
  CHECK(TermsAt(analyzer, "10:30 Uhr") == Terms{"10@0", "30@1", "uhr@2"});
  CHECK(TermsAt(analyzer,
                "Innen und Au\xC3\x9F"
                "en") == Terms{"innen@0", "und@1", "aussen@2"});
}
