#include "progress_reporter.h"

#include <cstdio>

namespace lupe::ingest {
namespace {

std::string Duration(double seconds) {
  const long total = static_cast<long>(seconds + 0.5);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
  return buffer;
}

}  // namespace

ProgressReporter::ProgressReporter(std::ostream& out, bool terminal)
    : out_(out), terminal_(terminal) {}

void ProgressReporter::ClearLine() {
  if (line_open_) out_ << "\r\033[K";
  line_open_ = false;
}

void ProgressReporter::Rejected(const std::filesystem::path& path, const std::string& reason) {
  ClearLine();
  out_ << "rejected: " << path.string() << ": " << reason << '\n';
}

void ProgressReporter::Skipped(const std::filesystem::path& path, const std::string& reason) {
  ClearLine();
  out_ << "skipped: " << path.string() << ": " << reason << '\n';
}

std::string ProgressReporter::Describe(const AddProgress& progress) const {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double mb_per_s =
      elapsed > 0 ? static_cast<double>(progress.bytes_done) / 1e6 / elapsed : 0;
  std::string line =
      std::to_string(progress.files_done) + "/" + std::to_string(progress.files_total) + " files";
  char rate[32];
  std::snprintf(rate, sizeof rate, ", %.1f MB/s", mb_per_s);
  line += rate;
  if (progress.bytes_done > 0 && progress.bytes_done < progress.bytes_total) {
    const double left = elapsed * static_cast<double>(progress.bytes_total - progress.bytes_done) /
                        static_cast<double>(progress.bytes_done);
    line += ", " + Duration(left) + " left";
  }
  return line;
}

void ProgressReporter::Progress(const AddProgress& progress) {
  last_ = progress;
  const auto now = std::chrono::steady_clock::now();
  const auto interval =
      terminal_ ? std::chrono::milliseconds(200) : std::chrono::milliseconds(5000);
  if (now - last_print_ < interval && progress.files_done < progress.files_total) return;
  last_print_ = now;
  if (terminal_) {
    out_ << "\r\033[K" << Describe(progress) << std::flush;
    line_open_ = true;
  } else {
    out_ << "progress: " << Describe(progress) << '\n';
  }
}

void ProgressReporter::Finish(const AddReport& report) {
  ClearLine();
  out_ << (report.interrupted ? "interrupted: " : "done: ") << report.indexed << " indexed, "
       << report.unchanged << " unchanged, " << report.rejected << " rejected, " << report.skipped
       << " skipped, in "
       << Duration(std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count())
       << '\n';
}

}  // namespace lupe::ingest
