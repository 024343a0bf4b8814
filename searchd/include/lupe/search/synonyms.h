#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lupe/analyzers/analyzer.h"

namespace lupe::search {

// Groups of expressions that mean the same — abbreviations and their expansions, synonyms —
// from a text file (config/abbreviations.txt documents the format):
//   ÖPNV = öffentlicher Personennahverkehr
// Expressions are compared as the analyzer normalises them, word by word (a word being
// what the query parser takes as one item: text between spaces), so case, umlaut
// spellings and hyphenation do not matter: "oepnv" is ÖPNV.
// Thread-safety: immutable after construction; shareable.
class Synonyms {
 public:
  Synonyms() = default;

  // Parses the file's text. Throws lupe::Error(kConfig) naming source and line.
  static Synonyms Parse(std::string_view text, const analyzers::Analyzer& analyzer,
                        const std::string& source);

  // The normalised key of one query word ("ÖPNV" -> "oepnv"; "Datenschutz-Grundverordnung"
  // -> "datenschutz grundverordnung"), as Match expects.
  static std::string Key(std::string_view word, const analyzers::Analyzer& analyzer);

  struct Match {
    std::size_t words = 0;                          // query words matched
    const std::vector<std::string>* expressions = nullptr;  // the whole group, as written
  };
  // The longest expression equal to keys[begin], keys[begin + 1], ...; nothing if none.
  std::optional<Match> Longest(const std::vector<std::string>& keys, std::size_t begin) const;

  std::size_t size() const { return groups_.size(); }

 private:
  struct Entry {
    std::vector<std::string> keys;  // one per word of the expression
    std::size_t group = 0;
  };
  std::vector<std::vector<std::string>> groups_;
  std::vector<Entry> entries_;  // sorted by first key
};

// A synonyms file that is reread when it changes (checked at most every `check` interval),
// so editors can extend it while searchd runs. A change that does not parse keeps the
// previous list; error() says why.
// Thread-safety: shareable; Current() may be called from any thread.
class SynonymsFile {
 public:
  // Loads path; throws lupe::Error(kConfig) if it cannot be read or parsed.
  SynonymsFile(std::filesystem::path path, const analyzers::Analyzer& analyzer,
               std::chrono::milliseconds check);

  std::shared_ptr<const Synonyms> Current() const;
  std::string error() const;

 private:
  void Reload() const;

  std::filesystem::path path_;
  const analyzers::Analyzer& analyzer_;
  std::chrono::milliseconds check_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const Synonyms> current_;
  mutable std::filesystem::file_time_type modified_;
  mutable std::chrono::steady_clock::time_point checked_;
  mutable std::string error_;
};

}  // namespace lupe::search
