#include "zip_reader.h"

#include <Poco/Exception.h>
#include <Poco/MemoryStream.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include "extract_text_builder.h"
#include "lupe/analyzers/error.h"

namespace lupe::ingest::extract {
namespace {

[[noreturn]] void ThrowCorrupt(const std::string& detail) {
  throw Error(ErrorCode::kInvalidInput, "corrupt zip container: " + detail);
}

[[noreturn]] void ThrowBomb(std::size_t limit, const std::string& member = {}) {
  const std::string where = member.empty() ? "" : " while inflating " + member;
  throw Error(ErrorCode::kInvalidInput,
              "unpacked size exceeds " + FormatByteLimit(limit) + where + " (zip bomb?)");
}

}  // namespace

ZipReader::ZipReader(std::string_view bytes, std::size_t max_unpacked_bytes)
    : max_unpacked_bytes_(max_unpacked_bytes),
      stream_(std::make_unique<Poco::MemoryInputStream>(bytes.data(), bytes.size())) {
  try {
    archive_ = std::make_unique<Poco::Zip::ZipArchive>(*stream_);
  } catch (const Poco::Exception& e) {
    ThrowCorrupt(e.displayText());
  } catch (const std::exception& e) {
    ThrowCorrupt(e.what());
  }
  if (archive_->headerBegin() == archive_->headerEnd()) ThrowCorrupt("no members");
  // The central directory's sizes, and the local headers' where they differ: a bomb is
  // refused before a byte is inflated.
  std::uint64_t declared = 0;
  for (auto it = archive_->fileInfoBegin(); it != archive_->fileInfoEnd(); ++it) {
    declared += it->second.getUncompressedSize();
    if (declared > max_unpacked_bytes_) ThrowBomb(max_unpacked_bytes_);
  }
  std::uint64_t declared_local = 0;
  for (auto it = archive_->headerBegin(); it != archive_->headerEnd(); ++it) {
    declared_local += it->second.getUncompressedSize();
    if (declared_local > max_unpacked_bytes_) ThrowBomb(max_unpacked_bytes_);
  }
}

ZipReader::~ZipReader() = default;

bool ZipReader::Has(const std::string& name) const {
  return archive_->findHeader(name) != archive_->headerEnd();
}

std::string ZipReader::Read(const std::string& name) {
  const auto header = archive_->findHeader(name);
  if (header == archive_->headerEnd()) ThrowCorrupt("no member " + name);
  if (header->second.isEncrypted()) ThrowCorrupt("member " + name + " is encrypted");
  std::string content;
  try {
    stream_->clear();
    Poco::Zip::ZipInputStream member(*stream_, header->second, true);
    char buffer[64 * 1024];
    while (member.read(buffer, sizeof buffer) || member.gcount() > 0) {
      const auto count = static_cast<std::size_t>(member.gcount());
      unpacked_bytes_ += count;
      if (unpacked_bytes_ > max_unpacked_bytes_) ThrowBomb(max_unpacked_bytes_, name);
      content.append(buffer, count);
    }
    if (member.bad()) ThrowCorrupt("cannot inflate " + name);
  } catch (const Poco::Exception& e) {
    ThrowCorrupt(name + ": " + e.displayText());
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    ThrowCorrupt(name + ": " + e.what());
  }
  return content;
}

}  // namespace lupe::ingest::extract
