#include "shard_writer.h"

#include <unistd.h>

#include "lupe/analyzers/error.h"
#include "lupe/analyzers/schema.h"

namespace lupe::ingest {

Xapian::docid ShardWriter::Add(const std::string& shards_directory,
                               const Xapian::Document& document,
                               const std::vector<std::string>& spellings) try {
  if (!database_) {
    // No fsync: a shard lives for one run; the merged generation is synced.
    path_ = shards_directory + "/" + std::to_string(::getpid()) + "-" +
            std::to_string(++shards_opened_);
    database_.emplace(path_, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
    spelled_.clear();
  }
  const Xapian::docid docid = database_->add_document(document);
  for (std::size_t i = 0; i + 1 < spellings.size(); i += 2) {
    if (spelled_.insert(spellings[i]).second) {
      database_->set_metadata(std::string(analyzers::schema::kSpellingKeyPrefix) + spellings[i],
                              spellings[i + 1]);
    }
  }
  return docid;
} catch (const Xapian::Error& error) {
  throw Error(ErrorCode::kUnavailable,
              "cannot write the index shard " + path_ + ": " + error.get_description());
}

std::string ShardWriter::Seal() try {
  if (!database_) return {};
  database_->commit();
  database_->close();
  database_.reset();
  std::string path;
  path.swap(path_);
  return path;
} catch (const Xapian::Error& error) {
  throw Error(ErrorCode::kUnavailable,
              "cannot write the index shard " + path_ + ": " + error.get_description());
}

void DeleteFromShard(const std::string& path, const std::vector<Xapian::docid>& docids) {
  Xapian::WritableDatabase database(path, Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
  for (const Xapian::docid docid : docids) database.delete_document(docid);
  database.commit();
}

}  // namespace lupe::ingest
