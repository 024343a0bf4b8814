#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/search/revision_cache.h"

namespace lupe::search {

// The exact body terms of an index that a stem stands for: the index's words that are the
// stem plus a suffix the analyzer strips (Bürger -> bürger, bürgern, bürgers). Stem terms
// carry no positions, so a snippet reads the positions of these (Snippeter). Finding them
// walks the index's term list from the stem (up to kMaxScan terms) and analyses the
// candidates: about a tenth of a search request's instructions, for an answer that depends
// only on the stem and the index revision. So the answers are kept per revision, for up to
// max_stems stems (WordRevisionCache).
// Thread-safety: Of may be called from any thread.
class StemExpansions {
 public:
  // Index terms looked at per stem, and their length over the stem's (the longest German
  // suffix Snowball strips, -lichkeiten, has 10 bytes).
  static constexpr std::size_t kMaxScan = 64;
  static constexpr std::size_t kMaxSuffixBytes = 10;

  explicit StemExpansions(const analyzers::Analyzer& analyzer, std::size_t max_stems = 20000)
      : analyzer_(analyzer), cache_(max_stems) {}
  StemExpansions(const StemExpansions&) = delete;
  StemExpansions& operator=(const StemExpansions&) = delete;

  // The terms of database's revision with stem (sorted, as the term list is).
  std::shared_ptr<const std::vector<std::string>> Of(const Xapian::Database& database,
                                                     const std::string& stem) const;

  // The same, computed without a cache.
  static std::vector<std::string> Compute(const analyzers::Analyzer& analyzer,
                                          const Xapian::Database& database,
                                          const std::string& stem);

 private:
  const analyzers::Analyzer& analyzer_;
  WordRevisionCache<std::vector<std::string>> cache_;
};

}  // namespace lupe::search
