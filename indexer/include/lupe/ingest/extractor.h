#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string_view>

#include "lupe/ingest/extracted_document.h"

namespace lupe::ingest {

// The document formats the indexer reads.
enum class Format { kText, kMarkdown, kHtml, kXml, kPdf, kDocx, kOdt };

// Stable lower-case name: "text", "markdown", "html", "xml", "pdf", "docx", "odt".
const char* FormatName(Format format);

// The format a file is indexed as, from its name (case-insensitive extension):
// .txt -> kText, .md/.markdown -> kMarkdown, .html/.htm/.xhtml -> kHtml, .xml -> kXml,
// .pdf -> kPdf, .docx -> kDocx, .odt -> kOdt. Sidecars (*.meta.xml) and every other
// name: std::nullopt (the caller skips them).
std::optional<Format> FormatForPath(const std::filesystem::path& path);

// Limits that keep a hostile file from exhausting the machine.
struct ExtractLimits {
  std::size_t max_text_bytes = 64u << 20;          // extracted text beyond this: rejected
  std::size_t max_unpacked_bytes = 256u << 20;     // zip members (docx/odt) in total: zip bombs
  std::size_t max_pages = 5000;                    // PDF pages
};

// Extracts text and metadata from the bytes of a file of the given format.
// Checks the content against the format (libmagic / signatures): a ".pdf" that is not a
// PDF, binary junk in a ".txt", an empty file are rejected.
// Throws lupe::Error(ErrorCode::kInvalidInput, reason) for every file it cannot index;
// the reason is one short English sentence naming what is wrong, e.g.
// "not a PDF file (content looks like: JPEG image data)", "PDF is encrypted",
// "corrupt zip container: ...", "unpacked size exceeds 256 MiB (zip bomb?)",
// "malformed XML at offset 1234: ...", "empty file", "binary content in a text file".
// Thread-safe: no shared state (each call uses its own parser instances).
ExtractedDocument Extract(Format format, std::string_view bytes, const ExtractLimits& limits);

}  // namespace lupe::ingest
