#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace lupe::analyzers {

// 64-bit FNV-1a over the given byte strings (each length-prefixed, so that moving a
// byte from one to the next changes the hash), as 16 lower-case hex digits. Used to
// fingerprint the analyser's data files; not a cryptographic hash.
std::string HashHex(std::initializer_list<std::string_view> parts);

}  // namespace lupe::analyzers
