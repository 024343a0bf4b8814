#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lupe/analyzers/token.h"

namespace lupe::analyzers {

// Receives the tokens of one Analyze() call, in stream order. The Token passed in is
// reused by the analyzer: copy what you keep.
class TokenSink {
 public:
  virtual ~TokenSink() = default;
  virtual void OnToken(const Token& token) = 0;
};

// Where the analyzer finds what is not compiled into it.
struct AnalyzerOptions {
  // The German word list of the decompounder: one word per line (Debian package wngerman).
  std::string word_list = "/usr/share/dict/ngerman";
};

// The German analysis chain, the only one in Lupe: the indexer analyses documents and
// searchd analyses queries with it, so both sides produce the same terms.
//
//   UTF-8 input (invalid bytes replaced, control characters dropped)
//   -> ICU word segmentation (UAX #29, locale de)
//   -> separator filter: gender forms (Bürger*innen, Bürger:innen, BürgerInnen, ...)
//      become one word plus their base; other inner ':' '·' '_' split words
//   -> hyphen filter: Smart-City-Strategie -> parts at consecutive positions + joined word
//   -> normaliser: NFKC, case folding, ä/ö/ü -> ae/oe/ue, ß -> ss, other diacritics off
//   -> stemmer: Snowball German on the normalised form, umlaut plurals to singular
//   -> decompounder: Stadtentwicklungskonzept -> + stadt, entwicklung, konzept (variants)
//   -> suspended hyphens: "Rad- und Fußverkehr" -> + radverkehr (a variant at "Rad")
//   -> stop words: flagged, never removed (positions stay for phrases)
//
// Thread-safety: an Analyzer is immutable after construction; one instance may be shared
// by any number of threads. Per-thread caches (stems, ICU iterators) live in
// thread-local storage and never change results.
class Analyzer {
 public:
  // Loads the data files compiled into the library (stop words, umlaut plurals, the
  // decompounder's lexicon) and the word list named by options (read once per process).
  // Throws lupe::Error(kConfig) if the word list cannot be read, lupe::Error(kInternal)
  // if ICU cannot be initialised.
  Analyzer();
  explicit Analyzer(const AnalyzerOptions& options);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Analyses text and passes each token to sink. Positions start at 0. Never throws on
  // bad input: invalid UTF-8 is replaced, tokens longer than kMaxTokenBytes are dropped.
  void Analyze(std::string_view text, TokenSink& sink) const;

  // Convenience: all tokens of text.
  std::vector<Token> Analyze(std::string_view text) const;

  // Identifies this analysis chain: version, ICU Unicode version, stemmer and a hash of
  // the data files. An index records it; searchd refuses an index with another one.
  const std::string& Fingerprint() const;

  // True if normalised text is on the stop word list.
  bool IsStopWord(std::string_view normalised) const;

  // Tokens whose normalised form is longer than this are dropped (base64 blobs, URLs
  // of junk): they would never be searched for and bloat the index.
  static constexpr std::size_t kMaxTokenBytes = 100;

  struct Impl;

 private:
  std::unique_ptr<const Impl> impl_;
};

}  // namespace lupe::analyzers
