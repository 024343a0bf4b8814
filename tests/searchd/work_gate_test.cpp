// WorkGate: at most `slots` holders at once, the rest admitted in arrival order, and a
// clear kUnavailable error for a request that waits too long.
#include "lupe/search/work_gate.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "lupe/analyzers/error.h"

using lupe::search::WorkGate;
using namespace std::chrono_literals;

namespace {

// Waits until predicate holds (polling; the tests assert order, never durations).
template <typename Predicate>
void AwaitTrue(Predicate predicate) {
  while (!predicate()) std::this_thread::sleep_for(1ms);
}

}  // namespace

TEST_CASE("the work gate admits at most its slots at once and the rest in arrival order") {
  WorkGate gate(2, 60s);
  std::mutex mutex;
  std::vector<int> admitted;
  int inside = 0;
  int most_inside = 0;
  std::atomic<int> release{0};  // holders with an index below it may leave

  auto worker = [&](int index) {
    const WorkGate::Pass pass(gate);
    {
      const std::lock_guard<std::mutex> lock(mutex);
      admitted.push_back(index);
      most_inside = std::max(most_inside, ++inside);
    }
    AwaitTrue([&] { return release.load() > index; });
    const std::lock_guard<std::mutex> lock(mutex);
    --inside;
  };
  auto count_admitted = [&] {
    const std::lock_guard<std::mutex> lock(mutex);
    return admitted.size();
  };

  std::vector<std::thread> threads;
  // One after the other, so that they record their admission in this order too.
  threads.emplace_back(worker, 0);
  AwaitTrue([&] { return count_admitted() == 1; });
  threads.emplace_back(worker, 1);
  AwaitTrue([&] { return count_admitted() == 2; });
  // Later arrivals queue, one after the other (each started once the one before waits).
  for (int index = 2; index < 6; ++index) {
    threads.emplace_back(worker, index);
    AwaitTrue([&] { return gate.Waiting() == static_cast<std::size_t>(index - 1); });
  }
  CHECK(count_admitted() == 2);
  for (int index = 1; index <= 6; ++index) {
    release = index;  // the oldest holder leaves; its slot goes to the oldest waiter
    AwaitTrue([&] { return count_admitted() >= static_cast<std::size_t>(std::min(6, index + 2)); });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(most_inside == 2);
  CHECK(admitted == std::vector<int>{0, 1, 2, 3, 4, 5});
}

TEST_CASE("a request that waits too long for the work gate gets a busy error") {
  WorkGate gate(1, 50ms);
  std::optional<WorkGate::Pass> holder;
  holder.emplace(gate);
  try {
    const WorkGate::Pass pass(gate);
    FAIL("the second pass was admitted while the only slot was held");
  } catch (const lupe::Error& error) {
    CHECK(error.code() == lupe::ErrorCode::kUnavailable);
    CHECK(std::string(error.what()).find("busy") != std::string::npos);
  }
  holder.reset();
  // The timed-out request left the queue: the slot is free for the next one.
  const WorkGate::Pass pass(gate);
  SUCCEED("admitted after the holder left");
}

TEST_CASE("each holder of the work gate has a slot of its own, and a waiter takes the leaver's") {
  WorkGate gate(2, 60s);
  CHECK(WorkGate::CurrentSlot() == WorkGate::kNoSlot);
  std::optional<WorkGate::Pass> first;
  first.emplace(gate);
  const std::size_t first_slot = WorkGate::CurrentSlot();
  CHECK(first_slot < 2);
  std::size_t second_slot = WorkGate::kNoSlot;
  std::thread second([&] {
    const WorkGate::Pass pass(gate);
    second_slot = WorkGate::CurrentSlot();
  });
  second.join();
  CHECK(second_slot < 2);
  CHECK(second_slot != first_slot);
  // Both slots held: a third request waits, and gets the slot the first one leaves.
  std::atomic<bool> blocked{false};
  std::atomic<std::size_t> third_slot{WorkGate::kNoSlot};
  std::thread holder([&] {
    const WorkGate::Pass pass(gate);  // takes the second slot again
    blocked = true;
    AwaitTrue([&] { return third_slot.load() != WorkGate::kNoSlot; });
  });
  AwaitTrue([&] { return blocked.load(); });
  std::thread third([&] {
    const WorkGate::Pass pass(gate);
    third_slot = WorkGate::CurrentSlot();
  });
  AwaitTrue([&] { return gate.Waiting() == 1; });
  first.reset();
  CHECK(WorkGate::CurrentSlot() == WorkGate::kNoSlot);
  third.join();
  holder.join();
  CHECK(third_slot.load() == first_slot);
}
