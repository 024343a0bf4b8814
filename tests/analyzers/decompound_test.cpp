// Decompounding and suspended hyphens: compounds written as one word yield their parts
// as variants at the word's position; truncated words of a coordination are completed.
#include <catch2/catch.hpp>

#include "lupe/analyzers/error.h"
#include "token_table.h"

using lupe::analyzers::Analyzer;
using lupe::analyzers::AnalyzerOptions;
using lupe::analyzers::kCompleted;
using lupe::analyzers::kDecompoundPart;
using lupe::analyzers::kVariant;
using lupe::analyzers::Token;
using lupe::analyzers::testing::TermsAt;
using Terms = std::vector<std::string>;

namespace {

// The parts of a one-word input, in order (empty if it is no compound).
Terms Parts(const Analyzer& analyzer, std::string_view word) {
  Terms parts;
  for (const Token& token : analyzer.Analyze(word)) {
    if (token.Has(kDecompoundPart)) parts.push_back(token.text);
  }
  return parts;
}

}  // namespace

TEST_CASE("compounds split into their words, linking elements dropped") {
  const Analyzer analyzer;
  struct Row {
    const char* input;
    Terms parts;
  };
  const Row rows[] = {
      {"Quartiersentwicklung", {"quartier", "entwicklung"}},
      {"Bürgerbeteiligung", {"buerger", "beteiligung"}},
      {"Mobilitätsstationen", {"mobilitaet", "stationen"}},
      {"Stadtentwicklungskonzept", {"stadt", "entwicklung", "konzept"}},
      {"Klimaanpassungsstrategie", {"klima", "anpassung", "strategie"}},
      {"Datenplattform", {"daten", "plattform"}},
      {"Wärmeplanung", {"waerme", "planung"}},
      {"Radverkehr", {"rad", "verkehr"}},
      {"Fußverkehr", {"fuss", "verkehr"}},
      {"Verkehrsministerium", {"verkehr", "ministerium"}},
      {"Transferstelle", {"transfer", "stelle"}},
      {"Koordinierungsstelle", {"koordinierung", "stelle"}},
      {"Stadtplanung", {"stadt", "planung"}},
      {"Klimaschutzkonzept", {"klima", "schutz", "konzept"}},
      {"Digitalstrategie", {"digital", "strategie"}},
      {"Kommunalverwaltung", {"kommunal", "verwaltung"}},
      {"Wohnungsbau", {"wohnung", "bau"}},
      {"Gemeinderat", {"gemeinde", "rat"}},
      {"Bauamt", {"bau", "amt"}},
      {"Verkehrswende", {"verkehr", "wende"}},
      {"Energieversorgung", {"energie", "versorgung"}},
      {"Sensornetz", {"sensor", "netz"}},
      {"Ladeinfrastruktur", {"lade", "infrastruktur"}},
      {"Hitzeschutz", {"hitze", "schutz"}},
      {"Freiraumplanung", {"freiraum", "planung"}},
      {"Beteiligungsplattform", {"beteiligung", "plattform"}},
      {"Mobilitätskonzept", {"mobilitaet", "konzept"}},
      {"Datenstrategie", {"daten", "strategie"}},
      {"Jugendbeteiligung", {"jugend", "beteiligung"}},
      {"Gebäudesanierung", {"gebaeude", "sanierung"}},
      {"Abwasserentsorgung", {"abwasser", "entsorgung"}},
      {"Klimaneutralität", {"klima", "neutralitaet"}},
      {"Nahverkehrsplan", {"nahverkehr", "plan"}},
      {"Förderprogramm", {"foerder", "programm"}},
  };
  for (const Row& row : rows) {
    INFO(row.input);
    CHECK(Parts(analyzer, row.input) == row.parts);
  }
}

TEST_CASE("words that only look like compounds stay whole") {
  const Analyzer analyzer;
  for (const char* word :
       {"Verwaltung",  "Beamte",          "Bauern",        "Erdbeere",       "Zeitung",
        "Bedienung",   "Verantwortung",   "Ausstellung",   "Entwicklung",    "Beteiligung",
        "Mobilität",   "Digitalisierung", "Unterstützung", "Einrichtung",    "Vorstellung",
        "Wirtschaft",  "Gesellschaft",    "Landschaft",    "Bürgerinnen",    "Regierung",
        "Bevölkerung", "Versorgung",      "Anpassung",     "Umsetzung",      "Gemeinde",
        "Strategie",   "Ministerium",     "Infrastruktur", "Nachhaltigkeit", "Veranstaltung",
        "Erfahrung",   "Ordnung",         "Mitarbeiter",   "Unternehmen",    "Zusammenarbeit",
        "Brandenburg", "Magdeburg",       "Berlin",        "Kommune",        "Stadt"}) {
    INFO(word);
    CHECK(Parts(analyzer, word).empty());
  }
}

TEST_CASE("parts are variants at the position and offsets of their word") {
  const Analyzer analyzer;
  const std::string input = "Das Stadtentwicklungskonzept gilt";
  CHECK(TermsAt(analyzer, input) == Terms{"das@0", "stadtentwicklungskonzept@1", "stadt@1",
                                          "entwicklung@1", "konzept@1", "gilt@2"});
  for (const Token& token : analyzer.Analyze(input)) {
    if (!token.Has(kDecompoundPart)) continue;
    CHECK(token.Has(kVariant));
    CHECK(input.substr(token.start, token.end - token.start) == "Stadtentwicklungskonzept");
  }
  // The last part of a hyphenated compound is split too.
  CHECK(TermsAt(analyzer, "Smart-City-Mobilitätsstrategie") ==
        Terms{"smart@0", "smartcitymobilitaetsstrategie@0", "city@1", "mobilitaetsstrategie@2",
              "mobilitaet@2", "strategie@2"});
}

TEST_CASE("suspended hyphens complete the truncated words of a coordination") {
  const Analyzer analyzer;
  struct Row {
    const char* input;
    Terms terms;
  };
  const Row rows[] = {
      {"Koordinierungs- und Transferstelle",
       {"koordinierungs@0", "koordinierungsstelle@0", "und@1", "transferstelle@2", "transfer@2",
        "stelle@2"}},
      {"Rad- und Fußverkehr",
       {"rad@0", "radverkehr@0", "und@1", "fussverkehr@2", "fuss@2", "verkehr@2"}},
      {"Bau-, Wohnungs- und Verkehrsministerium",
       {"bau@0", "bauministerium@0", "wohnungs@1", "wohnungsministerium@1", "und@2",
        "verkehrsministerium@3", "verkehr@3", "ministerium@3"}},
      {"Stadtentwicklung und -planung",
       {"stadtentwicklung@0", "stadt@0", "entwicklung@0", "und@1", "planung@2", "stadtplanung@2"}},
      {"Rad- oder Fußverkehr",
       {"rad@0", "radverkehr@0", "oder@1", "fussverkehr@2", "fuss@2", "verkehr@2"}},
      {"Wärme- sowie Verkehrswende",
       {"waerme@0", "waermewende@0", "sowie@1", "verkehrswende@2", "verkehr@2", "wende@2"}},
      // Not suspended hyphens: no conjunction, or nothing to borrow.
      {"E- Mail", {"e@0", "mail@1"}},
      {"Ulm - Neu-Ulm", {"ulm@0", "neu@1", "neuulm@1", "ulm@2"}},
      {"Rad- und Gehweg", {"rad@0", "und@1", "gehweg@2"}},
      {"Stadt und -land", {"stadt@0", "und@1", "land@2"}},
  };
  for (const Row& row : rows) {
    INFO(row.input);
    CHECK(TermsAt(analyzer, row.input) == row.terms);
  }
  const std::string input = "Rad- und Fußverkehr";
  const Token completed = analyzer.Analyze(input)[1];
  CHECK(completed.Has(kCompleted));
  CHECK(completed.Has(kVariant));
  CHECK(input.substr(completed.start, completed.end - completed.start) == "Rad");
}

TEST_CASE("a missing word list is a configuration error") {
  AnalyzerOptions options;
  options.word_list = "/nonexistent/ngerman";
  try {
    const Analyzer analyzer(options);
    FAIL("no error");
  } catch (const lupe::Error& error) {
    CHECK(error.code() == lupe::ErrorCode::kConfig);
    CHECK(std::string(error.what()).find("wngerman") != std::string::npos);
  }
}

TEST_CASE("the fingerprint names the analyzer version and the word list's hash") {
  const Analyzer analyzer;
  CHECK(analyzer.Fingerprint().rfind("lupe-de/3 ", 0) == 0);
  CHECK(analyzer.Fingerprint().find(" words=") != std::string::npos);
}
