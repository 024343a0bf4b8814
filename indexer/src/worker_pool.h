#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace lupe::ingest {

// Runs jobs in forked worker processes, so that a parser that crashes, hangs or eats
// memory on a hostile file loses that one file and nothing else: each worker has an
// address-space limit, each job a deadline; a worker that dies or overruns is killed,
// the job fails with a reason, and a fresh worker takes its place.
//
// A job is a request string; the worker function (run in the child) maps it to a response
// string or throws. Results come back to the parent in the order jobs finish.
// Not thread-safe: one parent thread drives it. Create it before opening files or
// databases whose state a child must not share; children leave with _exit().
class WorkerPool {
 public:
  using Work = std::function<std::string(const std::string& request)>;

  struct Options {
    int workers = 2;
    std::chrono::milliseconds timeout{60000};
    std::size_t memory_bytes = std::size_t{2} << 30;  // RLIMIT_AS per worker; 0 = none
  };

  struct Outcome {
    std::size_t job = 0;  // index into the requests
    bool ok = false;
    std::string payload;  // the response, or the reason the job failed
  };

  WorkerPool(Options options, Work work);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs request(i) for i in [0, count) on the workers and calls done() with each outcome
  // in the parent. Once stop() returns true, no new job starts; jobs under way finish.
  void Run(std::size_t count, const std::function<std::string(std::size_t)>& request,
           const std::function<void(Outcome&&)>& done, const std::function<bool()>& stop);

  // Sends request to every worker alive (between Runs: none is busy) and returns their
  // outcomes, job = the worker's number. A worker that dies or does not answer within
  // timeout is retired; its outcome says why. Workers that died before are not asked.
  std::vector<Outcome> Broadcast(const std::string& request, std::chrono::milliseconds timeout);

 private:
  struct Worker {
    pid_t pid = -1;
    int to_child = -1;
    int from_child = -1;
    bool busy = false;
    std::size_t job = 0;
    std::chrono::steady_clock::time_point deadline;
  };

  void Spawn(Worker& worker);
  void Retire(Worker& worker);  // kill (if alive), reap, close pipes
  std::string DescribeDeath(Worker& worker);
  [[noreturn]] void ChildLoop(int from_parent, int to_parent);

  Options options_;
  Work work_;
  std::vector<Worker> workers_;
};

}  // namespace lupe::ingest
