#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lupe::analyzers {

// Hash and equality that let unordered containers of std::string be searched with a
// std::string_view without building a string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
using StringMap = std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;

// The lines of a data file: '#' starts a comment, blank lines are skipped, fields are
// separated by white space. Returns one vector of fields per line.
std::vector<std::vector<std::string>> ParseWordList(std::string_view data);

// The data files compiled into the library (analyzers/data/), as text.
struct AnalyzerData {
  std::string_view stop_words;
  std::string_view umlaut_plurals;
  std::string_view decompound_parts;
  std::string_view decompound_keep;
  std::string_view decompound_not_parts;
};
const AnalyzerData& CompiledAnalyzerData();

}  // namespace lupe::analyzers
