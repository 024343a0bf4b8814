#include "lupe/search/stem_expansions.h"

#include <algorithm>
#include <string_view>

namespace lupe::search {
namespace {

// True if suffix can be what Snowball German strips from a word (letters of
// e em en ern er es s st est end ung ig ik isch lich heit keit).
bool CouldBeSuffix(std::string_view suffix) {
  return suffix.find_first_not_of("cdeghiklmnrstu") == std::string_view::npos;
}

}  // namespace

std::vector<std::string> StemExpansions::Compute(const analyzers::Analyzer& analyzer,
                                                 const Xapian::Database& database,
                                                 const std::string& stem) {
  // Candidates: index terms that are the stem plus a possible suffix; the analyzer
  // decides (one call for all of them, joined by spaces).
  std::string joined;
  std::vector<std::size_t> starts;
  std::size_t scanned = 0;
  for (auto it = database.allterms_begin(stem);
       it != database.allterms_end(stem) && scanned < kMaxScan; ++it, ++scanned) {
    const std::string term = *it;
    if (term.size() > stem.size() + kMaxSuffixBytes ||
        !CouldBeSuffix(std::string_view(term).substr(stem.size()))) {
      continue;
    }
    starts.push_back(joined.size());
    joined += term;
    joined += ' ';
  }
  std::vector<std::string> terms;
  for (const analyzers::Token& token : analyzer.Analyze(joined)) {
    if (token.Has(analyzers::kVariant) || token.stem != stem) continue;
    if (std::binary_search(starts.begin(), starts.end(), token.start) &&
        joined.compare(token.start, token.text.size() + 1, token.text + ' ') == 0) {
      terms.push_back(token.text);
    }
  }
  return terms;
}

std::shared_ptr<const std::vector<std::string>> StemExpansions::Of(const Xapian::Database& database,
                                                                   const std::string& stem) const {
  return cache_.Get(IndexRevision::Of(database), stem,
                    [&] { return Compute(analyzer_, database, stem); });
}

}  // namespace lupe::search
