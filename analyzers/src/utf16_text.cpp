#include "utf16_text.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace lupe::analyzers {

void Utf16Text::Assign(std::string_view bytes, std::uint32_t base_offset) {
  units_.clear();
  offsets_.clear();
  units_.reserve(bytes.size() + 1);
  offsets_.reserve(bytes.size() + 1);
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int32_t>(bytes.size());
  std::int32_t i = 0;
  while (i < length) {
    const std::uint32_t offset = base_offset + static_cast<std::uint32_t>(i);
    UChar32 c;
    if (s[i] < 0x80) {
      c = s[i++];
      if (c < 0x20 || c == 0x7f) c = 0x20;
      units_.push_back(static_cast<char16_t>(c));
      offsets_.push_back(offset);
      continue;
    }
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      c = 0xFFFD;
    } else if ((c >= 0x80 && c < 0xA0) || c == 0xFEFF) {
      c = 0x20;
    }
    if (c <= 0xFFFF) {
      units_.push_back(static_cast<char16_t>(c));
      offsets_.push_back(offset);
    } else {
      units_.push_back(static_cast<char16_t>(U16_LEAD(c)));
      units_.push_back(static_cast<char16_t>(U16_TRAIL(c)));
      offsets_.push_back(offset);
      offsets_.push_back(offset);
    }
  }
  offsets_.push_back(base_offset + static_cast<std::uint32_t>(length));
}

}  // namespace lupe::analyzers
