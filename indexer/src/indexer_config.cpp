#include "indexer_config.h"

#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <thread>

#include "lupe/analyzers/error.h"

namespace lupe::ingest {

IndexerConfig LoadIndexerConfig(const std::string& path) {
  IndexerConfig config;
  config.add.workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::string file = analyzers::Schema::ConfigPath(path);
  if (file.empty()) return config;
  config.schema = analyzers::Schema::Load(file);
  Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini;
  try {
    ini = new Poco::Util::IniFileConfiguration(file);
  } catch (const Poco::Exception& error) {
    throw Error(ErrorCode::kConfig, file + ": cannot read: " + error.displayText());
  }
  auto positive = [&](const std::string& key, int fallback) {
    int value = fallback;
    try {
      value = ini->getInt("indexer." + key, fallback);
    } catch (const Poco::Exception&) {
      throw Error(ErrorCode::kConfig, file + ": [indexer] " + key + " must be a whole number");
    }
    if (value < 0)
      throw Error(ErrorCode::kConfig, file + ": [indexer] " + key + " must not be negative");
    return value;
  };
  AddOptions& add = config.add;
  add.max_file_bytes = static_cast<std::size_t>(positive("max_file_mb", 100)) << 20;
  add.document_timeout = std::chrono::seconds(positive("document_timeout_seconds", 60));
  add.document_memory_bytes = static_cast<std::size_t>(positive("document_memory_mb", 2048)) << 20;
  add.workers = positive("workers", 0);
  if (add.workers == 0)
    add.workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  add.commit_every = static_cast<std::size_t>(std::max(1, positive("commit_every", 50000)));
  add.commit_every_bytes = static_cast<std::uint64_t>(std::max(1, positive("commit_every_mb", 256)))
                           << 20;
  add.shard_min_bytes = static_cast<std::uint64_t>(positive("shard_min_mb", 32)) << 20;
  add.shard_commit_bytes =
      static_cast<std::uint64_t>(std::max(1, positive("shard_commit_mb", 32))) << 20;
  return config;
}

}  // namespace lupe::ingest
