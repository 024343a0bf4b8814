#pragma once

#include <zlib.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lupe::search {

// The text of a stored document (schema::PackData), inflated only as far as asked: a
// snippet near the start of a large document never inflates the rest.
// Not thread-safe; owns a copy of the document data.
class LazyText {
 public:
  explicit LazyText(std::string data);
  ~LazyText();
  LazyText(const LazyText&) = delete;
  LazyText& operator=(const LazyText&) = delete;

  // At least the first end bytes of the text (all of it if shorter). Invalidated by the
  // next call. Throws lupe::Error(kInternal) if the text does not inflate.
  std::string_view Prefix(std::size_t end);
  // True if the document has no text at all.
  bool Empty();

 private:
  std::string data_;
  std::string text_;
  z_stream stream_{};
  bool open_ = false;  // stream_ initialised and not at its end
};

// A half-open byte range of the text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Where a passage of at most max_bytes should start and end in text so that it holds
// cluster (the matches to show, possibly empty): at a sentence start if the sentence
// holding the cluster starts close enough, else at a word start a little before the
// cluster; it ends at a sentence or word end. Never splits a UTF-8 sequence. text must
// reach at least cluster.begin + max_bytes (or be the whole text).
ByteRange PassageBounds(std::string_view text, ByteRange cluster, std::size_t max_bytes);

// What RenderPassage needs to know besides the text.
struct Passage {
  ByteRange bytes;
  std::vector<ByteRange> marks;  // sorted by begin; may overlap and reach out of bytes
  bool cut_before = false;       // text was cut before bytes: starts with "… "
  bool cut_after = false;        // and after: ends with " …"
};

// The passage as HTML: marks wrapped in <mark>…</mark> (overlapping and touching marks
// merged), & < > " ' escaped, white space runs and control characters collapsed into
// one space, invalid UTF-8 replaced by U+FFFD.
std::string RenderPassage(std::string_view text, const Passage& passage);

// True for the ASCII white space the analyzer's anchors and passages cut at.
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace lupe::search
