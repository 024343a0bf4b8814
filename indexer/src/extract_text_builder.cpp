#include "extract_text_builder.h"

#include <algorithm>

#include "lupe/analyzers/error.h"

namespace lupe::ingest::extract {
namespace {

constexpr std::string_view kSoftHyphen = "\xC2\xAD";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

const char* Separator(std::size_t pending) {
  static constexpr const char* kSeparators[] = {"", " ", "\n", "\n\n"};
  return kSeparators[pending];
}

}  // namespace

void TextBuilder::Append(std::string_view text, Whitespace whitespace) {
  // Soft hyphens (U+00AD) only mark where a word may break; indexed, they split it.
  if (text.find(kSoftHyphen) != std::string_view::npos) {
    std::string without;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t next = std::min(text.find(kSoftHyphen, at), text.size());
      without.append(text.substr(at, next - at));
      at = next + (next < text.size() ? kSoftHyphen.size() : 0);
    }
    Append(without, whitespace);
    return;
  }
  if (whitespace == Whitespace::kPreserve) {
    if (text.empty()) return;
    FlushPending();
    text_.append(text);
    CheckSize();
    return;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // A no-break space (U+00A0) separates words like any other space.
    const bool no_break_space = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (IsSpace(c) || no_break_space) {
      i += no_break_space ? 1 : 0;
      Request(Break::kSpace);
      continue;
    }
    FlushPending();
    text_.push_back(c);
  }
  CheckSize();
}

std::size_t TextBuilder::NextOffset() const {
  if (text_.empty()) return 0;
  return text_.size() + std::string_view(Separator(static_cast<std::size_t>(pending_))).size();
}

void TextBuilder::FlushPending() {
  const Break pending = pending_;
  pending_ = Break::kNone;
  // Nothing precedes the first text, and a space never starts a line.
  if (text_.empty() || pending == Break::kNone) return;
  if (pending == Break::kSpace) {
    if (!IsSpace(text_.back())) text_.push_back(' ');
    return;
  }
  while (!text_.empty() && IsSpace(text_.back())) text_.pop_back();
  text_.append(Separator(static_cast<std::size_t>(pending)));
}

void TextBuilder::CheckSize() const {
  if (text_.size() > max_bytes_) {
    throw Error(ErrorCode::kInvalidInput, "extracted text exceeds " + FormatByteLimit(max_bytes_));
  }
}

std::string FormatByteLimit(std::size_t bytes) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace lupe::ingest::extract
