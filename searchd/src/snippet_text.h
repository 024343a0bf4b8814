#pragma once

#include <xapian.h>
#include <zlib.h>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lupe/analyzers/schema.h"

namespace lupe::search {

// Bytes [base, base + bytes.size()) of a text, indexed by offsets in the whole text.
struct TextSpan {
  std::string_view bytes;
  std::size_t base = 0;

  std::size_t size() const { return base + bytes.size(); }  // the end (whole text: its size)
  char operator[](std::size_t offset) const { return bytes[offset - base]; }
  std::string_view Substr(std::size_t offset, std::size_t count) const {
    return bytes.substr(offset - base, count);
  }
  // Offset of the first byte at or after from that is not ASCII white space, or size().
  std::size_t FirstNonSpace(std::size_t from) const;
};

// The text of a stored document, inflated only as far as asked: from its word chunks
// (schema::kFirstWordChunkSlot, if word_chunks) or text chunks (schema::kFirstTextSlot),
// starting with the chunk that holds the part asked for and
// reading further chunks only when needed (each inflated whole, schema::InflateTextChunk); in an
// older index from its data (schema::PackData) and, given restart points (schema::kRestartSlot),
// from the last one before the part asked for. Not thread-safe; holds a handle of the document.
class LazyText {
 public:
  // word_chunks: the document has them (schema::kChunkStartsSlot).
  explicit LazyText(const Xapian::Document& document, bool word_chunks = false);
  ~LazyText();
  LazyText(const LazyText&) = delete;
  LazyText& operator=(const LazyText&) = delete;

  // Makes the text from the chunk (or restart point) at or before offset the only part
  // ever inflated. Only before the first Span() call; without it, the text starts at 0.
  void StartNear(std::size_t offset);
  // The text from base to at least end (less at the text's end). Invalidated by the next
  // call. Throws lupe::Error(kInternal) if the text does not inflate.
  TextSpan Span(std::size_t end);
  // True if the document has no text at all.
  bool Empty();
  // Word chunk k's value as stored (empty past the last), read once: the text read from it
  // and its spans (schema::UnpackSpans) come from one value read.
  std::string_view WordChunk(std::size_t k);

 private:
  // Reads the first part of the stored text: the given chunk, else chunk 0, else the data.
  void Load(std::size_t chunk);
  void Open(std::size_t text_offset, std::size_t packed_offset);
  bool OpenNextChunk();  // the chunk after the current one; false if there is none

  Xapian::Document document_;
  bool word_chunks_;
  std::map<std::size_t, std::string> word_chunk_values_;
  bool loaded_ = false;
  bool chunked_ = false;
  std::size_t next_chunk_ = 0;  // chunked: the chunk after packed_'s
  std::string data_;            // the current chunk, or the whole data of older indexes
  std::string_view packed_;     // its raw deflate data
  std::vector<analyzers::schema::Restart> restarts_;
  std::string text_;
  std::size_t base_ = 0;
  z_stream stream_{};             // older indexes' data
  bool zlib_ = false;             // stream_ initialised
  bool started_ = false;          // StartNear done
  bool open_ = false;             // packed_ not inflated to its end
  bool partial_ = false;          // word chunks: packed_'s text only partly in text_, from ...
  std::size_t partial_from_ = 0;  // ... this offset in text_
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
// cluster.begin - max_bytes must be inside text (or before it only if text.base is 0).
ByteRange PassageBounds(const TextSpan& text, ByteRange cluster, std::size_t max_bytes);

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
std::string RenderPassage(const TextSpan& text, const Passage& passage);

// True for the ASCII white space the analyzer's anchors and passages cut at.
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace lupe::search
