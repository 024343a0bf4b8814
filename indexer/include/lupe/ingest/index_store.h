#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>
#include <vector>

#include "lupe/analyzers/schema.h"

namespace lupe::ingest {

// The writable side of a Lupe index: a Xapian database directory that records the
// analyzer fingerprint and facet schema it was built with (docs/schema.md).
// Not thread-safe; one writer per index (Xapian's lock enforces it across processes).
class IndexStore {
 public:
  // Opens or creates the index in directory. Throws lupe::Error:
  //   kUnavailable  another process holds the index lock
  //   kConfig       the index was built with another analyzer or other facets
  //   kInternal     Xapian cannot open or create it (message names the directory)
  IndexStore(const std::string& directory, const std::string& fingerprint,
             const analyzers::Schema& schema);

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

  Xapian::doccount DocumentCount() const { return database_.get_doccount(); }

 private:
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
