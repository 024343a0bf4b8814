// Every document of the sample corpus extracts to real text with a title.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lupe/ingest/extractor.h"

namespace {

namespace fs = std::filesystem;
using lupe::ingest::Extract;
using lupe::ingest::ExtractLimits;
using lupe::ingest::FormatForPath;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

TEST_CASE("every corpus document yields text and a title") {
  int documents = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(LUPE_SOURCE_DIR) / "corpus")) {
    const auto format = FormatForPath(entry.path());
    if (!format || entry.path().filename() == "README.md") continue;
    INFO(entry.path().filename().string());
    const auto document = Extract(*format, ReadFile(entry.path()), ExtractLimits{});
    CHECK(document.text.size() > 1000);
    CHECK(!document.title.empty());
    CHECK(document.text.find("\n\n\n") == std::string::npos);
    ++documents;
  }
  CHECK(documents == 44);
}
