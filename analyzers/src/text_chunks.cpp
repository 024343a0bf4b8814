// Text chunks (schema.h): the document text as independently inflatable value slots.
#include <zlib.h>

#include <algorithm>

#include "lupe/analyzers/error.h"
#include "lupe/analyzers/schema.h"

namespace lupe::analyzers {
namespace {

constexpr int kLevel = 1;  // as PackData: the indexer's workers pay for it
constexpr int kMemLevel = 8;

// One deflate stream reused for all chunks of a text (deflateReset is far cheaper than
// deflateInit's allocation of the window and hash tables).
class Deflater {
 public:
  Deflater() {
    if (deflateInit2(&stream_, kLevel, Z_DEFLATED, -MAX_WBITS, kMemLevel, Z_DEFAULT_STRATEGY) !=
        Z_OK) {
      throw Error(ErrorCode::kInternal, "zlib does not start");
    }
  }
  ~Deflater() { deflateEnd(&stream_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  std::string Pack(std::string_view piece) {
    deflateReset(&stream_);
    std::string packed(deflateBound(&stream_, static_cast<uLong>(piece.size())), '\0');
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.data()));
    stream_.avail_in = static_cast<uInt>(piece.size());
    stream_.next_out = reinterpret_cast<Bytef*>(packed.data());
    stream_.avail_out = static_cast<uInt>(packed.size());
    if (deflate(&stream_, Z_FINISH) != Z_STREAM_END) {
      throw Error(ErrorCode::kInternal, "zlib does not compress a text chunk");
    }
    packed.resize(packed.size() - stream_.avail_out);
    return packed;
  }

 private:
  z_stream stream_{};
};

}  // namespace

std::vector<std::string> schema::PackTextChunks(std::string_view text) {
  std::vector<std::string> chunks;
  if (text.empty()) return chunks;
  Deflater deflater;
  chunks.reserve((text.size() + kTextChunkBytes - 1) / kTextChunkBytes);
  for (std::size_t at = 0; at < text.size(); at += kTextChunkBytes) {
    chunks.push_back(deflater.Pack(text.substr(at, kTextChunkBytes)));
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
