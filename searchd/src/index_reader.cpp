#include "lupe/search/index_reader.h"

#include "lupe/analyzers/error.h"

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

}  // namespace

IndexReader::IndexReader(std::string directory, const analyzers::Analyzer& analyzer,
                         const analyzers::Schema& schema)
    : directory_(std::move(directory)),
      fingerprint_(analyzer.Fingerprint()),
      facets_(schema.Describe()) {
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

Xapian::Database IndexReader::Open() const {
  try {
    return Xapian::Database(directory_);
  } catch (const Xapian::Error&) {
    // Clients learn that, not the file system's details.
    throw Error(ErrorCode::kUnavailable, "the index is unavailable");
  }
}

IndexReader::Health IndexReader::CurrentHealth() const {
  const Xapian::Database database = Open();
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
