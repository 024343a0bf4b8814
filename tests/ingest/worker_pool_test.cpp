// The worker pool isolates jobs: a crash, a hang or runaway memory loses one job only.
#include "worker_pool.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <map>
#include <set>
#include <thread>

using lupe::ingest::WorkerPool;

namespace {

// The work of the test workers: "echo:X" answers X, the rest misbehave as named.
std::string Misbehave(const std::string& request) {
  if (request == "crash") std::raise(SIGSEGV);
  if (request == "hang") {
    for (;;) ::pause();
  }
  if (request == "exit") ::_exit(3);
  if (request == "memory") {
    std::string huge(std::size_t{1} << 31, 'x');  // over the 512 MiB limit below
    return huge.substr(0, 1);
  }
  if (request == "throw") throw std::runtime_error("bad input");
  return request.substr(5);
}

std::map<std::size_t, WorkerPool::Outcome> RunAll(WorkerPool& pool,
                                                  const std::vector<std::string>& requests) {
  std::map<std::size_t, WorkerPool::Outcome> outcomes;
  pool.Run(
      requests.size(), [&](std::size_t i) { return requests[i]; },
      [&](WorkerPool::Outcome&& outcome) { outcomes[outcome.job] = std::move(outcome); },
      [] { return false; });
  return outcomes;
}

}  // namespace

TEST_CASE("a crashing, hanging or exhausting job fails alone and the others succeed") {
  WorkerPool pool({2, std::chrono::milliseconds(1500), std::size_t{512} << 20}, Misbehave);
  const std::vector<std::string> requests = {"echo:a", "crash", "echo:b", "hang",  "echo:c",
                                             "memory", "exit",  "throw",  "echo:d"};
  const auto outcomes = RunAll(pool, requests);
  REQUIRE(outcomes.size() == requests.size());
  CHECK(outcomes.at(0).ok);
  CHECK(outcomes.at(0).payload == "a");
  CHECK(outcomes.at(2).payload == "b");
  CHECK(outcomes.at(4).payload == "c");
  CHECK(outcomes.at(8).payload == "d");
  CHECK_FALSE(outcomes.at(1).ok);
  CHECK(outcomes.at(1).payload.find("crashed (signal 11") != std::string::npos);
  CHECK_FALSE(outcomes.at(3).ok);
  CHECK(outcomes.at(3).payload.find("longer than 1 s") != std::string::npos);
  CHECK_FALSE(outcomes.at(5).ok);
  CHECK(outcomes.at(5).payload.find("out of memory") != std::string::npos);
  CHECK_FALSE(outcomes.at(6).ok);
  CHECK(outcomes.at(6).payload.find("exited unexpectedly (status 3)") != std::string::npos);
  CHECK_FALSE(outcomes.at(7).ok);
  CHECK(outcomes.at(7).payload == "internal error: bad input");
}

TEST_CASE("after stop no new job starts") {
  WorkerPool pool({1, std::chrono::milliseconds(5000), 0}, Misbehave);
  bool stop = false;
  std::size_t finished = 0;
  pool.Run(
      10, [](std::size_t) { return std::string("echo:x"); },
      [&](WorkerPool::Outcome&&) {
        if (++finished == 3) stop = true;
      },
      [&] { return stop; });
  CHECK(finished == 3);
}

TEST_CASE("a broadcast reaches every live worker once, and for a worker that dies says why") {
  // "pid": each worker answers with its own; "exit" ends the worker it reaches.
  WorkerPool pool({3, std::chrono::milliseconds(5000), 0}, [](const std::string& request) {
    if (request == "exit") ::_exit(3);
    return request == "pid" ? std::to_string(::getpid()) : request;
  });
  std::vector<WorkerPool::Outcome> answers = pool.Broadcast("pid", std::chrono::seconds(5));
  REQUIRE(answers.size() == 3);
  std::set<std::string> pids;
  for (const WorkerPool::Outcome& answer : answers) {
    CHECK(answer.ok);
    pids.insert(answer.payload);
  }
  CHECK(pids.size() == 3);
  answers = pool.Broadcast("exit", std::chrono::seconds(5));
  REQUIRE(answers.size() == 3);
  for (const WorkerPool::Outcome& answer : answers) {
    CHECK_FALSE(answer.ok);
    CHECK(answer.payload.find("exited unexpectedly (status 3)") != std::string::npos);
  }
  // The dead are not asked again; Run spawns new workers for new jobs.
  CHECK(pool.Broadcast("pid", std::chrono::seconds(5)).empty());
  const auto outcomes = RunAll(pool, {"again"});
  CHECK(outcomes.at(0).payload == "again");
}

TEST_CASE("a job throwing something that is no std::exception fails alone, the worker lives on") {
  // Xapian's errors are not std::exceptions: one escaping a worker's job once ran the
  // parent's code in the forked worker and hung it.
  WorkerPool pool({1, std::chrono::milliseconds(20000), 0}, [](const std::string& request) {
    if (request == "odd") throw 42;
    return request;
  });
  const auto outcomes = RunAll(pool, {"first", "odd", "last"});
  REQUIRE(outcomes.size() == 3);
  CHECK(outcomes.at(0).ok);
  CHECK(outcomes.at(2).ok);
  CHECK(outcomes.at(2).payload == "last");
  CHECK_FALSE(outcomes.at(1).ok);
  CHECK(outcomes.at(1).payload.find("internal error") != std::string::npos);
}
