// Behaviour 7 (stop words), the fingerprint, and the contract of the token stream.
#include <catch2/catch.hpp>
#include <thread>

#include "token_table.h"

using lupe::analyzers::Analyzer;
using lupe::analyzers::kStopWord;
using lupe::analyzers::Token;
using lupe::analyzers::TokenSink;
using lupe::analyzers::testing::TermsAt;
using Terms = std::vector<std::string>;

TEST_CASE("stop words are flagged but keep their positions") {
  const Analyzer analyzer;
  const std::vector<Token> tokens = analyzer.Analyze("Die Stadt der Zukunft und das Land");
  REQUIRE(tokens.size() == 7);
  const bool expected_stop[] = {true, false, true, false, true, true, false};
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    INFO(tokens[i].text);
    CHECK(tokens[i].position == i);
    CHECK(tokens[i].Has(kStopWord) == expected_stop[i]);
  }
  CHECK(analyzer.IsStopWord("der"));
  CHECK(analyzer.IsStopWord("fuer"));  // the list is normalised like text: "für"
  CHECK_FALSE(analyzer.IsStopWord("stadt"));
  CHECK_FALSE(analyzer.IsStopWord("nicht"));  // negations change meaning; not on the list
  for (const char* question_word : {"was", "wer", "wann", "wo", "warum", "wofuer", "worueber"}) {
    INFO(question_word);
    CHECK(analyzer.IsStopWord(question_word));  // a question's words, not its answer's
  }
}

TEST_CASE("the fingerprint names the analyzer version and is stable across instances") {
  const Analyzer a;
  const Analyzer b;
  CHECK(a.Fingerprint() == b.Fingerprint());
  CHECK(a.Fingerprint().rfind("lupe-de/", 0) == 0);
  CHECK(a.Fingerprint().find(" data=") != std::string::npos);
  CHECK(a.Fingerprint().find(" unicode=") != std::string::npos);
}

TEST_CASE("the sink interface and the vector interface produce the same tokens") {
  const Analyzer analyzer;
  const std::string text = "Die Smart-City-Strategie der B\xC3\xBCrger*innen 2022";
  struct Collect : TokenSink {
    Terms terms;
    void OnToken(const Token& token) override {
      terms.push_back(token.text + "@" + std::to_string(token.position) + ":" +
                      std::to_string(token.start) + "-" + std::to_string(token.end));
    }
  } sink;
  analyzer.Analyze(text, sink);
  Terms from_vector;
  for (const Token& token : analyzer.Analyze(text)) {
    from_vector.push_back(token.text + "@" + std::to_string(token.position) + ":" +
                          std::to_string(token.start) + "-" + std::to_string(token.end));
  }
  CHECK(sink.terms == from_vector);
  CHECK(sink.terms.size() == 9);
}

TEST_CASE("byte offsets point at the words in the original text") {
  const Analyzer analyzer;
  const std::string text = "  \xE2\x80\x9EWärme\xC2\xADplanung\xE2\x80\x9C in Görlitz, Straße 5";
  for (const Token& token : analyzer.Analyze(text)) {
    INFO(token.text);
    REQUIRE(token.start < token.end);
    REQUIRE(token.end <= text.size());
  }
  std::vector<Token> tokens = analyzer.Analyze(text);
  // Compound parts carry the offsets of their word: "Wärme\u00ADplanung".
  REQUIRE(tokens.size() == 7);
  CHECK(tokens[1].Has(lupe::analyzers::kDecompoundPart));
  CHECK(tokens[1].start == tokens[0].start);
  CHECK(tokens[2].end == tokens[0].end);
  tokens.erase(tokens.begin() + 1, tokens.begin() + 3);
  auto source = [&](const Token& token) {
    return text.substr(token.start, token.end - token.start);
  };
  CHECK(source(tokens[0]) == "Wärme\xC2\xADplanung");
  CHECK(tokens[0].text == "waermeplanung");
  CHECK(source(tokens[2]) == "Görlitz");
  CHECK(source(tokens[3]) == "Straße");
  CHECK(source(tokens[4]) == "5");
}

TEST_CASE("analysis of the same text is the same in every thread") {
  const Analyzer analyzer;
  const std::string text = "Städte und Länder: Smart-City-Strategien für Bürger*innen";
  const Terms expected = TermsAt(analyzer, text);
  std::vector<Terms> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) result = TermsAt(analyzer, text);
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) CHECK(result == expected);
}
