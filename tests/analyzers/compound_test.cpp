// Behaviour 4 (hyphenated compounds) and 6 (codes and numbers as written).
#include <catch2/catch.hpp>

#include "token_table.h"

using lupe::analyzers::Analyzer;
using lupe::analyzers::kCompoundHead;
using lupe::analyzers::kCompoundPart;
using lupe::analyzers::kJoined;
using lupe::analyzers::kNumeric;
using lupe::analyzers::kVariant;
using lupe::analyzers::Token;
using lupe::analyzers::testing::TermsAt;
using lupe::analyzers::testing::Texts;
using Terms = std::vector<std::string>;

TEST_CASE("hyphenated compounds yield their parts at consecutive positions and the joined word") {
  const Analyzer analyzer;
  struct Row {
    const char* input;
    Terms terms;
  };
  const Row rows[] = {
      {"Smart-City-Strategie", {"smart@0", "smartcitystrategie@0", "city@1", "strategie@2"}},
      {"SmartCity-Strategie", {"smartcity@0", "smartcitystrategie@0", "strategie@1"}},
      {"Smartcitystrategie", {"smartcitystrategie@0", "smart@0", "city@0", "strategie@0"}},
      {"E-Mobilit\xC3\xA4t", {"e@0", "emobilitaet@0", "mobilitaet@1"}},
      {"IT-Sicherheit", {"it@0", "itsicherheit@0", "sicherheit@1"}},
      {"5G-Netz", {"5g@0", "5gnetz@0", "netz@1"}},
      {"\xC3\x96PNV-Angebot", {"oepnv@0", "oepnvangebot@0", "angebot@1"}},
      {"Smart\xE2\x80\x90"
       "City",
       {"smart@0", "smartcity@0", "city@1"}},  // U+2010 hyphen
      {"die Smart-City-Strategie der Stadt",
       {"die@0", "smart@1", "smartcitystrategie@1", "city@2", "strategie@3", "der@4", "stadt@5"}},
  };
  for (const Row& row : rows) {
    INFO(row.input);
    CHECK(TermsAt(analyzer, row.input) == row.terms);
  }
}

TEST_CASE("the three spellings of a compound share the joined term") {
  const Analyzer analyzer;
  for (const char* spelling : {"Smart-City-Strategie", "SmartCity-Strategie", "Smartcitystrategie",
                               "SMART-CITY-STRATEGIE"}) {
    INFO(spelling);
    const Terms texts = Texts(analyzer, spelling);
    CHECK(std::find(texts.begin(), texts.end(), "smartcitystrategie") != texts.end());
  }
}

TEST_CASE("compound tokens carry flags and the offsets of what they come from") {
  const Analyzer analyzer;
  const std::string input = "Die E-Mobilit\xC3\xA4t";
  const std::vector<Token> tokens = analyzer.Analyze(input);
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[1].text == "e");
  CHECK(tokens[1].Has(kCompoundPart));
  CHECK(tokens[1].Has(kCompoundHead));
  CHECK(input.substr(tokens[1].start, tokens[1].end - tokens[1].start) == "E");
  CHECK(tokens[2].text == "emobilitaet");
  CHECK(tokens[2].Has(kJoined));
  CHECK(tokens[2].Has(kVariant));
  CHECK(input.substr(tokens[2].start, tokens[2].end - tokens[2].start) == "E-Mobilit\xC3\xA4t");
  CHECK(tokens[3].Has(kCompoundPart));
  CHECK_FALSE(tokens[3].Has(kCompoundHead));
  CHECK(input.substr(tokens[3].start, tokens[3].end - tokens[3].start) == "Mobilit\xC3\xA4t");
}

TEST_CASE("a hyphen next to a space or a dash between words does not join them") {
  const Analyzer analyzer;
  CHECK(TermsAt(analyzer, "Rad und Fu\xC3\x9Fweg") ==
        Terms{"rad@0", "und@1", "fussweg@2", "fuss@2", "weg@2"});
  CHECK(TermsAt(analyzer, "Ulm - Neu-Ulm") == Terms{"ulm@0", "neu@1", "neuulm@1", "ulm@2"});
  CHECK(TermsAt(analyzer,
                "Berlin\xE2\x80\x93"
                "Brandenburg") ==  // en dash
        Terms{"berlin@0", "brandenburg@1"});
}

TEST_CASE("codes and numbers stay searchable as written") {
  const Analyzer analyzer;
  struct Row {
    const char* input;
    Terms terms;
  };
  const Row rows[] = {
      {"MYK10", {"myk10@0"}},
      {"2022", {"2022@0"}},
      {"5G", {"5g@0"}},
      {"KfW-432", {"kfw@0", "kfw432@0", "432@1"}},
      {"\xC2\xA7 35 BauGB", {"35@0", "baugb@1"}},
      {"\xC2\xA7\xC2\xA7 3a", {"3a@0"}},
      {"1.000,50 Euro", {"1.000,50@0", "euro@1"}},
      {"2021-2025", {"2021@0", "2025@1"}},  // a range of numbers has no joined form
  };
  for (const Row& row : rows) {
    INFO(row.input);
    CHECK(TermsAt(analyzer, row.input) == row.terms);
  }
  for (const Token& token : analyzer.Analyze("MYK10 2022 5G")) {
    CHECK(token.Has(kNumeric));
    CHECK(token.stem.empty());  // numbers and codes are never stemmed
  }
}
