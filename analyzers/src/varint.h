#pragma once
// Unsigned LEB128 varints, as the schema's value encodings use them (schema.h).

#include <cstdint>
#include <string>
#include <string_view>

namespace lupe::analyzers {

inline void PutVarint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

// Reads the varint at in[i] and advances i past it; false if it is cut off or too long.
inline bool GetVarint(std::string_view in, std::size_t& i, std::uint64_t& value) {
  // Most values of word spans fit in one byte.
  if (i < in.size() && static_cast<unsigned char>(in[i]) < 0x80) {
    value = static_cast<unsigned char>(in[i++]);
    return true;
  }
  value = 0;
  for (unsigned shift = 0; i < in.size() && shift < 64; shift += 7) {
    const auto byte = static_cast<unsigned char>(in[i++]);
    value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

}  // namespace lupe::analyzers
