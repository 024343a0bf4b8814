#include "decompounder.h"

#include <algorithm>
#include <array>
#include <climits>
#include <functional>
#include <utility>

namespace lupe::analyzers {
namespace {

constexpr std::size_t kFirstSlots = 1 << 19;
constexpr int kMaxDepth = 3;

// Linking elements (Fugenelemente) that may follow a part, longest first is not needed:
// every one is tried.
constexpr std::array<std::string_view, 8> kLinks = {"", "s", "es", "n", "en", "er", "e", "ns"};

std::uint32_t HashOf(std::string_view word) {
  return static_cast<std::uint32_t>(std::hash<std::string_view>{}(word)) | 1;
}

// Whether a line of the word list is a noun: it starts with an upper-case letter (ASCII
// or Ä, Ö, Ü) followed by a lower-case one (ABM, AfD are abbreviations, not nouns).
bool IsNoun(std::string_view word) {
  if (word.size() < 2) return false;
  const auto first = static_cast<unsigned char>(word[0]);
  std::size_t next = 1;
  if (first >= 'A' && first <= 'Z') {
    next = 1;
  } else if (first == 0xC3 && word.size() > 2 &&
             (word[1] == '\x84' || word[1] == '\x96' || word[1] == '\x9C')) {
    next = 2;
  } else {
    return false;
  }
  const auto second = static_cast<unsigned char>(word[next]);
  return (second >= 'a' && second <= 'z') || second >= 0x80;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Of two readings of a head with as many parts, the one with the higher preference wins:
// a lexicon word (gross + stadt, not gros + s; rahmen, not rahm + en), then a linking s
// (quartier + s, not quartiers), then no linking element.
int Preference(std::uint8_t kinds, std::string_view link, std::uint8_t lexicon_kind) {
  const int lexicon = (kinds & lexicon_kind) != 0 ? 4 : 0;
  if (link == "s" || link == "es") return lexicon + 2;
  return lexicon + (link.empty() ? 1 : 0);
}

}  // namespace

Decompounder::Decompounder(const Sources& sources, const StringSet& stop_words,
                           const Normalise& normalise)
    : filter_((std::size_t{1} << 23) / 64), slots_(kFirstSlots) {
  for (const auto& fields : ParseWordList(sources.word_list)) {
    const std::string& written = fields.front();
    const std::string word = normalise(written);
    if (IsNoun(written) && word.size() >= kMinDictionaryPart) Add(word, kHead | kTail);
  }
  for (const auto& fields : ParseWordList(sources.lexicon)) {
    for (const std::string& field : fields) {
      const std::string word = normalise(field);
      if (word.size() >= kMinLexiconPart) Add(word, kHead | kTail | kLexicon);
    }
  }
  for (const auto& fields : ParseWordList(sources.not_parts)) {
    for (const std::string& field : fields) Add(normalise(field), kBanned);
  }
  for (const std::string& word : stop_words) Add(word, kBanned);
  for (const auto& fields : ParseWordList(sources.keep)) {
    for (const std::string& field : fields) Add(normalise(field), kKeep);
  }
}

void Decompounder::Add(std::string_view word, std::uint8_t kinds) {
  if (word.empty() || word.size() > kMaxWordBytes) return;
  const std::uint32_t hash = HashOf(word);
  Slot* slot = Find(word, hash);
  if (slot->hash == 0) {
    *slot = Slot{hash, static_cast<std::uint32_t>(arena_.size()),
                 static_cast<std::uint8_t>(word.size()), 0};
    arena_.append(word);
    ++used_;
  }
  slot->kinds = static_cast<std::uint8_t>(slot->kinds | kinds);
  filter_[FilterBit(hash) / 64] |= std::uint64_t{1} << (FilterBit(hash) % 64);
  if (used_ * 2 > slots_.size()) Grow();
}

const Decompounder::Slot* Decompounder::Find(std::string_view word, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash == 0) return &slot;
    if (slot.hash == hash && slot.length == word.size() &&
        arena_.compare(slot.offset, slot.length, word) == 0) {
      return &slot;
    }
  }
}

Decompounder::Slot* Decompounder::Find(std::string_view word, std::uint32_t hash) {
  return const_cast<Slot*>(std::as_const(*this).Find(word, hash));
}

void Decompounder::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.hash == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

std::uint8_t Decompounder::Kinds(std::string_view word) const {
  if (word.size() < kMinLexiconPart || word.size() > kMaxWordBytes) return 0;
  const std::uint32_t hash = HashOf(word);
  if ((filter_[FilterBit(hash) / 64] & (std::uint64_t{1} << (FilterBit(hash) % 64))) == 0) return 0;
  const std::uint8_t kinds = Find(word, hash)->kinds;
  return (kinds & kBanned) != 0 ? static_cast<std::uint8_t>(kBanned) : kinds;
}

bool Decompounder::SplitOnce(std::string_view word, Parts& parts) const {
  const std::size_t n = word.size();
  // reach[i]: fewest head parts (each with its linking element) covering word[0, i).
  std::array<int, kMaxWordBytes + 1> reach;
  std::array<std::size_t, kMaxWordBytes + 1> part_begin{};
  std::array<std::size_t, kMaxWordBytes + 1> part_end{};
  std::array<int, kMaxWordBytes + 1> preference{};
  reach.fill(INT_MAX);
  reach[0] = 0;
  for (std::size_t j = 0; j + 2 * kMinLexiconPart <= n; ++j) {
    if (reach[j] == INT_MAX) continue;
    for (std::size_t e = j + kMinLexiconPart; e + kMinLexiconPart <= n; ++e) {
      if (IsContinuationByte(word[e]) || (Kinds(word.substr(j, e - j)) & kHead) == 0) continue;
      for (std::string_view link : kLinks) {
        const std::size_t i = e + link.size();
        if (i + kMinLexiconPart > n || word.compare(e, link.size(), link) != 0) continue;
        const int count = reach[j] + 1;
        const int prefer = Preference(Kinds(word.substr(j, e - j)), link, kLexicon);
        if (count < reach[i] || (count == reach[i] && prefer > preference[i])) {
          reach[i] = count;
          preference[i] = prefer;
          part_begin[i] = j;
          part_end[i] = e;
        }
      }
    }
  }
  std::size_t best = 0;
  int best_count = INT_MAX;
  for (std::size_t i = kMinLexiconPart; i + kMinLexiconPart <= n; ++i) {
    // Equal counts: the shorter last part (besucher + zaehlung, not besuch + erzaehlung).
    if (reach[i] == INT_MAX || reach[i] + 1 > best_count) continue;
    if ((Kinds(word.substr(i)) & kTail) != 0) {
      best = i;
      best_count = reach[i] + 1;
    }
  }
  if (best_count == INT_MAX) return false;
  parts.clear();
  parts.emplace_back(best, n);
  for (std::size_t i = best; i > 0; i = part_begin[i]) {
    parts.emplace_back(part_begin[i], part_end[i]);
  }
  std::reverse(parts.begin(), parts.end());
  return true;
}

void Decompounder::SplitInto(std::string_view word, std::size_t base, int depth,
                             std::string& parts) const {
  Parts found;
  if ((Kinds(word) & kKeep) != 0 || !SplitOnce(word, found)) return;
  for (const auto& [begin, end] : found) {
    const std::size_t before = parts.size();
    const std::string_view part = word.substr(begin, end - begin);
    if (depth < kMaxDepth && part.size() >= kMinWordBytes) {
      SplitInto(part, base + begin, depth + 1, parts);
    }
    if (parts.size() == before) {
      parts.push_back(static_cast<char>(base + begin));
      parts.push_back(static_cast<char>(base + end));
    }
  }
}

void Decompounder::Split(std::string_view word, std::string& parts) const {
  if (word.size() < kMinWordBytes || word.size() > kMaxWordBytes) return;
  SplitInto(word, 0, 0, parts);
}

}  // namespace lupe::analyzers
