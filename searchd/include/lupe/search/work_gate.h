#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace lupe::search {

// Lets at most `slots` requests do their work (search, snippets, JSON) at once and makes
// the others wait in arrival order. Every kept-alive connection has a server thread of its
// own (SearchdConfig::threads), so without a gate 64 connections' requests share two cores
// at once: each takes 32 times its own time and a slow query drags everyone's tail. Behind
// the gate a request waits for those ahead of it and then runs at full speed; the mean
// latency stays (Little's law), the spread shrinks.
// A request that waits longer than max_wait gets Error(kUnavailable) (503) instead of an
// answer nobody waits for anymore.
// Thread-safety: all members may be called from any thread.
class WorkGate {
 public:
  // slots >= 1.
  WorkGate(std::size_t slots, std::chrono::milliseconds max_wait);
  WorkGate(const WorkGate&) = delete;
  WorkGate& operator=(const WorkGate&) = delete;

  // Holds a slot from construction (waiting, in arrival order) to destruction.
  class Pass {
   public:
    explicit Pass(WorkGate& gate) : gate_(gate) { gate_.Enter(); }
    ~Pass() { gate_.Leave(); }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    WorkGate& gate_;
  };

  std::size_t slots() const { return slots_; }
  // Requests waiting for a slot now.
  std::size_t Waiting();

 private:
  struct Waiter {
    std::condition_variable wake;
    bool admitted = false;
  };

  void Enter();  // throws lupe::Error(kUnavailable) after max_wait
  void Leave();

  const std::size_t slots_;
  const std::chrono::milliseconds max_wait_;
  std::mutex mutex_;
  std::size_t busy_ = 0;          // slots held
  std::deque<Waiter*> waiting_;   // in arrival order; a leaving request hands its slot on
};

}  // namespace lupe::search
