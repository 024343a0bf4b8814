#include "lupe/ingest/analysis_report.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "lupe/analyzers/analyzer.h"

namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("the analysis report lists every token with position, bytes, flags and terms") {
  const lupe::analyzers::Analyzer analyzer;
  std::ostringstream out;
  lupe::ingest::WriteAnalysisReport(analyzer, "Die E-Mobilität", out);
  const std::vector<std::string> lines = Lines(out.str());
  REQUIRE(lines.size() == 6);  // fingerprint, header, 4 tokens
  CHECK(lines[0] == "analyzer: " + analyzer.Fingerprint());
  CHECK(lines[2].find("0    0-3") == 0);
  CHECK(lines[2].find("\"Die\"") != std::string::npos);
  CHECK(lines[2].find("stopword") != std::string::npos);
  CHECK(lines[2].find("die Zdie") != std::string::npos);
  CHECK(lines[4].find("4-16") != std::string::npos);
  CHECK(lines[4].find("\"E-Mobilität\"") != std::string::npos);
  CHECK(lines[4].find("variant,joined") != std::string::npos);
  CHECK(lines[4].find("emobilitaet Zemobilitaet") != std::string::npos);
  CHECK(lines[5].find("2    6-16") == 0);
}

TEST_CASE("the analysis report shows compound parts and completed words with their terms") {
  const lupe::analyzers::Analyzer analyzer;
  std::ostringstream out;
  lupe::ingest::WriteAnalysisReport(analyzer, "Rad- und Fußverkehr", out);
  const std::vector<std::string> lines = Lines(out.str());
  REQUIRE(lines.size() == 8);  // fingerprint, header, 6 tokens
  CHECK(lines[3].find("variant,completed") != std::string::npos);
  CHECK(lines[3].find("radverkehr Zradverkehr") != std::string::npos);
  CHECK(lines[6].find("\"Fußverkehr\"") != std::string::npos);
  CHECK(lines[6].find("variant,decompound") != std::string::npos);
  CHECK(lines[6].find("XDfuss") != std::string::npos);
}
