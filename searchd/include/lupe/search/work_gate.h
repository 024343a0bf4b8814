#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

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
    explicit Pass(WorkGate& gate) : gate_(gate) {
      slot_ = gate_.Enter();
      current_slot_ = slot_;
    }
    ~Pass() {
      current_slot_ = kNoSlot;
      gate_.Leave(slot_);
    }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    WorkGate& gate_;
    std::size_t slot_;
  };

  static constexpr std::size_t kNoSlot = ~std::size_t{0};
  // The slot (0 .. slots - 1) the calling thread holds a Pass of, or kNoSlot: while a
  // request holds a slot, no other request holds the same one, so state kept per slot
  // (IndexReader's database handles) is used by one thread at a time.
  static std::size_t CurrentSlot() { return current_slot_; }

  std::size_t slots() const { return slots_; }
  // Requests waiting for a slot now.
  std::size_t Waiting();

 private:
  struct Waiter {
    std::condition_variable wake;
    bool admitted = false;
    std::size_t slot = kNoSlot;
  };

  std::size_t Enter();  // the slot taken; throws lupe::Error(kUnavailable) after max_wait
  void Leave(std::size_t slot);

  static thread_local std::size_t current_slot_;

  const std::size_t slots_;
  const std::chrono::milliseconds max_wait_;
  std::mutex mutex_;
  std::vector<std::size_t> free_;  // slots not held
  std::deque<Waiter*> waiting_;    // in arrival order; a leaving request hands its slot on
};

}  // namespace lupe::search
