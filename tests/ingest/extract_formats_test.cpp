// Text, Markdown, HTML and XML extraction: what ends up in text and metadata.

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

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("formats are named and chosen by file extension, sidecars skipped") {
  using lupe::ingest::FormatForPath;
  CHECK(FormatForPath("a/b.TXT") == Format::kText);
  CHECK(FormatForPath("b.markdown") == Format::kMarkdown);
  CHECK(FormatForPath("b.htm") == Format::kHtml);
  CHECK(FormatForPath("b.xhtml") == Format::kHtml);
  CHECK(FormatForPath("b.xml") == Format::kXml);
  CHECK(FormatForPath("b.Pdf") == Format::kPdf);
  CHECK(FormatForPath("b.docx") == Format::kDocx);
  CHECK(FormatForPath("b.odt") == Format::kOdt);
  CHECK_FALSE(FormatForPath("b.pdf.meta.xml"));
  CHECK_FALSE(FormatForPath("b.doc"));
  CHECK_FALSE(FormatForPath("README"));
  CHECK(std::string(lupe::ingest::FormatName(Format::kMarkdown)) == "markdown");
  CHECK(std::string(lupe::ingest::FormatName(Format::kOdt)) == "odt");
}

TEST_CASE("Windows-1252 text with CRLF is decoded and normalised to LF paragraphs") {
  const auto document = ExtractFixture(Format::kText, "legacy-cp1252-crlf.txt");
  CHECK(document.text ==
        "Straßenbäume für Köln\n\n"
        "Die Stadt pflanzt „Zukunftsbäume“ in Grünflächen.\nGrößere Flächen folgen 2025.\n\n"
        "Übersicht der Maßnahmen");
  CHECK(document.title == "Straßenbäume für Köln");
}

TEST_CASE("a UTF-8 byte order mark is not part of the text") {
  const auto document = ExtractFixture(Format::kText, "utf8-bom.txt");
  CHECK(document.title == "Titel mit BOM");
  CHECK(document.text == "Titel mit BOM\n\nZweiter Absatz über Öffnungszeiten.");
}

TEST_CASE("Markdown syntax is removed and front matter becomes metadata") {
  const auto document = ExtractFixture(Format::kMarkdown, "front-matter.md");
  CHECK(document.title == "Radverkehrsplan Musterstadt");
  CHECK(document.author == "Stadt Musterstadt, Tiefbauamt");
  CHECK(document.date == "2023-06-30");
  CHECK(document.description == "Plan für sichere Radwege");
  CHECK(document.keywords == std::vector<std::string>{"Radverkehr", "Mobilität"});
  const std::string& text = document.text;
  CHECK(text.starts_with("Überschrift im Text\n\n"));
  CHECK(Has(text, "Ein Absatz mit Betonung, Fettdruck, Code und einem Link zur Stadt."));
  CHECK(Has(text, "\n\nKarte der Radwege\n\n"));
  CHECK(Has(text, "erster Punkt\n\nzweiter Punkt"));
  CHECK(Has(text, "Zitat aus dem Stadtrat"));
  CHECK(Has(text, "code block zeile"));
  CHECK(Has(text, "Maßnahme\n\nKosten\n\nRadweg Nord\n\n1,2 Mio."));
  for (const char* syntax : {"#", "*", "`", "](", "https://", "---", "|", "title:", "<div"}) {
    INFO(syntax);
    CHECK_FALSE(Has(text, syntax));
  }
}

TEST_CASE("a Markdown document without front matter takes its first heading as title") {
  const auto document = ExtractFixture(Format::kMarkdown, "headings.md");
  CHECK(document.title == "Zweite Ebene zuerst");
  CHECK(document.text == "Vorspann ohne Überschrift\n\nZweite Ebene zuerst\n\nText.");
}

TEST_CASE("HTML yields visible text and head metadata, never page chrome or scripts") {
  const auto document = ExtractFixture(Format::kHtml, "page.html");
  CHECK(document.title == "Klimaschutzkonzept & Wärmewende");
  CHECK(document.author == "Stadt Musterstadt");
  CHECK(document.description == "Konzept für die Wärmewende");
  CHECK(document.date == "2024-02-01");
  CHECK(document.keywords == std::vector<std::string>{"Klimaschutz", "Wärme", "Energie"});
  CHECK(document.text ==
        "Wärmewende in Musterstadt\n\n"
        "Erster Absatz mit fettem Text – und Entitäten äöü.\n\n"
        "Zeile eins\nZeile zwei\n\n"
        "Punkt A\n\nPunkt B\n\nJahr\n\n2030");
  for (const char* hidden :
       {"KOPFZEILE", "NAVIGATION", "SKRIPTTEXT", "color", "VERSTECKT", "NOSCRIPTTEXT", "FORMULAR",
        "RANDSPALTE", "VORLAGE", "SVGTEXT", "FUSSZEILE"}) {
    INFO(hidden);
    CHECK_FALSE(Has(document.text, hidden));
  }
}

TEST_CASE("HTML in a declared legacy charset is converted to UTF-8") {
  const auto document = ExtractFixture(Format::kHtml, "latin1.html");
  CHECK(document.title == "Bürgerhaushalt");
  CHECK(document.text == "Größere Beteiligung für Bürgerinnen.");
}

TEST_CASE("an HTML page without <title> takes its first h1") {
  CHECK(ExtractFixture(Format::kHtml, "h1-title.html").title == "Titel aus H1");
}

TEST_CASE("malformed HTML still yields its text (gumbo repairs like a browser)") {
  const auto document = ExtractFixture(Format::kHtml, "malformed.html");
  CHECK(Has(document.text, "Offener Absatz ohne Ende"));
  CHECK(Has(document.text, "Noch ein Block"));
  CHECK(Has(document.text, "Rest"));
}

TEST_CASE("XML elements holding text become paragraphs - inline markup stays inline") {
  const auto document = ExtractFixture(Format::kXml, "resolution.xml");
  CHECK(document.title == "Beschluss über den Radverkehrsplan");
  CHECK(document.date == "2023-03-15");
  CHECK(document.text ==
        "Beschluss über den Radverkehrsplan\n\n2023-03-15\n\n"
        "Der Radverkehr wächst stetig in allen Stadtteilen.\n\n"
        "Die Kosten betragen 2 Mio. Euro.");
}

TEST_CASE("XML declared as ISO-8859-1 is decoded") {
  const auto document = ExtractFixture(Format::kXml, "latin1.xml");
  CHECK(document.title == "Grünflächen");
  CHECK(Has(document.text, "Straßenbäume und Gärten"));
}

TEST_CASE("XHTML in an .xml file follows the HTML rules") {
  const auto document = ExtractFixture(Format::kXml, "xhtml.xml");
  CHECK(document.title == "XHTML-Seite");
  CHECK(document.text == "Sichtbarer Inhalt der Seite.");
}
