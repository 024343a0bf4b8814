#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lupe/analyzers/analyzer.h"

namespace lupe::search {

// The analyzer's tokens of single words, kept: a snippet analyses each compound of its
// passage alone, to mark only the part a query matched (Snippeter), and the passages of a
// page, and of the next requests, share most of their compounds. One analysis of a word costs
// thousands of instructions (the pipeline's setup, not the word), a lookup here a hash. The
// tokens depend only on the word (the analyzer is fixed for the process), so the cache needs
// no index revision; it keeps up to max_words words, then starts over.
// Thread-safety: Of may be called from any thread.
class WordAnalyses {
 public:
  explicit WordAnalyses(const analyzers::Analyzer& analyzer, std::size_t max_words = 20000)
      : analyzer_(analyzer), max_words_(max_words) {}
  WordAnalyses(const WordAnalyses&) = delete;
  WordAnalyses& operator=(const WordAnalyses&) = delete;

  // analyzer.Analyze(word), from the cache if it was asked before.
  std::shared_ptr<const std::vector<analyzers::Token>> Of(std::string_view word) const;

 private:
  const analyzers::Analyzer& analyzer_;
  const std::size_t max_words_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const std::vector<analyzers::Token>>>
      words_;
};

}  // namespace lupe::search
