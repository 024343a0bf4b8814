#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lupe::ingest {

// What an extractor found in one file: visible text plus the document's own metadata.
// Every string is valid UTF-8 (extractors convert or reject).
struct ExtractedDocument {
  std::string title;        // from the document itself (<title>, properties, first heading); may be empty
  std::string author;       // document properties / <meta name="author">; may be empty
  std::string date;         // ISO 8601 "YYYY", "YYYY-MM" or "YYYY-MM-DD" from document properties; may be empty
  std::string description;  // <meta name="description">, subject; may be empty
  std::vector<std::string> keywords;
  // The visible text. Paragraphs (and headings, list items, table cells, XML elements that
  // hold text) are separated by "\n\n"; lines inside a paragraph by "\n".
  std::string text;
  // For paged formats (PDF): byte offset in text where each page starts, page 1 first
  // (page_starts[0] == 0). Empty for formats without pages.
  std::vector<std::uint32_t> page_starts;
};

}  // namespace lupe::ingest
