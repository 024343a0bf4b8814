#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lupe::ingest::extract {

// How TextBuilder::Append treats whitespace in its argument.
enum class Whitespace {
  kCollapse,  // markup (HTML, XML, office): runs of spaces/tabs/newlines become one space
  kPreserve,  // already laid-out text (plain text lines, PDF lines, ODT <text:s/>)
};

// Accumulates the visible text of a document in the shape ExtractedDocument::text promises:
// paragraphs separated by "\n\n", lines by "\n", no leading or trailing separators and no
// empty paragraphs. Breaks are kept pending and only written before the next visible text,
// so callers may request them freely at every element boundary.
// Throws lupe::Error(kInvalidInput) as soon as the text exceeds max_bytes, so a hostile file
// never makes it hold more than that.
// Not thread-safe; one builder per extraction.
class TextBuilder {
 public:
  explicit TextBuilder(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  void Append(std::string_view text, Whitespace whitespace = Whitespace::kCollapse);
  void Space() { Request(Break::kSpace); }
  void LineBreak() { Request(Break::kLine); }
  void ParagraphBreak() { Request(Break::kParagraph); }

  // The byte offset at which the next visible text will start (for PDF page starts).
  std::size_t NextOffset() const;
  const std::string& text() const { return text_; }
  std::string Take() { return std::move(text_); }

 private:
  enum class Break { kNone, kSpace, kLine, kParagraph };

  void Request(Break brk) {
    if (brk > pending_) pending_ = brk;
  }
  void FlushPending();
  void CheckSize() const;

  std::size_t max_bytes_;
  std::string text_;
  Break pending_ = Break::kNone;
};

// "64 MiB" for whole mebibytes, else "<n> bytes": limits in error messages.
std::string FormatByteLimit(std::size_t bytes);

}  // namespace lupe::ingest::extract
