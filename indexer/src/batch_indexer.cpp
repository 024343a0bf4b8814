#include "lupe/ingest/batch_indexer.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <thread>

#include "bounded_queue.h"
#include "document_jobs.h"
#include "index_layout.h"
#include "lupe/analyzers/error.h"
#include "lupe/ingest/document_builder.h"
#include "lupe/ingest/index_store.h"
#include "lupe/ingest/source_scanner.h"
#include "shard_writer.h"
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
    const Holder holder{finished.job, false, finished.shard, finished.shard_docid};
    auto [it, inserted] = ids_.emplace(finished.id, holder);
    if (!inserted) {
      const std::size_t other = it->second.job;
      const bool earlier = finished.job < other;
      const SourceFile& loser = earlier ? *work_[other] : source;
      const SourceFile& winner = earlier ? source : *work_[other];
      Reject(loser.path, "id '" + finished.id + "' is already used by " + winner.path.string());
      if (!earlier) {
        DropFromShard(holder);
        return;
      }
      DropFromShard(it->second);
      --(it->second.indexed ? report_.indexed : report_.unchanged);  // counted again below
      it->second = holder;
    }
    if (!finished.shard.empty()) {
      // In a worker's shard already: new to the index (shards are used for empty indexes
      // only), merged at the end of the run.
      shard_jobs_[finished.shard].emplace_back(finished.job, finished.id);
      ++report_.indexed;
      it->second.indexed = true;
      observer_.Progress(progress_);
      return;
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

  // After the workers sealed their shards: forgets the documents of every shard not in
  // sealed (its worker died, taking the uncommitted documents with it) and returns their
  // jobs, in order, to be run again.
  std::vector<std::size_t> ForgetShardsExcept(const std::set<std::string>& sealed) {
    std::vector<std::size_t> lost;
    for (auto shard = shard_jobs_.begin(); shard != shard_jobs_.end();) {
      if (sealed.count(shard->first) != 0) {
        ++shard;
        continue;
      }
      for (const auto& [job, id] : shard->second) {
        auto it = ids_.find(id);
        if (it == ids_.end() || it->second.job != job) continue;  // lost its id before
        ids_.erase(it);
        --progress_.files_done;  // to be done again
        progress_.bytes_done -= infos_[job].size;
        --report_.indexed;
        lost.push_back(job);
      }
      shard_drops_.erase(shard->first);
      shard = shard_jobs_.erase(shard);
    }
    std::sort(lost.begin(), lost.end());
    return lost;
  }

  // Rejects jobs that could not be done (lost with their worker's shard too often).
  void RejectLost(const std::vector<std::size_t>& jobs) {
    for (const std::size_t job : jobs) {
      ++progress_.files_done;
      progress_.bytes_done += infos_[job].size;
      Reject(work_[job]->path, "its worker process died before its shard was written, twice");
    }
  }

  // The documents to delete from shards before the merge, by shard.
  const std::map<std::string, std::vector<Xapian::docid>>& shard_drops() const {
    return shard_drops_;
  }

 private:
  struct Holder {
    std::size_t job;
    bool indexed;       // counted as indexed (else as unchanged)
    std::string shard;  // where the document is, if in a shard
    Xapian::docid shard_docid;
  };

  void DropFromShard(const Holder& holder) {
    if (!holder.shard.empty()) shard_drops_[holder.shard].push_back(holder.shard_docid);
  }

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
  // shard -> the jobs (and their ids) that went into it
  std::map<std::string, std::vector<std::pair<std::size_t, std::string>>> shard_jobs_;
  std::map<std::string, std::vector<Xapian::docid>> shard_drops_;  // shard -> ids lost
  std::size_t uncommitted_ = 0;
  std::uint64_t uncommitted_bytes_ = 0;
};

// jobs cut into runs of consecutive jobs of about batch_bytes of input each.
std::vector<std::vector<std::size_t>> Batches(const std::vector<std::size_t>& jobs,
                                              const std::vector<FileInfo>& infos,
                                              std::uint64_t batch_bytes) {
  std::vector<std::vector<std::size_t>> batches(1);
  std::uint64_t bytes = 0;
  for (const std::size_t job : jobs) {
    if (bytes >= batch_bytes) {
      batches.emplace_back();
      bytes = 0;
    }
    batches.back().push_back(job);
    bytes += infos[job].size;
  }
  return batches;
}

// Sealing commits what a shard holds in memory (up to commit_every_mb of input): no
// parsing, so no per-document deadline; the limit only catches a worker that hangs.
constexpr std::chrono::minutes kSealTimeout{30};

// Runs jobs (indexes into work) on the workers while a writer thread applies what they
// finish to the index; the queue between the two is short, since documents can be large.
void RunPass(WorkerPool& pool, const std::vector<std::size_t>& jobs,
             const std::function<std::string(std::size_t)>& request, IndexWriter& apply,
             const std::atomic<bool>& stop) {
  BoundedQueue<Finished> queue(4);
  std::atomic<bool> writer_failed{false};
  std::exception_ptr writer_error;
  std::thread writer([&] {
    try {
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
        jobs.size(), [&](std::size_t i) { return request(jobs[i]); },
        [&](WorkerPool::Outcome&& outcome) {
          outcome.job = jobs[outcome.job];
          queue.Push(Unpack(std::move(outcome)));
        },
        [&] { return stop.load() || writer_failed.load(); });
  } catch (...) {
    queue.Close();  // the writer finishes what it has; then the error goes up
    writer.join();
    throw;
  }
  queue.Close();
  writer.join();
  if (writer_error) std::rethrow_exception(writer_error);
}

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

  // Fork the workers before the index is open: they share nothing of it. Each has a
  // shard writer of its own (used only if the run writes shards).
  const DocumentBuilder builder(analyzer, schema, gazetteer, options.limits);
  ShardWriter shard;
  WorkerPool pool({options.workers, options.document_timeout, options.document_memory_bytes},
                  [&builder, &options, &shard](const std::string& request) {
                    return RunDocumentJob(builder, options.max_file_bytes, shard, request);
                  });
  IndexStore store(index_directory, analyzer.Fingerprint(), schema);

  // Unchanged files (same stamp under the same path) need no work at all.
  std::vector<const SourceFile*> work;
  std::vector<FileInfo> infos;
  AddProgress progress;
  progress.files_total = scan.sources.size();
  std::uint64_t work_bytes = 0;
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
    work_bytes += info->size;
  }
  observer.Progress(progress);

  // Into an empty index, a large batch is inverted by the workers, each into a shard of
  // its own, and merged at the end; otherwise the writer thread writes every document.
  const bool sharded =
      store.DocumentCount() == 0 && !work.empty() && work_bytes >= options.shard_min_bytes;
  const IndexLayout layout(index_directory);
  const std::string shards_directory = sharded ? layout.FreshShardsDirectory() : std::string();
  IndexWriter apply(store, work, infos, options, observer, report, progress);
  std::vector<std::size_t> jobs(work.size());
  std::iota(jobs.begin(), jobs.end(), std::size_t{0});
  std::set<std::string> sealed;
  const auto request = [&](std::size_t job) {
    return DocumentRequest(*work[job], infos[job].stamp, shards_directory);
  };
  for (int pass = 0;; ++pass) {
    if (!sharded) {
      RunPass(pool, jobs, request, apply, stop);
      break;
    }
    // Shards are sealed every shard_commit_mb of input (the workers' memory stays
    // bounded, and a commit never runs under a document's deadline).
    for (const std::vector<std::size_t>& batch : Batches(jobs, infos, options.shard_commit_bytes)) {
      RunPass(pool, batch, request, apply, stop);
      for (WorkerPool::Outcome& outcome : pool.Broadcast(std::string(kSealRequest), kSealTimeout)) {
        if (outcome.ok && !outcome.payload.empty()) sealed.insert(std::move(outcome.payload));
      }
      if (stop) break;
    }
    // A worker that died took its shard's uncommitted documents with it: once more.
    jobs = apply.ForgetShardsExcept(sealed);
    if (jobs.empty() || stop) break;  // stopped: the next run does them
    if (pass == 1) {
      apply.RejectLost(jobs);
      break;
    }
  }
  report.interrupted = stop;
  if (sealed.empty()) {
    store.Commit();
  } else {
    for (const auto& [path, docids] : apply.shard_drops()) DeleteFromShard(path, docids);
    store.MergeShards(std::vector<std::string>(sealed.begin(), sealed.end()));
  }
  if (sharded) layout.RemoveShardsDirectory();
  return report;
}

}  // namespace lupe::ingest
