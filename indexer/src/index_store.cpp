#include "lupe/ingest/index_store.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <chrono>
#include <ctime>
#include <sstream>

#include "index_layout.h"
#include "lupe/analyzers/error.h"

namespace lupe::ingest {
namespace {

namespace schema = analyzers::schema;

std::string IdTerm(const std::string& id) { return std::string(schema::kIdPrefix) + id; }

std::string NowIso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

Xapian::WritableDatabase OpenWritable(const std::string& directory) {
  try {
    return Xapian::WritableDatabase(directory, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(ErrorCode::kUnavailable,
                "index " + directory + " is locked: another indexer is writing to it");
  } catch (const Xapian::Error& error) {
    throw Error(ErrorCode::kInternal,
                "cannot open index " + directory + ": " + error.get_description());
  }
}

// Records fingerprint, facets and commit time in database's metadata and commits it.
void CommitWithMetadata(Xapian::WritableDatabase& database, const std::string& fingerprint,
                        const std::string& facets) {
  database.set_metadata(schema::kFingerprintKey, fingerprint);
  database.set_metadata(schema::kFacetsKey, facets);
  database.set_metadata(schema::kLastCommitKey, NowIso8601());
  database.commit();
}

// The lock first: a run killed while publishing may have left files that only the
// lock holder may remove, and Xapian must not open the index before they are gone.
std::unique_ptr<IndexLock> LockAndTidy(const std::string& directory) {
  auto lock = std::make_unique<IndexLock>(directory);
  IndexLayout(directory).RemoveLeftovers();
  return lock;
}

}  // namespace

IndexStore::IndexStore(const std::string& directory, const std::string& fingerprint,
                       const analyzers::Schema& schema)
    : lock_(LockAndTidy(directory)),
      directory_(directory),
      database_(OpenWritable(directory)),
      fingerprint_(fingerprint),
      facets_(schema.Describe()) {
  const std::string recorded = database_.get_metadata(schema::kFingerprintKey);
  if (!recorded.empty() && recorded != fingerprint_) {
    throw Error(ErrorCode::kConfig, "index " + directory + " was built with analyzer '" + recorded +
                                        "', this indexer has '" + fingerprint_ +
                                        "': index into a new directory");
  }
  const std::string recorded_facets = database_.get_metadata(schema::kFacetsKey);
  if (!recorded_facets.empty() && recorded_facets != facets_) {
    throw Error(ErrorCode::kConfig, "index " + directory + " was built with facets '" +
                                        recorded_facets + "', the config has '" + facets_ +
                                        "': index into a new directory");
  }
}

IndexStore::~IndexStore() = default;

std::optional<Xapian::docid> IndexStore::Find(const std::string& id) const {
  return FindByTerm(IdTerm(id));
}

std::optional<Xapian::docid> IndexStore::FindByTerm(const std::string& term) const {
  Xapian::PostingIterator it = database_.postlist_begin(term);
  if (it == database_.postlist_end(term)) return std::nullopt;
  return *it;
}

bool IndexStore::HasTerm(Xapian::docid docid, const std::string& term) const {
  Xapian::TermIterator it = database_.termlist_begin(docid);
  it.skip_to(term);
  return it != database_.termlist_end(docid) && *it == term;
}

std::string IndexStore::Value(Xapian::docid docid, Xapian::valueno slot) const {
  return database_.get_document(docid).get_value(slot);
}

void IndexStore::Replace(const std::string& id, const Xapian::Document& document) {
  database_.replace_document(IdTerm(id), document);
}

void IndexStore::Add(const Xapian::Document& document) { database_.add_document(document); }

void IndexStore::SetValue(Xapian::docid docid, Xapian::valueno slot, const std::string& value) {
  Xapian::Document document = database_.get_document(docid);
  document.add_value(slot, value);
  database_.replace_document(docid, document);
}

bool IndexStore::Remove(const std::string& id) {
  if (!Find(id)) return false;
  database_.delete_document(IdTerm(id));
  return true;
}

void IndexStore::AddSpellings(const std::vector<std::string>& pairs) {
  for (std::size_t i = 0; i + 1 < pairs.size(); i += 2) {
    if (!spelled_.insert(pairs[i]).second) continue;
    const std::string key = std::string(schema::kSpellingKeyPrefix) + pairs[i];
    if (database_.get_metadata(key).empty()) database_.set_metadata(key, pairs[i + 1]);
  }
}

void IndexStore::Commit() { CommitWithMetadata(database_, fingerprint_, facets_); }

void IndexStore::MergeShards(const std::vector<std::string>& shards) {
  const IndexLayout layout(directory_);
  try {
    database_.commit();
    Xapian::Database sources;
    if (database_.get_doccount() > 0) sources.add_database(Xapian::Database(directory_));
    for (const std::string& shard : shards) sources.add_database(Xapian::Database(shard));
    const std::string generation = layout.NextGeneration();
    sources.compact(generation);
    Xapian::WritableDatabase merged(generation, Xapian::DB_OPEN);
    CommitWithMetadata(merged, fingerprint_, facets_);
    merged.close();
    database_.close();
    layout.Publish(generation);
  } catch (const Xapian::Error& error) {
    throw Error(ErrorCode::kInternal,
                "cannot merge shards into index " + directory_ + ": " + error.get_description());
  }
  database_ = OpenWritable(directory_);
}

std::string IndexStatsJson(const std::string& directory, const analyzers::Schema& schema) {
  Xapian::Database database;
  try {
    database = Xapian::Database(directory);
  } catch (const Xapian::Error& error) {
    throw Error(ErrorCode::kConfig,
                "cannot open index " + directory + ": " + error.get_description());
  }
  Poco::JSON::Object stats;
  stats.set("documents", database.get_doccount());
  stats.set("analyzer", database.get_metadata(schema::kFingerprintKey));
  stats.set("last_commit", database.get_metadata(schema::kLastCommitKey));
  Poco::JSON::Object facets;
  for (const analyzers::FacetSpec& facet : schema.facets()) {
    Poco::JSON::Array values;
    const std::string prefix = facet.TermPrefix();
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
      Poco::JSON::Object value;
      value.set("value", (*it).substr(prefix.size()));
      value.set("count", it.get_termfreq());
      values.add(value);
    }
    facets.set(facet.name, values);
  }
  stats.set("facets", facets);
  std::ostringstream json;
  stats.stringify(json, 2);
  return json.str();
}

}  // namespace lupe::ingest
