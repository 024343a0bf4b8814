#pragma once

#include <xapian.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/schema.h"

namespace lupe::search {

// Read access to a Lupe index for searchd. The constructor checks that the directory is
// a Lupe index built with this analyzer and these facets, so searchd refuses an index it
// would misread (LevelDB refuses a database built with another comparator likewise).
// Thread-safety: shareable. Xapian objects are not thread-safe, so each work slot
// (WorkGate: a request holding one is the only user of its slot) or, outside the gate,
// each thread gets its own Xapian::Database, kept open between requests and reopened (to
// see the indexer's latest commit without a restart) when it is older than reopen_seconds;
// opened anew when the indexer has published another generation (the stub file changed).
// Per slot rather than per server thread: 64 connections' threads then share 4 handles,
// whose block buffers stay warm (docs/performance.md).
class IndexReader {
 public:
  struct Options {
    double reopen_seconds = 1;
  };
  // Throws lupe::Error(kConfig) naming the directory and what does not fit.
  IndexReader(std::string directory, const analyzers::Analyzer& analyzer,
              const analyzers::Schema& schema, Options options);
  ~IndexReader();

  struct Health {
    Xapian::doccount documents = 0;
    Xapian::rev revision = 0;
    std::string analyzer;
    std::string last_commit;
  };
  // The index as it is now. Throws lupe::Error(kUnavailable) if it cannot be opened
  // (removed or replaced under the running daemon) or another analyzer wrote it since.
  Health CurrentHealth() const;

  // The calling thread's database handle, at most reopen_seconds behind the index.
  // Throws lupe::Error(kUnavailable) if the index cannot be opened.
  Xapian::Database Open() const;
  // After Xapian::DatabaseModifiedError (a commit overtook a long read): the calling
  // thread's handle at the latest revision.
  Xapian::Database Reopen() const;

  const std::string& directory() const { return directory_; }

  struct Handle;  // index_reader.cpp

 private:
  // The handle of the caller's work slot (WorkGate::CurrentSlot), else of its thread.
  Handle& CallerHandle() const;

  std::string directory_;
  std::string fingerprint_;
  std::string facets_;
  Options options_;
  std::uint64_t serial_;  // tells the per-thread handles of different readers apart
  // Per work slot, a handle: a request that holds a slot uses the slot's (64 connections'
  // threads share as many handles as there are slots, whose caches stay warm).
  mutable std::mutex slot_mutex_;
  mutable std::deque<std::unique_ptr<Handle>> slot_handles_;
};

}  // namespace lupe::search
