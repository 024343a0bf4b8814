// Text chunks (schema.h): the document text as independently inflatable value slots.
#include <libdeflate.h>
#include <lz4.h>

#include <algorithm>
#include <memory>

#include "lupe/analyzers/error.h"
#include "lupe/analyzers/schema.h"
#include "varint.h"

namespace lupe::analyzers {
namespace {

// libdeflate (Debian libdeflate-dev) writes standard raw DEFLATE, as zlib did for indexes
// written before (both read alike), at about twice zlib's speed for level 1 on 2 KiB
// pieces with a smaller result (docs/performance.md). Level 1: the indexer's workers pay.
constexpr int kLevel = 1;

struct CompressorFree {
  void operator()(libdeflate_compressor* compressor) const {
    libdeflate_free_compressor(compressor);
  }
};

// One compressor per thread, reused for every chunk: allocating its hash tables per
// document would cost more than compressing a short one.
libdeflate_compressor& Compressor() {
  thread_local const std::unique_ptr<libdeflate_compressor, CompressorFree> compressor(
      libdeflate_alloc_compressor(kLevel));
  if (compressor == nullptr) throw Error(ErrorCode::kInternal, "libdeflate does not start");
  return *compressor;
}

std::string Pack(libdeflate_compressor& compressor, std::string_view piece) {
  std::string packed(libdeflate_deflate_compress_bound(&compressor, piece.size()), '\0');
  const std::size_t size = libdeflate_deflate_compress(&compressor, piece.data(), piece.size(),
                                                       packed.data(), packed.size());
  if (size == 0) throw Error(ErrorCode::kInternal, "libdeflate does not compress a text chunk");
  packed.resize(size);
  return packed;
}

// Appends what packed inflates to (at most max_size bytes) to out; false if it does not.
bool Inflate(std::string_view packed, std::size_t max_size, std::string& out) {
  // A chunk inflates to a known bound, so libdeflate inflates it in one call, without
  // zlib's stream set-up and sliding window (a third of a snippet's inflating).
  struct DecompressorFree {
    void operator()(libdeflate_decompressor* decompressor) const {
      libdeflate_free_decompressor(decompressor);
    }
  };
  thread_local const std::unique_ptr<libdeflate_decompressor, DecompressorFree> decompressor(
      libdeflate_alloc_decompressor());
  if (decompressor == nullptr) throw Error(ErrorCode::kInternal, "libdeflate does not start");
  const std::size_t base = out.size();
  out.resize(base + max_size);
  std::size_t size = 0;
  const libdeflate_result result = libdeflate_deflate_decompress(
      decompressor.get(), packed.data(), packed.size(), out.data() + base, max_size, &size);
  out.resize(base + (result == LIBDEFLATE_SUCCESS ? size : 0));
  return result == LIBDEFLATE_SUCCESS;
}

}  // namespace

std::vector<std::string> schema::PackTextChunks(std::string_view text) {
  std::vector<std::string> chunks;
  if (text.empty()) return chunks;
  libdeflate_compressor& compressor = Compressor();
  chunks.reserve((text.size() + kTextChunkBytes - 1) / kTextChunkBytes);
  for (std::size_t at = 0; at < text.size(); at += kTextChunkBytes) {
    chunks.push_back(Pack(compressor, text.substr(at, kTextChunkBytes)));
  }
  return chunks;
}

void schema::InflateTextChunk(std::string_view chunk, std::string& out) {
  if (!Inflate(chunk, kTextChunkBytes, out)) {
    throw Error(ErrorCode::kInternal, "document text chunk does not inflate");
  }
}

schema::WordChunks schema::PackWordChunks(std::string_view text, const std::vector<WordSpan>& spans,
                                          Xapian::termpos first_position) {
  WordChunks packed;
  const std::size_t chunks = (text.size() + kTextChunkBytes - 1) / kTextChunkBytes;
  if (chunks == 0) return packed;
  std::vector<std::string> encoded(chunks);
  // Per chunk its first position; chunks without a word take the next one's.
  std::vector<Xapian::termpos> firsts(chunks,
                                      spans.empty() ? first_position : spans.back().position + 1);
  std::vector<bool> has_word(chunks, false);
  const WordSpan* previous = nullptr;
  std::uint32_t previous_start = 0;
  for (const WordSpan& span : spans) {
    const std::uint32_t start = std::max(span.start, previous_start);
    const std::size_t k = std::min<std::size_t>(start / kTextChunkBytes, chunks - 1);
    const bool first = !has_word[k];
    std::string& out = encoded[k];
    PutVarint(out, first ? span.position : span.position - previous->position);
    PutVarint(out, first ? start - k * kTextChunkBytes : start - previous_start);
    PutVarint(out,
              2 * static_cast<std::uint64_t>(std::max(span.end, start) - start) + span.compound);
    if (first) firsts[k] = span.position;
    has_word[k] = true;
    previous = &span;
    previous_start = start;
  }
  for (std::size_t k = chunks - 1; k-- > 0;) {
    if (!has_word[k]) firsts[k] = firsts[k + 1];
  }
  Xapian::termpos last = 0;
  for (Xapian::termpos position : firsts) {
    PutVarint(packed.starts, position - last);
    last = position;
  }
  for (std::size_t k = 0; k < chunks; ++k) {
    std::string chunk;
    PutVarint(chunk, encoded[k].size());
    chunk += encoded[k];
    const std::string_view piece = text.substr(k * kTextChunkBytes, kTextChunkBytes);
    const std::size_t header = chunk.size();
    chunk.resize(header +
                 static_cast<std::size_t>(LZ4_compressBound(static_cast<int>(piece.size()))));
    const int size =
        LZ4_compress_default(piece.data(), chunk.data() + header, static_cast<int>(piece.size()),
                             static_cast<int>(chunk.size() - header));
    if (size <= 0) throw Error(ErrorCode::kInternal, "LZ4 does not compress a text chunk");
    chunk.resize(header + static_cast<std::size_t>(size));
    packed.chunks.push_back(std::move(chunk));
  }
  return packed;
}

std::vector<Xapian::termpos> schema::DecodeChunkStarts(std::string_view encoded) {
  std::vector<Xapian::termpos> starts;
  starts.reserve(encoded.size());  // a varint has a byte at least: one allocation
  std::uint64_t position = 0;
  std::uint64_t delta = 0;
  for (std::size_t i = 0; i < encoded.size() && GetVarint(encoded, i, delta);) {
    position += delta;
    starts.push_back(static_cast<Xapian::termpos>(position));
  }
  return starts;
}

namespace {

Error MalformedChunk(std::size_t index, const char* what) {
  return Error(ErrorCode::kInternal, "word chunk " + std::to_string(index) + " (slot " +
                                         std::to_string(schema::kFirstWordChunkSlot + index) +
                                         "): " + what);
}

// The spans part of a word chunk.
std::string_view SpansPart(std::string_view chunk, std::size_t index, std::size_t& end) {
  std::size_t i = 0;
  std::uint64_t size = 0;
  if (!GetVarint(chunk, i, size)) throw MalformedChunk(index, "no size of its spans");
  if (size > chunk.size() - i) throw MalformedChunk(index, "spans run past its end");
  end = i + size;
  return chunk.substr(i, size);
}

}  // namespace

schema::SpanReader::SpanReader(std::string_view chunk, std::size_t index)
    : index_(index), start_(index * std::uint64_t{kTextChunkBytes}) {
  std::size_t end = 0;
  encoded_ = SpansPart(chunk, index, end);
  spans_.reserve(encoded_.size() / 3);
}

bool schema::SpanReader::ReadOne() {
  if (at_ >= encoded_.size()) return false;
  const auto* bytes = reinterpret_cast<const unsigned char*>(encoded_.data());
  std::uint64_t position_delta = 0;
  std::uint64_t start_delta = 0;
  std::uint64_t length = 0;
  if (at_ + 3 <= encoded_.size() && (bytes[at_] | bytes[at_ + 1] | bytes[at_ + 2]) < 0x80)
      [[likely]] {
    // The common span: three one-byte numbers.
    position_delta = bytes[at_];
    start_delta = bytes[at_ + 1];
    length = bytes[at_ + 2];
    at_ += 3;
  } else {
    ReadLong(position_delta, start_delta, length);
  }
  position_ += position_delta;
  start_ += start_delta;
  if (position_ > UINT32_MAX || start_ + length / 2 > UINT32_MAX) [[unlikely]] {
    throw MalformedChunk(index_, "a word's span beyond 32 bits");
  }
  spans_.push_back({static_cast<Xapian::termpos>(position_), static_cast<std::uint32_t>(start_),
                    static_cast<std::uint32_t>(start_ + length / 2), (length & 1) != 0});
  return true;
}

void schema::SpanReader::ReadLong(std::uint64_t& position_delta, std::uint64_t& start_delta,
                                  std::uint64_t& length) {
  if (!GetVarint(encoded_, at_, position_delta) || !GetVarint(encoded_, at_, start_delta) ||
      !GetVarint(encoded_, at_, length)) {
    throw MalformedChunk(index_, "a word's span is cut off");
  }
}

void schema::SpanReader::ReadThroughPosition(Xapian::termpos position) {
  while ((spans_.empty() || spans_.back().position < position) && ReadOne()) {
  }
}

void schema::SpanReader::ReadAll() {
  while (ReadOne()) {
  }
}

void schema::SpanReader::ReadThroughStart(std::size_t start) {
  while ((spans_.empty() || spans_.back().start < start) && ReadOne()) {
  }
}

std::vector<schema::WordSpan> schema::UnpackSpans(std::string_view chunk, std::size_t index) {
  SpanReader reader(chunk, index);
  reader.ReadAll();
  return reader.spans();
}

bool schema::AppendChunkText(std::string_view chunk, std::size_t index, std::string& out,
                             std::size_t want) {
  std::size_t end = 0;
  SpansPart(chunk, index, end);
  const std::string_view packed = chunk.substr(end);
  const std::size_t base = out.size();
  out.resize(base + kTextChunkBytes);
  const bool whole = want >= kTextChunkBytes;
  const int size = whole ? LZ4_decompress_safe(packed.data(), out.data() + base,
                                               static_cast<int>(packed.size()), kTextChunkBytes)
                         : LZ4_decompress_safe_partial(packed.data(), out.data() + base,
                                                       static_cast<int>(packed.size()),
                                                       static_cast<int>(want), kTextChunkBytes);
  out.resize(base + static_cast<std::size_t>(std::max(size, 0)));
  if (size < 0) throw MalformedChunk(index, "its text does not decompress");
  // A partial call that reached the end of the data decompressed all of it; one that
  // stopped early produced at least want bytes, and all of a chunk is at least that long.
  return whole || static_cast<std::size_t>(size) < want;
}

std::string schema::DocumentText(const Xapian::Document& document) {
  std::string text;
  if (!document.get_value(kChunkStartsSlot).empty()) {
    for (std::size_t k = 0;; ++k) {
      const std::string chunk =
          document.get_value(kFirstWordChunkSlot + static_cast<Xapian::valueno>(k));
      if (chunk.empty()) return text;
      AppendChunkText(chunk, k, text);
    }
  }
  for (Xapian::valueno slot = kFirstTextSlot;; ++slot) {
    const std::string chunk = document.get_value(slot);
    if (chunk.empty()) break;
    InflateTextChunk(chunk, text);
  }
  if (text.empty()) text = UnpackData(document.get_data()).text;
  return text;
}

}  // namespace lupe::analyzers
