#include "progress_reporter.h"

#include <catch2/catch.hpp>
#include <sstream>

using lupe::ingest::AddProgress;
using lupe::ingest::AddReport;
using lupe::ingest::ProgressReporter;

TEST_CASE("on a terminal progress rewrites one line - rejections get lines of their own") {
  std::ostringstream out;
  ProgressReporter reporter(out, /*terminal=*/true);
  reporter.Progress(AddProgress{1, 4, 1000, 4000});
  reporter.Rejected("docs/kaputt.pdf", "PDF is encrypted");
  reporter.Progress(AddProgress{4, 4, 4000, 4000});
  reporter.Finish(AddReport{3, 0, 1, 0, false});
  const std::string text = out.str();
  CHECK(text.find("\r\033[K1/4 files") != std::string::npos);
  CHECK(text.find("\r\033[Krejected: docs/kaputt.pdf: PDF is encrypted\n") != std::string::npos);
  CHECK(text.find("4/4 files") != std::string::npos);
  CHECK(text.find("done: 3 indexed, 0 unchanged, 1 rejected, 0 skipped") != std::string::npos);
}

TEST_CASE("without a terminal progress comes as plain lines, with no control characters") {
  std::ostringstream out;
  ProgressReporter reporter(out, /*terminal=*/false);
  reporter.Progress(AddProgress{1, 2, 10, 20});
  reporter.Skipped("docs/bild.jpg", "unsupported file type '.jpg'");
  reporter.Progress(AddProgress{2, 2, 20, 20});
  reporter.Finish(AddReport{2, 0, 0, 1, true});
  const std::string text = out.str();
  CHECK(text.find('\r') == std::string::npos);
  CHECK(text.find('\033') == std::string::npos);
  CHECK(text.find("progress: 1/2 files") != std::string::npos);
  CHECK(text.find("skipped: docs/bild.jpg: unsupported file type '.jpg'\n") != std::string::npos);
  CHECK(text.find("progress: 2/2 files") != std::string::npos);
  CHECK(text.find("interrupted: 2 indexed") != std::string::npos);
}
