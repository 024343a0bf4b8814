#pragma once

#include <string>
#include <string_view>

// Character set handling shared by the text-based extractors: every string an extractor
// returns must be valid UTF-8, whatever the file was written in. Stateless functions;
// thread-safe (each call uses its own uchardet and ICU converter instances).
namespace lupe::ingest::extract {

bool IsValidUtf8(std::string_view bytes);

// bytes with every ill-formed UTF-8 sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view bytes);

// bytes as UTF-8: valid UTF-8 is returned as is (minus a BOM); UTF-16 with a BOM is
// converted; anything else is decoded with declared_charset when ICU knows it (an HTML
// <meta charset>), else with the charset libuchardet detects, else as Windows-1252 (the
// legacy encoding of German office text, a superset of the printable ISO-8859-1).
std::string DecodeToUtf8(std::string_view bytes, std::string_view declared_charset = {});

}  // namespace lupe::ingest::extract
