#include "document_jobs.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "lupe/analyzers/error.h"
#include "lupe/analyzers/schema.h"

namespace lupe::ingest {
namespace {

namespace fs = std::filesystem;
namespace schema = analyzers::schema;

constexpr std::size_t kRequestFields = 6;

std::string ReadFile(const fs::path& path, std::size_t max_bytes, const char* what) {
  std::error_code error;
  const auto size = fs::file_size(path, error);
  if (error)
    throw Error(ErrorCode::kInvalidInput,
                std::string("cannot read ") + what + ": " + error.message());
  if (size > max_bytes) {
    throw Error(ErrorCode::kInvalidInput, std::string(what) + " is " + std::to_string(size >> 20) +
                                              " MiB, over the limit of " +
                                              std::to_string(max_bytes >> 20) +
                                              " MiB (indexer.max_file_mb)");
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(size, '\0');
  if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size))) {
    throw Error(ErrorCode::kInvalidInput,
                std::string("cannot read ") + what + ": " + std::strerror(errno));
  }
  return bytes;
}

// Requests and responses between the indexer and its workers: fields joined by '\0'.
std::vector<std::string> Split(const std::string& text, std::size_t fields) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < fields; ++i) {
    const std::size_t end = text.find('\0', start);
    if (end == std::string::npos) break;
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

}  // namespace

std::string DocumentRequest(const SourceFile& source, const std::string& stamp,
                            const std::string& shards_directory) {
  std::string request = source.path.string();
  request += '\0';
  request += source.sidecar ? source.sidecar->string() : std::string();
  request += '\0';
  request += source.default_id;
  request += '\0';
  request += std::to_string(static_cast<int>(source.format));
  request += '\0';
  request += stamp;
  request += '\0';
  request += shards_directory;
  return request;
}

// The answer: id, hash, spellings (Schema::EncodeValues), then 'D' and the serialised
// document, or 'S', the docid in the shard, a space and the shard's path.
std::string RunDocumentJob(const DocumentBuilder& builder, std::size_t max_file_bytes,
                           ShardWriter& shard, const std::string& request) {
  if (request == kSealRequest) return shard.Seal();
  const std::vector<std::string> fields = Split(request, kRequestFields);
  if (fields.size() != kRequestFields)
    throw Error(ErrorCode::kInternal, "malformed worker request");
  SourceFile source;
  source.path = fields[0];
  if (!fields[1].empty()) source.sidecar = fs::path(fields[1]);
  source.default_id = fields[2];
  source.format = static_cast<Format>(std::stoi(fields[3]));
  const std::string bytes = ReadFile(source.path, max_file_bytes, "file");
  std::optional<std::string> sidecar;
  if (source.sidecar) sidecar = ReadFile(*source.sidecar, max_file_bytes, "sidecar");
  BuiltDocument built = builder.Build(source, bytes, sidecar);
  built.document.add_boolean_term(std::string(schema::kPathPrefix) + source.path.string());
  built.document.add_value(schema::kStampSlot, fields[4]);
  std::string answer = built.id + '\0' + built.hash + '\0';
  const std::string& shards_directory = fields[5];
  if (shards_directory.empty()) {
    answer += analyzers::Schema::EncodeValues(built.spellings);
    answer += '\0';
    answer += 'D';
    answer += built.document.serialise();
    return answer;
  }
  const Xapian::docid docid = shard.Add(shards_directory, built.document, built.spellings);
  answer += '\0';
  answer += 'S';
  answer += std::to_string(docid);
  answer += ' ';
  answer += shard.path();
  return answer;
}

Finished Unpack(WorkerPool::Outcome&& outcome) {
  Finished finished;
  finished.job = outcome.job;
  finished.ok = outcome.ok;
  if (!outcome.ok) {
    finished.error = std::move(outcome.payload);
    return finished;
  }
  const std::string& payload = outcome.payload;
  const std::size_t id_end = payload.find('\0');
  const std::size_t hash_end = payload.find('\0', id_end + 1);
  const std::size_t spellings_end = payload.find('\0', hash_end + 1);
  if (spellings_end == std::string::npos || spellings_end + 1 >= payload.size()) {
    throw Error(ErrorCode::kInternal, "malformed worker answer");
  }
  finished.id = payload.substr(0, id_end);
  finished.hash = payload.substr(id_end + 1, hash_end - id_end - 1);
  finished.spellings = analyzers::Schema::DecodeValues(
      std::string_view(payload).substr(hash_end + 1, spellings_end - hash_end - 1));
  const std::size_t body = spellings_end + 2;
  if (payload[spellings_end + 1] == 'S') {
    const std::size_t space = payload.find(' ', body);
    finished.shard_docid =
        static_cast<Xapian::docid>(std::stoul(payload.substr(body, space - body)));
    finished.shard = payload.substr(space + 1);
  } else {
    finished.document = Xapian::Document::unserialise(payload.substr(body));
  }
  return finished;
}

}  // namespace lupe::ingest
