#include "lupe/search/work_gate.h"

#include <algorithm>

#include "lupe/analyzers/error.h"

namespace lupe::search {

thread_local std::size_t WorkGate::current_slot_ = WorkGate::kNoSlot;

WorkGate::WorkGate(std::size_t slots, std::chrono::milliseconds max_wait)
    : slots_(std::max<std::size_t>(1, slots)), max_wait_(max_wait) {
  for (std::size_t slot = slots_; slot-- > 0;) free_.push_back(slot);
}

std::size_t WorkGate::Enter() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!free_.empty() && waiting_.empty()) {
    const std::size_t slot = free_.back();
    free_.pop_back();
    return slot;
  }
  Waiter waiter;
  waiting_.push_back(&waiter);
  if (waiter.wake.wait_for(lock, max_wait_, [&] { return waiter.admitted; })) return waiter.slot;
  waiting_.erase(std::find(waiting_.begin(), waiting_.end(), &waiter));
  throw Error(ErrorCode::kUnavailable, "the server is busy: the request waited " +
                                           std::to_string(max_wait_.count()) +
                                           " ms for its turn; try again");
}

std::size_t WorkGate::Waiting() {
  const std::lock_guard<std::mutex> lock(mutex_);
  return waiting_.size();
}

void WorkGate::Leave(std::size_t slot) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (waiting_.empty()) {
    free_.push_back(slot);
    return;
  }
  // The slot passes straight to the longest waiting request: no other thread can take it
  // in between, so the order of arrival is kept.
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->admitted = true;
  next->slot = slot;
  next->wake.notify_one();
}

}  // namespace lupe::search
