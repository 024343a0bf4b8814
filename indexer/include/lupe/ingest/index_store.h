#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "lupe/analyzers/schema.h"

namespace lupe::ingest {

class IndexLock;

// The writable side of a Lupe index: a Xapian database directory that records the
// analyzer fingerprint and facet schema it was built with (docs/schema.md).
// Not thread-safe; one writer per index (its lock file and Xapian's lock enforce it
// across processes).
class IndexStore {
 public:
  // Opens or creates the index in directory, and removes what an interrupted run left
  // there (shards, unused generations). Throws lupe::Error:
  //   kUnavailable  another process holds the index lock
  //   kConfig       the index was built with another analyzer or other facets
  //   kInternal     Xapian cannot open or create it (message names the directory)
  IndexStore(const std::string& directory, const std::string& fingerprint,
             const analyzers::Schema& schema);
  ~IndexStore();

  // The document with this id, if any: its Xapian docid.
  std::optional<Xapian::docid> Find(const std::string& id) const;
  // The first document indexed by term, if any (e.g. the path term).
  std::optional<Xapian::docid> FindByTerm(const std::string& term) const;
  bool HasTerm(Xapian::docid docid, const std::string& term) const;
  std::string Value(Xapian::docid docid, Xapian::valueno slot) const;

  void Replace(const std::string& id, const Xapian::Document& document);
  // Adds a document whose id is known not to be in the index (saves Replace's lookup).
  void Add(const Xapian::Document& document);
  // Sets one value of a stored document (e.g. the file stamp of an unchanged document).
  void SetValue(Xapian::docid docid, Xapian::valueno slot, const std::string& value);
  bool Remove(const std::string& id);  // false if there is no such document
  // Records how documents spell words (pairs of exact term and written word, as
  // BuiltDocument::spellings) in schema::kSpellingKeyPrefix metadata, for suggestions.
  // The first spelling recorded for a term stays.
  void AddSpellings(const std::vector<std::string>& pairs);
  // Commits, recording fingerprint, schema and commit time in the index metadata.
  void Commit();

  // Merges the index (committed first) and the given shards (glass databases, committed)
  // into a new generation with Xapian's compactor, records fingerprint, schema and commit
  // time in it, and makes it the index (docs/schema.md, "Layout"); then this store writes
  // to it. Documents get new docids (ids stay: documents are found by their id term); of
  // metadata present in several sources, the index's value stays, else the first shard's.
  // Throws lupe::Error(kInternal) if Xapian fails; the index then stays as it was.
  void MergeShards(const std::vector<std::string>& shards);

  Xapian::doccount DocumentCount() const { return database_.get_doccount(); }

 private:
  std::unique_ptr<IndexLock> lock_;
  std::string directory_;
  Xapian::WritableDatabase database_;
  std::string fingerprint_;
  std::string facets_;
  std::unordered_set<std::string> spelled_;  // terms whose spelling is known this run
};

// Index statistics as JSON: document count, values per facet with counts, analyzer
// fingerprint, time of the last commit. Opens the index read-only (no lock needed).
// Throws lupe::Error(kConfig) if directory is not a Lupe index.
std::string IndexStatsJson(const std::string& directory, const analyzers::Schema& schema);

}  // namespace lupe::ingest
