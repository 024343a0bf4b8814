#include "stemmer.h"

#include <atomic>

#include <xapian.h>

namespace lupe::analyzers {
namespace {

constexpr std::size_t kMaxCachedStems = 1 << 18;

std::atomic<std::uint64_t> next_stemmer_id{1};

// Per-thread stem cache of the Stemmer that used this thread last.
struct ThreadStemState {
  std::uint64_t owner = 0;
  StringMap cache;
};

ThreadStemState& StateFor(std::uint64_t owner) {
  thread_local ThreadStemState state;
  if (state.owner != owner) {
    state.owner = owner;
    state.cache.clear();
  }
  return state;
}

}  // namespace

Stemmer::Stemmer(const std::vector<std::pair<std::string, std::string>>& singular_plural)
    : id_(next_stemmer_id.fetch_add(1)) {
  std::string singular_stem, plural_stem;
  for (const auto& [singular, plural] : singular_plural) {
    StemUncached(singular, singular_stem);
    StemUncached(plural, plural_stem);
    if (singular_stem != plural_stem) plural_stems_.emplace(plural_stem, singular_stem);
  }
}

void Stemmer::Stem(std::string_view word, std::string& stem) const {
  ThreadStemState& state = StateFor(id_);
  if (auto it = state.cache.find(word); it != state.cache.end()) {
    stem.assign(it->second);
    return;
  }
  StemUncached(word, stem);
  if (state.cache.size() >= kMaxCachedStems) state.cache.clear();
  state.cache.emplace(std::string(word), stem);
}

void Stemmer::StemUncached(std::string_view word, std::string& stem) const {
  // Plural mapping is applied here so that construction (which calls this before the map
  // is complete) and lookups agree for every word not itself a listed plural.
  thread_local Xapian::Stem snowball("german");
  stem = snowball(std::string(word));
  if (auto it = plural_stems_.find(stem); it != plural_stems_.end()) stem = it->second;
}

}  // namespace lupe::analyzers
