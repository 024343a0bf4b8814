#include "worker_pool.h"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <new>

#include "lupe/analyzers/error.h"

namespace lupe::ingest {
namespace {

// Frames on the pipes: 8-byte length, then the bytes. Responses start with a status
// byte: 'o' ok, 'e' error.
bool WriteAll(int fd, const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool ReadAll(int fd, void* data, std::size_t size) {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t n = ::read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool WriteFrame(int fd, const std::string& bytes) {
  const std::uint64_t size = bytes.size();
  return WriteAll(fd, &size, sizeof size) && WriteAll(fd, bytes.data(), bytes.size());
}

bool ReadFrame(int fd, std::string& bytes) {
  std::uint64_t size = 0;
  if (!ReadAll(fd, &size, sizeof size)) return false;
  if (size > (std::uint64_t{1} << 34)) return false;
  bytes.resize(size);
  return ReadAll(fd, bytes.data(), bytes.size());
}

// poll() on fds until deadline (at least once, rounded up to the next millisecond);
// the number of ready descriptors, 0 on timeout, or -1 if a signal interrupted it.
int PollUntil(std::vector<pollfd>& fds, std::chrono::steady_clock::time_point deadline) {
  const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  const int ready =
      ::poll(fds.data(), fds.size(), static_cast<int>(std::max<std::int64_t>(0, wait.count()) + 1));
  if (ready < 0 && errno != EINTR) {
    throw Error(ErrorCode::kInternal, std::string("poll: ") + std::strerror(errno));
  }
  return ready;
}

}  // namespace

WorkerPool::WorkerPool(Options options, Work work)
    : options_(options),
      work_(std::move(work)),
      workers_(static_cast<std::size_t>(std::max(1, options.workers))) {
  // A worker that dies while the parent writes to it must not kill the parent.
  ::signal(SIGPIPE, SIG_IGN);
  for (Worker& worker : workers_) Spawn(worker);
}

WorkerPool::~WorkerPool() {
  for (Worker& worker : workers_) {
    if (worker.to_child >= 0) ::close(worker.to_child);  // EOF: the child exits
    worker.to_child = -1;
  }
  for (Worker& worker : workers_) Retire(worker);
}

void WorkerPool::Spawn(Worker& worker) {
  int down[2], up[2];
  if (::pipe(down) != 0 || ::pipe(up) != 0) {
    throw Error(ErrorCode::kInternal, std::string("pipe: ") + std::strerror(errno));
  }
  const pid_t pid = ::fork();
  if (pid < 0) throw Error(ErrorCode::kInternal, std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    ::close(down[1]);
    ::close(up[0]);
    for (Worker& other : workers_) {  // the other workers' pipes are not this child's
      if (other.to_child >= 0) ::close(other.to_child);
      if (other.from_child >= 0) ::close(other.from_child);
    }
    ChildLoop(down[0], up[1]);
  }
  ::close(down[0]);
  ::close(up[1]);
  worker = Worker{pid, down[1], up[0], false, 0, {}};
}

void WorkerPool::ChildLoop(int from_parent, int to_parent) {
  ::signal(SIGINT, SIG_IGN);  // Ctrl-C is the parent's to handle: it finishes the job
  const rlimit no_core{0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);
  if (options_.memory_bytes > 0) {
    const rlimit memory{options_.memory_bytes, options_.memory_bytes};
    ::setrlimit(RLIMIT_AS, &memory);
  }
  std::string request;
  while (ReadFrame(from_parent, request)) {
    // The status byte, then the payload (appended: GCC 12 warns on "x" + string).
    std::string response;
    try {
      const std::string payload = work_(request);
      response.append("o").append(payload);
    } catch (const std::bad_alloc&) {
      response.assign("eout of memory (limit ")
          .append(std::to_string(options_.memory_bytes >> 20))
          .append(" MiB)");
    } catch (const Error& error) {
      response.assign("e").append(error.what());
    } catch (const std::exception& error) {
      response.assign("einternal error: ").append(error.what());
    } catch (...) {
      // Not a std::exception (Xapian's errors are not): nothing may leave this loop, or
      // the forked worker would go on running its parent's code from the fork on.
      response.assign("einternal error: an exception of unknown type");
    }
    if (!WriteFrame(to_parent, response)) break;
  }
  ::_exit(0);
}

void WorkerPool::Retire(Worker& worker) {
  if (worker.pid > 0) {
    ::kill(worker.pid, SIGKILL);
    while (::waitpid(worker.pid, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
  if (worker.to_child >= 0) ::close(worker.to_child);
  if (worker.from_child >= 0) ::close(worker.from_child);
  worker = Worker{};
}

std::string WorkerPool::DescribeDeath(Worker& worker) {
  int status = 0;
  pid_t reaped = 0;
  for (int i = 0; i < 100 && reaped == 0; ++i) {  // give the kernel a moment to report it
    reaped = ::waitpid(worker.pid, &status, WNOHANG);
    if (reaped == 0) ::usleep(1000);
  }
  if (reaped == worker.pid) {
    worker.pid = -1;
    if (WIFSIGNALED(status)) {
      const int signal = WTERMSIG(status);
      return "parser crashed (signal " + std::to_string(signal) + ", " + strsignal(signal) + ")";
    }
    return "parser exited unexpectedly (status " + std::to_string(WEXITSTATUS(status)) + ")";
  }
  return "parser stopped answering";
}

void WorkerPool::Run(std::size_t count, const std::function<std::string(std::size_t)>& request,
                     const std::function<void(Outcome&&)>& done,
                     const std::function<bool()>& stop) {
  std::size_t next = 0;
  std::size_t busy = 0;
  std::vector<pollfd> fds;
  std::vector<Worker*> polled;
  while (true) {
    for (Worker& worker : workers_) {
      if (worker.busy || next >= count || stop()) continue;
      if (worker.pid < 0) Spawn(worker);
      if (!WriteFrame(worker.to_child, request(next))) {
        done({next++, false, DescribeDeath(worker)});
        Retire(worker);
        continue;
      }
      worker.busy = true;
      worker.job = next++;
      worker.deadline = std::chrono::steady_clock::now() + options_.timeout;
      ++busy;
    }
    if (busy == 0) return;

    fds.clear();
    polled.clear();
    auto nearest = std::chrono::steady_clock::time_point::max();
    for (Worker& worker : workers_) {
      if (!worker.busy) continue;
      fds.push_back({worker.from_child, POLLIN, 0});
      polled.push_back(&worker);
      nearest = std::min(nearest, worker.deadline);
    }
    const int ready = PollUntil(fds, nearest);
    const auto now = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < fds.size(); ++i) {
      Worker& worker = *polled[i];
      if (ready > 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
        std::string response;
        --busy;
        worker.busy = false;
        if (ReadFrame(worker.from_child, response) && !response.empty()) {
          done({worker.job, response[0] == 'o', response.substr(1)});
        } else {
          done({worker.job, false, DescribeDeath(worker)});
          Retire(worker);
        }
      } else if (now >= worker.deadline) {
        --busy;
        worker.busy = false;
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(options_.timeout);
        done({worker.job, false,
              "parsing took longer than " + std::to_string(seconds.count()) + " s; stopped"});
        Retire(worker);
      }
    }
  }
}

std::vector<WorkerPool::Outcome> WorkerPool::Broadcast(const std::string& request,
                                                       std::chrono::milliseconds timeout) {
  std::vector<Outcome> outcomes;
  std::vector<std::size_t> waiting;
  for (std::size_t i = 0; i < workers_.size(); ++i) {
    Worker& worker = workers_[i];
    if (worker.pid < 0) continue;
    if (!WriteFrame(worker.to_child, request)) {
      outcomes.push_back({i, false, DescribeDeath(worker)});
      Retire(worker);
      continue;
    }
    waiting.push_back(i);
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!waiting.empty()) {
    std::vector<pollfd> fds;
    for (std::size_t i : waiting) fds.push_back({workers_[i].from_child, POLLIN, 0});
    const int ready = PollUntil(fds, deadline);
    std::vector<std::size_t> still;
    for (std::size_t k = 0; k < fds.size(); ++k) {
      Worker& worker = workers_[waiting[k]];
      std::string response;
      if (ready > 0 && (fds[k].revents & (POLLIN | POLLHUP | POLLERR))) {
        if (ReadFrame(worker.from_child, response) && !response.empty()) {
          outcomes.push_back({waiting[k], response[0] == 'o', response.substr(1)});
        } else {
          outcomes.push_back({waiting[k], false, DescribeDeath(worker)});
          Retire(worker);
        }
      } else if (std::chrono::steady_clock::now() >= deadline) {
        outcomes.push_back({waiting[k], false, "worker stopped answering"});
        Retire(worker);
      } else {
        still.push_back(waiting[k]);
      }
    }
    waiting.swap(still);
  }
  return outcomes;
}

}  // namespace lupe::ingest
