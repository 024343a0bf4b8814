#include "lupe/analyzers/analyzer.h"

#include <unicode/uchar.h>
#include <unicode/uversion.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>

#include "compound_parts.h"
#include "fingerprint.h"
#include "normalizer.h"
#include "segmenter.h"
#include "shared_decompounder.h"
#include "stemmer.h"
#include "suspended_hyphens.h"
#include "utf16_text.h"
#include "word_cache.h"
#include "word_grouper.h"
#include "word_lists.h"

namespace lupe::analyzers {
namespace {

std::atomic<std::uint64_t> next_analyzer_id{1};

// Input is analysed in chunks of about this many bytes, cut at white space, so that
// huge inputs need bounded memory and ICU's 32-bit indices never overflow.
constexpr std::size_t kChunkBytes = 1 << 18;

// Where the next chunk of text starting at begin ends: after the last ASCII white space
// in the second half of the chunk window. Without one, the chunk is cut at a UTF-8
// character boundary (`forced`), which may split a word.
std::size_t ChunkEnd(std::string_view text, std::size_t begin, bool* forced) {
  *forced = false;
  if (text.size() - begin <= kChunkBytes) return text.size();
  std::size_t end = begin + kChunkBytes;
  for (std::size_t i = end; i > begin + kChunkBytes / 2; --i) {
    const char c = text[i - 1];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') return i;
  }
  *forced = true;
  while (end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

// A word of a data file in its normalised form, as text would be analysed.
std::string Normalised(const Normalizer& normalizer, std::string_view word) {
  Utf16Text utf16;
  utf16.Assign(word, 0);
  std::string normalised;
  normalizer.Append(utf16.data(), utf16.data() + utf16.size(), normalised);
  return normalised;
}

std::vector<std::pair<std::string, std::string>> NormalisedPairs(const Normalizer& normalizer,
                                                                 std::string_view data) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& fields : ParseWordList(data)) {
    if (fields.size() != 2) continue;
    pairs.emplace_back(Normalised(normalizer, fields[0]), Normalised(normalizer, fields[1]));
  }
  return pairs;
}

StringSet NormalisedWords(const Normalizer& normalizer, std::string_view data) {
  StringSet words;
  for (const auto& fields : ParseWordList(data)) {
    for (const auto& field : fields) words.insert(Normalised(normalizer, field));
  }
  return words;
}

std::string MakeFingerprint(const AnalyzerData& data, const std::string& word_list_hash) {
  std::string fingerprint = "lupe-de/3";
  fingerprint += " unicode=" U_UNICODE_VERSION;
  fingerprint += " snowball=german xapian=" + std::to_string(XAPIAN_MAJOR_VERSION) + "." +
                 std::to_string(XAPIAN_MINOR_VERSION);
  fingerprint += " data=" + HashHex({data.stop_words, data.umlaut_plurals, data.decompound_parts,
                                     data.decompound_keep, data.decompound_not_parts});
  fingerprint += " words=" + word_list_hash;
  return fingerprint;
}

}  // namespace

struct Analyzer::Impl {
  explicit Impl(const AnalyzerOptions& options)
      : stemmer(NormalisedPairs(normalizer, CompiledAnalyzerData().umlaut_plurals)),
        stop_words(NormalisedWords(normalizer, CompiledAnalyzerData().stop_words)),
        compounds(LoadDecompounder(
            options.word_list, stop_words,
            [this](std::string_view word) { return Normalised(normalizer, word); })),
        fingerprint(MakeFingerprint(CompiledAnalyzerData(), compounds.word_list_hash)) {}

  Normalizer normalizer;
  Segmenter segmenter;
  Stemmer stemmer;
  StringSet stop_words;
  SharedDecompounder compounds;
  std::string fingerprint;
  std::uint64_t id = next_analyzer_id.fetch_add(1);
};

namespace {

// This thread's word cache for the analyzer with the given id (the cache of the analyzer
// that used the thread before is dropped: analyzers may have different data).
WordCache& ThreadWordCache(std::uint64_t analyzer_id) {
  thread_local std::uint64_t owner = 0;
  thread_local WordCache cache;
  if (owner != analyzer_id) {
    cache.Clear();
    owner = analyzer_id;
  }
  return cache;
}

// Cached with a word whose compound parts were looked for (words are split lazily, only
// where a capitalised occurrence asks for them): not a token flag, never emitted.
constexpr TokenFlags kPartsKnown = 1 << 15;

// The state of one Analyze() call: buffers reused across chunks and tokens.
class Run {
 public:
  Run(const Analyzer::Impl& impl, TokenSink& sink)
      : impl_(impl),
        sink_(sink),
        cache_(ThreadWordCache(impl.id)),
        encoder_(*impl.compounds.decompounder, impl.stemmer) {}

  // Analyses the next chunk. cut_before / cut_after: the chunk starts / ends inside a
  // run of text without white space; a word touching such a cut is a fragment of one
  // longer than a chunk half, far over kMaxTokenBytes, and is dropped like it.
  void Chunk(std::string_view chunk, std::uint32_t base_offset, bool cut_before, bool cut_after) {
    text_.Assign(chunk, base_offset);
    impl_.segmenter.Segment(text_, pieces_);
    GroupWords(text_, pieces_, words_);
    if (cut_after && !words_.empty() && words_.back().end == text_.size()) {
      words_.pop_back();
      if (!words_.empty()) words_.back().hyphen_after = false;
    }
    if (cut_before && !words_.empty() && words_.front().begin == 0) {
      words_.erase(words_.begin());
    }
    for (std::size_t w = 0; w < words_.size();) {
      std::size_t last = w;
      while (last + 1 < words_.size() && words_[last].hyphen_after) ++last;
      EmitChain(w, last);
      w = last + 1;
    }
  }

 private:
  // A word ready to emit: its exact form, and for a gender form its base.
  struct Prepared {
    std::string text;
    std::string base;
    bool gender = false;
    bool capitalised = false;  // written with a capital: a noun, perhaps a compound
    std::uint32_t start = 0;
    std::uint32_t end = 0;
  };

  // Normalises word into prepared_[index]. False if the word is empty or over-long.
  bool Prepare(const Word& word, std::size_t index) {
    if (prepared_.size() <= index) prepared_.resize(index + 1);
    Prepared& out = prepared_[index];
    out.text.clear();
    const char16_t* units = text_.data();
    impl_.normalizer.Append(units + word.begin, units + word.base_end, out.text);
    out.gender = word.gender != Word::Gender::kNone;
    out.capitalised = u_isupper(units[word.begin]) != 0;
    if (out.gender) {
      out.base = out.text;
      out.text += word.gender == Word::Gender::kIn ? "in" : "innen";
    }
    out.start = text_.ByteOffset(word.begin);
    out.end = text_.ByteOffset(word.end);
    return !out.text.empty() && out.text.size() <= Analyzer::kMaxTokenBytes &&
           (!out.gender || !out.base.empty());
  }

  // Emits a word, or a hyphen chain words_[first..last]: the parts at consecutive
  // positions, the joined form beside the first part (unless every part is a number,
  // as in 2021-2025). A gender form brings its base as a variant.
  void EmitChain(std::size_t first, std::size_t last) {
    std::size_t count = 0;
    for (std::size_t w = first; w <= last; ++w) {
      if (Prepare(words_[w], count)) ++count;
    }
    const bool compound = count > 1;
    bool emit_joined = false;
    if (compound) {
      joined_.clear();
      bool all_numeric = true;
      for (std::size_t i = 0; i < count; ++i) {
        joined_ += prepared_[i].text;
        if (!HasDigit(prepared_[i].text)) all_numeric = false;
      }
      emit_joined = !all_numeric && joined_.size() <= Analyzer::kMaxTokenBytes;
    }
    const TokenFlags part_flags = compound ? kCompoundPart : kNoFlags;
    for (std::size_t i = 0; i < count; ++i) {
      const Prepared& part = prepared_[i];
      token_.start = part.start;
      token_.end = part.end;
      token_.text = part.text;
      const TokenFlags head = compound && i == 0 ? kCompoundHead : kNoFlags;
      Emit(part_flags | head | (part.gender ? kGender : kNoFlags));
      // The last part of a hyphen chain, or a word, may be a compound written as one.
      if (i + 1 == count && !part.gender && part.capitalised) EmitDecompoundParts();
      if (count == 1 && first == last) EmitCompletion(first);
      if (part.gender) {
        token_.text = part.base;
        Emit(part_flags | kVariant | kGenderBase);
      }
      if (i == 0 && emit_joined) {
        token_.text = joined_;
        token_.end = prepared_[count - 1].end;
        Emit(kVariant | kJoined);
      }
      ++position_;
    }
  }

  // The stem and flags of a normalised word, from the filters after normalisation.
  // Numbers and abbreviations are never compounds: their (no) parts are known.
  TokenFlags Classify(std::string_view text, std::string& stem) const {
    TokenFlags flags = impl_.stop_words.contains(text) ? kStopWord : kNoFlags;
    stem.clear();
    if (HasDigit(text)) return flags | kNumeric | kPartsKnown;
    // Abbreviations and host names ("z.b", "www.ulm.de") are not words to stem.
    if (text.find('.') != std::string_view::npos) return flags | kPartsKnown;
    impl_.stemmer.Stem(text, stem);
    return flags;
  }

  // What the filters say about a normalised word, from this thread's cache; parts as far
  // as known (kPartsKnown).
  TokenFlags Lookup(std::string_view text, std::string& stem, std::string& parts) {
    TokenFlags flags = kNoFlags;
    if (!cache_.Find(text, stem, flags, &parts)) {
      flags = Classify(text, stem);
      parts.clear();
      cache_.Insert(text, stem, flags, parts);
    }
    return flags;
  }

  // The compound parts of a word Lookup() described: split now if not known yet.
  void KnowParts(std::string_view text, std::string_view stem, TokenFlags flags,
                 std::string& parts) {
    if ((flags & kPartsKnown) != 0) return;
    encoder_.Encode(text, cache_, parts);
    cache_.Update(text, stem, flags | kPartsKnown, parts);
  }

  // After a word: its parts if it is a compound (Decompounder), as variants at its
  // position with its offsets.
  void EmitDecompoundParts() {
    KnowParts(token_.text, token_.stem, word_flags_, parts_);
    if (parts_.empty()) return;
    word_parts_.swap(parts_);
    word_ = token_.text;
    token_.flags = kVariant | kDecompoundPart;
    ForEachCompoundPart(word_parts_, [this](const CompoundPart& part) {
      token_.text.assign(word_, part.begin, part.end - part.begin);
      token_.stem = part.stem;
      sink_.OnToken(token_);
    });
  }

  // After the word words_[w] (prepared_[0]): the compound it stands for if it is
  // truncated by a suspended hyphen ("Rad- und Fußverkehr" -> radverkehr).
  void EmitCompletion(std::size_t w) {
    if (!HyphenBeside(text_, words_[w])) return;
    std::size_t k = LeadingCompletion(text_, words_, w);
    const bool leading = k != kNoWord;
    if (!leading) k = TrailingCompletion(text_, words_, w);
    if (k == kNoWord) return;
    word_.clear();
    impl_.normalizer.Append(text_.data() + words_[k].begin, text_.data() + words_[k].end, word_);
    if (word_.size() > Analyzer::kMaxTokenBytes) return;
    const TokenFlags flags = Lookup(word_, completion_stem_, word_parts_);
    KnowParts(word_, completion_stem_, flags, word_parts_);
    std::size_t parts = 0, second = 0, last = 0;
    ForEachCompoundPart(word_parts_, [&](const CompoundPart& part) {
      if (++parts == 2) second = part.begin;
      last = part.begin;
    });
    if (parts < 2) return;  // not a compound: no part to borrow
    const Prepared& truncated = prepared_[0];
    if (leading) {
      token_.text = truncated.text + word_.substr(last);
    } else {
      token_.text = word_.substr(0, second) + truncated.text;
    }
    token_.start = truncated.start;
    token_.end = truncated.end;
    if (token_.text.size() <= Analyzer::kMaxTokenBytes) Emit(kVariant | kCompleted);
  }

  static bool HasDigit(std::string_view text) {
    return text.find_first_of("0123456789") != std::string_view::npos;
  }

  // Emits token_ at the current position; leaves its cached flags in word_flags_ and its
  // compound parts, as far as known, in parts_.
  void Emit(TokenFlags flags) {
    word_flags_ = Lookup(token_.text, token_.stem, parts_);
    token_.flags = flags | (word_flags_ & ~kPartsKnown);
    token_.position = position_;
    sink_.OnToken(token_);
  }

  const Analyzer::Impl& impl_;
  TokenSink& sink_;
  WordCache& cache_;
  Utf16Text text_;
  std::vector<Piece> pieces_;
  std::vector<Word> words_;
  std::vector<Prepared> prepared_;
  Token token_;
  std::string joined_;
  std::string parts_;       // of the token emitted last
  std::string word_parts_;  // of the word being split or completed
  TokenFlags word_flags_ = kNoFlags;
  CompoundPartsEncoder encoder_;
  std::string word_;
  std::string completion_stem_;
  std::uint32_t position_ = 0;
};

class CollectingSink : public TokenSink {
 public:
  explicit CollectingSink(std::vector<Token>& tokens) : tokens_(tokens) {}
  void OnToken(const Token& token) override { tokens_.push_back(token); }

 private:
  std::vector<Token>& tokens_;
};

}  // namespace

Analyzer::Analyzer() : Analyzer(AnalyzerOptions()) {}
Analyzer::Analyzer(const AnalyzerOptions& options) : impl_(std::make_unique<const Impl>(options)) {}
Analyzer::~Analyzer() = default;

void Analyzer::Analyze(std::string_view text, TokenSink& sink) const {
  Run run(*impl_, sink);
  bool cut_before = false;
  for (std::size_t begin = 0; begin < text.size();) {
    bool cut_after = false;
    const std::size_t end = ChunkEnd(text, begin, &cut_after);
    run.Chunk(text.substr(begin, end - begin), static_cast<std::uint32_t>(begin), cut_before,
              cut_after);
    cut_before = cut_after;
    begin = end;
  }
}

std::vector<Token> Analyzer::Analyze(std::string_view text) const {
  std::vector<Token> tokens;
  CollectingSink sink(tokens);
  Analyze(text, sink);
  return tokens;
}

const std::string& Analyzer::Fingerprint() const { return impl_->fingerprint; }

bool Analyzer::IsStopWord(std::string_view normalised) const {
  return impl_->stop_words.contains(normalised);
}

}  // namespace lupe::analyzers
