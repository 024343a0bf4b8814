#pragma once

#include <string_view>

#include "lupe/ingest/extracted_document.h"
#include "lupe/ingest/extractor.h"

// The per-format extractors behind lupe::ingest::Extract. Each one receives bytes that
// are non-empty and already passed the content sniffer for its format, parses them with
// its own parser instances (thread-safe, no shared state) and throws
// lupe::Error(kInvalidInput, reason) for input it cannot read. Extract() applies the
// checks common to all formats afterwards (valid UTF-8, "no extractable text").
namespace lupe::ingest::extract {

ExtractedDocument ExtractPlainText(std::string_view bytes, const ExtractLimits& limits);
ExtractedDocument ExtractMarkdown(std::string_view bytes, const ExtractLimits& limits);
ExtractedDocument ExtractHtml(std::string_view bytes, const ExtractLimits& limits);
ExtractedDocument ExtractXml(std::string_view bytes, const ExtractLimits& limits);
ExtractedDocument ExtractPdf(std::string_view bytes, const ExtractLimits& limits);
ExtractedDocument ExtractDocx(std::string_view bytes, const ExtractLimits& limits);
ExtractedDocument ExtractOdt(std::string_view bytes, const ExtractLimits& limits);

}  // namespace lupe::ingest::extract
