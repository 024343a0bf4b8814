#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "lupe/ingest/batch_indexer.h"

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

}  // namespace lupe::testing
