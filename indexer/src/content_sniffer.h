#pragma once

#include <string>
#include <string_view>

#include "lupe/ingest/extractor.h"

namespace lupe::ingest::extract {

// Checks that the bytes of a file fit the format its name claims, using libmagic, before a
// parser sees them: a ".pdf" that is a JPEG, binary junk named ".txt". The check is cheap
// (libmagic looks at the head of the file) and gives the reason a readable description.
// Thread-safe: each thread uses its own libmagic handle (a magic_t is not thread-safe).
class ContentSniffer {
 public:
  // Throws lupe::Error(kInvalidInput, "not a PDF file (content looks like: ...)" / "binary
  // content in a text file (...)") when the content does not fit format.
  static void Check(Format format, std::string_view bytes);

  // libmagic's description of the content, e.g. "JPEG image data, JFIF standard 1.01".
  static std::string Describe(std::string_view bytes);
};

}  // namespace lupe::ingest::extract
