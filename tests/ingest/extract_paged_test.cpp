// PDF, DOCX and ODT extraction: pages, hyphenation, office structure and properties.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract_fixture.h"
#include "lupe/ingest/extractor.h"

namespace {

using lupe::ingest::ExtractedDocument;
using lupe::ingest::Format;

using lupe::ingest::testing::ExtractFixture;

}  // namespace

TEST_CASE("a two-page PDF yields both pages, their start offsets and its properties") {
  const auto document = ExtractFixture(Format::kPdf, "two-pages.pdf");
  CHECK(document.title == "Digitalbericht");
  CHECK(document.author == "Stadt Musterstadt");
  CHECK(document.description == "Jahresbericht");
  CHECK(document.keywords == std::vector<std::string>{"Digitalisierung", "Verwaltung"});
  CHECK(document.date == "2021-03-15");
  REQUIRE(document.page_starts.size() == 2);
  CHECK(document.page_starts[0] == 0);
  CHECK(document.text.substr(document.page_starts[1]).starts_with("Zweite Seite mit Fazit"));
  CHECK(document.text.substr(0, document.page_starts[1]).starts_with("Erste Seite des Berichts"));
  CHECK(document.text.find("Größere Schritte folgen.") != std::string::npos);
}

TEST_CASE("PDF words hyphenated across lines are joined, real hyphens kept") {
  const auto document = ExtractFixture(Format::kPdf, "two-pages.pdf");
  CHECK(document.text.find("Die Digitalisierung der Verwaltung") != std::string::npos);
  CHECK(document.text.find("Bus-\nUnd Bahn") != std::string::npos);  // next line upper-case
}

TEST_CASE("a lone page number at the foot of a PDF page is not text") {
  const auto document = ExtractFixture(Format::kPdf, "two-pages.pdf");
  CHECK_FALSE(document.text.ends_with("2"));
}

TEST_CASE("DOCX paragraphs, tabs, breaks and table cells - deleted text and field codes left out") {
  const auto document = ExtractFixture(Format::kDocx, "sample.docx");
  CHECK(document.text ==
        "Wärmeplan Musterstadt\n\nSpalte nach Tab\nneue Zeile\n\nSichtbar\n\n"
        "Zelle eins\n\nZelle zwei");
  CHECK(document.title == "Kommunaler Wärmeplan");
  CHECK(document.author == "Stadtwerke Musterstadt");
  CHECK(document.description == "Wärmeplanung");
  CHECK(document.keywords == std::vector<std::string>{"Wärme", "Energie"});
  CHECK(document.date == "2022-11-03");
}

TEST_CASE("ODT headings, spaces, tabs, line breaks, lists and tables - comments left out") {
  const auto document = ExtractFixture(Format::kOdt, "sample.odt");
  CHECK(document.text ==
        "Leitbild Grünes Quartier\n\nWort Abstand Tab\nUmbruch\n\nListenpunkt eins\n\n"
        "Zelle A\n\nZelle B\n\nMit Notiz");
  CHECK(document.title == "Quartierskonzept");
  CHECK(document.author == "Planungsamt");  // initial creator, not the last editor
  CHECK(document.description == "Stadtentwicklung");
  CHECK(document.keywords == std::vector<std::string>{"Quartier", "Grün"});
  CHECK(document.date == "2020-09-01");  // creation date before dc:date
}
