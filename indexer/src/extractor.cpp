#include "lupe/ingest/extractor.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "content_sniffer.h"
#include "extract_encoding.h"
#include "extract_formats.h"
#include "lupe/analyzers/error.h"

namespace lupe::ingest {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

ExtractedDocument Dispatch(Format format, std::string_view bytes, const ExtractLimits& limits) {
  switch (format) {
    case Format::kText:
      return extract::ExtractPlainText(bytes, limits);
    case Format::kMarkdown:
      return extract::ExtractMarkdown(bytes, limits);
    case Format::kHtml:
      return extract::ExtractHtml(bytes, limits);
    case Format::kXml:
      return extract::ExtractXml(bytes, limits);
    case Format::kPdf:
      return extract::ExtractPdf(bytes, limits);
    case Format::kDocx:
      return extract::ExtractDocx(bytes, limits);
    case Format::kOdt:
      return extract::ExtractOdt(bytes, limits);
  }
  throw Error(ErrorCode::kInternal, "unknown document format");
}

// Parsers hand back whatever the file contained; the contract promises valid UTF-8.
void SanitizeStrings(ExtractedDocument& document) {
  for (std::string* field :
       {&document.title, &document.author, &document.date, &document.description, &document.text}) {
    if (!extract::IsValidUtf8(*field)) *field = extract::SanitizeUtf8(*field);
  }
  for (std::string& keyword : document.keywords) {
    if (!extract::IsValidUtf8(keyword)) keyword = extract::SanitizeUtf8(keyword);
  }
}

bool HasVisibleText(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](unsigned char c) { return c > ' ' && c != 0x7F; });
}

}  // namespace

const char* FormatName(Format format) {
  switch (format) {
    case Format::kText:
      return "text";
    case Format::kMarkdown:
      return "markdown";
    case Format::kHtml:
      return "html";
    case Format::kXml:
      return "xml";
    case Format::kPdf:
      return "pdf";
    case Format::kDocx:
      return "docx";
    case Format::kOdt:
      return "odt";
  }
  return "unknown";
}

std::optional<Format> FormatForPath(const std::filesystem::path& path) {
  const std::string name = Lower(path.filename().string());
  if (name.ends_with(".meta.xml")) return std::nullopt;  // metadata sidecars
  const std::string extension = Lower(path.extension().string());
  if (extension == ".txt") return Format::kText;
  if (extension == ".md" || extension == ".markdown") return Format::kMarkdown;
  if (extension == ".html" || extension == ".htm" || extension == ".xhtml") return Format::kHtml;
  if (extension == ".xml") return Format::kXml;
  if (extension == ".pdf") return Format::kPdf;
  if (extension == ".docx") return Format::kDocx;
  if (extension == ".odt") return Format::kOdt;
  return std::nullopt;
}

ExtractedDocument Extract(Format format, std::string_view bytes, const ExtractLimits& limits) {
  if (bytes.empty()) throw Error(ErrorCode::kInvalidInput, "empty file");
  extract::ContentSniffer::Check(format, bytes);
  ExtractedDocument document = Dispatch(format, bytes, limits);
  if (!HasVisibleText(document.text)) {
    throw Error(ErrorCode::kInvalidInput, "no extractable text");
  }
  SanitizeStrings(document);
  // Replacing ill-formed bytes can grow the text past the limit.
  if (document.text.size() > limits.max_text_bytes) {
    throw Error(ErrorCode::kInvalidInput, "extracted text exceeds the text size limit");
  }
  return document;
}

}  // namespace lupe::ingest
