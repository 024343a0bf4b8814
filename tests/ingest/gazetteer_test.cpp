#include "lupe/ingest/gazetteer.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using lupe::ingest::Gazetteer;

struct NameCase {
  const char* input;
  std::optional<std::string> expected;
};

// Loading parses ~10,000 rows; one instance serves all tests (it is immutable).
const Gazetteer& SharedGazetteer() {
  static const Gazetteer gazetteer;
  return gazetteer;
}

}  // namespace

TEST_CASE("municipalities resolve to their Land in the spellings editors use") {
  const NameCase cases[] = {
      // The examples of the header.
      {"Landkreis Mayen-Koblenz", "Rheinland-Pfalz"},
      {"Kreis Höxter", "Nordrhein-Westfalen"},
      {"LK Görlitz", "Sachsen"},
      {"Mayen-Koblenz", "Rheinland-Pfalz"},
      {"Freiburg im Breisgau", "Baden-Württemberg"},
      {"Stadt Ulm", "Baden-Württemberg"},
      {"Görlitz", "Sachsen"},  // Landkreis and Stadt, same Land
      {"Hansestadt Rostock", "Mecklenburg-Vorpommern"},
      {"Muenchen", "Bayern"},
      {"MÜNCHEN", "Bayern"},
      {"münchen", "Bayern"},
      // Kreise and kreisfreie Städte.
      {"Landkreis Wunsiedel im Fichtelgebirge", "Bayern"},  // GV100AD: "Wunsiedel i.Fichtelgebirge"
      {"Lkr. Mühldorf am Inn", "Bayern"},                   // GV100AD: "Mühldorf a.Inn"
      {"Landkreis Pfaffenhofen an der Ilm", "Bayern"},      // GV100AD: "Pfaffenhofen a.d.Ilm"
      {"Weiden in der Oberpfalz", "Bayern"},                // GV100AD: "Weiden i.d.OPf."
      {"Freiburg i. Br.", "Baden-Württemberg"},
      {"Frankfurt am Main", "Hessen"},
      {"Frankfurt (Oder)", "Brandenburg"},
      {"Frankfurt/Oder", "Brandenburg"},
      {"Halle (Saale)", "Sachsen-Anhalt"},
      {"Halle/Saale", "Sachsen-Anhalt"},
      {"Mülheim an der Ruhr", "Nordrhein-Westfalen"},
      {"Muelheim a.d. Ruhr", "Nordrhein-Westfalen"},
      {"Kreis Waldeck-Frankenberg", "Hessen"},
      {"Landkreis Rostock", "Mecklenburg-Vorpommern"},
      {"Rostock", "Mecklenburg-Vorpommern"},
      {"Region Hannover", "Niedersachsen"},
      {"Städteregion Aachen", "Nordrhein-Westfalen"},
      {"Staedteregion Aachen", "Nordrhein-Westfalen"},
      {"Regionalverband Saarbrücken", "Saarland"},
      {"Saarlouis", "Saarland"},
      {"Kreisfreie Stadt Kaiserslautern", "Rheinland-Pfalz"},
      {"Stadtkreis Heidelberg", "Baden-Württemberg"},
      {"Sankt Wendel", "Saarland"},
      {"Landkreis St. Wendel", "Saarland"},
      {"Rhein-Kreis Neuss", "Nordrhein-Westfalen"},
      {"Oberbergischer Kreis", "Nordrhein-Westfalen"},
      {"Cottbus", "Brandenburg"},
      // Official names with their descriptor after the comma.
      {"Lübeck, Hansestadt", "Schleswig-Holstein"},
      {"Kiel, Landeshauptstadt", "Schleswig-Holstein"},
      {"Darmstadt, Wissenschaftsstadt", "Hessen"},
      {"Rostock, Hanse- und Universitätsstadt", "Mecklenburg-Vorpommern"},
      {"Ulm, Stadt", "Baden-Württemberg"},
      {"Landeshauptstadt München", "Bayern"},
      {"Universitätsstadt Tübingen", "Baden-Württemberg"},
      // City-states.
      {"Berlin", "Berlin"},
      {"Hamburg", "Hamburg"},
      {"Freie und Hansestadt Hamburg", "Hamburg"},
      {"Bremen", "Bremen"},
      {"Bremerhaven", "Bremen"},
      // Gemeinden.
      {"Haßfurt", "Bayern"},
      {"Hassfurt", "Bayern"},
      {"Stadt Haßfurt", "Bayern"},
      {"Markt Schwaben", "Bayern"},  // "Markt" is part of the name here
      {"Große Kreisstadt Radebeul", "Sachsen"},
      {"Gemeinde Kottmar", "Sachsen"},
      {"Bautzen", "Sachsen"},
      {"Budyšin", "Sachsen"},  // the Sorbian name
      {"Weißwasser/O.L.", "Sachsen"},
      {"Neustadt an der Weinstraße", "Rheinland-Pfalz"},
      {"Neustadt a.d.Aisch", "Bayern"},
      {"Neustadt in Holstein", "Schleswig-Holstein"},
      {"Weilheim in Oberbayern", "Bayern"},  // GV100AD: "Weilheim i.OB"; Weilheim is in BW
      {"Rothenburg ob der Tauber", "Bayern"},
      {"  Landkreis   Mayen-Koblenz  ", "Rheinland-Pfalz"},
  };
  for (const NameCase& c : cases) {
    INFO(c.input);
    CHECK(SharedGazetteer().StateOf(c.input) == c.expected);
  }
}

TEST_CASE("ambiguous or unknown municipalities have no Land") {
  const NameCase cases[] = {
      {"Neustadt", std::nullopt},     // a dozen Neustadts, none called just that
      {"Altdorf", std::nullopt},      // Gemeinden in BW, BY and RP
      {"Lichtenberg", std::nullopt},  // Gemeinden in several Länder
      {"Frankfurt", std::nullopt},   {"Atlantis", std::nullopt}, {"Landkreis", std::nullopt},
      {"Stadt", std::nullopt},       {"", std::nullopt},         {" , ", std::nullopt},
      {"\xC3\x28", std::nullopt},  // malformed UTF-8
  };
  for (const NameCase& c : cases) {
    INFO(c.input);
    CHECK(SharedGazetteer().StateOf(c.input) == c.expected);
  }
}

TEST_CASE("a Kreis or kreisfreie Stadt decides a Gemeinde name found in several Länder") {
  CHECK(SharedGazetteer().StateOf("Oldenburg") == "Niedersachsen");
  CHECK(SharedGazetteer().StateOf("Kreis Kassel") == "Hessen");
}

TEST_CASE("a Land named as municipality is its own Land") {
  CHECK(SharedGazetteer().StateOf("Freistaat Bayern") == "Bayern");
  CHECK(SharedGazetteer().StateOf("Saarland") == "Saarland");
}

TEST_CASE("Land names, long forms and abbreviations map to the canonical name") {
  const NameCase cases[] = {
      {"Bayern", "Bayern"},
      {"Freistaat Bayern", "Bayern"},
      {"BY", "Bayern"},
      {"bayern", "Bayern"},
      {"Land Bayern", "Bayern"},
      {"Baden-Wuerttemberg", "Baden-Württemberg"},
      {"Baden-Württemberg", "Baden-Württemberg"},
      {"BADEN-WÜRTTEMBERG", "Baden-Württemberg"},
      {"Baden Württemberg", "Baden-Württemberg"},
      {"BW", "Baden-Württemberg"},
      {"NW", "Nordrhein-Westfalen"},
      {"NRW", "Nordrhein-Westfalen"},
      {"Land Nordrhein-Westfalen", "Nordrhein-Westfalen"},
      {"Freie und Hansestadt Hamburg", "Hamburg"},
      {"HH", "Hamburg"},
      {"Freie Hansestadt Bremen", "Bremen"},
      {"Berlin", "Berlin"},
      {"Thueringen", "Thüringen"},
      {"Freistaat Thüringen", "Thüringen"},
      {"Sachsen", "Sachsen"},
      {"Sachsen-Anhalt", "Sachsen-Anhalt"},
      {"LSA", "Sachsen-Anhalt"},
      {"RLP", "Rheinland-Pfalz"},
      {"Mecklenburg-Vorpommern", "Mecklenburg-Vorpommern"},
      {"Schleswig-Holstein", "Schleswig-Holstein"},
      {"Niedersachsen", "Niedersachsen"},
      {"Hessen", "Hessen"},
      {"Saarland", "Saarland"},
      {"Brandenburg", "Brandenburg"},
      {"Bavaria", std::nullopt},
      {"München", std::nullopt},
      {"Sachsen Anhalt Nord", std::nullopt},
      {"", std::nullopt},
  };
  for (const NameCase& c : cases) {
    INFO(c.input);
    CHECK(SharedGazetteer().CanonicalState(c.input) == c.expected);
  }
}

TEST_CASE("every Kreis of the data file resolves to its Land, and so do unique Gemeinden") {
  std::ifstream tsv(std::string(LUPE_SOURCE_DIR) + "/indexer/data/gazetteer.tsv");
  REQUIRE(tsv);
  std::map<std::string, std::string> land_of_code;
  int kreise = 0;
  int gemeinden = 0;
  int gemeinden_decided_by_kreis = 0;
  for (std::string line; std::getline(tsv, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string field; std::getline(row, field, '\t');) fields.push_back(field);
    INFO(line);
    REQUIRE(fields.size() >= 3);
    if (fields[0] == "L") {
      land_of_code[fields[1]] = fields[2];
      CHECK(SharedGazetteer().CanonicalState(fields[1]) == fields[2]);
    } else if (fields[0] == "K") {
      ++kreise;
      CHECK(SharedGazetteer().StateOf(fields[2]) == land_of_code.at(fields[1]));
    } else if (fields[0] == "G" && fields[1].size() == 2) {
      ++gemeinden;
      const std::optional<std::string> land = SharedGazetteer().StateOf(fields[2]);
      if (land != land_of_code.at(fields[1])) ++gemeinden_decided_by_kreis;
    }
  }
  CHECK(land_of_code.size() == 16);
  CHECK(kreise == 400);
  CHECK(gemeinden > 9900);
  // A unique Gemeinde name can still lose to a Kreis of the same name in another Land, or to
  // another name with the same ASCII spelling; that stays rare.
  CHECK(gemeinden_decided_by_kreis < 10);
}

TEST_CASE("independent gazetteers agree: there is no shared mutable state") {
  const Gazetteer other;
  CHECK(other.StateOf("Görlitz") == SharedGazetteer().StateOf("Görlitz"));
  CHECK(other.CanonicalState("BY") == "Bayern");
}
