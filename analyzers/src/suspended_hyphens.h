#pragma once

#include <cstddef>
#include <vector>

#include "utf16_text.h"
#include "word_grouper.h"

namespace lupe::analyzers {

// Finds suspended hyphens (Ergänzungsstriche), where a compound is written only in part
// because its other part follows or precedes in a coordination. Rules:
//   1. Leading form: a word followed by a hyphen and then a space or a comma, then more
//      such words or commas, a conjunction (und, oder, sowie, bzw.), and a complete word:
//      "Rad- und Fußverkehr", "Bau-, Wohnungs- und Verkehrsministerium". Each truncated
//      word is completed with the last part of the complete word (Verkehr, Ministerium).
//   2. Trailing form: a complete word, a conjunction, and a word right after a hyphen
//      that follows a space: "Stadtentwicklung und -planung". The truncated word is
//      completed with the first part of the complete word (Stadt).
//   3. Anything else is no suspended hyphen: "E- Mail" (no conjunction), "Ulm - Neu-Ulm".
// The caller splits the complete word (Decompounder) and builds the completed word.
// Thread-safety: stateless functions.
inline constexpr std::size_t kNoWord = static_cast<std::size_t>(-1);

// False if words[w] has no hyphen beside it: the cheap test before the two below.
inline bool HyphenBeside(const Utf16Text& text, const Word& word) {
  auto hyphen = [](char16_t c) { return c == u'-' || c == u'\u2010' || c == u'\u2011'; };
  return (word.end < text.size() && hyphen(text[word.end])) ||
         (word.begin > 0 && hyphen(text[word.begin - 1]));
}

// The word whose last part completes words[w] (leading form), or kNoWord.
std::size_t LeadingCompletion(const Utf16Text& text, const std::vector<Word>& words, std::size_t w);

// The word whose first part completes words[w] (trailing form), or kNoWord.
std::size_t TrailingCompletion(const Utf16Text& text, const std::vector<Word>& words,
                               std::size_t w);

}  // namespace lupe::analyzers
