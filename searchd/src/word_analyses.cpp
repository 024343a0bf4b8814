#include "lupe/search/word_analyses.h"

namespace lupe::search {

std::shared_ptr<const std::vector<analyzers::Token>> WordAnalyses::Of(std::string_view word) const {
  return cache_.Get(IndexRevision{}, std::string(word), [&] { return analyzer_.Analyze(word); });
}

}  // namespace lupe::search
