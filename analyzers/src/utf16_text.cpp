#include "utf16_text.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace lupe::analyzers {

void Utf16Text::Assign(std::string_view bytes, std::uint32_t base_offset) {
  // A UTF-8 sequence never has more UTF-16 units than bytes: size for the worst case,
  // write through pointers, then trim.
  units_.resize(bytes.size());
  offsets_.resize(bytes.size() + 1);
  char16_t* unit = units_.data();
  std::uint32_t* offset_out = offsets_.data();
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int32_t>(bytes.size());
  std::int32_t i = 0;
  while (i < length) {
    const std::uint32_t offset = base_offset + static_cast<std::uint32_t>(i);
    if (s[i] < 0x80) {
      const std::uint8_t c = s[i++];
      *unit++ = (c < 0x20 || c == 0x7f) ? u' ' : static_cast<char16_t>(c);
      *offset_out++ = offset;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      c = 0xFFFD;
    } else if ((c >= 0x80 && c < 0xA0) || c == 0xFEFF) {
      c = 0x20;
    }
    if (c <= 0xFFFF) {
      *unit++ = static_cast<char16_t>(c);
      *offset_out++ = offset;
    } else {
      *unit++ = static_cast<char16_t>(U16_LEAD(c));
      *unit++ = static_cast<char16_t>(U16_TRAIL(c));
      *offset_out++ = offset;
      *offset_out++ = offset;
    }
  }
  *offset_out = base_offset + static_cast<std::uint32_t>(length);
  const auto count = static_cast<std::size_t>(unit - units_.data());
  units_.resize(count);
  offsets_.resize(count + 1);
}

}  // namespace lupe::analyzers
