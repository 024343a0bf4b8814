// Text chunks (schema.h): the document text as independently inflatable value slots.
#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <memory>

#include "lupe/analyzers/error.h"
#include "lupe/analyzers/schema.h"

namespace lupe::analyzers {
namespace {

// libdeflate (Debian libdeflate-dev) writes the same raw DEFLATE format as zlib, which
// searchd inflates, at about twice zlib's speed for level 1 on 2 KiB pieces with a smaller
// result (docs/performance.md). Level 1: the indexer's workers pay for it.
constexpr int kLevel = 1;

struct CompressorFree {
  void operator()(libdeflate_compressor* compressor) const { libdeflate_free_compressor(compressor); }
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
  const std::size_t size =
      libdeflate_deflate_compress(&compressor, piece.data(), piece.size(), packed.data(), packed.size());
  if (size == 0) throw Error(ErrorCode::kInternal, "libdeflate does not compress a text chunk");
  packed.resize(size);
  return packed;
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
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
    throw Error(ErrorCode::kInternal, "zlib does not start");
  }
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
  stream.avail_in = static_cast<uInt>(chunk.size());
  const std::size_t base = out.size();
  int status = Z_OK;
  while (status == Z_OK) {
    const std::size_t used = base + stream.total_out;
    out.resize(used + kTextChunkBytes);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + used);
    stream.avail_out = kTextChunkBytes;
    status = inflate(&stream, Z_NO_FLUSH);
    if (status == Z_BUF_ERROR && stream.avail_out > 0) break;  // truncated input
  }
  out.resize(base + stream.total_out);
  inflateEnd(&stream);
  if (status != Z_STREAM_END) {
    throw Error(ErrorCode::kInternal, "document text chunk does not inflate");
  }
}

std::string schema::DocumentText(const Xapian::Document& document) {
  std::string text;
  for (Xapian::valueno slot = kFirstTextSlot;; ++slot) {
    const std::string chunk = document.get_value(slot);
    if (chunk.empty()) break;
    InflateTextChunk(chunk, text);
  }
  if (text.empty()) text = UnpackData(document.get_data()).text;
  return text;
}

}  // namespace lupe::analyzers
