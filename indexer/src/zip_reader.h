#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace Poco {
class MemoryInputStream;
namespace Zip {
class ZipArchive;
}
}  // namespace Poco

namespace lupe::ingest::extract {

// Reads members of an in-memory zip container (DOCX, ODT) with Poco::Zip, guarding against
// zip bombs twice: the uncompressed sizes the archive declares must stay within the limit,
// and since those sizes can lie, the bytes actually inflated are counted too and reading
// stops as soon as they pass the limit.
// Throws lupe::Error(kInvalidInput, "corrupt zip container: ..." / "unpacked size exceeds
// ... (zip bomb?)"). Not thread-safe; one reader per extraction. bytes must outlive it.
class ZipReader {
 public:
  ZipReader(std::string_view bytes, std::size_t max_unpacked_bytes);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  bool Has(const std::string& name) const;
  // The member's bytes; every call counts toward the unpacked limit.
  std::string Read(const std::string& name);

 private:
  std::size_t max_unpacked_bytes_;
  std::size_t unpacked_bytes_ = 0;
  std::unique_ptr<Poco::MemoryInputStream> stream_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
};

}  // namespace lupe::ingest::extract
