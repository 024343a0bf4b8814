#include "word_grouper.h"

#include <unicode/uchar.h>

namespace lupe::analyzers {
namespace {

bool IsInnerSeparator(char16_t c) {
  if (c < 0x80) return c == u':' || c == u'_';
  return c == u'\u00B7' || c == u'\u2027' || c == u'\u22C5';
}

bool IsCompoundHyphen(char16_t c) { return c == u'-' || c == u'\u2010' || c == u'\u2011'; }

// The feminine suffix spelled by [begin, end): "in" or "innen", first letter in either case.
Word::Gender GenderSuffix(const Utf16Text& text, std::int32_t begin, std::int32_t end) {
  const std::int32_t length = end - begin;
  if (length != 2 && length != 5) return Word::Gender::kNone;
  if (text[begin] != u'i' && text[begin] != u'I') return Word::Gender::kNone;
  static const char16_t kRest[] = u"nnen";
  for (std::int32_t i = 1; i < length; ++i) {
    if (text[begin + i] != kRest[i - 1]) return Word::Gender::kNone;
  }
  return length == 2 ? Word::Gender::kIn : Word::Gender::kInnen;
}

bool IsLetter(char16_t c) { return u_isalpha(c) != 0; }

// Rule 1, Binnen-I: a lower-case letter, then "In" or "Innen" ending the word.
void DetectBinnenI(const Utf16Text& text, Word& word) {
  for (std::int32_t suffix : {5, 2}) {
    const std::int32_t at = word.end - suffix;
    if (at - word.begin < 2 || text[at] != u'I') continue;
    if (GenderSuffix(text, at, word.end) == Word::Gender::kNone) continue;
    if (!u_islower(text[at - 1])) continue;
    word.base_end = at;
    word.gender = suffix == 5 ? Word::Gender::kInnen : Word::Gender::kIn;
    return;
  }
}

// Rules 1 and 2 inside one ICU piece.
void SplitPiece(const Utf16Text& text, Piece piece, std::vector<Word>& words) {
  std::int32_t start = piece.begin;
  for (std::int32_t i = piece.begin; i < piece.end; ++i) {
    if (!IsInnerSeparator(text[i])) continue;
    const Word::Gender gender = GenderSuffix(text, i + 1, piece.end);
    if (gender != Word::Gender::kNone && i > start && IsLetter(text[i - 1])) {
      words.push_back({start, piece.end, i, gender});
      return;
    }
    if (i > start) words.push_back({start, i, i});
    start = i + 1;
  }
  if (start < piece.end) {
    words.push_back({start, piece.end, piece.end});
    DetectBinnenI(text, words.back());
  }
}

// Rule 1 across ICU pieces: base, a marker ("*", "/", "/-", or one of the inner
// separators where ICU splits at them), then the suffix piece.
bool MergesAsGender(const Utf16Text& text, const Word& base, const Piece& next) {
  // Cheapest tests first: this runs between every two words.
  if (GenderSuffix(text, next.begin, next.end) == Word::Gender::kNone) return false;
  const std::int32_t gap = next.begin - base.end;
  const char16_t marker = text[base.end];
  const bool marked = gap == 1 ? marker == u'*' || marker == u'/' || IsInnerSeparator(marker)
                               : gap == 2 && marker == u'/' && IsCompoundHyphen(text[base.end + 1]);
  return marked && base.gender == Word::Gender::kNone && IsLetter(text[base.end - 1]);
}

// Rule 1 with parentheses: "Bürger(innen)".
bool MergesAsParenthesisGender(const Utf16Text& text, const Word& base, const Piece& next) {
  if (next.begin - base.end != 1 || base.gender != Word::Gender::kNone) return false;
  if (text[base.end] != u'(' || next.end >= text.size() || text[next.end] != u')') return false;
  return IsLetter(text[base.end - 1]) &&
         GenderSuffix(text, next.begin, next.end) != Word::Gender::kNone;
}

}  // namespace

void GroupWords(const Utf16Text& text, const std::vector<Piece>& pieces, std::vector<Word>& words) {
  words.clear();
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    const Piece& piece = pieces[p];
    if (!words.empty()) {
      Word& last = words.back();
      const bool star_or_slash = MergesAsGender(text, last, piece);
      const bool parenthesis = !star_or_slash && MergesAsParenthesisGender(text, last, piece);
      if (star_or_slash || parenthesis) {
        last.base_end = last.end;
        last.gender = GenderSuffix(text, piece.begin, piece.end);
        last.end = piece.end + (parenthesis ? 1 : 0);
        continue;
      }
    }
    SplitPiece(text, piece, words);
  }
  // Rule 3: a hyphen between two words, with nothing else between them.
  for (std::size_t w = 0; w + 1 < words.size(); ++w) {
    const std::int32_t end = words[w].end;
    words[w].hyphen_after =
        end < text.size() && IsCompoundHyphen(text[end]) && words[w + 1].begin == end + 1;
  }
}

}  // namespace lupe::analyzers
