#include "extract_encoding.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <limits>
#include <memory>

#include "lupe/analyzers/error.h"

namespace lupe::ingest::extract {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr const char* kFallbackCharset = "windows-1252";

// Decodes one code point at i (advancing it); negative for an ill-formed sequence.
UChar32 NextCodePoint(std::string_view bytes, int32_t& i) {
  UChar32 c;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  U8_NEXT(s, i, length, c);
  return c;
}

void CheckLength(std::string_view bytes) {
  // ICU indexes with int32_t; the caller's size limits keep real files far below this.
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
    throw Error(ErrorCode::kInvalidInput, "file too large to decode");
  }
}

bool IcuKnows(const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset.c_str(), &status);
  if (converter != nullptr) ucnv_close(converter);
  return U_SUCCESS(status);
}

std::string DetectCharset(std::string_view bytes) {
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(
      uchardet_new(), &uchardet_delete);
  if (!detector) return {};
  if (uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) return {};
  uchardet_data_end(detector.get());
  const char* charset = uchardet_get_charset(detector.get());
  return charset != nullptr ? charset : "";
}

std::string Convert(std::string_view bytes, const std::string& charset) {
  CheckLength(bytes);
  const icu::UnicodeString decoded(bytes.data(), static_cast<int32_t>(bytes.size()),
                                   charset.c_str());
  if (decoded.isBogus()) {
    throw Error(ErrorCode::kInvalidInput, "cannot decode text as " + charset);
  }
  std::string utf8;
  decoded.toUTF8String(utf8);
  return utf8;
}

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  CheckLength(bytes);
  for (int32_t i = 0; i < static_cast<int32_t>(bytes.size());) {
    if (NextCodePoint(bytes, i) < 0) return false;
  }
  return true;
}

std::string SanitizeUtf8(std::string_view bytes) {
  CheckLength(bytes);
  std::string clean;
  clean.reserve(bytes.size());
  for (int32_t i = 0; i < static_cast<int32_t>(bytes.size());) {
    const int32_t start = i;
    if (NextCodePoint(bytes, i) < 0) {
      clean.append("\xEF\xBF\xBD");
    } else {
      clean.append(
          bytes.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return clean;
}

std::string DecodeToUtf8(std::string_view bytes, std::string_view declared_charset) {
  if (StartsWith(bytes, kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  if (StartsWith(bytes, "\xFF\xFE")) return Convert(bytes.substr(2), "UTF-16LE");
  if (StartsWith(bytes, "\xFE\xFF")) return Convert(bytes.substr(2), "UTF-16BE");
  if (IsValidUtf8(bytes)) return std::string(bytes);

  std::string charset(declared_charset);
  // A page that declares UTF-8 but is not UTF-8 was saved in a legacy encoding.
  if (charset.empty() || !IcuKnows(charset) || ucnv_compareNames(charset.c_str(), "UTF-8") == 0) {
    charset = DetectCharset(bytes);
  }
  if (charset.empty() || !IcuKnows(charset) || ucnv_compareNames(charset.c_str(), "UTF-8") == 0 ||
      ucnv_compareNames(charset.c_str(), "ASCII") == 0) {
    charset = kFallbackCharset;
  }
  return SanitizeUtf8(Convert(bytes, charset));
}

}  // namespace lupe::ingest::extract
