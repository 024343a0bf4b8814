#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lupe/analyzers/analyzer.h"

namespace lupe::analyzers::testing {

// "text@position" for every token of input, in stream order: the form golden tables use.
inline std::vector<std::string> TermsAt(const Analyzer& analyzer, std::string_view input) {
  std::vector<std::string> terms;
  for (const Token& token : analyzer.Analyze(input)) {
    terms.push_back(token.text + "@" + std::to_string(token.position));
  }
  return terms;
}

// The exact forms of input's tokens (all positions).
inline std::vector<std::string> Texts(const Analyzer& analyzer, std::string_view input) {
  std::vector<std::string> texts;
  for (const Token& token : analyzer.Analyze(input)) texts.push_back(token.text);
  return texts;
}

// The stems of input's tokens.
inline std::vector<std::string> Stems(const Analyzer& analyzer, std::string_view input) {
  std::vector<std::string> stems;
  for (const Token& token : analyzer.Analyze(input)) stems.push_back(token.stem);
  return stems;
}

// The single token of a one-word input (its compound parts aside).
inline Token OnlyToken(const Analyzer& analyzer, std::string_view input) {
  std::vector<Token> tokens = analyzer.Analyze(input);
  std::erase_if(tokens, [](const Token& token) { return token.Has(kDecompoundPart); });
  if (tokens.size() == 1) return tokens.front();
  Token none;
  none.text.append(std::to_string(tokens.size())).append(" tokens instead of one");
  return none;
}

// True if bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

}  // namespace lupe::analyzers::testing
