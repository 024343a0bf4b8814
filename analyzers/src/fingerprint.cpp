#include "fingerprint.h"

#include <cstdint>
#include <cstdio>

namespace lupe::analyzers {

std::string HashHex(std::initializer_list<std::string_view> parts) {
  std::uint64_t hash = 14695981039346656037ULL;
  auto add = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 1099511628211ULL;
  };
  for (std::string_view part : parts) {
    for (int shift = 0; shift < 64; shift += 8) {
      add(static_cast<unsigned char>(static_cast<std::uint64_t>(part.size()) >> shift));
    }
    for (char c : part) add(static_cast<unsigned char>(c));
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

}  // namespace lupe::analyzers
