#include "normalizer.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "lupe/analyzers/error.h"

namespace lupe::analyzers {
namespace {

void AppendUtf8(UChar32 c, std::string& out) {
  char buffer[U8_MAX_LENGTH];
  std::int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  out.append(buffer, static_cast<std::size_t>(length));
}

}  // namespace

Normalizer::Normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_SUCCESS(status)) nfd_ = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) {
    throw Error(ErrorCode::kInternal,
                std::string("ICU normalizer data unavailable: ") + u_errorName(status));
  }
}

void Normalizer::Append(const char16_t* begin, const char16_t* end, std::string& out) const {
  // Fast path for ASCII, where NFKC case folding is plain lower-casing.
  const std::size_t start = out.size();
  for (const char16_t* p = begin; p != end; ++p) {
    if (*p >= 0x80) {
      out.resize(start);
      AppendNonAscii(begin, end, out);
      return;
    }
    const char c = static_cast<char>(*p);
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
}

void Normalizer::AppendNonAscii(const char16_t* begin, const char16_t* end,
                                std::string& out) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString source(false, begin, static_cast<std::int32_t>(end - begin));
  icu::UnicodeString folded;
  nfkc_cf_->normalize(source, folded, status);
  if (U_FAILURE(status)) return;  // only on allocation failure: drop the word
  const std::int32_t length = folded.length();
  for (std::int32_t i = 0; i < length;) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    switch (c) {
      case 0x00E4:
        out += "ae";
        continue;
      case 0x00F6:
        out += "oe";
        continue;
      case 0x00FC:
        out += "ue";
        continue;
      case 0x2019:
      case 0x2018:
      case 0x02BC:
        out += '\'';
        continue;
      default:
        break;
    }
    if (c >= 0x00C0 && c <= 0x024F) {
      icu::UnicodeString decomposition;
      if (nfd_->getDecomposition(c, decomposition) && decomposition.length() > 0) {
        const UChar32 base = decomposition.char32At(0);
        if (base < 0x80) {
          out += static_cast<char>(base);
          continue;
        }
      }
    } else if (u_getCombiningClass(c) != 0) {
      continue;  // a mark NFKC could not compose onto its base
    }
    AppendUtf8(c, out);
  }
}

}  // namespace lupe::analyzers
