// FindDateOnFirstPage: the publication date printed on a title page ("Stand: März 2022").

#include <algorithm>
#include <cstdio>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>

#include "lupe/ingest/sidecar.h"

namespace lupe::ingest {
namespace {

// German month names and their usual abbreviations (only with their dot), plus the ASCII
// and Austrian spellings. Matching is case-insensitive for ASCII only (std::regex works
// on bytes), so the upper-case umlaut spellings are listed too ("MÄRZ 2022").
struct MonthName {
  const char* pattern;
  int month;
};
constexpr MonthName kMonths[] = {
    {"januar|j\xC3\xA4nner|j\xC3\x84nner|jaenner|jan\\.", 1},
    {"februar|feber|feb\\.|febr\\.", 2},
    {"m\xC3\xA4rz|m\xC3\x84rz|maerz|m\xC3\xA4r\\.|mrz\\.", 3},
    {"april|apr\\.", 4},
    {"mai", 5},
    {"juni|jun\\.", 6},
    {"juli|jul\\.", 7},
    {"august|aug\\.", 8},
    {"september|sept\\.|sep\\.", 9},
    {"oktober|okt\\.", 10},
    {"november|nov\\.", 11},
    {"dezember|dez\\.", 12},
};

std::string MonthAlternatives() {
  std::string alternatives;
  for (const MonthName& name : kMonths) {
    if (!alternatives.empty()) alternatives += '|';
    alternatives += name.pattern;
  }
  return alternatives;
}

int MonthNumber(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  for (const MonthName& entry : kMonths) {
    const std::regex alternatives(std::string("^(?:") + entry.pattern + ")$");
    if (std::regex_match(name, alternatives)) return entry.month;
  }
  return 0;
}

constexpr int kNoDay = -1;

std::string Iso(int year, int month, int day) {
  char buffer[32];
  if (day == kNoDay) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  }
  return buffer;
}

// A date pattern and which submatch holds year, month and day (0: none). A month given
// by name has its number looked up; a pattern without a day yields "YYYY-MM".
struct DatePattern {
  std::regex regex;
  std::size_t year;
  std::size_t month;
  std::size_t day;
  bool month_by_name;
};

// Full dates come first: their text is blanked out once found, so the "Juni 2021" inside
// "15. Juni 2021" does not count again as a month-and-year date.
std::vector<DatePattern> Patterns() {
  std::string months = MonthAlternatives();
  months.insert(0, 1, '(').push_back(')');
  const auto flags = std::regex::ECMAScript | std::regex::icase;
  return {
      // 15.06.2021, 1.6.2021, 15. 06. 2021
      {std::regex(R"((\d{1,2})\. ?(\d{1,2})\. ?(\d{4}))", flags), 3, 2, 1, false},
      // 2021-06-15
      {std::regex(R"((\d{4})-(\d{2})-(\d{2}))", flags), 1, 2, 3, false},
      // 15. Juni 2021
      {std::regex(R"((\d{1,2})\.\s*)" + months + R"(\s*(\d{4}))", flags), 3, 2, 1, true},
      // Juni 2021, Stand: März 2022
      {std::regex(months + R"(\s*(\d{4}))", flags), 2, 1, 0, true},
  };
}

std::optional<std::string> DateOf(const DatePattern& pattern, const std::smatch& match) {
  const auto number = [&](std::size_t group) { return std::stoi(match[group].str()); };
  const int month =
      pattern.month_by_name ? MonthNumber(match[pattern.month].str()) : number(pattern.month);
  const int day = pattern.day == 0 ? kNoDay : number(pattern.day);
  // Rejects what only looks like a date: "35.12.2021", "0. Juni 2021", "12.34.5678".
  return ParseIsoDate(Iso(number(pattern.year), month, day));
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// True if the match stands alone rather than being part of a longer word, number or code:
// "1.15.06.2021" (version), "DS-2021-06-15", "Großmai 2021", "15.06.20215". Non-ASCII
// bytes count as letters only next to a month name: beside a digit they are typically a
// dash or quote ("15.06.2021–30.06.2021").
bool StandsAlone(const std::string& text, const std::smatch& match) {
  const auto begin = static_cast<std::size_t>(match.position(0));
  const std::size_t end = begin + static_cast<std::size_t>(match.length(0));
  if (begin > 0) {
    const char before = text[begin - 1];
    const bool starts_with_digit = text[begin] >= '0' && text[begin] <= '9';
    if (IsAsciiAlnum(before) || before == '.' || before == '-' || before == '/') return false;
    if (!starts_with_digit && static_cast<unsigned char>(before) >= 0x80) return false;
  }
  if (end < text.size()) {
    const char after = text[end];  // every pattern ends with the year's digits
    if (IsAsciiAlnum(after) || after == '-' || after == '/') return false;
    if (after == '.' && end + 1 < text.size() && text[end + 1] >= '0' && text[end + 1] <= '9') {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> FindDateOnFirstPage(std::string_view text, std::size_t page_bytes) {
  std::string page(text.substr(0, std::min(page_bytes, text.size())));
  static const std::vector<DatePattern> kPatterns = Patterns();

  std::set<std::string> dates;
  for (const DatePattern& pattern : kPatterns) {
    std::string next_page = page;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), pattern.regex);
         it != std::sregex_iterator(); ++it) {
      const std::smatch& match = *it;
      if (!StandsAlone(page, match)) continue;
      // Blanked even when invalid: the "Juni 2021" of "0. Juni 2021" is no date either.
      if (const std::optional<std::string> date = DateOf(pattern, match)) dates.insert(*date);
      next_page.replace(static_cast<std::size_t>(match.position(0)),
                        static_cast<std::size_t>(match.length(0)),
                        static_cast<std::size_t>(match.length(0)), ' ');
    }
    page = std::move(next_page);
  }

  // "Juni 2021" beside "15.06.2021" names the same date less precisely: not a second date.
  for (auto it = dates.begin(); it != dates.end();) {
    const bool refined = std::any_of(dates.begin(), dates.end(), [&](const std::string& other) {
      return other.size() > it->size() && other.compare(0, it->size(), *it) == 0;
    });
    it = refined ? dates.erase(it) : std::next(it);
  }
  if (dates.size() != 1) return std::nullopt;
  return *dates.begin();
}

}  // namespace lupe::ingest
