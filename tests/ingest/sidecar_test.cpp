#include "lupe/ingest/sidecar.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lupe/analyzers/error.h"
#include "lupe/ingest/gazetteer.h"

namespace {

using lupe::ingest::ParseSidecar;
using lupe::ingest::Sidecar;

const std::filesystem::path kCorpus = std::filesystem::path(LUPE_SOURCE_DIR) / "corpus";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<std::filesystem::path> CorpusSidecars() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 9 && name.compare(name.size() - 9, 9, ".meta.xml") == 0) {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// The message of the lupe::Error that parsing xml throws; fails the test if it throws
// nothing or something else.
std::string ErrorOf(const std::string& xml) {
  try {
    ParseSidecar(xml);
  } catch (const lupe::Error& error) {
    CHECK(error.code() == lupe::ErrorCode::kInvalidInput);
    return error.what();
  }
  FAIL("no lupe::Error for " << xml);
  return {};
}

}  // namespace

TEST_CASE("a sidecar's elements fill the fields, topics in order, unknown elements in extra") {
  const Sidecar sidecar = ParseSidecar(R"(<?xml version="1.0" encoding="UTF-8"?>
<meta>
  <id>mk-strategie-2021</id>
  <title>MYK10 – Smart-City-Strategie des
         Landkreises   Mayen-Koblenz</title>
  <type>Strategiepapier</type>
  <date> 2021-06-15 </date>
  <state>Rheinland-Pfalz</state>
  <municipality>Landkreis Mayen-Koblenz</municipality>
  <publisher>Landkreis Mayen-Koblenz</publisher>
  <topic>Stadtentwicklung</topic><topic>Beteiligung</topic>
  <programme>Modellprojekte Smart Cities</programme>
  <url>https://example.org/mk</url>
  <programme>KfW-436</programme>
</meta>)");
  CHECK(sidecar.id == "mk-strategie-2021");
  CHECK(sidecar.title == "MYK10 – Smart-City-Strategie des Landkreises Mayen-Koblenz");
  CHECK(sidecar.type == "Strategiepapier");
  CHECK(sidecar.date == "2021-06-15");
  CHECK(sidecar.state == "Rheinland-Pfalz");
  CHECK(sidecar.municipality == "Landkreis Mayen-Koblenz");
  CHECK(sidecar.publisher == "Landkreis Mayen-Koblenz");
  CHECK(sidecar.topics == std::vector<std::string>{"Stadtentwicklung", "Beteiligung"});
  CHECK(sidecar.url == "https://example.org/mk");
  using Extra = std::vector<std::pair<std::string, std::string>>;
  CHECK(sidecar.extra ==
        Extra{{"programme", "Modellprojekte Smart Cities"}, {"programme", "KfW-436"}});
}

TEST_CASE("every sidecar element is optional and empty elements count as absent") {
  const Sidecar empty = ParseSidecar("<meta/>");
  CHECK_FALSE(empty.id);
  CHECK_FALSE(empty.date);
  CHECK(empty.topics.empty());
  CHECK(empty.extra.empty());

  const Sidecar blanks =
      ParseSidecar("<meta><id/><date>  </date><title>\n</title><topic/><note></note></meta>");
  CHECK_FALSE(blanks.id);
  CHECK_FALSE(blanks.date);
  CHECK_FALSE(blanks.title);
  CHECK(blanks.topics.empty());
  CHECK(blanks.extra.empty());
}

TEST_CASE("sidecar values keep text from CDATA, entities and inline markup") {
  const Sidecar sidecar = ParseSidecar(
      "<meta><title>Stadt &amp; Land <em>digital</em> <![CDATA[<2030>]]></title>"
      "<publisher>Stadt\tUlm\r\n</publisher><!-- Kommentar --></meta>");
  CHECK(sidecar.title == "Stadt & Land digital <2030>");
  CHECK(sidecar.publisher == "Stadt Ulm");
}

TEST_CASE("sidecar ids may hold letters, digits and - _ . /") {
  CHECK(ParseSidecar("<meta><id>VO/2022/4518-R5_v1.2</id></meta>").id == "VO/2022/4518-R5_v1.2");
  CHECK(ParseSidecar("<meta><id>muenchen-2021</id></meta>").id == "muenchen-2021");
  CHECK(ParseSidecar("<meta><id>görlitz-2021</id></meta>").id == "görlitz-2021");
}

TEST_CASE("bad sidecars throw invalid input naming the element and value") {
  CHECK(ErrorOf("kein XML") == "sidecar: XML parse error at offset 8: No document element found");
  CHECK_THAT(ErrorOf("<meta><id>a</meta>"),
             Catch::StartsWith("sidecar: XML parse error at offset 13: "));
  CHECK(ErrorOf("") == "sidecar: XML parse error at offset 0: No document element found");
  CHECK(ErrorOf("<foo><id>a</id></foo>") == "sidecar: root element is <foo>, expected <meta>");
  CHECK(ErrorOf("<meta><date>2021-13-01</date></meta>") ==
        "sidecar: <date> '2021-13-01' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
  CHECK(ErrorOf("<meta><date>15.06.2021</date></meta>") ==
        "sidecar: <date> '15.06.2021' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
  CHECK(ErrorOf("<meta><date>2023-02-29</date></meta>") ==
        "sidecar: <date> '2023-02-29' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
  CHECK(ErrorOf("<meta><id>mk strategie</id></meta>") ==
        "sidecar: <id> 'mk strategie' contains characters other than letters, digits, '-', "
        "'_', '.', '/'");
  CHECK_THAT(ErrorOf("<meta><id>a?b#c</id></meta>"), Catch::Contains("<id> 'a?b#c'"));
  CHECK_THAT(ErrorOf("<meta><id>\xC3\x28</id></meta>"), Catch::Contains("<id>"));
  // A long value is cut in the message, on a character boundary.
  const std::string long_date = std::string(79, 'x') + "ä and more";
  CHECK(ErrorOf("<meta><date>" + long_date + "</date></meta>") ==
        "sidecar: <date> '" + std::string(79, 'x') +
            "…' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
}

TEST_CASE("a sidecar of the corpus parses") {
  const Sidecar sidecar = ParseSidecar(ReadFile(
      kCorpus / "wunsiedel-dezentrale-energieversorgung-projektbericht-2020.pdf.meta.xml"));
  CHECK(sidecar.municipality == "Landkreis Wunsiedel im Fichtelgebirge");
  CHECK_FALSE(sidecar.state);
  CHECK(sidecar.id);
  CHECK(sidecar.date);
}

TEST_CASE("every corpus sidecar parses and its municipality resolves to its Land") {
  const lupe::ingest::Gazetteer gazetteer;
  const std::vector<std::filesystem::path> sidecars = CorpusSidecars();
  CHECK(sidecars.size() == 44);
  for (const std::filesystem::path& path : sidecars) {
    INFO(path.filename().string());
    Sidecar sidecar;
    REQUIRE_NOTHROW(sidecar = ParseSidecar(ReadFile(path)));
    CHECK(sidecar.id);
    CHECK(sidecar.title);
    if (!sidecar.municipality) continue;
    const std::optional<std::string> derived = gazetteer.StateOf(*sidecar.municipality);
    INFO(*sidecar.municipality);
    CHECK(derived);  // also for the sidecars without <state>
    if (sidecar.state) {
      CHECK(gazetteer.CanonicalState(*sidecar.state) == sidecar.state);
      CHECK(derived == sidecar.state);
    }
  }
}
