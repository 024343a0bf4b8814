#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "lupe/ingest/sidecar.h"

namespace {

using lupe::ingest::FindDateOnFirstPage;
using lupe::ingest::ParseIsoDate;

struct DateCase {
  const char* input;
  std::optional<std::string> expected;
};

}  // namespace

TEST_CASE("ISO dates are accepted in their three forms and only with a real month and day") {
  const DateCase cases[] = {
      {"2021", "2021"},
      {"2021-06", "2021-06"},
      {"2021-06-15", "2021-06-15"},
      {"  2021-06-15\n", "2021-06-15"},
      {"1000", "1000"},
      {"2999-12-31", "2999-12-31"},
      {"2024-02-29", "2024-02-29"},  // leap year
      {"2000-02-29", "2000-02-29"},  // divisible by 400
      {"2021-04-30", "2021-04-30"},
      {"2023-02-29", std::nullopt},  // not a leap year
      {"1900-02-29", std::nullopt},  // divisible by 100, not by 400
      {"2021-04-31", std::nullopt},
      {"2021-13-01", std::nullopt},
      {"2021-00", std::nullopt},
      {"2021-06-00", std::nullopt},
      {"2021-06-32", std::nullopt},
      {"0999", std::nullopt},
      {"3000", std::nullopt},
      {"21", std::nullopt},
      {"20210615", std::nullopt},
      {"2021-6-15", std::nullopt},
      {"2021/06/15", std::nullopt},
      {"15.06.2021", std::nullopt},
      {"2021-06-15T10:00", std::nullopt},
      {"+2021", std::nullopt},
      {"", std::nullopt},
      {"   ", std::nullopt},
  };
  for (const DateCase& c : cases) {
    INFO(c.input);
    CHECK(ParseIsoDate(c.input) == c.expected);
  }
}

TEST_CASE("a single German or ISO date on the first page is found and returned as ISO") {
  const DateCase cases[] = {
      {"Smart-City-Strategie\nBeschlossen am 15. Juni 2021", "2021-06-15"},
      {"Stand: 15.06.2021", "2021-06-15"},
      {"Stand: 1.6.2021", "2021-06-01"},
      {"Datum: 2021-06-15", "2021-06-15"},
      {"Juni 2021", "2021-06"},
      {"Stand: März 2022", "2022-03"},
      {"Stand: Maerz 2022", "2022-03"},
      {"STAND: MÄRZ 2022", "2022-03"},
      {"Wien, Jänner 2020", "2020-01"},
      {"Ausgabe Mai 2019", "2019-05"},
      {"Stand: Sept. 2023", "2023-09"},
      {"am 3. Oktober 2020 im Rathaus", "2020-10-03"},
      {"am 3.Oktober 2020", "2020-10-03"},
      {"15. 06. 2021", "2021-06-15"},
      {"(15.06.2021)", "2021-06-15"},
      {"Fassung vom 15.06.2021.", "2021-06-15"},
      {"„15. Juni 2021“", "2021-06-15"},
  };
  for (const DateCase& c : cases) {
    INFO(c.input);
    CHECK(FindDateOnFirstPage(c.input) == c.expected);
  }
}

TEST_CASE("the same date written twice, or once more precisely, is one date") {
  CHECK(FindDateOnFirstPage("Stand: 15.06.2021 ... beschlossen am 15. Juni 2021") == "2021-06-15");
  CHECK(FindDateOnFirstPage("Juni 2021\n\nStand: 15.06.2021") == "2021-06-15");
  CHECK(FindDateOnFirstPage("Juni 2021 – Juni 2021") == "2021-06");
}

TEST_CASE("several different dates on the first page are ambiguous") {
  CHECK(FindDateOnFirstPage("Entwurf vom 15.06.2021, beschlossen am 20.07.2021") == std::nullopt);
  CHECK(FindDateOnFirstPage("Stand: März 2022. Erste Fassung: Juni 2021") == std::nullopt);
  CHECK(FindDateOnFirstPage("15.06.2021 und 2022-01-10") == std::nullopt);
  CHECK(FindDateOnFirstPage("Juni 2021 und Juni 2022") == std::nullopt);
}

TEST_CASE("numbers that are not dates are ignored") {
  const DateCase cases[] = {
      {"Gemäß § 35 BauGB", std::nullopt},
      {"Zuschuss von 2.000 Euro", std::nullopt},
      {"Förderprogramm KfW-432", std::nullopt},
      {"Mobilitätsstrategie 2030", std::nullopt},  // a year alone does not count
      {"Zeitraum 2016–2018", std::nullopt},
      {"Version 1.15.06.2021", std::nullopt},   // part of a longer number
      {"Vorlage DS-2021-06-15", std::nullopt},  // part of a code
      {"35.12.2021", std::nullopt},             // no such day
      {"29.02.2023", std::nullopt},             // not a leap year
      {"12.34.5678", std::nullopt},
      {"0. Juni 2021", std::nullopt},  // no such day
      {"Tel. 0621 15.06.20215", std::nullopt},
      {"15.06.21", std::nullopt},  // two-digit years are too vague
      {"Mail 2021", std::nullopt},
      {"Juniper 2021", std::nullopt},
      {"Großmai 2021", std::nullopt},
      {"Seite 1 von 12, 3.000 m², 2,5 Mio. Euro", std::nullopt},
      {"Drucksache VO/2022/4518-R5", std::nullopt},
      {"", std::nullopt},
  };
  for (const DateCase& c : cases) {
    INFO(c.input);
    CHECK(FindDateOnFirstPage(c.input) == c.expected);
  }
  CHECK(FindDateOnFirstPage("§ 35, 2.000 Euro, KfW-432 – Stand: Juni 2021") == "2021-06");
}

TEST_CASE("only the first page_bytes of text are searched") {
  const std::string text =
      std::string(100, 'x') + " 15.06.2021 " + std::string(100, 'y') + " 20.07.2022";
  CHECK(FindDateOnFirstPage(text, 50) == std::nullopt);
  CHECK(FindDateOnFirstPage(text, 120) == "2021-06-15");
  CHECK(FindDateOnFirstPage(text, 105) == std::nullopt);  // cut inside the date
  CHECK(FindDateOnFirstPage(text) == std::nullopt);       // default 3000: both dates
  CHECK(FindDateOnFirstPage(std::string(3000, ' ') + "15.06.2021") == std::nullopt);
}
