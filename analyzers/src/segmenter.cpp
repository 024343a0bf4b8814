#include "segmenter.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <atomic>
#include <string>

#include "lupe/analyzers/error.h"

namespace lupe::analyzers {
namespace {

std::atomic<std::uint64_t> next_segmenter_id{1};

// Whether c is a letter of ASCII or Latin-1 (À..ÿ without × and ÷): Word_Break ALetter.
bool IsLatinLetter(char16_t c) {
  return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
         (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

struct ThreadIterator {
  std::uint64_t owner = 0;
  std::unique_ptr<icu::BreakIterator> iterator;
};

}  // namespace

Segmenter::Segmenter() : id_(next_segmenter_id.fetch_add(1)) {
  UErrorCode status = U_ZERO_ERROR;
  prototype_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getGerman(), status));
  if (U_FAILURE(status) || !prototype_) {
    throw Error(ErrorCode::kInternal,
                std::string("ICU word break iterator unavailable: ") + u_errorName(status));
  }
}

void Segmenter::Segment(const Utf16Text& text, std::vector<Piece>& pieces) const {
  pieces.clear();
  // Letters only are one word: UAX #29 never breaks between two letters (WB5). A single
  // word (a query word, a compound the snippets analyse alone) is the common short text,
  // and setting up ICU's iterator costs more than analysing the word.
  bool letters_only = true;
  for (std::int32_t i = 0; i < text.size() && letters_only; ++i) {
    letters_only = IsLatinLetter(text.data()[i]);
  }
  if (letters_only) {
    if (text.size() > 0) pieces.push_back({0, text.size()});
    return;
  }
  thread_local ThreadIterator local;
  if (local.owner != id_) {
    local.iterator.reset(prototype_->clone());
    local.owner = id_;
  }
  icu::BreakIterator& iterator = *local.iterator;
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUChars(&utext, text.data(), text.size(), &status);
  iterator.setText(&utext, status);
  if (U_FAILURE(status)) {
    utext_close(&utext);
    return;
  }
  std::int32_t begin = iterator.first();
  for (std::int32_t end = iterator.next(); end != icu::BreakIterator::DONE;
       begin = end, end = iterator.next()) {
    if (iterator.getRuleStatus() >= UBRK_WORD_NONE_LIMIT) pieces.push_back({begin, end});
  }
  // The iterator keeps a pointer to the text; detach it before the text goes away.
  static const char16_t kEmpty[1] = {0};
  utext_openUChars(&utext, kEmpty, 0, &status);
  iterator.setText(&utext, status);
  utext_close(&utext);
}

}  // namespace lupe::analyzers
