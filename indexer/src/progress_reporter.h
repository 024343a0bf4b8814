#pragma once

#include <chrono>
#include <ostream>

#include "lupe/ingest/batch_indexer.h"

namespace lupe::ingest {

// Prints what an add run does to stderr: one line per rejected or skipped file, and
// progress — on a terminal a line rewritten in place (files done of total, MB/s, time
// left), otherwise a plain line every few seconds. Not thread-safe.
class ProgressReporter : public AddObserver {
 public:
  ProgressReporter(std::ostream& out, bool terminal);

  void Rejected(const std::filesystem::path& path, const std::string& reason) override;
  void Skipped(const std::filesystem::path& path, const std::string& reason) override;
  void Progress(const AddProgress& progress) override;
  // Ends the progress line and prints the summary.
  void Finish(const AddReport& report);

 private:
  void ClearLine();
  std::string Describe(const AddProgress& progress) const;

  std::ostream& out_;
  bool terminal_;
  bool line_open_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_print_{};
  AddProgress last_{};
};

}  // namespace lupe::ingest
