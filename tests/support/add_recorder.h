#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/schema.h"
#include "lupe/ingest/batch_indexer.h"
#include "lupe/ingest/gazetteer.h"
#include "support/temp_dir.h"

namespace lupe::testing {

// Records what an add run reports: rejected and skipped files by file name (with the
// reason), and the last progress.
class AddRecorder : public lupe::ingest::AddObserver {
 public:
  void Rejected(const std::filesystem::path& path, const std::string& reason) override {
    rejected[path.filename().string()] = reason;
  }
  void Skipped(const std::filesystem::path& path, const std::string& reason) override {
    skipped[path.filename().string()] = reason;
  }
  void Progress(const lupe::ingest::AddProgress& progress) override { last = progress; }

  std::map<std::string, std::string> rejected;
  std::map<std::string, std::string> skipped;
  lupe::ingest::AddProgress last;
};

// What an add run needs besides its index: the analysis chain, schema and gazetteer, the
// options, and a temporary directory whose docs/ holds the files to add.
struct AddSetup {
  lupe::analyzers::Analyzer analyzer;
  lupe::analyzers::Schema schema = lupe::analyzers::Schema::Default();
  lupe::ingest::Gazetteer gazetteer;
  lupe::ingest::AddOptions options;
  TempDir dir;
  std::filesystem::path docs = dir / "docs";
};

}  // namespace lupe::testing
