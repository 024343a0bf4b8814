#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace lupe::search {

// Which state of an index a Database handle shows: data derived from the whole index (a
// facet column, a value column) is valid for exactly one.
struct IndexRevision {
  std::string uuid;
  Xapian::rev revision = 0;  // 0 for backends without one (in-memory test databases)
  Xapian::doccount documents = 0;
  Xapian::docid last_docid = 0;

  static IndexRevision Of(const Xapian::Database& database) {
    IndexRevision of{database.get_uuid(), 0, database.get_doccount(), database.get_lastdocid()};
    try {
      of.revision = database.get_revision();
    } catch (const Xapian::Error&) {
    }
    return of;
  }
  bool operator==(const IndexRevision&) const = default;
};

// Per key, a T built from a whole index revision (once; the first thread that needs it
// builds it while the others wait), for the latest two revisions seen: while the server
// threads reopen the index one after the other, both are in use.
// Thread-safety: Get may be called from any thread.
template <typename Key, typename T>
class RevisionCache {
 public:
  // build(database) -> std::unique_ptr<T> or std::shared_ptr<T>.
  template <typename Build>
  std::shared_ptr<const T> Get(const Xapian::Database& database, const Key& key,
                               Build build) const {
    const IndexRevision revision = IndexRevision::Of(database);
    const std::lock_guard<std::mutex> lock(mutex_);
    auto& entries = entries_[key];
    for (const auto& [seen, value] : entries) {
      if (seen == revision) return value;
    }
    constexpr std::size_t kRevisionsKept = 2;
    if (entries.size() == kRevisionsKept) entries.erase(entries.begin());
    entries.emplace_back(revision, std::shared_ptr<const T>(build(database)));
    return entries.back().second;
  }

 private:
  mutable std::mutex mutex_;
  mutable std::map<Key, std::vector<std::pair<IndexRevision, std::shared_ptr<const T>>>> entries_;
};

}  // namespace lupe::search
