#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace lupe::ingest {

// A worker process's shard: a glass database of its own, in the shards directory of the
// index (docs/schema.md, "Layout"), into which it writes the documents it builds, so that
// Xapian's inversion runs in every worker instead of in the one writer thread. The writer
// merges the sealed shards into the index at the end of the run (IndexStore::MergeShards).
// Opened on the first document, committed once, at Seal() (the writer has the workers seal
// their shards every commit_every_mb of input). Not thread-safe; one per worker process.
class ShardWriter {
 public:
  // Adds document to the shard under shards_directory (opened there on first use, named
  // after this process) and its spellings (pairs of term and written word, as
  // BuiltDocument::spellings; the first one of a term stays) to the shard's metadata.
  // Returns the document's docid in the shard. Throws lupe::Error(kUnavailable) naming
  // the shard if it cannot be written (disk full, directory gone): Seal() too.
  Xapian::docid Add(const std::string& shards_directory, const Xapian::Document& document,
                    const std::vector<std::string>& spellings);
  // Commits and closes the shard; returns its path, or "" if no document went into it
  // since the last Seal(). The next Add() opens a new shard.
  std::string Seal();
  // The shard open now ("" if none).
  const std::string& path() const { return path_; }

 private:
  std::optional<Xapian::WritableDatabase> database_;
  std::string path_;
  int shards_opened_ = 0;
  std::unordered_set<std::string> spelled_;
};

// Deletes documents from a sealed shard (ids the run gave to an earlier file) and commits.
void DeleteFromShard(const std::string& path, const std::vector<Xapian::docid>& docids);

}  // namespace lupe::ingest
