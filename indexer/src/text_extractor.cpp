// Plain text: UTF-8 (or a legacy encoding, converted), paragraphs separated by blank lines.

#include <string>

#include "extract_encoding.h"
#include "extract_formats.h"
#include "extract_metadata.h"
#include "extract_text_builder.h"

namespace lupe::ingest::extract {
namespace {

// Control characters other than tab and line ends are noise from old editors or
// conversions (form feeds, stray ESC); they become spaces so words stay apart.
std::string_view TrimLine(std::string_view line, std::string& scratch) {
  scratch.assign(line);
  for (char& c : scratch) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7F) c = ' ';
  }
  std::string_view trimmed(scratch);
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) {
    trimmed.remove_suffix(1);
  }
  while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) {
    trimmed.remove_prefix(1);
  }
  return trimmed;
}

}  // namespace

ExtractedDocument ExtractPlainText(std::string_view bytes, const ExtractLimits& limits) {
  const std::string utf8 = DecodeToUtf8(bytes);
  ExtractedDocument document;
  TextBuilder builder(limits.max_text_bytes);
  std::string scratch;
  bool in_paragraph = false;
  std::size_t start = 0;
  while (start < utf8.size()) {
    // Line ends: LF, CRLF and old Mac CR all count once.
    std::size_t end = utf8.find_first_of("\r\n", start);
    if (end == std::string::npos) end = utf8.size();
    const std::string_view line =
        TrimLine(std::string_view(utf8).substr(start, end - start), scratch);
    start = end + 1;
    if (end < utf8.size() && utf8[end] == '\r' && start < utf8.size() && utf8[start] == '\n') {
      ++start;
    }
    if (line.empty()) {
      builder.ParagraphBreak();
      in_paragraph = false;
      continue;
    }
    if (in_paragraph) builder.LineBreak();
    builder.Append(line, Whitespace::kPreserve);
    in_paragraph = true;
    // A text file has no metadata; its first line serves as the caller's fallback title.
    if (document.title.empty()) document.title = CleanTitle(line);
  }
  document.text = builder.Take();
  return document;
}

}  // namespace lupe::ingest::extract
