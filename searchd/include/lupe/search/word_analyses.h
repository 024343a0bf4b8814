#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/search/revision_cache.h"

namespace lupe::search {

// The analyzer's tokens of single words, kept: a snippet analyses each compound of its
// passage alone, to mark only the part a query matched (Snippeter), and the passages of a
// page, and of the next requests, share most of their compounds. One analysis of a word costs
// thousands of instructions (the pipeline's setup, not the word), a lookup here a hash. The
// tokens depend only on the word (the analyzer is fixed for the process), so the cache
// (WordRevisionCache) keeps them under one revision; up to max_words words, then it starts
// over.
// Thread-safety: Of may be called from any thread.
class WordAnalyses {
 public:
  explicit WordAnalyses(const analyzers::Analyzer& analyzer, std::size_t max_words = 20000)
      : analyzer_(analyzer), cache_(max_words) {}
  WordAnalyses(const WordAnalyses&) = delete;
  WordAnalyses& operator=(const WordAnalyses&) = delete;

  // analyzer.Analyze(word), from the cache if it was asked before.
  std::shared_ptr<const std::vector<analyzers::Token>> Of(std::string_view word) const;

 private:
  const analyzers::Analyzer& analyzer_;
  WordRevisionCache<std::vector<analyzers::Token>> cache_;
};

}  // namespace lupe::search
