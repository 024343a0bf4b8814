#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/schema.h"

namespace lupe::search {

// Read access to a Lupe index for searchd. The constructor checks that the directory is
// a Lupe index built with this analyzer and these facets, so searchd refuses an index it
// would misread (LevelDB refuses a database built with another comparator likewise).
// Thread-safety: shareable. Xapian objects are not thread-safe, so each thread gets its
// own Xapian::Database, kept open between requests and reopened (to see the indexer's
// latest commit without a restart) when it is older than reopen_seconds; opened anew
// when the indexer has published another generation (the stub file changed).
class IndexReader {
 public:
  struct Options {
    double reopen_seconds = 1;
  };
  // Throws lupe::Error(kConfig) naming the directory and what does not fit.
  IndexReader(std::string directory, const analyzers::Analyzer& analyzer,
              const analyzers::Schema& schema, Options options);

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

 private:
  std::string directory_;
  std::string fingerprint_;
  std::string facets_;
  Options options_;
  std::uint64_t serial_;  // tells the per-thread handles of different readers apart
};

}  // namespace lupe::search
