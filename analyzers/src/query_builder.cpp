#include "lupe/analyzers/query_builder.h"

#include <string>

namespace lupe::analyzers {
namespace {

// The tokens of one position of a query text.
struct Slot {
  std::vector<const Token*> tokens;
  std::vector<const Token*> parts;  // the compound parts of the word (kDecompoundPart)
  bool stop_word = true;            // every original token here is a stop word
};

// A word of the query: one slot, or the slots of a hyphenated compound.
struct Unit {
  std::vector<Slot> slots;
  const Token* joined = nullptr;
  bool stop_word = true;
};

// text with the first letter of every word in upper case (ASCII and ä, ö, ü; same byte
// length). People type queries in lower case, and the analyzer splits only capitalised
// words (nouns) into compound parts: in a query, case says nothing about the word class.
std::string Capitalised(std::string_view text) {
  std::string out(text);
  bool word_start = true;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (word_start && c >= 'a' && c <= 'z') {
      out[i] = static_cast<char>(c - 'a' + 'A');
    } else if (word_start && c == 0xC3 && i + 1 < out.size() &&
               (out[i + 1] == '\xA4' || out[i + 1] == '\xB6' || out[i + 1] == '\xBC')) {
      out[i + 1] = static_cast<char>(out[i + 1] - 0x20);  // ä ö ü -> Ä Ö Ü
    }
    word_start = c == ' ' || c == '"' || c == '(' || c == '-' || c == '\t' || c == '\n';
  }
  return out;
}

std::vector<Unit> Units(const std::vector<Token>& tokens) {
  std::vector<Unit> units;
  for (const Token& token : tokens) {
    if (token.Has(kJoined)) {
      if (!units.empty()) units.back().joined = &token;
      continue;
    }
    if (token.Has(kDecompoundPart)) {
      if (!units.empty()) units.back().slots.back().parts.push_back(&token);
      continue;
    }
    if (token.Has(kVariant)) {
      if (!units.empty()) units.back().slots.back().tokens.push_back(&token);
      continue;
    }
    if (units.empty() || !token.Has(kCompoundPart) || token.Has(kCompoundHead)) {
      units.emplace_back();
    }
    Unit& unit = units.back();
    Slot& slot = unit.slots.emplace_back();
    slot.tokens.push_back(&token);
    if (!token.Has(kStopWord)) {
      slot.stop_word = false;
      unit.stop_word = false;
    }
  }
  return units;
}

Xapian::Query ExactTerm(const TextField& field, const Token& token) {
  return Xapian::Query(schema::ExactTerm(field, token.text));
}

// The stems the Snowball stemmer misses in a word ending in a vowel and s, which it leaves
// whole: a name in the genitive (Odingas, Marconis, Gandhis, Warschaus) or a plural of a
// word ending in a vowel (Kitas, Autos). The stem of the word without its s is taken when
// the index has it in more documents than the word's own stem: the index knows Odinga
// better than Odingas, and Haus better than Hau.
class VowelSStems {
 public:
  VowelSStems(const Analyzer& analyzer, const Xapian::Database& vocabulary, const TextField& field)
      : analyzer_(analyzer), vocabulary_(vocabulary), field_(field) {}

  // The stem term of token's word without its final s, or "" if there is none to add.
  std::string For(const Token& token) const {
    const std::string& word = token.text;
    if (word.size() < 4 || word.back() != 's' || token.stem != word ||
        std::string_view("aiouy").find(word[word.size() - 2]) == std::string_view::npos) {
      return {};
    }
    const std::vector<Token> base =
        analyzer_.Analyze(std::string_view(word).substr(0, word.size() - 1));
    if (base.empty() || base.front().stem.empty()) return {};
    std::string term = schema::StemTerm(field_, base.front().stem);
    if (vocabulary_.get_termfreq(term) <=
        vocabulary_.get_termfreq(schema::StemTerm(field_, token.stem))) {
      return {};
    }
    return term;
  }

 private:
  const Analyzer& analyzer_;
  const Xapian::Database& vocabulary_;
  const TextField& field_;
};

Xapian::Query Scaled(Xapian::Query query, double weight) {
  if (weight == 1) return query;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, weight);
}

// Exact or stem term of every token in the slot; at lower weight, the word as a part of
// compounds, and all parts of the word if it is a compound (as options allow).
Xapian::Query SlotWordQuery(const TextField& field, const Slot& slot,
                            const QueryBuilder::Options& options,
                            const VowelSStems* vowel_s = nullptr) {
  std::vector<Xapian::Query> alternatives;
  for (const Token* token : slot.tokens) {
    // A token without a stem term (a number, a code with a dot) weighs what a word found
    // in its exact form does, exact and stem together: 2021 counts as much as Strategie.
    const bool stem = options.stems && !token->stem.empty();
    const double exact = stem ? options.exact_weight : options.stems ? 1 + options.exact_weight : 1;
    alternatives.push_back(Scaled(ExactTerm(field, *token), exact));
    if (stem) alternatives.emplace_back(schema::StemTerm(field, token->stem));
    // The stem the stemmer missed (Odingas: Odinga) weighs what the word's own stem does.
    if (stem && vowel_s != nullptr) {
      if (std::string base = vowel_s->For(*token); !base.empty()) alternatives.emplace_back(base);
    }
    if (options.parts && !token->stem.empty()) {
      alternatives.push_back(
          Scaled(Xapian::Query(schema::PartTerm(field, token->stem)), options.part_weight));
    }
    if (!options.variants) break;  // the first token is the word itself
  }
  if (options.parts && slot.parts.size() > 1) {
    std::vector<Xapian::Query> parts;
    for (const Token* part : slot.parts) parts.emplace_back(schema::PartTerm(field, part->stem));
    alternatives.push_back(Scaled(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()),
                                  options.part_weight));
  }
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

// Exact terms of every token in the slot: what a phrase can match positionally.
Xapian::Query SlotPhraseQuery(const TextField& field, const Slot& slot) {
  std::vector<Xapian::Query> alternatives;
  for (const Token* token : slot.tokens) alternatives.push_back(ExactTerm(field, *token));
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query Phrase(std::vector<Xapian::Query>& positions) {
  if (positions.size() == 1) return positions.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, positions.begin(), positions.end(),
                       static_cast<Xapian::termcount>(positions.size()));
}

Xapian::Query UnitQuery(const TextField& field, const Unit& unit,
                        const QueryBuilder::Options& options) {
  if (unit.slots.size() == 1 && !unit.joined) {
    return SlotWordQuery(field, unit.slots.front(), options);
  }
  std::vector<Xapian::Query> positions;
  for (const Slot& slot : unit.slots) positions.push_back(SlotPhraseQuery(field, slot));
  Xapian::Query parts = Phrase(positions);
  if (!unit.joined || !options.variants) return parts;
  return Xapian::Query(Xapian::Query::OP_OR, parts,
                       SlotWordQuery(field, Slot{{unit.joined}, {}, false}, options));
}

// A unit in ranked any-word matching: as in UnitQuery, and the words of a hyphenated
// compound also each on their own, at part weight ("CPI-Maßstab" finds "der CPI ist ein
// Maßstab"; the phrase, matching both, ranks higher).
Xapian::Query AnyUnitQuery(const TextField& field, const Unit& unit,
                           const QueryBuilder::Options& options, const VowelSStems* vowel_s) {
  if (unit.slots.size() == 1 && !unit.joined) {
    return SlotWordQuery(field, unit.slots.front(), options, vowel_s);
  }
  Xapian::Query whole = UnitQuery(field, unit, options);
  if (unit.slots.size() < 2) return whole;
  std::vector<Xapian::Query> words{whole};
  for (const Slot& slot : unit.slots) {
    if (slot.stop_word) continue;
    words.push_back(Scaled(SlotWordQuery(field, slot, options, vowel_s), options.part_weight));
  }
  return Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end());
}

// The queries of the words of text (stop words only if there is nothing else), all
// required or any of them.
enum class Need { kAll, kAny };
Xapian::Query WordsQuery(const Analyzer& analyzer, std::string_view text, const TextField& field,
                         const QueryBuilder::Options& options, Need need,
                         const VowelSStems* vowel_s = nullptr) {
  const std::vector<Token> tokens = analyzer.Analyze(Capitalised(text));
  const std::vector<Unit> units = Units(tokens);
  bool only_stop_words = true;
  for (const Unit& unit : units) only_stop_words = only_stop_words && unit.stop_word;
  std::vector<Xapian::Query> words;
  for (const Unit& unit : units) {
    if (unit.stop_word && !only_stop_words) continue;
    words.push_back(need == Need::kAll ? UnitQuery(field, unit, options)
                                       : AnyUnitQuery(field, unit, options, vowel_s));
  }
  if (words.empty()) return Xapian::Query();
  return Xapian::Query(need == Need::kAll ? Xapian::Query::OP_AND : Xapian::Query::OP_OR,
                       words.begin(), words.end());
}

}  // namespace

Xapian::Query QueryBuilder::ForAnyWord(std::string_view text, const TextField& field,
                                       const Xapian::Database* vocabulary) const {
  if (vocabulary == nullptr) return WordsQuery(analyzer_, text, field, options_, Need::kAny);
  const VowelSStems vowel_s(analyzer_, *vocabulary, field);
  return WordsQuery(analyzer_, text, field, options_, Need::kAny, &vowel_s);
}

Xapian::Query QueryBuilder::ForWords(std::string_view text, const TextField& field) const {
  return WordsQuery(analyzer_, text, field, options_, Need::kAll);
}

Xapian::Query QueryBuilder::ForPhrase(std::string_view text, const TextField& field) const {
  const std::vector<Token> tokens = analyzer_.Analyze(text);
  std::vector<Xapian::Query> positions;
  std::string joined;
  std::size_t words = 0;
  for (const Unit& unit : Units(tokens)) {
    for (const Slot& slot : unit.slots) {
      positions.push_back(SlotPhraseQuery(field, slot));
      joined += slot.tokens.front()->text;
      ++words;
    }
  }
  if (positions.empty()) return Xapian::Query();
  Xapian::Query phrase = Phrase(positions);
  if (words < 2 || joined.size() > Analyzer::kMaxTokenBytes) return phrase;
  return Xapian::Query(Xapian::Query::OP_OR, phrase,
                       Xapian::Query(schema::ExactTerm(field, joined)));
}

}  // namespace lupe::analyzers
