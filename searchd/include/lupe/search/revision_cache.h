#pragma once

#include <xapian.h>

#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
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

// Per string key, a T computed from the latest index revision seen, for up to max_keys keys
// and up to max_cost in all (each value costs what Get's cost_of says: bytes, say); when full
// it starts over (cheap, and keeps what is asked for hot). For answers that depend only on a
// word and the index's vocabulary (StemExpansions, spelling corrections, a term's documents),
// or on the word alone (WordAnalyses: always the same revision, IndexRevision{}): query
// words are Zipf-distributed, so most requests find theirs here.
// Thread-safety: Get may be called from any thread; two threads may compute the same key
// at once (both get a right answer).
template <typename T>
class WordRevisionCache {
 public:
  explicit WordRevisionCache(std::size_t max_keys,
                             std::size_t max_cost = std::numeric_limits<std::size_t>::max())
      : max_keys_(max_keys), max_cost_(max_cost) {}

  // The answer for key in revision (IndexRevision::Of the database it comes from);
  // compute() -> T.
  template <typename Compute>
  std::shared_ptr<const T> Get(const IndexRevision& revision, const std::string& key,
                               Compute compute) const {
    return Get(revision, key, compute, [](const T&) { return std::size_t{0}; });
  }

  // The same, for values of cost cost_of(value); a value over max_cost is not kept.
  template <typename Compute, typename CostOf>
  std::shared_ptr<const T> Get(const IndexRevision& revision, const std::string& key,
                               Compute compute, CostOf cost_of) const {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      if (revision == revision_) {
        if (auto it = values_.find(key); it != values_.end()) return it->second;
      }
    }
    auto value = std::make_shared<const T>(compute());
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!(revision == revision_)) {
      // A handle still on an older revision (while the server threads reopen one after
      // the other) gets its answer without storing it.
      if (revision.uuid == revision_.uuid && revision.revision < revision_.revision) return value;
      revision_ = revision;
      values_.clear();
      cost_ = 0;
    }
    const std::size_t cost = cost_of(*value);
    if (cost > max_cost_) return value;
    if (values_.size() >= max_keys_ || cost > max_cost_ - cost_) {
      values_.clear();
      cost_ = 0;
    }
    if (values_.emplace(key, value).second) cost_ += cost;
    return value;
  }

 private:
  const std::size_t max_keys_;
  const std::size_t max_cost_;
  mutable std::size_t cost_ = 0;
  mutable std::mutex mutex_;
  mutable IndexRevision revision_;
  mutable std::unordered_map<std::string, std::shared_ptr<const T>> values_;
};

}  // namespace lupe::search
