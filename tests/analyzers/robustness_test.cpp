// Behaviour 8: bad and hostile input never crashes or hangs the analyzer; and the
// random-input test of the token stream's invariants.
#include <catch2/catch.hpp>
#include <random>

#include "token_table.h"

using lupe::analyzers::Analyzer;
using lupe::analyzers::Token;
using lupe::analyzers::testing::IsValidUtf8;
using lupe::analyzers::testing::TermsAt;
using Terms = std::vector<std::string>;

namespace {

// The invariants every token stream keeps, whatever the input.
void CheckInvariants(const Analyzer& analyzer, const std::string& input) {
  std::uint32_t last_position = 0;
  for (const Token& token : analyzer.Analyze(input)) {
    REQUIRE(IsValidUtf8(token.text));
    REQUIRE(IsValidUtf8(token.stem));
    REQUIRE(!token.text.empty());
    REQUIRE(token.text.size() <= Analyzer::kMaxTokenBytes);
    REQUIRE(token.position >= last_position);
    REQUIRE(token.start < token.end);
    REQUIRE(token.end <= input.size());
    last_position = token.position;
  }
}

}  // namespace

TEST_CASE("invalid UTF-8 is replaced and the words around it survive") {
  const Analyzer analyzer;
  CHECK(TermsAt(analyzer, "Stadt\xFF\xFEUlm") == Terms{"stadt@0", "ulm@1"});
  CHECK(TermsAt(analyzer, "Stra\xC3") == Terms{"stra@0"});  // truncated sequence
  CHECK(TermsAt(analyzer,
                "a\xC0\xAF"
                "b") == Terms{"a@0", "b@1"});                         // overlong "/"
  CHECK(TermsAt(analyzer, "x\xED\xA0\x80y") == Terms{"x@0", "y@1"});  // UTF-16 surrogate
  CHECK(TermsAt(analyzer, "\xF4\x90\x80\x80Ulm") == Terms{"ulm@0"});  // past U+10FFFF
}

TEST_CASE("control characters separate words") {
  const Analyzer analyzer;
  CHECK(TermsAt(analyzer,
                "Stadt\x01Ulm\x7F"
                "Neu") == Terms{"stadt@0", "ulm@1", "neu@2"});
  CHECK(TermsAt(analyzer, std::string("Stadt\0Ulm", 9)) == Terms{"stadt@0", "ulm@1"});
  CHECK(TermsAt(analyzer, "Stadt\xC2\x85Ulm") == Terms{"stadt@0", "ulm@1"});  // C1 NEL
  CHECK(TermsAt(analyzer, "\xEF\xBB\xBFStadt") == Terms{"stadt@0"});          // byte order mark
}

TEST_CASE("over-long tokens are dropped without taking a position") {
  const Analyzer analyzer;
  const std::string longest(Analyzer::kMaxTokenBytes, 'a');
  const std::string too_long(Analyzer::kMaxTokenBytes + 1, 'a');
  CHECK(TermsAt(analyzer, "vor " + longest + " nach") == Terms{"vor@0", longest + "@1", "nach@2"});
  CHECK(TermsAt(analyzer, "vor " + too_long + " nach") == Terms{"vor@0", "nach@1"});
  CHECK(TermsAt(analyzer, "vor " + std::string(2 << 20, 'x') + " nach") ==
        Terms{"vor@0", "nach@1"});
}

TEST_CASE("huge input is analysed in chunks without splitting words") {
  const Analyzer analyzer;
  std::string text;
  const int words = 300000;  // 3.3 MB: many chunks
  for (int i = 0; i < words; ++i) text += (i % 2 ? "Bürger " : "Stadt\n");
  const std::vector<Token> tokens = analyzer.Analyze(text);
  REQUIRE(tokens.size() == static_cast<std::size_t>(words));
  for (int i = 0; i < words; ++i) {
    REQUIRE(tokens[i].position == static_cast<std::uint32_t>(i));
    REQUIRE(tokens[i].text == (i % 2 ? "buerger" : "stadt"));
  }
  CHECK(tokens.back().end == text.size() - 1);
}

TEST_CASE("random bytes: no crash, valid UTF-8 terms, positions in order") {
  const Analyzer analyzer;
  std::mt19937 random(20261126);
  std::uniform_int_distribution<int> length(0, 300);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 3000; ++round) {
    std::string input(static_cast<std::size_t>(length(random)), '\0');
    for (char& c : input) c = static_cast<char>(byte(random));
    CheckInvariants(analyzer, input);
  }
}

TEST_CASE("random German-like text: no crash, valid UTF-8 terms, positions in order") {
  const Analyzer analyzer;
  // Letters, umlauts, ß, combining marks, joiners and punctuation the filters look at.
  const std::vector<std::string> pieces = {"a",
                                           "e",
                                           "i",
                                           "n",
                                           "r",
                                           "s",
                                           "t",
                                           "B",
                                           "I",
                                           "S",
                                           "ä",
                                           "ö",
                                           "ü",
                                           "Ä",
                                           "ß",
                                           "ẞ",
                                           "u\xCC\x88",
                                           "in",
                                           "innen",
                                           "Innen",
                                           "-",
                                           "-",
                                           "*",
                                           ":",
                                           "/",
                                           "/-",
                                           "_",
                                           "·",
                                           "(",
                                           ")",
                                           "\xE2\x80\x90",
                                           "\xC2\xAD",
                                           " ",
                                           " ",
                                           " ",
                                           "\n",
                                           ".",
                                           ",",
                                           "1",
                                           "5",
                                           "§",
                                           "„",
                                           "“",
                                           "’",
                                           "\xEF\xAC\x81",
                                           "\xEF\xBC\xA7",
                                           "😀",
                                           "\xE2\x80\x8D",
                                           "字"};
  std::mt19937 random(4711);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 120);
  for (int round = 0; round < 3000; ++round) {
    std::string input;
    for (int i = length(random); i > 0; --i) input += pieces[pick(random)];
    CheckInvariants(analyzer, input);
  }
}
