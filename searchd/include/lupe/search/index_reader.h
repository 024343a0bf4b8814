#pragma once

#include <xapian.h>

#include <string>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/schema.h"

namespace lupe::search {

// Read access to a Lupe index for searchd. The constructor checks that the directory is
// a Lupe index built with this analyzer and these facets, so searchd refuses an index it
// would misread (LevelDB refuses a database built with another comparator likewise).
// Thread-safety: shareable; every call opens its own Xapian::Database (Xapian objects are
// not thread-safe), which also sees the latest commit without a restart.
class IndexReader {
 public:
  // Throws lupe::Error(kConfig) naming the directory and what does not fit.
  IndexReader(std::string directory, const analyzers::Analyzer& analyzer,
              const analyzers::Schema& schema);

  struct Health {
    Xapian::doccount documents = 0;
    Xapian::rev revision = 0;
    std::string analyzer;
    std::string last_commit;
  };
  // The index as it is now. Throws lupe::Error(kUnavailable) if it cannot be opened
  // (removed or replaced under the running daemon) or another analyzer wrote it since.
  Health CurrentHealth() const;

  // A database handle for the calling thread's request.
  Xapian::Database Open() const;

  const std::string& directory() const { return directory_; }

 private:
  std::string directory_;
  std::string fingerprint_;
  std::string facets_;
};

}  // namespace lupe::search
