#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "lupe/ingest/extractor.h"

namespace lupe::ingest::testing {

// The bytes of tests/ingest/fixtures/extract/NAME; fails the test if it cannot be read.
inline std::string Fixture(const std::string& name) {
  std::ifstream in(std::filesystem::path(LUPE_SOURCE_DIR) / "tests/ingest/fixtures/extract" / name,
                   std::ios::binary);
  REQUIRE(in);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The fixture NAME extracted as format with the default limits.
inline ExtractedDocument ExtractFixture(Format format, const std::string& name) {
  return Extract(format, Fixture(name), ExtractLimits{});
}

}  // namespace lupe::ingest::testing
