// PDF via poppler-cpp. Text is taken in the order of the content stream (raw order): for
// the generated and office-exported PDFs we index, it keeps list bullets with their items
// and columns in sequence, where the layout modes split bullets off or pad with spaces.

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <ctime>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "extract_formats.h"
#include "extract_metadata.h"
#include "extract_text_builder.h"
#include "lupe/analyzers/error.h"

namespace lupe::ingest::extract {
namespace {

// poppler reports syntax problems of damaged files on stderr; a library must not print,
// and the problems surface as our own errors (or as partial text) anyway.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(
      once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::string Utf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  std::string utf8(bytes.begin(), bytes.end());
  // Some producers end strings with NULs.
  while (!utf8.empty() && utf8.back() == '\0') utf8.pop_back();
  return utf8;
}

std::string InfoDate(const poppler::document& pdf, const char* key) {
  const std::time_t time = pdf.info_date_t(key);
  if (time == static_cast<std::time_t>(-1) || time == 0) return {};
  std::tm utc{};
  if (gmtime_r(&time, &utc) == nullptr) return {};
  char date[16];
  std::strftime(date, sizeof date, "%Y-%m-%d", &utc);
  return date;
}

bool StartsLowerCase(std::string_view line) {
  if (line.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(line.data()), i, static_cast<int32_t>(line.size()), c);
  return c >= 0 && u_islower(c);
}

// "Digitali-" at a line end: a hyphen after a letter (not "Bus- und Bahnnetz" spacing).
bool EndsWithWordHyphen(std::string_view line) {
  if (line.size() < 2 || line.back() != '-') return false;
  const unsigned char before = static_cast<unsigned char>(line[line.size() - 2]);
  return before >= 0x80 || std::isalpha(before);
}

std::vector<std::string> PageLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of("\n\r\f", start);
    if (end == std::string::npos) end = text.size();
    std::string line = CollapseWhitespace(std::string_view(text).substr(start, end - start));
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  // A lone number closing the page is its page number, not content.
  if (!lines.empty() && lines.back().size() <= 4 &&
      lines.back().find_first_not_of("0123456789") == std::string::npos) {
    lines.pop_back();
  }
  return lines;
}

// The page's lines, with words hyphenated across a line break joined again
// ("Digitali-\nsierung" -> "Digitalisierung"; "Bus-\nUnd" keeps its hyphen).
void AppendPage(const std::string& page_text, TextBuilder& builder) {
  std::vector<std::string> lines = PageLines(page_text);
  std::string pending;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    pending += lines[i];
    if (i + 1 < lines.size() && EndsWithWordHyphen(pending) && StartsLowerCase(lines[i + 1])) {
      pending.pop_back();
      continue;
    }
    builder.Append(pending, Whitespace::kPreserve);
    builder.LineBreak();
    pending.clear();
  }
}

}  // namespace

ExtractedDocument ExtractPdf(std::string_view bytes, const ExtractLimits& limits) {
  SilencePoppler();
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw Error(ErrorCode::kInvalidInput, "PDF file too large");
  }
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) throw Error(ErrorCode::kInvalidInput, "corrupt PDF file (cannot be opened)");
  if (pdf->is_locked()) throw Error(ErrorCode::kInvalidInput, "PDF is encrypted");

  ExtractedDocument document;
  document.title = CleanTitle(Utf8(pdf->info_key("Title")));
  document.author = CollapseWhitespace(Utf8(pdf->info_key("Author")));
  document.description = CollapseWhitespace(Utf8(pdf->info_key("Subject")));
  document.keywords = SplitKeywords(Utf8(pdf->info_key("Keywords")));
  document.date = InfoDate(*pdf, "CreationDate");
  if (document.date.empty()) document.date = InfoDate(*pdf, "ModDate");

  if (pdf->pages() <= 0) throw Error(ErrorCode::kInvalidInput, "corrupt PDF file (no pages)");
  // Pages past the limit are not read: the start of a huge report is still worth finding.
  const int pages =
      static_cast<int>(std::min(static_cast<std::size_t>(pdf->pages()), limits.max_pages));
  TextBuilder builder(limits.max_text_bytes);
  for (int i = 0; i < pages; ++i) {
    builder.ParagraphBreak();
    document.page_starts.push_back(static_cast<std::uint32_t>(builder.NextOffset()));
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) continue;
    AppendPage(Utf8(page->text(poppler::rectf(), poppler::page::raw_order_layout)), builder);
  }
  document.text = builder.Take();
  // Trailing pages without text start where the text ends.
  for (std::uint32_t& start : document.page_starts) {
    if (start > document.text.size()) start = static_cast<std::uint32_t>(document.text.size());
  }
  return document;
}

}  // namespace lupe::ingest::extract
