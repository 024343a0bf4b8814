#include "lupe/search/snippeter.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "snippet_text.h"

namespace lupe::search {
namespace {

namespace schema = analyzers::schema;

// Text analysed per step (cut at the next white space): small enough that the analysis
// stops soon after the passage, large enough that the per-call cost does not matter.
constexpr std::size_t kPieceBytes = 192;
constexpr std::size_t kMaxPieceBytes = 4 * kPieceBytes;  // no white space: cut anyway
// From an anchor to the end of the window of matches: bounds the analysis if the text
// defeats the anchors (positions then drift; see Around).
constexpr std::size_t kMaxAroundBytes = 2048;
// Without anchors or positional matches: how much of the text is searched for a match.
constexpr std::size_t kFallbackBytes = 64 << 10;
// Positions read per term and document (the earliest): bounds huge documents.
constexpr std::size_t kMaxPositionsPerTerm = 2000;
// Average bytes per word position in German text: turns max_bytes into a window width.
constexpr std::size_t kBytesPerPosition = 8;
// How many bytes longer than its stem a word analysed for an inflected form may be.
constexpr std::size_t kMaxSuffixBytes = 16;
// The longest consonant skeleton of a word MayHold() looks at (longer: analysed anyway).
constexpr std::size_t kMaxSkeletonBytes = 128;

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The letter a word's terms start with: ASCII lower-cased, ä, ö, ü (either case) and ß as
// the analyzer spells them (ae, oe, ue, ss); 0 if it cannot tell (any other non-ASCII
// start).
char Initial(std::string_view word) {
  if (word.empty()) return 0;
  const auto first = static_cast<unsigned char>(word[0]);
  if (first < 0x80) return static_cast<char>(first >= 'A' && first <= 'Z' ? first + 32 : first);
  if (first != 0xC3 || word.size() < 2) return 0;
  switch (static_cast<unsigned char>(word[1])) {
    case 0x84:  // Ä
    case 0xA4:  // ä
      return 'a';
    case 0x96:  // Ö
    case 0xB6:  // ö
      return 'o';
    case 0x9C:  // Ü
    case 0xBC:  // ü
      return 'u';
    case 0x9F:  // ß
      return 's';
    default:
      return 0;
  }
}

// What a byte below 0x80 adds to a consonant skeleton (SkeletonOf): a consonant
// lower-cased, a digit as it is, 0 for anything else.
constexpr std::array<char, 128> kSkeletonBytes = [] {
  std::array<char, 128> table{};
  for (char c = 'b'; c <= 'z'; ++c) {
    if (c != 'e' && c != 'i' && c != 'o' && c != 'u') {
      table[static_cast<std::size_t>(c)] = c;
      table[static_cast<std::size_t>(c - 32)] = c;
    }
  }
  for (char c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = c;
  return table;
}();

// The consonant skeleton of word, written to out (capacity bytes): its ASCII consonants
// lower-cased and its digits, ß as s, runs of one character as one; vowels (with ä, ö, ü:
// the analyzer spells them ae, oe, ue) and everything else left out. Every term the
// analyzer makes of a word, and every stem, has a skeleton inside the word's: their
// letters are the word's, spelled out, lower-cased, with linking elements and endings cut
// or vowels changed (Städte, stadt). Its length; npos for a word with another non-ASCII
// character (a ligature, a soft hyphen, a combining mark, a letter from elsewhere), whose
// terms may have other letters, or a skeleton longer than capacity.
std::size_t SkeletonOf(std::string_view word, char* out, std::size_t capacity) {
  std::size_t size = 0;
  char last = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    char add;
    if (c < 0x80) {
      add = kSkeletonBytes[c];
    } else {
      if (c != 0xC3 || i + 1 >= word.size()) return std::string_view::npos;
      switch (static_cast<unsigned char>(word[++i])) {
        case 0x84: case 0xA4: case 0x96: case 0xB6: case 0x9C: case 0xBC:  // Ä ä Ö ö Ü ü
          add = 0;
          break;
        case 0x9F:  // ß
          add = 's';
          break;
        default:
          return std::string_view::npos;
      }
    }
    if (add == 0 || add == last) continue;
    if (size == capacity) return std::string_view::npos;
    out[size++] = last = add;
  }
  return size;
}

Xapian::termcount WdfOf(const Xapian::Database& db, const std::string& term, Xapian::docid docid) {
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return 0;
  it.skip_to(docid);
  return it != db.postlist_end(term) && *it == docid ? it.get_wdf() : 0;
}

}  // namespace

struct Snippeter::Window {
  Xapian::termpos first = 0;
  Xapian::termpos last = 0;
};

// Collects the tokens of analysed pieces of the text that match the query, with their
// bytes and positions made absolute.
class Snippeter::MatchSink : public analyzers::TokenSink {
 public:
  struct Match {
    ByteRange bytes;
    Xapian::termpos position;
  };

  // hits: the positions of the query's terms in the document, if known.
  MatchSink(const Snippeter& snippeter, Xapian::termpos first_position,
            const HitList* hits = nullptr)
      : snippeter_(snippeter),
        hits_(hits),
        first_position_(first_position),
        next_position_(first_position) {}

  // Analyses text from at (a word start after white space, or 0) to the first white
  // space after kPieceBytes, or to stop (a word end before white space) if that is
  // sooner; returns where it stopped.
  std::size_t AnalyzePiece(LazyText& text, std::size_t at,
                           std::size_t stop = std::numeric_limits<std::size_t>::max()) {
    const TextSpan span = text.Span(std::min(stop, at + kMaxPieceBytes + 1));
    std::size_t end = std::min(span.size(), at + kPieceBytes);
    while (end < span.size() && end < at + kMaxPieceBytes && !IsAsciiSpace(span[end])) ++end;
    while (end > at + 1 && end < span.size() && IsContinuationByte(span[end])) --end;
    end = std::min(end, stop);
    if (end <= at) return std::max(at + 1, std::min(span.size(), stop));
    offset_ = at;
    position_ = next_position_;
    snippeter_.analyzer_.Analyze(span.Substr(at, end - at), *this);
    return end;
  }

  void OnToken(const analyzers::Token& token) override {
    const Xapian::termpos position = position_ + token.position;
    next_position_ = std::max(next_position_, position + 1);
    if (snippeter_.GroupOf(token) < 0) return;
    matches_.push_back({{offset_ + token.start, offset_ + token.end}, position});
  }

  // False if no token of the bytes just before the first analysed one (or just after the
  // last) can match: no hit lies within the positions they can hold (a position takes at
  // least two bytes: a word character and a separator; two more for slack). Without
  // hits (the fallback; positions past a list's bound) anything may match.
  bool MayMatchBefore(std::size_t bytes) const {
    const auto words = static_cast<Xapian::termpos>(bytes / 2 + 2);
    return MayMatch(first_position_ > words ? first_position_ - words : 0, first_position_);
  }
  bool MayMatchAfter(std::size_t bytes) const {
    return MayMatch(next_position_, next_position_ + static_cast<Xapian::termpos>(bytes / 2 + 2));
  }

  Xapian::termpos next_position() const { return next_position_; }
  const std::vector<Match>& matches() const { return matches_; }

 private:
  bool MayMatch(Xapian::termpos from, Xapian::termpos to) const {
    if (hits_ == nullptr || to > hits_->known_until) return true;
    auto it = std::lower_bound(
        hits_->hits.begin(), hits_->hits.end(), from,
        [](const Hit& hit, Xapian::termpos position) { return hit.position < position; });
    return it != hits_->hits.end() && it->position <= to;
  }

  const Snippeter& snippeter_;
  const HitList* hits_;
  Xapian::termpos first_position_;
  std::vector<Match> matches_;
  std::size_t offset_ = 0;
  Xapian::termpos position_ = 0;
  Xapian::termpos next_position_;
};

// Marks the words of a passage by their word spans (schema::WordSpan), read per text chunk
// as needed: a word at a position of the query's terms that Hits() read; a compound
// (parts, or a hyphenated compound's joined form) is analysed alone (once per request and
// word), to mark only what the query matched in it — a part matches away from the hits
// too; so is any other word that may be an inflected form of a query word (MayMatchAlone):
// Hits() reads the inflected forms' positions only when it must.
class Snippeter::SpanMarker {
 public:
  SpanMarker(const Snippeter& snippeter, LazyText& text, std::size_t chunk_count,
             const HitList& hits)
      : snippeter_(snippeter), text_(text), chunks_(chunk_count), hits_(hits) {}

  // The reader of the spans of the words starting in chunk k (nullptr past the last chunk).
  schema::SpanReader* Chunk(std::size_t k) {
    if (k >= chunks_.size()) return nullptr;
    if (!chunks_[k]) chunks_[k].emplace(text_.WordChunk(k), k);
    return &*chunks_[k];
  }

  // The span of position, looked for from chunk k on (nullptr if it has none).
  const schema::WordSpan* Find(Xapian::termpos position, std::size_t k) {
    for (; k < chunks_.size(); ++k) {
      schema::SpanReader& reader = *Chunk(k);
      reader.ReadThroughPosition(position);
      const auto& spans = reader.spans();
      if (spans.empty()) continue;
      if (spans.front().position > position) return nullptr;
      auto it = std::lower_bound(
          spans.begin(), spans.end(), position,
          [](const schema::WordSpan& span, Xapian::termpos p) { return span.position < p; });
      if (it != spans.end()) return it->position == position ? &*it : nullptr;
    }
    return nullptr;
  }

  void Mark(LazyText& text, ByteRange passage, std::vector<ByteRange>& marks) {
    // Holds the first two bytes of every word starting in the passage (MayMatchAlone).
    const TextSpan bytes = text.Span(passage.end + 2);
    const std::size_t last = (passage.end + schema::kTextChunkBytes - 1) / schema::kTextChunkBytes;
    for (std::size_t k = passage.begin / schema::kTextChunkBytes; k < last; ++k) {
      schema::SpanReader* reader = Chunk(k);
      if (reader == nullptr) break;
      // Spans are in the order of their starts: those after the passage need no decoding.
      reader->ReadThroughStart(passage.end);
      for (const schema::WordSpan& span : reader->spans()) {
        if (span.end <= passage.begin || span.start >= passage.end) continue;
        if (!span.compound && IsHit(span.position)) {
          marks.push_back({span.start, span.end});
        } else if (span.compound || snippeter_.MayMatchAlone(bytes, span)) {
          for (const auto& [begin, end] : snippeter_.WordMatches(text, span)) {
            marks.push_back({span.start + begin, span.start + end});
          }
        }
      }
    }
  }

 private:
  bool IsHit(Xapian::termpos position) const {
    auto it = std::lower_bound(hits_.hits.begin(), hits_.hits.end(), position,
                               [](const Hit& hit, Xapian::termpos p) { return hit.position < p; });
    return it != hits_.hits.end() && it->position == position;
  }

  const Snippeter& snippeter_;
  LazyText& text_;
  std::vector<std::optional<schema::SpanReader>> chunks_;
  const HitList& hits_;
};

const Snippeter::RelativeMatches& Snippeter::WordMatches(LazyText& text,
                                                         const schema::WordSpan& span) const {
  const TextSpan bytes = text.Span(span.end);
  const std::string_view word = bytes.Substr(span.start, span.end - span.start);
  if (!MayHold(word)) {
    static const RelativeMatches kNone;
    return kNone;
  }
  auto [it, added] = word_matches_.try_emplace(std::string(word));
  if (!added) return it->second;
  if (options_.analyses != nullptr && word.size() <= kPieceBytes) {
    // The tokens AnalyzePiece would find: a word this short is analysed whole there too.
    for (const analyzers::Token& token : *options_.analyses->Of(word)) {
      if (GroupOf(token) >= 0) it->second.emplace_back(token.start, token.end);
    }
    return it->second;
  }
  MatchSink sink(*this, span.position);
  sink.AnalyzePiece(text, span.start, span.end);
  for (const MatchSink::Match& match : sink.matches()) {
    it->second.emplace_back(match.bytes.begin - span.start, match.bytes.end - span.start);
  }
  return it->second;
}

Snippeter::Snippeter(const analyzers::Analyzer& analyzer, const Xapian::Query& query,
                     Options options)
    : analyzer_(analyzer), options_(options) {
  std::vector<std::string> exact;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    const std::string term = *it;
    if (term.size() < 2 && (term.empty() || IsUpper(term[0]))) continue;
    // Z<stem>, ZS<stem>, S<exact>, <exact>; other upper-case prefixes are not words.
    const std::size_t field = term[0] == 'Z' && term[1] == 'S' ? 2 : 1;
    if (term.compare(0, schema::kPartPrefix.size(), schema::kPartPrefix) == 0 &&
        term.size() > schema::kPartPrefix.size() && !IsUpper(term[schema::kPartPrefix.size()])) {
      continue;  // a part term: compounds are analysed for their parts
    } else if (term[0] == 'Z' && term.size() > field && !IsUpper(term[field])) {
      stem_groups_.emplace(term.substr(field), static_cast<int>(stem_groups_.size()));
    } else if (term[0] == 'S' && !IsUpper(term[1])) {
      exact.push_back(term.substr(1));
    } else if (!IsUpper(term[0])) {
      exact.push_back(term);
    }
  }
  group_count_ = static_cast<int>(stem_groups_.size());
  // An exact term joins the word of its stem, so Bürger and Bürgern count as one word.
  for (const std::string& term : exact) {
    if (exact_groups_.count(term) != 0) continue;
    std::shared_ptr<const std::vector<analyzers::Token>> cached;
    std::vector<analyzers::Token> computed;
    if (options_.analyses != nullptr) {
      cached = options_.analyses->Of(term);
    } else {
      computed = analyzer_.Analyze(term);
    }
    const std::vector<analyzers::Token>& tokens = cached ? *cached : computed;
    auto stem = tokens.empty() ? stem_groups_.end() : stem_groups_.find(tokens.front().stem);
    exact_groups_.emplace(term, stem != stem_groups_.end() ? stem->second : group_count_++);
  }
  // What a word must look like to be analysed for an inflected form (MayMatchAlone).
  for (const auto& [stem, group] : stem_groups_)
    stem_shapes_.emplace_back(Initial(stem), stem.size());
  // What any word holding a query word holds (MayHold).
  for (const auto* groups : {&exact_groups_, &stem_groups_}) {
    for (const auto& [term, group] : *groups) {
      std::string skeleton(term.size(), '\0');
      const std::size_t size = SkeletonOf(term, skeleton.data(), skeleton.size());
      if (size == std::string_view::npos) {
        skeletons_.reset();  // a term of other letters: every word may hold it
        return;
      }
      skeleton.resize(size);
      skeletons_->push_back(std::move(skeleton));
    }
  }
}

bool Snippeter::MayHold(std::string_view word) const {
  if (!skeletons_) return true;
  char buffer[kMaxSkeletonBytes];
  const std::size_t size = SkeletonOf(word, buffer, sizeof buffer);
  if (size == std::string_view::npos) return true;
  const std::string_view skeleton(buffer, size);
  for (const std::string& query : *skeletons_) {
    if (skeleton.find(query) != std::string_view::npos) return true;
  }
  return false;
}

bool Snippeter::MayMatchAlone(const TextSpan& text, const schema::WordSpan& span) const {
  // The word starts like a stem of the query and is about as long: a stem is shorter than
  // its words, by up to ~10 suffix letters; allow a few bytes more (a soft hyphen, say) and
  // two fewer (an umlaut the stem spells with one letter).
  const std::size_t length = span.end - span.start;
  int initial = -1;  // not looked at yet
  for (const auto& [stem_initial, stem_length] : stem_shapes_) {
    if (length + 2 < stem_length || length > stem_length + kMaxSuffixBytes) continue;
    if (initial == -1) {
      initial = span.start < text.base || span.start >= text.size()
                    ? 0  // cannot tell
                    : Initial(text.Substr(span.start,
                                          std::min<std::size_t>(2, text.size() - span.start)));
    }
    if (initial == 0 || stem_initial == 0 || initial == stem_initial) return true;
  }
  return false;
}

int Snippeter::GroupOf(const analyzers::Token& token) const {
  if (auto it = exact_groups_.find(token.text); it != exact_groups_.end()) return it->second;
  if (token.stem.empty()) return -1;
  auto it = stem_groups_.find(token.stem);
  return it != stem_groups_.end() ? it->second : -1;
}

const std::vector<std::pair<std::string, int>>& Snippeter::Expanded(
    const Xapian::Database& db) const {
  if (expanded_) return *expanded_;
  expanded_.emplace();
  for (const auto& [stem, group] : stem_groups_) {
    std::shared_ptr<const std::vector<std::string>> cached;
    std::vector<std::string> computed;
    const std::vector<std::string>* terms = &computed;
    if (options_.expansions != nullptr) {
      cached = options_.expansions->Of(db, stem);
      terms = cached.get();
    } else {
      computed = StemExpansions::Compute(analyzer_, db, stem);
    }
    for (const std::string& term : *terms) {
      if (exact_groups_.count(term) == 0) expanded_->emplace_back(term, group);
    }
  }
  return *expanded_;
}

const std::vector<std::pair<std::string, int>>& Snippeter::Terms(const Xapian::Database& db) const {
  if (terms_) return *terms_;
  terms_.emplace(exact_groups_.begin(), exact_groups_.end());
  const auto& expanded = Expanded(db);
  terms_->insert(terms_->end(), expanded.begin(), expanded.end());
  return *terms_;
}

void Snippeter::Prepare(const Xapian::Database& database,
                        const std::vector<Xapian::docid>& docids) {
  if (options_.documents == nullptr) return;
  const auto& terms = Terms(database);
  for (Xapian::docid docid : docids) holds_[docid].assign(terms.size(), false);
  const IndexRevision revision = IndexRevision::Of(database);
  for (std::size_t t = 0; t < terms.size(); ++t) {
    const auto holding = options_.documents->OfTerm(revision, database, terms[t].first);
    for (Xapian::docid docid : docids) {
      if (std::binary_search(holding->begin(), holding->end(), docid)) holds_[docid][t] = true;
    }
  }
}

Snippeter::HitList Snippeter::Hits(const Xapian::Database& db, Xapian::docid docid,
                                   Xapian::termpos text_start, bool exact_first) const {
  const auto& terms = Terms(db);
  const auto held = holds_.find(docid);
  auto holds = [&](std::size_t t) { return held == holds_.end() || held->second[t]; };
  // Terms() lists the exact terms first, then the inflected forms of Expanded().
  const std::size_t exact = exact_groups_.size();
  if (exact_first) {
    // Most hits hold every query word as typed, near each other: then the window is found
    // without the inflected forms' position lists (a stem expands to up to a dozen terms,
    // each list two block reads), and the passage's inflected forms are marked by
    // analysis (SpanMarker). Otherwise a window of inflected forms may hold more words.
    HitList list = MergedHits(db, docid, text_start, 0, exact, holds);
    if (list.whole) return list;
    // Without a whole window, list holds every position of the exact terms (to their
    // bounds): the inflected forms' are merged in.
    return MergedHits(db, docid, text_start, exact, terms.size(), holds, &list);
  }
  return MergedHits(db, docid, text_start, 0, terms.size(), holds);
}

template <typename Holds>
Snippeter::HitList Snippeter::MergedHits(const Xapian::Database& db, Xapian::docid docid,
                                         Xapian::termpos text_start, std::size_t from,
                                         std::size_t to, const Holds& holds, HitList* base) const {
  // Each term's positions from text_start on (before: the title's copy in the body field).
  auto& lists = merge_.lists;  // reused: a page's hits merge one after the other
  lists.clear();
  const auto& terms = Terms(db);
  for (std::size_t t = from; t < to; ++t) {
    if (!holds(t)) continue;
    Xapian::PositionIterator it = db.positionlist_begin(docid, terms[t].first);
    if (it == Xapian::PositionIterator()) continue;
    it.skip_to(text_start);
    if (it != Xapian::PositionIterator()) lists.emplace_back(std::move(it), terms[t].second);
  }
  HitList list;
  if (lists.empty()) return base != nullptr ? std::move(*base) : list;
  list.hits.reserve(64);
  // base's hits are a list of their own, read already.
  std::size_t from_base = 0;
  const std::size_t in_base = base != nullptr ? base->hits.size() : 0;
  if (base != nullptr) list.known_until = base->known_until;
  // The lists merged in position order. BestWindow() picks the earliest window holding the
  // most distinct query words, so once a window holds all of them, later positions cannot
  // change it: only those a passage around it can show are still read (a big law has
  // thousands of a common word's positions, and decoding each costs).
  const Xapian::termpos width = WindowWidth();
  auto& counts = merge_.counts;
  counts.assign(static_cast<std::size_t>(group_count_), 0);
  auto& read = merge_.read;
  read.assign(lists.size(), 0);
  int distinct = 0;
  std::size_t left = 0;
  Xapian::termpos limit = std::numeric_limits<Xapian::termpos>::max();
  while (true) {
    std::size_t next = lists.size();
    for (std::size_t l = 0; l < lists.size(); ++l) {
      if (lists[l].first == Xapian::PositionIterator()) continue;
      if (next == lists.size() || *lists[l].first < *lists[next].first) next = l;
    }
    const bool take_base =
        from_base < in_base &&
        (next == lists.size() || base->hits[from_base].position < *lists[next].first);
    if (take_base) {
      if (base->hits[from_base].position > limit) break;
      list.hits.push_back(base->hits[from_base++]);
    } else {
      if (next == lists.size() || *lists[next].first > limit) break;
      auto& [it, group] = lists[next];
      list.hits.push_back({*it, group});
      ++it;
      if (++read[next] == kMaxPositionsPerTerm && it != Xapian::PositionIterator()) {
        // Cut at its bound: beyond here, this term's hits are unknown.
        list.known_until = std::min(list.known_until, *it - 1);
        it = Xapian::PositionIterator();
      }
    }
    if (limit != std::numeric_limits<Xapian::termpos>::max()) continue;
    const Hit& right = list.hits.back();
    if (counts[static_cast<std::size_t>(right.group)]++ == 0) ++distinct;
    while (right.position - list.hits[left].position >= width) {
      if (--counts[static_cast<std::size_t>(list.hits[left++].group)] == 0) --distinct;
    }
    if (distinct == group_count_) {
      list.whole = true;
      limit = right.position + static_cast<Xapian::termpos>(2 * options_.max_bytes);
      list.known_until = std::min(list.known_until, limit);
    }
  }
  return list;
}

Xapian::termpos Snippeter::WindowWidth() const {
  return static_cast<Xapian::termpos>(
      std::max<std::size_t>(4, options_.max_bytes / kBytesPerPosition));
}

Snippeter::Window Snippeter::BestWindow(const std::vector<Hit>& hits) const {
  const Xapian::termpos width = WindowWidth();
  std::vector<int> counts(static_cast<std::size_t>(group_count_), 0);
  int distinct = 0;
  int best = 0;
  Window window;
  for (std::size_t left = 0, right = 0; right < hits.size(); ++right) {
    if (counts[static_cast<std::size_t>(hits[right].group)]++ == 0) ++distinct;
    while (hits[right].position - hits[left].position >= width) {
      if (--counts[static_cast<std::size_t>(hits[left++].group)] == 0) --distinct;
    }
    if (distinct > best) {
      best = distinct;
      window = {hits[left].position, hits[right].position};
    }
  }
  return window;
}

bool Snippeter::StemsInText(const Xapian::Database& db, Xapian::docid docid) const {
  // The title is indexed in the body field too, kTitleWeight times its title-field wdf.
  for (const auto& [stem, group] : stem_groups_) {
    const Xapian::termcount body = WdfOf(db, schema::StemTerm(schema::kBody, stem), docid);
    const Xapian::termcount title = WdfOf(db, schema::StemTerm(schema::kTitle, stem), docid);
    if (body > schema::kTitleWeight * title) return true;
  }
  return false;
}

std::string Snippeter::Around(LazyText& text, const schema::Anchor& anchor, const Window& window,
                              const HitList& hits) const {
  // The passage may start up to max_bytes before the anchor.
  text.StartNear(anchor.offset > options_.max_bytes ? anchor.offset - options_.max_bytes : 0);
  MatchSink sink(*this, anchor.position, &hits);
  std::size_t analysed = anchor.offset;
  const std::size_t limit = anchor.offset + kMaxAroundBytes + options_.max_bytes;
  while (sink.next_position() <= window.last && analysed < limit &&
         analysed < text.Span(analysed + 1).size()) {
    analysed = sink.AnalyzePiece(text, analysed);
  }
  // The matches of the window; positions can drift if the text defeats the anchors'
  // assumption, then any match found will do.
  ByteRange cluster{anchor.offset, anchor.offset};
  bool found = false;
  for (const MatchSink::Match& match : sink.matches()) {
    if (match.position < window.first || match.position > window.last) continue;
    if (!found) cluster.begin = match.bytes.begin;
    cluster.end = std::max(cluster.end, match.bytes.end);
    found = true;
  }
  if (!found && !sink.matches().empty()) cluster = sink.matches().front().bytes;
  return Finish(text, &sink, {anchor.offset, analysed}, cluster);
}

std::string Snippeter::FromSpans(LazyText& text, const std::vector<Xapian::termpos>& chunk_starts,
                                 const Window& window, const HitList& hits) const {
  SpanMarker marker(*this, text, chunk_starts.size(), hits);
  // The chunk holding the window's first word: the last one starting at or before it.
  auto after = std::upper_bound(chunk_starts.begin(), chunk_starts.end(), window.first);
  const std::size_t k = after == chunk_starts.begin()
                            ? 0
                            : static_cast<std::size_t>(after - chunk_starts.begin()) - 1;
  const schema::WordSpan* first = marker.Find(window.first, k);
  const schema::WordSpan* last = marker.Find(window.last, k);
  if (first == nullptr) return FirstMatch(text);  // spans that do not fit the positions
  const ByteRange cluster{first->start, last != nullptr ? last->end : first->end};
  // The passage may start up to max_bytes before the cluster.
  text.StartNear(cluster.begin > options_.max_bytes ? cluster.begin - options_.max_bytes : 0);
  return Finish(text, nullptr, cluster, cluster, &marker);
}

std::string Snippeter::FirstMatch(LazyText& text) const {
  MatchSink sink(*this, 0);
  std::size_t analysed = 0;
  while (sink.matches().empty() && analysed < kFallbackBytes &&
         analysed < text.Span(analysed + 1).size()) {
    analysed = sink.AnalyzePiece(text, analysed);
  }
  if (sink.matches().empty()) return TextStart(text);
  return Finish(text, &sink, {0, analysed}, sink.matches().front().bytes);
}

std::string Snippeter::TextStart(LazyText& text) const {
  const std::size_t start = text.Span(options_.max_bytes + 1024).FirstNonSpace(0);
  return Finish(text, nullptr, {start, start}, {start, start});
}

std::string Snippeter::Finish(LazyText& text, MatchSink* sink, ByteRange analysed,
                              ByteRange cluster, SpanMarker* spans) const {
  const std::size_t slack = options_.max_bytes + 64;  // PassageBounds looks one byte past
  Passage passage;
  passage.bytes = PassageBounds(text.Span(cluster.begin + slack), cluster, options_.max_bytes);
  if (sink != nullptr) {
    // Analyse what the passage holds beyond what was analysed, if a hit may lie there:
    // before the anchor (both ends are word starts after white space) and up to its end.
    if (passage.bytes.begin < analysed.begin &&
        sink->MayMatchBefore(analysed.begin - passage.bytes.begin)) {
      for (std::size_t at = passage.bytes.begin; at < analysed.begin;) {
        at = sink->AnalyzePiece(text, at, analysed.begin);
      }
    }
    const bool after =
        analysed.end < passage.bytes.end && sink->MayMatchAfter(passage.bytes.end - analysed.end);
    for (std::size_t at = analysed.end; after && at < passage.bytes.end;) {
      at = sink->AnalyzePiece(text, at, passage.bytes.end);
    }
    for (const MatchSink::Match& match : sink->matches()) passage.marks.push_back(match.bytes);
  } else if (spans != nullptr) {
    spans->Mark(text, passage.bytes, passage.marks);
  }
  // Whether text follows the passage: inflate a little past its end, more only while
  // that is all white space.
  std::size_t look = passage.bytes.end + 16;
  TextSpan span = text.Span(look);
  while (span.size() >= look && span.FirstNonSpace(passage.bytes.end) == span.size()) {
    look += 4 * (look - passage.bytes.end);
    span = text.Span(look);
  }
  passage.cut_before = span.base > 0 || span.FirstNonSpace(0) < passage.bytes.begin;
  passage.cut_after = span.FirstNonSpace(passage.bytes.end) < span.size();
  return RenderPassage(span, passage);
}

std::string Snippeter::Make(const Xapian::Database& database, Xapian::docid docid) const {
  return Make(
      database, docid,
      database.get_document(docid, Xapian::DOC_ASSUME_VALID).get_value(schema::kChunkStartsSlot));
}

std::string Snippeter::Make(const Xapian::Database& database, Xapian::docid docid,
                            std::string_view chunk_starts) const {
  const Xapian::Document document = database.get_document(docid, Xapian::DOC_ASSUME_VALID);
  LazyText text(document, !chunk_starts.empty());
  if (exact_groups_.empty() && stem_groups_.empty()) return text.Empty() ? "" : TextStart(text);
  if (!chunk_starts.empty()) {
    const std::vector<Xapian::termpos> starts = schema::DecodeChunkStarts(chunk_starts);
    const HitList hits = Hits(database, docid, starts.front(), true);
    if (!hits.hits.empty()) return FromSpans(text, starts, BestWindow(hits.hits), hits);
    if (!StemsInText(database, docid)) return text.Empty() ? "" : TextStart(text);
    return text.Empty() ? "" : FirstMatch(text);
  }
  const std::string encoded_anchors = document.get_value(schema::kAnchorSlot);
  const std::vector<schema::Anchor> first = schema::DecodeAnchors(encoded_anchors, 0);
  if (!first.empty()) {
    const HitList hits = Hits(database, docid, first.front().position, false);
    if (!hits.hits.empty()) {
      const Window window = BestWindow(hits.hits);
      const std::vector<schema::Anchor> anchors =
          schema::DecodeAnchors(encoded_anchors, window.first);
      auto after = std::upper_bound(
          anchors.begin(), anchors.end(), window.first,
          [](Xapian::termpos position, const schema::Anchor& a) { return position < a.position; });
      return Around(text, *std::prev(after), window, hits);
    }
    if (!StemsInText(database, docid)) return text.Empty() ? "" : TextStart(text);
  }
  return text.Empty() ? "" : FirstMatch(text);
}

}  // namespace lupe::search
