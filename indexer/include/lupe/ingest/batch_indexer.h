#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/schema.h"
#include "lupe/ingest/extractor.h"
#include "lupe/ingest/gazetteer.h"

namespace lupe::ingest {

struct AddOptions {
  int workers = 2;  // parser processes
  std::chrono::milliseconds document_timeout{60000};
  std::size_t document_memory_bytes = std::size_t{2} << 30;
  std::size_t max_file_bytes = std::size_t{100} << 20;
  std::size_t commit_every = 50000;  // changed documents per commit, at most
  std::uint64_t commit_every_bytes = std::uint64_t{256} << 20;  // source bytes per commit, at most
  // A run into an empty index with at least this many bytes of files to index has the
  // workers invert the documents into shards, merged at its end (docs/schema.md).
  std::uint64_t shard_min_bytes = std::uint64_t{32} << 20;
  // In such a run, the workers seal their shards after every this many bytes of files
  // (together); the merge at the end joins them (docs/performance.md: small shards
  // invert faster than one large one per worker).
  std::uint64_t shard_commit_bytes = std::uint64_t{32} << 20;
  ExtractLimits limits;
};

struct AddProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
};

struct AddReport {
  std::size_t indexed = 0;    // new or changed documents written
  std::size_t unchanged = 0;  // same file stamp or same content hash
  std::size_t rejected = 0;   // files that could not be indexed (each reported)
  std::size_t skipped = 0;    // unsupported file types (each reported)
  bool interrupted = false;   // stopped early; everything before is committed
};

// Hears what an add run does; the CLI prints it.
class AddObserver {
 public:
  virtual ~AddObserver() = default;
  virtual void Rejected(const std::filesystem::path& path, const std::string& reason) = 0;
  virtual void Skipped(const std::filesystem::path& path, const std::string& reason) = 0;
  virtual void Progress(const AddProgress& progress) = 0;
};

// `lupe-indexer add`: indexes files and directories into an index, incrementally.
// Files are parsed and analysed in worker processes (one bad file never stops the batch;
// a crash or hang loses only that file), written by this process alone, and committed
// every commit_every changes and at the end. Into an empty index, a batch of at least
// shard_min_bytes is written by the workers instead, each into a shard of its own, and
// the shards become the index at the end in one step (a run killed before leaves the
// index as it was). Unchanged files (same size and mtime, or same
// content hash) are not re-indexed. On stop (Ctrl-C) it finishes the documents under way,
// commits, and reports interrupted.
// Throws lupe::Error for what stops the whole run: kUnavailable (index locked), kConfig
// (index built with another analyzer or schema), kInternal.
AddReport AddToIndex(const std::string& index_directory,
                     const std::vector<std::filesystem::path>& paths,
                     const analyzers::Analyzer& analyzer, const analyzers::Schema& schema,
                     const Gazetteer& gazetteer, const AddOptions& options, AddObserver& observer,
                     const std::atomic<bool>& stop);

}  // namespace lupe::ingest
