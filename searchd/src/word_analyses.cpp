#include "lupe/search/word_analyses.h"

namespace lupe::search {

std::shared_ptr<const std::vector<analyzers::Token>> WordAnalyses::Of(std::string_view word) const {
  std::string key(word);
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = words_.find(key); it != words_.end()) return it->second;
  }
  auto tokens = std::make_shared<const std::vector<analyzers::Token>>(analyzer_.Analyze(word));
  const std::lock_guard<std::mutex> lock(mutex_);
  if (words_.size() >= max_words_) words_.clear();
  words_.emplace(std::move(key), tokens);
  return tokens;
}

}  // namespace lupe::search
