#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "lupe/ingest/document_builder.h"
#include "lupe/ingest/source_scanner.h"
#include "shard_writer.h"
#include "worker_pool.h"

namespace lupe::ingest {

// The jobs the indexer's worker processes run (WorkerPool): what a request for one file
// says, how the worker builds the document, and what comes back to the writer.

// The request for source: its paths, default id, format, file stamp, and the shards
// directory if the worker is to write the document into its shard ("" : send it back).
std::string DocumentRequest(const SourceFile& source, const std::string& stamp,
                            const std::string& shards_directory);
// The request that makes a worker seal its shard (ShardWriter::Seal); the answer is the
// shard's path or "".
inline constexpr std::string_view kSealRequest{"\x01seal"};

// Runs in a worker process: reads, extracts, analyses; answers id, hash and the document
// (or where in its shard the document went). Throws lupe::Error for a file it rejects.
std::string RunDocumentJob(const DocumentBuilder& builder, std::size_t max_file_bytes,
                           ShardWriter& shard, const std::string& request);

// A job's outcome, unpacked on the way to the writer thread.
struct Finished {
  std::size_t job = 0;
  bool ok = false;
  std::string error;  // why the file was rejected, if !ok
  std::string id;
  std::string hash;
  std::vector<std::string> spellings;  // for the index (documents sent back only)
  Xapian::Document document;           // documents sent back only
  std::string shard;                   // the worker's shard holding the document, or ""
  Xapian::docid shard_docid = 0;
};
Finished Unpack(WorkerPool::Outcome&& outcome);

}  // namespace lupe::ingest
