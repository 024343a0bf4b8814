#include "snippet_text.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "lupe/analyzers/error.h"

namespace lupe::search {
namespace {

constexpr std::size_t kInflateStep = 1 << 10;
constexpr std::size_t kNone = std::string_view::npos;

bool EndsSentence(char c) { return c == '.' || c == '!' || c == '?'; }

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// True if the white space run at i holds a blank line: a paragraph break. (Single line
// breaks are no boundary: extracted texts wrap lines inside sentences.)
bool ParagraphBreakAt(const TextSpan& text, std::size_t i) {
  int breaks = 0;
  for (; i < text.size() && IsAsciiSpace(text[i]) && breaks < 2; ++i) breaks += text[i] == '\n';
  return breaks >= 2;
}

// The start of the sentence that holds at, if it begins at most max_back bytes before it:
// text start, or the first non-space after white space that follows . ! ? or holds a
// blank line. kNone if there is none that close.
std::size_t SentenceStartBefore(const TextSpan& text, std::size_t at, std::size_t max_back) {
  const std::size_t lowest = std::max(at > max_back ? at - max_back : 0, text.base);
  for (std::size_t i = at + 1; i-- > lowest;) {
    if (i == 0) return text.size() == 0 || !IsAsciiSpace(text[0]) ? 0 : kNone;
    if (i == text.base || IsAsciiSpace(text[i]) || !IsAsciiSpace(text[i - 1])) continue;
    std::size_t j = i;
    while (j > text.base && IsAsciiSpace(text[j - 1])) --j;
    if (j == 0) return i;
    if (j == text.base) continue;  // the sentence may start before the inflated part
    if (EndsSentence(text[j - 1]) || ParagraphBreakAt(text, j)) return i;
  }
  return kNone;
}

// The first word start in [from, at], else at.
std::size_t WordStartFrom(const TextSpan& text, std::size_t from, std::size_t at) {
  if (from == 0 && text.base == 0 && at > 0 && !IsAsciiSpace(text[0])) return 0;
  for (std::size_t i = std::max(from, text.base + 1); i < at; ++i) {
    if (!IsAsciiSpace(text[i]) && IsAsciiSpace(text[i - 1])) return i;
  }
  return at;
}

// The end of the last sentence (after . ! ? or before a blank line) or else of the last
// word that ends in [lowest, limit]; kNone if there is none.
std::size_t EndBefore(const TextSpan& text, std::size_t limit, std::size_t lowest) {
  std::size_t word_end = kNone;
  for (std::size_t i = limit; i > lowest; --i) {
    if (IsAsciiSpace(text[i - 1]) || (i < text.size() && !IsAsciiSpace(text[i]))) continue;
    if (EndsSentence(text[i - 1]) || ParagraphBreakAt(text, i)) return i;
    if (word_end == kNone) word_end = i;
  }
  return word_end;
}

// A printable ASCII character that HTML needs no escape for.
bool IsPlainAscii(std::uint8_t c) {
  return c > 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
}

// The length of the non-ASCII character at data[i] (before limit) if RenderPassage copies it
// as it is: a valid UTF-8 sequence from U+00A0 on; else 0.
std::int32_t CopiedUtf8At(const std::uint8_t* data, std::int32_t i, std::int32_t limit) {
  if (data[i] < 0xC2) return 0;
  std::int32_t next = i;
  UChar32 c = 0;
  U8_NEXT(data, next, limit, c);
  return c >= 0xA0 ? next - i : 0;
}

void AppendEscaped(std::string& out, char c) {
  switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
  }
}

// marks clipped to bytes, sorted, overlapping and touching ones merged.
std::vector<ByteRange> MergedMarks(std::vector<ByteRange> marks, ByteRange bytes) {
  std::sort(marks.begin(), marks.end(),
            [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
  std::vector<ByteRange> merged;
  for (ByteRange mark : marks) {
    mark.begin = std::max(mark.begin, bytes.begin);
    mark.end = std::min(mark.end, bytes.end);
    if (mark.begin >= mark.end) continue;
    if (!merged.empty() && mark.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, mark.end);
    } else {
      merged.push_back(mark);
    }
  }
  return merged;
}

}  // namespace

std::size_t TextSpan::FirstNonSpace(std::size_t from) const {
  for (std::size_t i = std::max(from, base); i < size(); ++i) {
    if (!IsAsciiSpace((*this)[i])) return i;
  }
  return size();
}

LazyText::LazyText(const Xapian::Document& document, bool word_chunks)
    : document_(document), word_chunks_(word_chunks) {}

std::string_view LazyText::WordChunk(std::size_t k) {
  auto it = word_chunk_values_.find(k);
  if (it == word_chunk_values_.end()) {
    it = word_chunk_values_
             .emplace(k, document_.get_value(analyzers::schema::kFirstWordChunkSlot +
                                             static_cast<Xapian::valueno>(k)))
             .first;
  }
  return it->second;
}

LazyText::~LazyText() {
  if (zlib_) inflateEnd(&stream_);
}

void LazyText::Load(std::size_t chunk) {
  if (loaded_) return;
  loaded_ = true;
  namespace schema = analyzers::schema;
  // Chunk 0 exists for every text of an index with chunks; a later one is tried first
  // because it is the one needed (missing: an older index, or past the text's end).
  for (std::size_t index : {chunk, std::size_t{0}}) {
    if (word_chunks_) {
      packed_ = WordChunk(index);
    } else {
      data_ = document_.get_value(schema::kFirstTextSlot + static_cast<Xapian::valueno>(index));
      packed_ = data_;
    }
    if (!packed_.empty()) {
      chunked_ = true;
      base_ = index * schema::kTextChunkBytes;
      next_chunk_ = index + 1;
      return;
    }
    if (index == 0) break;
  }
  data_ = document_.get_data();
  const std::size_t split = data_.find('\0');
  if (split == std::string::npos) return;
  packed_ = std::string_view(data_).substr(split + 1);
  if (!packed_.empty()) {
    restarts_ = schema::DecodeRestarts(document_.get_value(schema::kRestartSlot));
  }
}

bool LazyText::Empty() {
  Load(0);
  return packed_.empty();
}

void LazyText::StartNear(std::size_t offset) {
  if (started_) return;
  Load(offset / analyzers::schema::kTextChunkBytes);
  if (chunked_) return Open(base_, 0);
  std::size_t packed_offset = 2;  // the zlib header; raw inflate skips the checksum too
  for (const analyzers::schema::Restart& restart : restarts_) {
    if (restart.text_offset > offset || restart.packed_offset >= packed_.size()) break;
    base_ = restart.text_offset;
    packed_offset = restart.packed_offset;
  }
  Open(base_, packed_offset);
}

void LazyText::Open(std::size_t text_offset, std::size_t packed_offset) {
  started_ = true;
  base_ = text_offset;
  if (packed_.size() <= packed_offset) return;
  if (chunked_) {  // inflated whole, by Span
    open_ = true;
    return;
  }
  stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed_.data() + packed_offset));
  stream_.avail_in = static_cast<uInt>(packed_.size() - packed_offset);
  if (inflateInit2(&stream_, -MAX_WBITS) != Z_OK) {
    throw Error(ErrorCode::kInternal, "zlib does not start");
  }
  zlib_ = true;
  open_ = true;
}

bool LazyText::OpenNextChunk() {
  if (!chunked_ || !started_) return false;
  namespace schema = analyzers::schema;
  if (word_chunks_) {
    const std::string_view chunk = WordChunk(next_chunk_);
    if (chunk.empty()) return false;
    packed_ = chunk;
  } else {
    std::string chunk =
        document_.get_value(schema::kFirstTextSlot + static_cast<Xapian::valueno>(next_chunk_));
    if (chunk.empty()) return false;
    data_ = std::move(chunk);
    packed_ = data_;
  }
  ++next_chunk_;
  open_ = true;
  return true;
}

TextSpan LazyText::Span(std::size_t end) {
  if (!started_) StartNear(0);
  while (base_ + text_.size() < end && (open_ || partial_ || OpenNextChunk())) {
    if (chunked_) {  // a chunk inflates to at most kTextChunkBytes: whole, in one call
      if (partial_) {
        // Only the chunk's start was decompressed: again, all of it (LZ4 cannot resume).
        text_.resize(partial_from_);
        analyzers::schema::AppendChunkText(packed_, next_chunk_ - 1, text_);
        partial_ = false;
        continue;
      }
      if (word_chunks_) {
        // As much of the chunk as asked for (a snippet needs a few hundred bytes of it).
        partial_from_ = text_.size();
        partial_ = !analyzers::schema::AppendChunkText(packed_, next_chunk_ - 1, text_,
                                                       end - base_ - text_.size());
      } else {
        analyzers::schema::InflateTextChunk(packed_, text_);
      }
      open_ = false;
      continue;
    }
    const std::size_t old = text_.size();
    const std::size_t grow = std::clamp(end - base_ - old, kInflateStep, std::size_t{1} << 30);
    text_.resize(old + grow);
    stream_.next_out = reinterpret_cast<Bytef*>(text_.data() + old);
    stream_.avail_out = static_cast<uInt>(grow);
    const int status = inflate(&stream_, Z_NO_FLUSH);
    text_.resize(old + grow - stream_.avail_out);
    if (status == Z_STREAM_END) {
      open_ = false;  // the end of the text, or of its chunk
    } else if (status == Z_BUF_ERROR && stream_.avail_in == 0) {
      open_ = chunked_ = false;  // a truncated stream: keep what there is
    } else if (status != Z_OK && status != Z_BUF_ERROR) {
      throw Error(ErrorCode::kInternal, "document text does not inflate");
    }
  }
  return {text_, base_};
}

ByteRange PassageBounds(const TextSpan& text, ByteRange cluster, std::size_t max_bytes) {
  max_bytes = std::max<std::size_t>(max_bytes, 1);
  ByteRange passage{cluster.begin, text.size()};
  const std::size_t span = cluster.end - cluster.begin;
  if (span < max_bytes) {
    const std::size_t slack = max_bytes - span;
    passage.begin = SentenceStartBefore(text, cluster.begin, slack * 3 / 4);
    if (passage.begin == kNone) {
      const std::size_t from = cluster.begin > slack / 3 ? cluster.begin - slack / 3 : 0;
      passage.begin = WordStartFrom(text, from, cluster.begin);
    }
  }
  const std::size_t limit = passage.begin + max_bytes;
  if (limit >= text.size()) return passage;
  const std::size_t lowest = std::max(std::min(cluster.end, limit), limit - max_bytes / 4);
  passage.end = EndBefore(text, limit, std::max(lowest, passage.begin));
  if (passage.end == kNone) {
    passage.end = limit;
    while (passage.end > passage.begin && IsContinuationByte(text[passage.end])) --passage.end;
  }
  return passage;
}

std::string RenderPassage(const TextSpan& text, const Passage& passage) {
  const ByteRange bytes = passage.bytes;
  const std::vector<ByteRange> marks = MergedMarks(passage.marks, bytes);
  const auto* data =
      reinterpret_cast<const std::uint8_t*>(text.bytes.data() + bytes.begin - text.base);
  const auto length = static_cast<std::int32_t>(bytes.end - bytes.begin);
  std::string out;
  out.reserve(static_cast<std::size_t>(length) + 32 * marks.size() + 16);
  std::size_t m = 0;
  bool open = false;
  bool space = false;
  for (std::int32_t i = 0; i < length;) {
    const std::size_t at = bytes.begin + static_cast<std::size_t>(i);
    if (open && at >= marks[m].end) {
      out += "</mark>";
      open = false;
      ++m;
    }
    const std::int32_t from = i;
    UChar32 c = data[i];
    if (c < 0x80) {
      ++i;  // ASCII, the common case: no decoding
    } else {
      U8_NEXT(data, i, length, c);
    }
    if (c >= 0 && (c <= 0x20 || (c >= 0x7F && c < 0xA0))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    while (!open && m < marks.size() && marks[m].end <= at) ++m;  // inside white space
    if (!open && m < marks.size() && at >= marks[m].begin) {
      out += "<mark>";
      open = true;
    }
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else if (c < 0x80) {
      AppendEscaped(out, static_cast<char>(c));
      // The characters after it that are copied as they are, and single spaces between
      // them, up to the next mark boundary, in one append.
      std::int32_t limit = length;
      if (m < marks.size()) {
        limit = static_cast<std::int32_t>((open ? marks[m].end : marks[m].begin) - bytes.begin);
      }
      const std::int32_t run = i;
      while (i < limit) {
        if (IsPlainAscii(data[i])) {  // the common case, without a call
          ++i;
          continue;
        }
        if (data[i] == ' ' && i + 1 < limit && IsPlainAscii(data[i + 1])) {
          i += 2;
          continue;
        }
        std::int32_t n = CopiedUtf8At(data, i, limit);
        if (n == 0 && data[i] == ' ' && i + 1 < limit) {
          n = CopiedUtf8At(data, i + 1, limit);
          n += n > 0 ? 1 : 0;
        }
        if (n == 0) break;
        i += n;
      }
      out.append(reinterpret_cast<const char*>(data + run), static_cast<std::size_t>(i - run));
    } else {
      out.append(reinterpret_cast<const char*>(data + from), static_cast<std::size_t>(i - from));
    }
  }
  if (open) out += "</mark>";
  if (out.empty()) return out;
  if (passage.cut_before) out.insert(0, "… ");
  if (passage.cut_after) out += " …";
  return out;
}

}  // namespace lupe::search
