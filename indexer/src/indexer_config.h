#pragma once

#include <string>

#include "lupe/analyzers/schema.h"
#include "lupe/ingest/batch_indexer.h"

namespace lupe::ingest {

// What lupe-indexer reads from its config file (config/lupe.ini documents every key).
struct IndexerConfig {
  analyzers::Schema schema = analyzers::Schema::Default();
  AddOptions add;
};

// Loads path; an empty path means config/lupe.ini in the working directory if it exists,
// else the built-in defaults (the values of the shipped config/lupe.ini).
// Throws lupe::Error(kConfig) naming the file and key.
IndexerConfig LoadIndexerConfig(const std::string& path);

}  // namespace lupe::ingest
