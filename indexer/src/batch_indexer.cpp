#include "lupe/ingest/batch_indexer.h"

#include <sys/stat.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "lupe/analyzers/error.h"
#include "lupe/ingest/document_builder.h"
#include "lupe/ingest/index_store.h"
#include "lupe/ingest/source_scanner.h"
#include "worker_pool.h"

namespace lupe::ingest {
namespace {

namespace fs = std::filesystem;
namespace schema = analyzers::schema;

struct FileInfo {
  std::uint64_t size = 0;
  std::string stamp;  // "size:mtime_ns" of the file, and of the sidecar if any
};

std::optional<FileInfo> Stat(const SourceFile& source) {
  FileInfo info;
  auto add = [&info](const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    if (info.stamp.empty()) info.size = static_cast<std::uint64_t>(st.st_size);
    info.stamp += std::to_string(st.st_size) + ":" +
                  std::to_string(st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec) + ";";
    return true;
  };
  if (!add(source.path)) return std::nullopt;
  if (source.sidecar && !add(*source.sidecar)) return std::nullopt;
  return info;
}

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

std::string Request(const SourceFile& source, const std::string& stamp) {
  std::string request = source.path.string();
  request += '\0';
  request += source.sidecar ? source.sidecar->string() : std::string();
  request += '\0';
  request += source.default_id;
  request += '\0';
  request += std::to_string(static_cast<int>(source.format));
  request += '\0';
  request += stamp;
  return request;
}

// Runs in a worker process: reads, extracts, analyses; returns id, hash and the document.
std::string BuildInWorker(const DocumentBuilder& builder, std::size_t max_file_bytes,
                          const std::string& request) {
  const std::vector<std::string> fields = Split(request, 5);
  if (fields.size() != 5) throw Error(ErrorCode::kInternal, "malformed worker request");
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
  return built.id + '\0' + built.hash + '\0' + analyzers::Schema::EncodeValues(built.spellings) +
         '\0' + built.document.serialise();
}

// A job's outcome, unpacked on the way to the writer thread.
struct Finished {
  std::size_t job = 0;
  bool ok = false;
  std::string error;  // why the file was rejected, if !ok
  std::string id;
  std::string hash;
  std::vector<std::string> spellings;
  Xapian::Document document;
};

Finished Unpack(WorkerPool::Outcome&& outcome) {
  Finished finished;
  finished.job = outcome.job;
  finished.ok = outcome.ok;
  if (!outcome.ok) {
    finished.error = std::move(outcome.payload);
    return finished;
  }
  const std::size_t id_end = outcome.payload.find('\0');
  const std::size_t hash_end = outcome.payload.find('\0', id_end + 1);
  const std::size_t spellings_end = outcome.payload.find('\0', hash_end + 1);
  finished.id = outcome.payload.substr(0, id_end);
  finished.hash = outcome.payload.substr(id_end + 1, hash_end - id_end - 1);
  finished.spellings = analyzers::Schema::DecodeValues(
      std::string_view(outcome.payload).substr(hash_end + 1, spellings_end - hash_end - 1));
  finished.document = Xapian::Document::unserialise(outcome.payload.substr(spellings_end + 1));
  return finished;
}

// A queue of bounded size between one producer and one consumer thread.
template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

  void Push(T item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }

  // The next item; std::nullopt once closed and empty.
  std::optional<T> Pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::deque<T> items_;
  bool closed_ = false;
  std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
};

// Applies finished jobs to the index, in the writer thread: rejections reported, ids
// checked, unchanged content recognised, documents replaced, commits batched.
class IndexWriter {
 public:
  IndexWriter(IndexStore& store, const std::vector<const SourceFile*>& work,
              const std::vector<FileInfo>& infos, const AddOptions& options, AddObserver& observer,
              AddReport& report, AddProgress& progress)
      : store_(store),
        work_(work),
        infos_(infos),
        options_(options),
        observer_(observer),
        report_(report),
        progress_(progress) {}

  void Apply(Finished&& finished) {
    const SourceFile& source = *work_[finished.job];
    ++progress_.files_done;
    progress_.bytes_done += infos_[finished.job].size;
    if (!finished.ok) {
      Reject(source.path, finished.error);
      return;
    }
    // Two files claiming one id: the first in path order keeps it, whichever finishes
    // first, so that runs are repeatable.
    auto [it, inserted] = ids_.emplace(finished.id, Holder{finished.job, false});
    if (!inserted) {
      const std::size_t other = it->second.job;
      const bool earlier = finished.job < other;
      const SourceFile& loser = earlier ? *work_[other] : source;
      const SourceFile& winner = earlier ? source : *work_[other];
      Reject(loser.path, "id '" + finished.id + "' is already used by " + winner.path.string());
      if (!earlier) return;
      it->second.job = finished.job;
      --(it->second.indexed ? report_.indexed : report_.unchanged);  // counted again below
    }
    const std::optional<Xapian::docid> existing = store_.Find(finished.id);
    const std::string path_term = std::string(schema::kPathPrefix) + source.path.string();
    // Touched but not changed (same content under the same path): only the stamp.
    if (existing && store_.Value(*existing, schema::kHashSlot) == finished.hash &&
        store_.HasTerm(*existing, path_term)) {
      store_.SetValue(*existing, schema::kStampSlot, infos_[finished.job].stamp);
      ++report_.unchanged;
      it->second.indexed = false;
    } else {
      if (existing || !inserted) {
        store_.Replace(finished.id, finished.document);
      } else {
        store_.Add(finished.document);
      }
      store_.AddSpellings(finished.spellings);
      ++report_.indexed;
      it->second.indexed = true;
    }
    // Few large commits: each commit merges the changes into Xapian's B-trees, and
    // frequent small ones leave them half full (twice the size, slower).
    uncommitted_bytes_ += infos_[finished.job].size;
    if (++uncommitted_ >= options_.commit_every ||
        uncommitted_bytes_ >= options_.commit_every_bytes) {
      store_.Commit();
      uncommitted_ = 0;
      uncommitted_bytes_ = 0;
    }
    observer_.Progress(progress_);
  }

 private:
  struct Holder {
    std::size_t job;
    bool indexed;  // counted as indexed (else as unchanged)
  };

  void Reject(const fs::path& path, const std::string& reason) {
    observer_.Rejected(path, reason);
    ++report_.rejected;
    observer_.Progress(progress_);
  }

  IndexStore& store_;
  const std::vector<const SourceFile*>& work_;
  const std::vector<FileInfo>& infos_;
  const AddOptions& options_;
  AddObserver& observer_;
  AddReport& report_;
  AddProgress& progress_;
  std::map<std::string, Holder> ids_;  // id -> the job that holds it in this run
  std::size_t uncommitted_ = 0;
  std::uint64_t uncommitted_bytes_ = 0;
};

}  // namespace

AddReport AddToIndex(const std::string& index_directory, const std::vector<fs::path>& paths,
                     const analyzers::Analyzer& analyzer, const analyzers::Schema& schema,
                     const Gazetteer& gazetteer, const AddOptions& options, AddObserver& observer,
                     const std::atomic<bool>& stop) {
  AddReport report;
  ScanResult scan = ScanSources(paths);
  for (const auto& [path, reason] : scan.skipped) {
    observer.Skipped(path, reason);
    ++report.skipped;
  }
  for (const auto& [path, reason] : scan.errors) {
    observer.Rejected(path, reason);
    ++report.rejected;
  }

  // Fork the workers before the index is open: they share nothing of it.
  const DocumentBuilder builder(analyzer, schema, gazetteer, options.limits);
  WorkerPool pool({options.workers, options.document_timeout, options.document_memory_bytes},
                  [&builder, &options](const std::string& request) {
                    return BuildInWorker(builder, options.max_file_bytes, request);
                  });
  IndexStore store(index_directory, analyzer.Fingerprint(), schema);

  // Unchanged files (same stamp under the same path) need no work at all.
  std::vector<const SourceFile*> work;
  std::vector<FileInfo> infos;
  AddProgress progress;
  progress.files_total = scan.sources.size();
  for (const SourceFile& source : scan.sources) {
    const std::optional<FileInfo> info = Stat(source);
    if (!info) {
      observer.Rejected(source.path, "cannot read file: " + std::string(std::strerror(errno)));
      ++report.rejected;
      ++progress.files_done;
      continue;
    }
    progress.bytes_total += info->size;
    const std::string path_term = std::string(schema::kPathPrefix) + source.path.string();
    if (auto docid = store.FindByTerm(path_term);
        docid && store.Value(*docid, schema::kStampSlot) == info->stamp) {
      ++report.unchanged;
      ++progress.files_done;
      progress.bytes_done += info->size;
      continue;
    }
    work.push_back(&source);
    infos.push_back(*info);
  }
  observer.Progress(progress);

  // The writer thread applies finished documents to the index while this thread keeps
  // the workers busy; the queue between them is short, since documents can be large.
  BoundedQueue<Finished> queue(4);
  std::atomic<bool> writer_failed{false};
  std::exception_ptr writer_error;
  std::thread writer([&] {
    try {
      IndexWriter apply(store, work, infos, options, observer, report, progress);
      while (std::optional<Finished> finished = queue.Pop()) apply.Apply(std::move(*finished));
    } catch (...) {
      writer_error = std::current_exception();
      writer_failed = true;
      while (queue.Pop()) {  // unblock the producer
      }
    }
  });
  try {
    pool.Run(
        work.size(), [&](std::size_t i) { return Request(*work[i], infos[i].stamp); },
        [&](WorkerPool::Outcome&& outcome) { queue.Push(Unpack(std::move(outcome))); },
        [&] { return stop.load() || writer_failed.load(); });
  } catch (...) {
    queue.Close();  // the writer finishes what it has; then the error goes up
    writer.join();
    throw;
  }
  queue.Close();
  writer.join();
  if (writer_error) std::rethrow_exception(writer_error);
  report.interrupted = stop;
  store.Commit();
  return report;
}

}  // namespace lupe::ingest
