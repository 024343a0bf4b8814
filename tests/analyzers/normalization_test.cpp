// Behaviours 1-3 of the analysis chain: case and Unicode forms, umlaut and ß spellings,
// inflection.
#include <catch2/catch.hpp>

#include "token_table.h"

using lupe::analyzers::Analyzer;
using lupe::analyzers::testing::OnlyToken;
using lupe::analyzers::testing::TermsAt;
using lupe::analyzers::testing::Texts;

TEST_CASE("case and Unicode forms of a word are the same word") {
  const Analyzer analyzer;
  struct Row {
    const char* input;
    const char* text;
  };
  const Row rows[] = {
      {"DIGITALISIERUNG", "digitalisierung"},
      {"Digitalisierung", "digitalisierung"},
      {"B\xC3\xBCrger", "buerger"},                // composed ü
      {"Bu\xCC\x88rger", "buerger"},               // u + combining diaeresis
      {"\xEF\xAC\x81nanzierung", "finanzierung"},  // ligature ﬁ
      {"\xEF\xBC\xA4\xEF\xBC\xA9\xEF\xBC\xA7\xEF\xBC\xA9\xEF\xBC\xB4\xEF\xBC\xA1\xEF\xBC\xAC",
       "digital"},                                     // full-width ＤＩＧＩＴＡＬ
      {"Digitali\xC2\xADsierung", "digitalisierung"},  // soft hyphen from a PDF
      {"Caf\xC3\xA9", "cafe"},                         // other diacritics removed
  };
  for (const Row& row : rows) {
    INFO(row.input);
    CHECK(OnlyToken(analyzer, row.input).text == row.text);
  }
}

TEST_CASE("umlauts and their ASCII spellings meet, but a is not ä") {
  const Analyzer analyzer;
  struct Row {
    const char* input;
    const char* text;
    const char* stem;
  };
  const Row rows[] = {
      {"Stra\xC3\x9F"
       "e",
       "strasse", "strass"},
      {"Strasse", "strasse", "strass"},
      {"STRASSE", "strasse", "strass"},
      {"STRA\xE1\xBA\x9E"
       "E",
       "strasse", "strass"},  // capital ẞ
      {"B\xC3\xBCrger", "buerger", "buerg"},
      {"Buerger", "buerger", "buerg"},
      {"Burger", "burger", "burg"},
      {"W\xC3\xA4rmeplanung", "waermeplanung", "waermeplan"},
      {"Waermeplanung", "waermeplanung", "waermeplan"},
      {"\xC3\x96PNV", "oepnv", "oepnv"},
      {"Quelle", "quelle", "quell"},
      {"neue", "neue", "neu"},
      {"Steuer", "steuer", "steu"},
  };
  for (const Row& row : rows) {
    INFO(row.input);
    const auto token = OnlyToken(analyzer, row.input);
    CHECK(token.text == row.text);
    CHECK(token.stem == row.stem);
  }
  // Bürger and Burger share neither their exact form nor their stem.
  const auto buerger = OnlyToken(analyzer, "B\xC3\xBCrgern");
  const auto burger = OnlyToken(analyzer, "Burgern");
  CHECK(buerger.text != burger.text);
  CHECK(buerger.stem != burger.stem);
}

TEST_CASE("inflected forms share a stem and keep their exact form") {
  const Analyzer analyzer;
  struct Row {
    const char* a;
    const char* b;
  };
  const Row same_stem[] = {
      {"Strategien", "Strategie"},
      {"St\xC3\xA4"
       "dte",
       "Stadt"},
      {"St\xC3\xA4"
       "dten",
       "Stadt"},
      {"Staedte", "Stadt"},
      {"L\xC3\xA4nder", "Land"},
      {"Ma\xC3\x9Fnahmen", "Massnahme"},
      {"Kommunen", "Kommune"},
      {"Bahnh\xC3\xB6"
       "fe",
       "Bahnhof"},
      {"Digitalisierungen", "Digitalisierung"},
  };
  for (const Row& row : same_stem) {
    INFO(row.a << " ~ " << row.b);
    const auto a = OnlyToken(analyzer, row.a);
    const auto b = OnlyToken(analyzer, row.b);
    CHECK(a.stem == b.stem);
    CHECK(a.text != b.text);  // the exact form stays, so exact matches can rank higher
  }
  CHECK(OnlyToken(analyzer, "Strategien").stem == "strategi");
  CHECK(OnlyToken(analyzer,
                  "St\xC3\xA4"
                  "dte")
            .stem == "stadt");
}

TEST_CASE("a sentence yields one token per word at increasing positions") {
  const Analyzer analyzer;
  CHECK(TermsAt(analyzer, "Die Stadt plant Ma\xC3\x9Fnahmen.") ==
        std::vector<std::string>{"die@0", "stadt@1", "plant@2", "massnahmen@3"});
  CHECK(Texts(analyzer, "„Gemeinsam digital“ – »Ulm« ‚2030‘").size() == 4);
}
