// ParseIsoDate: strict validation of the ISO dates sidecars and extractors produce.

#include <optional>
#include <string>
#include <string_view>

#include "lupe/ingest/sidecar.h"

namespace lupe::ingest {
namespace {

constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2999;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// The value of a run of ASCII digits, or -1 if it holds anything else.
int Digits(std::string_view text) {
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<std::string> ParseIsoDate(std::string_view date) {
  date = Trimmed(date);
  // Only the three ISO 8601 calendar forms with separators: "YYYY", "YYYY-MM", "YYYY-MM-DD".
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return std::nullopt;
  const int year = Digits(date.substr(0, 4));
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  if (date.size() >= 7) {
    if (date[4] != '-') return std::nullopt;
    const int month = Digits(date.substr(5, 2));
    if (month < 1 || month > 12) return std::nullopt;
    if (date.size() == 10) {
      if (date[7] != '-') return std::nullopt;
      const int day = Digits(date.substr(8, 2));
      if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
    }
  }
  return std::string(date);
}

}  // namespace lupe::ingest
