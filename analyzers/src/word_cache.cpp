#include "word_cache.h"

#include <cstring>
#include <functional>

namespace lupe::analyzers {
namespace {

constexpr std::size_t kSlots = 1 << 18;
constexpr std::size_t kMaxArenaBytes = 32 << 20;

}  // namespace

WordCache::WordCache() : slots_(kSlots, Slot{}) { arena_.reserve(1 << 20); }

std::uint64_t WordCache::Hash(std::string_view word) {
  return std::hash<std::string_view>{}(word) | 1;
}

bool WordCache::Find(std::string_view word, std::string& stem, TokenFlags& flags) const {
  const std::uint64_t hash = Hash(word);
  for (std::size_t i = hash & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
    const Slot& slot = slots_[i];
    if (slot.hash == 0) return false;
    if (slot.hash != hash || slot.word_length != word.size()) continue;
    const char* key = arena_.data() + slot.offset;
    if (std::memcmp(key, word.data(), word.size()) != 0) continue;
    stem.assign(key + slot.word_length, slot.stem_length);
    flags = slot.flags;
    return true;
  }
}

void WordCache::Insert(std::string_view word, std::string_view stem, TokenFlags flags) {
  if (word.size() > 255 || stem.size() > 255) return;
  if (used_ >= kSlots / 2 || arena_.size() > kMaxArenaBytes) Clear();
  const std::uint64_t hash = Hash(word);
  std::size_t i = hash & (kSlots - 1);
  while (slots_[i].hash != 0) i = (i + 1) & (kSlots - 1);
  slots_[i] =
      Slot{hash, static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint8_t>(word.size()),
           static_cast<std::uint8_t>(stem.size()), flags};
  arena_.append(word);
  arena_.append(stem);
  ++used_;
}

void WordCache::Clear() {
  std::fill(slots_.begin(), slots_.end(), Slot{});
  arena_.clear();
  used_ = 0;
}

}  // namespace lupe::analyzers
