#include "content_sniffer.h"

#include <magic.h>

#include "extract_encoding.h"
#include "lupe/analyzers/error.h"

namespace lupe::ingest::extract {
namespace {

// Formats whose content libmagic may report as compressed data; we look at the container
// ourselves, so libmagic must not decompress anything (and never runs external tools).
constexpr int kMagicFlags =
    MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_TAR | MAGIC_NO_CHECK_ELF | MAGIC_NO_CHECK_CDF;

constexpr std::size_t kSniffBytes = 64 * 1024;

// One libmagic handle per thread, loaded on first use and closed with the thread.
class MagicHandle {
 public:
  MagicHandle() : magic_(magic_open(kMagicFlags)) {
    if (magic_ != nullptr && magic_load(magic_, nullptr) != 0) {
      magic_close(magic_);
      magic_ = nullptr;
    }
  }
  ~MagicHandle() {
    if (magic_ != nullptr) magic_close(magic_);
  }
  MagicHandle(const MagicHandle&) = delete;
  MagicHandle& operator=(const MagicHandle&) = delete;

  std::string Query(std::string_view bytes, int flags) {
    if (magic_ == nullptr) {
      throw Error(ErrorCode::kInternal, "cannot load the libmagic database");
    }
    magic_setflags(magic_, kMagicFlags | flags);
    // The head of a file tells its type; libmagic's text checks over a whole large file
    // (regular expressions) cost more than extracting it.
    bytes = bytes.substr(0, kSniffBytes);
    const char* result = magic_buffer(magic_, bytes.data(), bytes.size());
    return result != nullptr ? result : "unknown data";
  }

 private:
  magic_t magic_;
};

std::string Query(std::string_view bytes, int flags) {
  thread_local MagicHandle handle;
  return handle.Query(bytes, flags);
}

const char* FormatLabel(Format format) {
  switch (format) {
    case Format::kText:
      return "text";
    case Format::kMarkdown:
      return "Markdown";
    case Format::kHtml:
      return "HTML";
    case Format::kXml:
      return "XML";
    case Format::kPdf:
      return "PDF";
    case Format::kDocx:
      return "DOCX";
    case Format::kOdt:
      return "ODT";
  }
  return "unknown";
}

[[noreturn]] void Reject(const std::string& what, std::string_view bytes) {
  throw Error(ErrorCode::kInvalidInput,
              what + " (content looks like: " + ContentSniffer::Describe(bytes) + ")");
}

bool HasUtf16Bom(std::string_view bytes) {
  return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
}

}  // namespace

void ContentSniffer::Check(Format format, std::string_view bytes) {
  switch (format) {
    case Format::kPdf:
      // The PDF header may follow some junk, but must come within the first 1024 bytes.
      if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
        Reject("not a PDF file", bytes);
      }
      return;
    case Format::kDocx:
    case Format::kOdt:
      if (!bytes.starts_with("PK\x03\x04")) {
        Reject(std::string("not a ") + FormatLabel(format) + " file (no zip container)", bytes);
      }
      return;
    case Format::kText:
    case Format::kMarkdown:
    case Format::kHtml:
    case Format::kXml: {
      if (HasUtf16Bom(bytes)) return;
      const bool has_nul = bytes.find('\0') != std::string_view::npos;
      // Valid UTF-8 without NUL bytes is text; libmagic (costly: regular expressions) is
      // asked only about other bytes, legacy encodings or binary junk.
      if (!has_nul && IsValidUtf8(bytes)) return;
      if (has_nul || Query(bytes, MAGIC_MIME_ENCODING) == "binary") {
        Reject("binary content in a text file", bytes);
      }
      return;
    }
  }
}

std::string ContentSniffer::Describe(std::string_view bytes) {
  std::string description = Query(bytes, MAGIC_NONE);
  // libmagic's descriptions can be long lists; the first clause says enough.
  if (description.size() > 80) description = description.substr(0, 77) + "...";
  return description;
}

}  // namespace lupe::ingest::extract
