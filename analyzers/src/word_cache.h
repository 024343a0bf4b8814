#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lupe/analyzers/token.h"

namespace lupe::analyzers {

// A bounded cache from a normalised word to what the filters after normalisation say
// about it (its stem, flags such as kStopWord, and its compound parts as Decompounder
// writes them). Stemming and list lookups cost far
// more than this lookup, and word frequencies are Zipfian, so most tokens hit.
//
// Open addressing over a power-of-two table of 16-byte slots, keys and stems in one
// arena. The table starts small (a server thread analysing short queries needs little)
// and doubles when half full, up to 2^18 slots (4 MiB); full at that size, it starts over
// (cheap, and keeps the working set hot).
// Not thread-safe: the analyzer keeps one per thread.
class WordCache {
 public:
  WordCache();

  // If word is cached, sets stem and flags (and parts, if given) and returns true.
  bool Find(std::string_view word, std::string& stem, TokenFlags& flags,
            std::string* parts = nullptr) const;
  // parts: at most kMaxPartsBytes bytes (longer ones are not cached).
  void Insert(std::string_view word, std::string_view stem, TokenFlags flags,
              std::string_view parts = {});
  static constexpr std::size_t kMaxPartsBytes = 255;
  // Replaces what is cached for word (or inserts it).
  void Update(std::string_view word, std::string_view stem, TokenFlags flags,
              std::string_view parts);
  void Clear();

 private:
  struct Slot {
    std::uint64_t hash;    // 0: empty
    std::uint32_t offset;  // word, stem, one byte of parts length, parts
    std::uint8_t word_length;
    std::uint8_t stem_length;
    TokenFlags flags;
  };
  static std::uint64_t Hash(std::string_view word);
  // The index of word's slot, or kNone.
  std::size_t FindSlot(std::string_view word, std::uint64_t hash) const;
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  void Grow();

  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t used_ = 0;
  std::size_t mask_ = 0;  // slots_.size() - 1
};

}  // namespace lupe::analyzers
