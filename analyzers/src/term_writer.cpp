#include "lupe/analyzers/term_writer.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <string>
#include <vector>

namespace lupe::analyzers {
namespace {

// Counts occurrences of strings: open addressing over a power-of-two table that grows,
// keys in one arena. Much cheaper per token than std::unordered_map<std::string, ...>,
// which allocates a node per key and divides by a prime per lookup.
class StringCounter {
 public:
  StringCounter() : slots_(kInitialSlots) {}

  void Add(std::string_view key) {
    const std::uint64_t hash = std::hash<std::string_view>{}(key) | 1;
    for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& slot = slots_[i];
      if (slot.hash == 0) {
        slot = Slot{hash, static_cast<std::uint32_t>(arena_.size()),
                    static_cast<std::uint32_t>(key.size()), 1};
        arena_.append(key);
        if (++used_ * 2 > slots_.size()) Grow();
        return;
      }
      if (slot.hash == hash && Key(slot) == key) {
        ++slot.count;
        return;
      }
    }
  }

  template <typename Fn>
  void ForEach(Fn fn) const {
    for (const Slot& slot : slots_) {
      if (slot.hash != 0) fn(Key(slot), slot.count);
    }
  }

 private:
  static constexpr std::size_t kInitialSlots = 1024;
  struct Slot {
    std::uint64_t hash;  // 0: empty
    std::uint32_t offset;
    std::uint32_t length;
    Xapian::termcount count;
  };

  std::string_view Key(const Slot& slot) const {
    return std::string_view(arena_).substr(slot.offset, slot.length);
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.hash == 0) continue;
      std::size_t i = slot.hash & (slots_.size() - 1);
      while (slots_[i].hash != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t used_ = 0;
};

class DocumentSink : public TokenSink {
 public:
  DocumentSink(const TextField& field, TermWriter::Placement placement, Xapian::Document& document,
               std::string_view text, TermWriter::Outputs outputs)
      : placement_(placement),
        document_(document),
        exact_(schema::ExactTerm(field, "")),
        stem_(schema::StemTerm(field, "")),
        part_(schema::PartTerm(field, "")),
        exact_prefix_(exact_.size()),
        stem_prefix_(stem_.size()),
        part_prefix_(part_.size()),
        text_(text),
        anchors_(outputs.anchors),
        spellings_(outputs.spellings),
        spans_(outputs.spans) {}

  void OnToken(const Token& token) override {
    const Xapian::termpos position = placement_.first_position + token.position;
    if (token.Has(kDecompoundPart)) {
      if (!token.stem.empty()) part_counts_.Add(token.stem);
      if (spans_ != nullptr) SpanAt(position, token).compound = true;
      return;
    }
    if (spans_ != nullptr) SpanAt(position, token).compound |= token.Has(kJoined);
    exact_.resize(exact_prefix_);
    exact_ += token.text;
    document_.add_posting(exact_, position, placement_.wdf_inc);
    if (!token.stem.empty()) stem_counts_.Add(token.stem);
    if (anchors_ != nullptr) MaybeAnchor(token, position);
    if (spellings_ != nullptr) MaybeSpelling(token);
    if (position >= next_position_) next_position_ = position + 1;
  }

  // Adds the stem terms, each once with its total within-document frequency: far fewer
  // calls into Xapian::Document's term map than one per occurrence.
  void Flush() {
    stem_counts_.ForEach([this](std::string_view stem, Xapian::termcount count) {
      stem_.resize(stem_prefix_);
      stem_ += stem;
      document_.add_term(stem_, count * placement_.wdf_inc);
    });
    part_counts_.ForEach([this](std::string_view stem, Xapian::termcount count) {
      part_.resize(part_prefix_);
      part_ += stem;
      document_.add_term(part_, count * placement_.wdf_inc);
    });
  }

  Xapian::termpos next_position() const { return next_position_; }

 private:
  // An anchor at the first word, then at the first word that starts after white space
  // kAnchorSpacing bytes or more after the previous anchor (schema.h).
  void MaybeAnchor(const Token& token, Xapian::termpos position) {
    if (anchored_) {
      const schema::Anchor& last = anchors_->back();
      if (position <= last.position || token.start < last.offset + schema::kAnchorSpacing) return;
      const char before = text_[token.start - 1];
      if (before != ' ' && before != '\n' && before != '\t' && before != '\r') return;
    }
    anchors_->push_back({position, token.start});
    anchored_ = true;
  }

  // The span of position, widened to hold token's bytes (created if new).
  schema::WordSpan& SpanAt(Xapian::termpos position, const Token& token) {
    const auto start = static_cast<std::uint32_t>(token.start);
    const auto end = static_cast<std::uint32_t>(token.end);
    if (spans_->empty() || spans_->back().position < position) {
      spans_->push_back({position, start, end, false});
      return spans_->back();
    }
    // The position of the last span, or (a token back at an earlier one) another.
    auto it = std::lower_bound(
        spans_->begin(), spans_->end(), position,
        [](const schema::WordSpan& span, Xapian::termpos p) { return span.position < p; });
    if (it->position != position) it = spans_->insert(it, {position, start, end, false});
    it->start = std::min(it->start, start);
    it->end = std::max(it->end, end);
    return *it;
  }

  // Records how the text writes the token's word when that is not just its term in
  // lower case. Words of ASCII letters and digits are skipped without looking further:
  // their lower case is their term.
  void MaybeSpelling(const Token& token) {
    if (token.Has(kGenderBase) || token.Has(kNumeric) || token.Has(kStopWord) ||
        token.Has(kCompleted)) {
      return;
    }
    const std::string_view written = text_.substr(token.start, token.end - token.start);
    const bool plain = std::all_of(written.begin(), written.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    if (plain || spellings_->count(token.text) != 0) return;
    std::string lower;
    icu::UnicodeString::fromUTF8(
        icu::StringPiece(written.data(), static_cast<std::int32_t>(written.size())))
        .toLower(icu::Locale::getGerman())
        .toUTF8String(lower);
    if (lower != token.text) spellings_->emplace(token.text, std::move(lower));
  }

  TermWriter::Placement placement_;
  Xapian::Document& document_;
  std::string exact_;
  std::string stem_;
  std::string part_;
  std::size_t exact_prefix_;
  std::size_t stem_prefix_;
  std::size_t part_prefix_;
  Xapian::termpos next_position_ = 0;
  StringCounter stem_counts_;
  StringCounter part_counts_;
  std::string_view text_;
  std::vector<schema::Anchor>* anchors_;
  TermWriter::Spellings* spellings_;
  std::vector<schema::WordSpan>* spans_;
  bool anchored_ = false;  // this text has its first anchor
};

}  // namespace

Xapian::termpos TermWriter::Write(std::string_view text, const TextField& field,
                                  Placement placement, Xapian::Document& document,
                                  Outputs outputs) const {
  DocumentSink sink(field, placement, document, text, outputs);
  analyzer_.Analyze(text, sink);
  sink.Flush();
  return std::max(sink.next_position(), placement.first_position);
}

}  // namespace lupe::analyzers
