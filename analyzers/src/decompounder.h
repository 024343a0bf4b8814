#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "word_lists.h"

namespace lupe::analyzers {

// Splits German compounds (normalised words, as Normalizer writes them) into the words
// they are made of. Rules:
//   1. A compound is two or more parts; between parts a linking element may sit
//      (Fugenelement: s, es, n, en, er, e, ns): "quartiersentwicklung" -> quartier +
//      entwicklung, "mobilitaetsstationen" -> mobilitaet + stationen.
//   2. Every part is a word: a noun of the German word list (written with a capital there)
//      of at least kMinDictionaryPart bytes, or a word of the project lexicon (any length
//      from kMinLexiconPart, adjective and verb stems such as "digital", "förder" too).
//      Never "e", "en", "tung". (The analyzer splits only words written with a capital,
//      nouns: "zugewiesen" is no Zug + Wiesen.)
//   3. Words never to split (Verwaltung, Erdbeere, ...) and words never to use as a part
//      (schaft, innen, unter, ...; stop words too) come from the lexicon files.
//   4. Fewest parts win (the least adventurous reading); each part that is itself a
//      compound is split again: "stadtentwicklungskonzept" -> stadtentwicklung + konzept
//      -> stadt + entwicklung + konzept. Ties: the shorter last part ("besucher" +
//      "zaehlung", not "besuch" + "erzaehlung"); for a head, a lexicon word, then a linking
//      s ("quartier" + s, not "quartiers"; but "gross" + "stadt", "rahmen" + "vertrag").
// Thread-safety: immutable after construction; shareable.
class Decompounder {
 public:
  struct Sources {
    std::string_view word_list;  // one word per line, as written (wngerman's ngerman)
    std::string_view lexicon;    // analyzers/data/decompound_parts.txt
    std::string_view keep;       // analyzers/data/decompound_keep.txt: never split these
    std::string_view not_parts;  // analyzers/data/decompound_not_parts.txt
  };
  // Turns a word as written into its normalised form (the analyzer's Normalizer).
  using Normalise = std::function<std::string(std::string_view)>;
  Decompounder(const Sources& sources, const StringSet& stop_words, const Normalise& normalise);

  // Appends the parts of word to parts as pairs of bytes (begin, end) into word, in order;
  // appends nothing if word is no compound. Words over kMaxWordBytes are not split.
  void Split(std::string_view word, std::string& parts) const;

  std::size_t size() const { return used_; }

  static constexpr std::size_t kMinWordBytes = 6;
  static constexpr std::size_t kMaxWordBytes = 64;
  static constexpr std::size_t kMinDictionaryPart = 4;
  static constexpr std::size_t kMinLexiconPart = 3;

 private:
  enum Kind : std::uint8_t { kHead = 1, kTail = 2, kKeep = 4, kBanned = 8, kLexicon = 16 };
  struct Slot {
    std::uint32_t hash = 0;  // 0: empty
    std::uint32_t offset = 0;
    std::uint8_t length = 0;
    std::uint8_t kinds = 0;
  };

  void Add(std::string_view word, std::uint8_t kinds);
  std::uint8_t Kinds(std::string_view word) const;
  Slot* Find(std::string_view word, std::uint32_t hash);
  const Slot* Find(std::string_view word, std::uint32_t hash) const;
  void Grow();
  // Splits word into parts without recursing; false if it is no compound.
  using Parts = std::vector<std::pair<std::size_t, std::size_t>>;
  bool SplitOnce(std::string_view word, Parts& parts) const;
  void SplitInto(std::string_view word, std::size_t base, int depth, std::string& parts) const;

  // One bit per hash (a one-hash Bloom filter, 1 MiB): most substrings tried are no
  // words, and the filter answers them without touching the table (~12 MiB).
  static std::size_t FilterBit(std::uint32_t hash) { return (hash * 0x9E3779B9u) >> 9; }
  std::vector<std::uint64_t> filter_;
  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t used_ = 0;
};

}  // namespace lupe::analyzers
