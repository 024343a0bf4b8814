#include "suspended_hyphens.h"

#include <string_view>

namespace lupe::analyzers {
namespace {

// How far a coordination may reach: "Bau-, Wohnungs-, Verkehrs- und Energieministerium".
constexpr std::size_t kMaxWordsAhead = 12;

bool IsHyphen(char16_t c) { return c == u'-' || c == u'\u2010' || c == u'\u2011'; }

bool IsSpace(char16_t c) { return c == u' ' || c == u'\u00A0'; }

// A word that stands alone: not linked by hyphens, no gender form.
bool IsPlain(const Word& word) { return word.gender == Word::Gender::kNone && !word.hyphen_after; }

// "Rad-" followed by a space or a comma.
bool SuspendedAfter(const Utf16Text& text, const Word& word) {
  if (!IsPlain(word) || word.end + 1 >= text.size() || !IsHyphen(text[word.end])) return false;
  const char16_t next = text[word.end + 1];
  return IsSpace(next) || next == u',';
}

// "-planung" after a space.
bool SuspendedBefore(const Utf16Text& text, const Word& word) {
  return word.begin >= 2 && IsHyphen(text[word.begin - 1]) && IsSpace(text[word.begin - 2]);
}

bool IsConjunction(const Utf16Text& text, const Word& word) {
  static constexpr std::u16string_view kConjunctions[] = {u"und", u"oder", u"sowie", u"bzw"};
  const std::u16string_view written(text.data() + word.begin,
                                    static_cast<std::size_t>(word.end - word.begin));
  for (std::u16string_view conjunction : kConjunctions) {
    if (written == conjunction) return true;
  }
  return false;
}

}  // namespace

std::size_t LeadingCompletion(const Utf16Text& text, const std::vector<Word>& words,
                              std::size_t w) {
  if (!SuspendedAfter(text, words[w])) return kNoWord;
  bool conjunction = false;
  for (std::size_t k = w + 1; k < words.size() && k <= w + kMaxWordsAhead; ++k) {
    if (IsConjunction(text, words[k])) {
      conjunction = true;
    } else if (conjunction) {
      return IsPlain(words[k]) && !SuspendedBefore(text, words[k]) ? k : kNoWord;
    } else if (!SuspendedAfter(text, words[k])) {
      return kNoWord;
    }
  }
  return kNoWord;
}

std::size_t TrailingCompletion(const Utf16Text& text, const std::vector<Word>& words,
                               std::size_t w) {
  if (w < 2 || !IsPlain(words[w]) || !SuspendedBefore(text, words[w])) return kNoWord;
  if (!IsConjunction(text, words[w - 1])) return kNoWord;
  const Word& complete = words[w - 2];
  if (!IsPlain(complete) || SuspendedAfter(text, complete)) return kNoWord;
  return w - 2;
}

}  // namespace lupe::analyzers
