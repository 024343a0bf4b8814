#include "extract_metadata.h"

#include <cctype>

namespace lupe::ingest::extract {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !text.empty();
}

// Valid month/day ranges only: a "2021-13" is not a date.
bool InRange(std::string_view digits, int low, int high) {
  const int value = std::stoi(std::string(digits));
  return value >= low && value <= high;
}

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  std::string result;
  bool space = false;
  for (char c : text) {
    if (IsSpace(c)) {
      space = !result.empty();
      continue;
    }
    if (space) result.push_back(' ');
    space = false;
    result.push_back(c);
  }
  return result;
}

std::string CleanTitle(std::string_view text) {
  std::string title = CollapseWhitespace(text);
  if (title.size() <= kMaxTitleBytes) return title;
  std::size_t cut = kMaxTitleBytes;
  while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
  const std::size_t space = title.rfind(' ', cut);
  if (space != std::string::npos && space > kMaxTitleBytes / 2) cut = space;
  title.resize(cut);
  return title;
}

std::string IsoDate(std::string_view text) {
  const std::string date = CollapseWhitespace(text);
  const std::string_view d(date);
  if (d.size() >= 10 && d[2] == '.' && d[5] == '.' && AllDigits(d.substr(0, 2)) &&
      AllDigits(d.substr(3, 2)) && AllDigits(d.substr(6, 4)) && InRange(d.substr(0, 2), 1, 31) &&
      InRange(d.substr(3, 2), 1, 12)) {
    return std::string(d.substr(6, 4)) + "-" + std::string(d.substr(3, 2)) + "-" +
           std::string(d.substr(0, 2));
  }
  if (d.size() < 4 || !AllDigits(d.substr(0, 4)) ||
      (d.size() > 4 && std::isdigit(static_cast<unsigned char>(d[4])))) {
    return {};
  }
  if (d.size() < 7 || d[4] != '-' || !AllDigits(d.substr(5, 2)) ||
      !InRange(d.substr(5, 2), 1, 12)) {
    return std::string(d.substr(0, 4));
  }
  if (d.size() < 10 || d[7] != '-' || !AllDigits(d.substr(8, 2)) ||
      !InRange(d.substr(8, 2), 1, 31) ||
      (d.size() > 10 && std::isdigit(static_cast<unsigned char>(d[10])))) {
    return std::string(d.substr(0, 7));
  }
  return std::string(d.substr(0, 10));
}

std::vector<std::string> SplitKeywords(std::string_view text) {
  std::vector<std::string> keywords;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(",;", start);
    if (end == std::string_view::npos) end = text.size();
    std::string keyword = CollapseWhitespace(text.substr(start, end - start));
    if (!keyword.empty()) keywords.push_back(std::move(keyword));
    start = end + 1;
  }
  return keywords;
}

}  // namespace lupe::ingest::extract
