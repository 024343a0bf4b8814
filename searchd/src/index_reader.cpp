#include "lupe/search/index_reader.h"

#include <sys/stat.h>

#include <atomic>
#include <chrono>

#include "lupe/analyzers/error.h"
#include "lupe/search/work_gate.h"

namespace lupe::search {
namespace {

namespace schema = analyzers::schema;

// Why database was not written by this analyzer with these facets, or "" if it was.
std::string Mismatch(const Xapian::Database& database, const std::string& fingerprint,
                     const std::string& facets) {
  const std::string recorded = database.get_metadata(schema::kFingerprintKey);
  if (recorded.empty()) return "it is not a Lupe index (no analyzer fingerprint)";
  if (recorded != fingerprint) {
    return "it was built with analyzer '" + recorded + "', this searchd has '" + fingerprint +
           "': rebuild the index";
  }
  const std::string recorded_facets = database.get_metadata(schema::kFacetsKey);
  if (recorded_facets != facets) {
    return "it was built with facets '" + recorded_facets + "', the config has '" + facets + "'";
  }
  return {};
}

// Which database the index directory's stub file (DIR/XAPIANDB) names: the indexer
// replaces the stub by rename when it publishes a merged generation (docs/schema.md,
// "Layout"), and Xapian's reopen() follows commits, not a stub, so a changed stub means
// opening anew. 0: no stub.
std::uint64_t StubIdentity(const std::string& directory) {
  struct stat st {};
  if (::stat((directory + "/XAPIANDB").c_str(), &st) != 0) return 0;
  return static_cast<std::uint64_t>(st.st_ino) * 1000003u +
         static_cast<std::uint64_t>(st.st_mtim.tv_nsec) + 1;
}

std::atomic<std::uint64_t> reader_serial{0};

}  // namespace

struct IndexReader::Handle {
  std::uint64_t serial = 0;
  std::uint64_t stub = 0;  // StubIdentity() when the database was opened
  Xapian::Database database;
  std::chrono::steady_clock::time_point checked;
};

namespace {
thread_local IndexReader::Handle thread_handle;
}  // namespace

IndexReader::Handle& IndexReader::CallerHandle() const {
  const std::size_t slot = WorkGate::CurrentSlot();
  if (slot == WorkGate::kNoSlot) return thread_handle;
  const std::lock_guard<std::mutex> lock(slot_mutex_);
  while (slot_handles_.size() <= slot) slot_handles_.push_back(std::make_unique<Handle>());
  return *slot_handles_[slot];
}

IndexReader::IndexReader(std::string directory, const analyzers::Analyzer& analyzer,
                         const analyzers::Schema& schema, Options options)
    : directory_(std::move(directory)),
      fingerprint_(analyzer.Fingerprint()),
      facets_(schema.Describe()),
      options_(options),
      serial_(++reader_serial) {
  Xapian::Database database;
  try {
    database = Xapian::Database(directory_);
  } catch (const Xapian::Error& error) {
    throw Error(ErrorCode::kConfig,
                "cannot open index " + directory_ + ": " + error.get_description());
  }
  if (const std::string why = Mismatch(database, fingerprint_, facets_); !why.empty()) {
    throw Error(ErrorCode::kConfig, "index " + directory_ + " cannot be served: " + why);
  }
}

IndexReader::~IndexReader() = default;

Xapian::Database IndexReader::Open() const {
  const auto now = std::chrono::steady_clock::now();
  Handle& handle = CallerHandle();
  try {
    const bool due =
        handle.serial == serial_ &&
        std::chrono::duration<double>(now - handle.checked).count() >= options_.reopen_seconds;
    const std::uint64_t stub =
        handle.serial != serial_ || due ? StubIdentity(directory_) : handle.stub;
    if (handle.serial != serial_ || stub != handle.stub) {
      handle.database = Xapian::Database(directory_);
      handle.serial = serial_;
      handle.stub = stub;
      handle.checked = now;
    } else if (due) {
      handle.database.reopen();
      handle.checked = now;
    }
  } catch (const Xapian::Error&) {
    handle.serial = 0;
    // Clients learn that, not the file system's details.
    throw Error(ErrorCode::kUnavailable, "the index is unavailable");
  }
  return handle.database;
}

Xapian::Database IndexReader::Reopen() const {
  Handle& handle = CallerHandle();
  if (handle.serial == serial_ && StubIdentity(directory_) != handle.stub) {
    handle.serial = 0;  // another generation: Open() opens it
  } else if (handle.serial == serial_) {
    try {
      handle.database.reopen();
      handle.checked = std::chrono::steady_clock::now();
    } catch (const Xapian::Error&) {
      handle.serial = 0;
      throw Error(ErrorCode::kUnavailable, "the index is unavailable");
    }
  }
  return Open();
}

IndexReader::Health IndexReader::CurrentHealth() const {
  // A fresh handle: health reports the directory as it is now, even if it was replaced.
  Xapian::Database database;
  try {
    database = Xapian::Database(directory_);
  } catch (const Xapian::Error&) {
    throw Error(ErrorCode::kUnavailable, "the index is unavailable");
  }
  if (const std::string why = Mismatch(database, fingerprint_, facets_); !why.empty()) {
    throw Error(ErrorCode::kUnavailable, "index cannot be served: " + why);
  }
  Health health;
  health.documents = database.get_doccount();
  health.revision = database.get_revision();
  health.analyzer = database.get_metadata(schema::kFingerprintKey);
  health.last_commit = database.get_metadata(schema::kLastCommitKey);
  return health;
}

}  // namespace lupe::search
