#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lupe/analyzers/token.h"

namespace lupe::analyzers {

// A bounded cache from a normalised word to what the filters after normalisation say
// about it (its stem and flags such as kStopWord). Stemming and list lookups cost far
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

  // If word is cached, sets stem and flags and returns true.
  bool Find(std::string_view word, std::string& stem, TokenFlags& flags) const;
  void Insert(std::string_view word, std::string_view stem, TokenFlags flags);
  void Clear();

 private:
  struct Slot {
    std::uint64_t hash;  // 0: empty
    std::uint32_t offset;
    std::uint8_t word_length;
    std::uint8_t stem_length;
    TokenFlags flags;
  };
  static std::uint64_t Hash(std::string_view word);
  void Grow();

  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t used_ = 0;
  std::size_t mask_ = 0;  // slots_.size() - 1
};

}  // namespace lupe::analyzers
