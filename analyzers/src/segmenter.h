#pragma once

#include <unicode/brkiter.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "utf16_text.h"

namespace lupe::analyzers {

// A run of UTF-16 code units [begin, end) that ICU classed as a word (letters, numbers,
// or both), as opposed to space and punctuation.
struct Piece {
  std::int32_t begin;
  std::int32_t end;
};

// UAX #29 word segmentation with ICU's German rules. ICU keeps some joiners inside words
// ("Bürger:innen", "Bürger_innen", "z.B", "1.000,50") and splits at others ("Smart-City",
// "Bürger*innen"); the filters after it decide what those mean.
// Thread-safety: const and shareable; each thread clones the prototype iterator once
// (thread-local, keyed by the owning Segmenter).
class Segmenter {
 public:
  Segmenter();  // throws lupe::Error(kInternal) if ICU cannot create the iterator

  // Replaces pieces with the word pieces of text, in order.
  void Segment(const Utf16Text& text, std::vector<Piece>& pieces) const;

 private:
  std::unique_ptr<icu::BreakIterator> prototype_;
  std::uint64_t id_;
};

}  // namespace lupe::analyzers
