#pragma once

#include <string>

namespace lupe::ingest {

// The files of an index directory DIR besides Xapian's own (docs/schema.md, "Layout"):
//   DIR/lupe.lock   held (fcntl) by the one process writing the index, for its whole run
//   DIR/XAPIANDB    a Xapian stub file naming the current generation, "glass gen-N"
//   DIR/gen-N/      a generation: a glass database written by merging shards
//   DIR/shards/     the shards of a run under way (removed at its end or the next start)
// An index written only by the single writer is a glass database in DIR itself (no stub);
// Xapian opens DIR either way, preferring DIR's own glass files over the stub.

// The writer's lock on DIR (created if missing). fcntl locks are not inherited by forked
// workers, so a killed indexer's lock goes with it even while a worker finishes its file.
// Throws lupe::Error(kUnavailable) if another process holds it.
class IndexLock {
 public:
  explicit IndexLock(const std::string& directory);
  ~IndexLock();
  IndexLock(const IndexLock&) = delete;
  IndexLock& operator=(const IndexLock&) = delete;

 private:
  int fd_ = -1;
};

// Generations and shards. The caller holds the IndexLock of directory.
class IndexLayout {
 public:
  explicit IndexLayout(std::string directory) : directory_(std::move(directory)) {}

  // Removes what an interrupted run left: the shards directory and generations that the
  // stub does not name.
  void RemoveLeftovers() const;
  // DIR/shards, created empty.
  std::string FreshShardsDirectory() const;
  void RemoveShardsDirectory() const;
  // The directory for the next generation (not created): DIR/gen-N with N above every
  // generation present.
  std::string NextGeneration() const;
  // Makes generation (a path NextGeneration() gave, holding a complete database) the index:
  // the stub is replaced by rename (atomic; searchd sees the old or the new index), then
  // the glass files of DIR itself (an index of the single writer) and generations older
  // than the one replaced go. The replaced one stays until the next run, so that readers
  // that have it open can finish. Throws lupe::Error(kInternal) if the stub cannot be
  // written.
  void Publish(const std::string& generation) const;

 private:
  std::string directory_;
};

}  // namespace lupe::ingest
