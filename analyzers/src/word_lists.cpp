#include "word_lists.h"

namespace lupe::analyzers {

std::vector<std::vector<std::string>> ParseWordList(std::string_view data) {
  std::vector<std::vector<std::string>> lines;
  while (!data.empty()) {
    const std::size_t newline = data.find('\n');
    std::string_view line = data.substr(0, newline);
    data = newline == std::string_view::npos ? std::string_view() : data.substr(newline + 1);
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    std::vector<std::string> fields;
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
      const std::size_t start = i;
      while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
      if (i > start) fields.emplace_back(line.substr(start, i - start));
    }
    if (!fields.empty()) lines.push_back(std::move(fields));
  }
  return lines;
}

}  // namespace lupe::analyzers

namespace lupe::analyzers {
namespace data {
extern const std::string_view kStopWords;
extern const std::string_view kUmlautPlurals;
extern const std::string_view kDecompoundParts;
extern const std::string_view kDecompoundKeep;
extern const std::string_view kDecompoundNotParts;
}  // namespace data

const AnalyzerData& CompiledAnalyzerData() {
  static const AnalyzerData kData{data::kStopWords, data::kUmlautPlurals, data::kDecompoundParts,
                                  data::kDecompoundKeep, data::kDecompoundNotParts};
  return kData;
}

}  // namespace lupe::analyzers
