#include "lupe/ingest/source_scanner.h"

#include <algorithm>
#include <system_error>

namespace lupe::ingest {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSidecarSuffix = ".meta.xml";

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool IsHidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

// The id of a file found under root: its relative path without the extension, with '/'.
std::string DefaultId(const fs::path& root, const fs::path& file) {
  fs::path relative = file.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") relative = file.filename();
  relative.replace_extension();
  return relative.generic_string();
}

void AddFile(const fs::path& root, const fs::path& file, ScanResult& result) {
  const std::string name = file.filename().string();
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (EndsWith(lower, kSidecarSuffix)) return;  // metadata, never a document
  const std::optional<Format> format = FormatForPath(file);
  if (!format) {
    result.skipped.emplace_back(file, "unsupported file type '" + file.extension().string() + "'");
    return;
  }
  SourceFile source;
  source.path = file;
  source.format = *format;
  source.default_id = DefaultId(root, file);
  fs::path sidecar = file;
  sidecar += kSidecarSuffix;
  std::error_code error;
  if (fs::is_regular_file(sidecar, error)) source.sidecar = sidecar;
  result.sources.push_back(std::move(source));
}

}  // namespace

ScanResult ScanSources(const std::vector<fs::path>& paths) {
  ScanResult result;
  for (const fs::path& given : paths) {
    std::error_code error;
    const fs::file_status status = fs::status(given, error);
    if (error || !fs::exists(status)) {
      result.errors.emplace_back(given, "no such file or directory");
      continue;
    }
    if (fs::is_regular_file(status)) {
      AddFile(given.parent_path(), given, result);
      continue;
    }
    if (!fs::is_directory(status)) {
      result.errors.emplace_back(given, "not a regular file or directory");
      continue;
    }
    fs::recursive_directory_iterator it(given, fs::directory_options::skip_permission_denied,
                                        error);
    if (error) {
      result.errors.emplace_back(given, "cannot read directory: " + error.message());
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (error) {
        result.errors.emplace_back(it->path(), "cannot read: " + error.message());
        break;
      }
      if (IsHidden(it->path())) {
        if (it->is_directory(error)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(error)) {
        AddFile(given, it->path(), result);
      } else if (!it->is_directory(error) && FormatForPath(it->path())) {
        // A document by its name that cannot be read as one: say so rather than skip it.
        result.errors.emplace_back(
            it->path(), it->is_symlink(error) ? "broken symbolic link" : "not a regular file");
      }
    }
  }
  std::sort(result.sources.begin(), result.sources.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return result;
}

}  // namespace lupe::ingest
