#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "lupe/ingest/extractor.h"

namespace lupe::ingest {

// A file to index, with its sidecar and the id it gets unless the sidecar names one.
struct SourceFile {
  std::filesystem::path path;
  std::optional<std::filesystem::path> sidecar;  // NAME.EXT.meta.xml next to it, if present
  std::string default_id;  // path relative to the PATH given to add, without extension
  Format format = Format::kText;
};

// What a scan found: the files to index, and the files passed over with the reason.
struct ScanResult {
  std::vector<SourceFile> sources;                                     // sorted by path
  std::vector<std::pair<std::filesystem::path, std::string>> skipped;  // unsupported names
  std::vector<std::pair<std::filesystem::path, std::string>> errors;   // unreadable paths
};

// Walks files and directories (recursively, not following directory symlinks) for
// documents. Sidecars (*.meta.xml) are never documents; hidden files and directories
// (starting with '.') are ignored; other extensions are skipped with a note.
// A path given explicitly that is a file gets its file stem as default id.
ScanResult ScanSources(const std::vector<std::filesystem::path>& paths);

}  // namespace lupe::ingest
