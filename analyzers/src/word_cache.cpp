#include "word_cache.h"

#include <cstring>
#include <functional>

namespace lupe::analyzers {
namespace {

constexpr std::size_t kFirstSlots = 1 << 10;
constexpr std::size_t kMaxSlots = 1 << 18;
constexpr std::size_t kMaxArenaBytes = 32 << 20;

}  // namespace

WordCache::WordCache() : slots_(kFirstSlots, Slot{}), mask_(kFirstSlots - 1) {}

std::uint64_t WordCache::Hash(std::string_view word) {
  return std::hash<std::string_view>{}(word) | 1;
}

std::size_t WordCache::FindSlot(std::string_view word, std::uint64_t hash) const {
  for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.hash == 0) return kNone;
    if (slot.hash != hash || slot.word_length != word.size()) continue;
    if (std::memcmp(arena_.data() + slot.offset, word.data(), word.size()) == 0) return i;
  }
}

bool WordCache::Find(std::string_view word, std::string& stem, TokenFlags& flags,
                     std::string* parts) const {
  const std::size_t i = FindSlot(word, Hash(word));
  if (i == kNone) return false;
  const Slot& slot = slots_[i];
  const char* key = arena_.data() + slot.offset;
  stem.assign(key + slot.word_length, slot.stem_length);
  flags = slot.flags;
  if (parts != nullptr) {
    const char* length = key + slot.word_length + slot.stem_length;
    parts->assign(length + 1, static_cast<unsigned char>(*length));
  }
  return true;
}

void WordCache::Update(std::string_view word, std::string_view stem, TokenFlags flags,
                       std::string_view parts) {
  const std::size_t i = FindSlot(word, Hash(word));
  if (i == kNone || arena_.size() > kMaxArenaBytes || stem.size() > 255 ||
      parts.size() > kMaxPartsBytes) {
    if (i == kNone) Insert(word, stem, flags, parts);
    return;
  }
  // The new entry goes to the end of the arena; the old bytes stay unused until Clear().
  Slot& slot = slots_[i];
  slot.offset = static_cast<std::uint32_t>(arena_.size());
  slot.stem_length = static_cast<std::uint8_t>(stem.size());
  slot.flags = flags;
  arena_.append(word);
  arena_.append(stem);
  arena_.push_back(static_cast<char>(parts.size()));
  arena_.append(parts);
}

void WordCache::Insert(std::string_view word, std::string_view stem, TokenFlags flags,
                       std::string_view parts) {
  if (word.size() > 255 || stem.size() > 255 || parts.size() > kMaxPartsBytes) return;
  if (arena_.size() > kMaxArenaBytes) Clear();
  if (used_ >= slots_.size() / 2) {
    if (slots_.size() < kMaxSlots) {
      Grow();
    } else {
      Clear();
    }
  }
  const std::uint64_t hash = Hash(word);
  std::size_t i = hash & mask_;
  while (slots_[i].hash != 0) i = (i + 1) & mask_;
  slots_[i] =
      Slot{hash, static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint8_t>(word.size()),
           static_cast<std::uint8_t>(stem.size()), flags};
  arena_.append(word);
  arena_.append(stem);
  arena_.push_back(static_cast<char>(parts.size()));
  arena_.append(parts);
  ++used_;
}

void WordCache::Grow() {
  std::vector<Slot> old(slots_.size() * 2, Slot{});
  old.swap(slots_);
  mask_ = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.hash == 0) continue;
    std::size_t i = slot.hash & mask_;
    while (slots_[i].hash != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
}

void WordCache::Clear() {
  std::fill(slots_.begin(), slots_.end(), Slot{});
  arena_.clear();
  used_ = 0;
}

}  // namespace lupe::analyzers
