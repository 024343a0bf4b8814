// Text chunks (schema.h): the document text as independently inflatable value slots.
#include <libdeflate.h>

#include <algorithm>
#include <memory>

#include "lupe/analyzers/error.h"
#include "lupe/analyzers/schema.h"

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
  // A chunk inflates to at most kTextChunkBytes, so libdeflate inflates it in one call,
  // without zlib's stream set-up and sliding window (a third of a snippet's inflating).
  struct DecompressorFree {
    void operator()(libdeflate_decompressor* decompressor) const {
      libdeflate_free_decompressor(decompressor);
    }
  };
  thread_local const std::unique_ptr<libdeflate_decompressor, DecompressorFree> decompressor(
      libdeflate_alloc_decompressor());
  if (decompressor == nullptr) throw Error(ErrorCode::kInternal, "libdeflate does not start");
  const std::size_t base = out.size();
  out.resize(base + kTextChunkBytes);
  std::size_t size = 0;
  const libdeflate_result result = libdeflate_deflate_decompress(
      decompressor.get(), chunk.data(), chunk.size(), out.data() + base, kTextChunkBytes, &size);
  out.resize(base + (result == LIBDEFLATE_SUCCESS ? size : 0));
  if (result != LIBDEFLATE_SUCCESS) {
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
