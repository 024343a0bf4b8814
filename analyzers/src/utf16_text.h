#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace lupe::analyzers {

// A UTF-16 copy of UTF-8 input for ICU, with the byte offset of every code unit in the
// original input so that tokens can point back into it.
//
// Rules (so that bad input can never reach ICU or the index):
//   - an invalid or truncated UTF-8 sequence becomes U+FFFD (a word boundary);
//   - C0/C1 control characters (tab and newline included) become U+0020, so "Stadt\x01Ulm" is two
//   words;
//   - U+FEFF (byte order mark) becomes U+0020.
// Not thread-safe; owned by one analysis call.
class Utf16Text {
 public:
  // Replaces the contents with bytes; offsets are reported relative to base_offset.
  void Assign(std::string_view bytes, std::uint32_t base_offset);

  const char16_t* data() const { return units_.data(); }
  std::int32_t size() const { return static_cast<std::int32_t>(units_.size()); }
  char16_t operator[](std::int32_t i) const { return units_[i]; }
  // Byte offset (in the caller's text) of code unit i; i == size() gives the end.
  std::uint32_t ByteOffset(std::int32_t i) const { return offsets_[i]; }

 private:
  std::vector<char16_t> units_;
  std::vector<std::uint32_t> offsets_;
};

}  // namespace lupe::analyzers
