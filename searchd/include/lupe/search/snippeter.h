#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/schema.h"
#include "lupe/search/match_sets.h"
#include "lupe/search/stem_expansions.h"
#include "lupe/search/word_analyses.h"

namespace lupe::search {

class LazyText;
struct ByteRange;
struct TextSpan;

// Builds the highlighted passage ("snippet") of a search hit: the best passage of the
// document's text for the query, every word the query matched wrapped in <mark>…</mark> —
// also words matched only through a variant (a search for Bürger marks Bürger*innen,
// Buerger, Bürgern) — and everything else HTML-escaped, so a client may insert it as HTML.
// An empty query (or a document the query matched only by its title) gives the beginning
// of the text, without marks.
// Thread-safety: one instance per request (it holds the query's terms); const calls only
// read the Database they are given (and fill this instance's caches: the query's terms
// with their stems' expansions, each compound's matches; so one instance must not be used
// by two threads at once).
//
// How (docs/schema.md, "Word spans and snippets"): in indexes written now, the indexer
// stored the bytes of every word position (schema::WordSpan), so Make() finds the best
// window's bytes and the passage's matched words by position without analysing the text
// (the window from the positions of the query's words as typed, those of their inflected
// forms only if those give no window with every word; analysed alone: compounds, to mark
// just the part a query matched, and words that may be inflected forms). Older indexes:
// analysing a whole hit would cost milliseconds (the analyzer runs at ~5 MB/s), so Make() reads the
// positions of the query's exact body terms in the document (stem terms have none: each is expanded
// to the index's exact terms with that stem, bounded, by StemExpansions; Prepare() finds which of a
// page's documents hold which of them), picks the window of positions holding the most distinct
// query words (ties: the earliest), finds its bytes through the anchor at or before it
// (kAnchorSlot: a (position, byte offset) pair every ~128 bytes of text), reads and inflates only
// the text chunk holding it (kFirstTextSlot + k: 2 KiB of text each) up to the passage, and
// analyses from that anchor to the window's end and, of the rest of the passage, only what can hold
// a query term's position (docs/performance.md). Without anchors (an older index) or positional
// matches it scans the first 64 KiB for the first match, or gives the text start if the query
// cannot match the text.
class Snippeter {
 public:
  struct Options {
    std::size_t max_bytes = 300;  // of passage text, before escaping and marks
    // Where stems' expansions are cached (nullptr: computed per instance).
    const StemExpansions* expansions = nullptr;
    // Where words' analyses are cached (nullptr: each compound analysed per instance).
    const WordAnalyses* analyses = nullptr;
    // The terms' document lists, which Prepare() reads (nullptr: Prepare does nothing).
    const MatchSets* documents = nullptr;
  };

  Snippeter(const analyzers::Analyzer& analyzer, const Xapian::Query& query, Options options);

  // Optional, before Make() for a page of hits: finds which of docids hold each body term
  // of the query (in its document list: Options::documents), so Make() opens position
  // lists only for the terms its document holds (a stem expands to up to a dozen terms;
  // each position list lookup that finds nothing costs as much as one that finds
  // something).
  void Prepare(const Xapian::Database& database, const std::vector<Xapian::docid>& docids);

  // The snippet of document (docid in database). "" if the document has no text.
  std::string Make(const Xapian::Database& database, Xapian::docid docid) const;
  // The same, given the document's kChunkStartsSlot value (read by the caller, say from a
  // ValueColumns column; empty: none).
  std::string Make(const Xapian::Database& database, Xapian::docid docid,
                   std::string_view chunk_starts) const;

 private:
  struct Hit {
    Xapian::termpos position;
    int group;  // the query word
  };
  // Positions of the query's body terms in a document, sorted; all of them up to
  // known_until (lists are read only as far as a snippet can need).
  struct HitList {
    std::vector<Hit> hits;
    Xapian::termpos known_until = ~Xapian::termpos{0};
    bool whole = false;  // a window holds every query word
  };
  struct Window;
  class MatchSink;
  class SpanMarker;

  int GroupOf(const analyzers::Token& token) const;  // -1: no word of the query
  const std::vector<std::pair<std::string, int>>& Expanded(const Xapian::Database& db) const;
  // The exact body terms of the query and Expanded(), with their query word.
  const std::vector<std::pair<std::string, int>>& Terms(const Xapian::Database& db) const;
  // The hits of the document's text (from text_start). exact_first: from the exact terms'
  // positions alone if they give a window with every query word (the passage is then
  // marked through spans, which finds its inflected forms by analysis).
  HitList Hits(const Xapian::Database& db, Xapian::docid docid, Xapian::termpos text_start,
               bool exact_first) const;
  // The hits of Terms()[from, to) that holds(t) allows, merged with base's (if given:
  // hits of other terms, read whole; taken if there is nothing to merge).
  template <typename Holds>
  HitList MergedHits(const Xapian::Database& db, Xapian::docid docid, Xapian::termpos text_start,
                     std::size_t from, std::size_t to, const Holds& holds,
                     HitList* base = nullptr) const;
  Window BestWindow(const std::vector<Hit>& hits) const;
  Xapian::termpos WindowWidth() const;  // in positions
  bool StemsInText(const Xapian::Database& db, Xapian::docid docid) const;
  std::string Around(LazyText& text, const analyzers::schema::Anchor& anchor, const Window& window,
                     const HitList& hits) const;
  // Documents with word spans (schema::WordSpan; chunk_starts: their kChunkStartsSlot).
  std::string FromSpans(LazyText& text, const std::vector<Xapian::termpos>& chunk_starts,
                        const Window& window, const HitList& hits) const;
  std::string FirstMatch(LazyText& text) const;
  std::string TextStart(LazyText& text) const;
  // The passage around cluster, marked by what sink matched (and its analysis of the
  // passage's rest) or by spans.
  std::string Finish(LazyText& text, MatchSink* sink, ByteRange analysed, ByteRange cluster,
                     SpanMarker* spans = nullptr) const;

  const analyzers::Analyzer& analyzer_;
  Options options_;
  std::unordered_map<std::string, int> exact_groups_;  // exact body term -> query word
  std::unordered_map<std::string, int> stem_groups_;   // stem -> query word
  int group_count_ = 0;
  // Exact body terms of the index with a stem of the query, with its word: filled by the
  // first Make() (the Database is the same for all calls of a request).
  mutable std::optional<std::vector<std::pair<std::string, int>>> expanded_;
  mutable std::optional<std::vector<std::pair<std::string, int>>> terms_;
  // The matches in a word analysed alone, a compound say (bytes relative to its start), by
  // its text: a page's passages share many words, and analysing one costs thousands of
  // instructions.
  using RelativeMatches = std::vector<std::pair<std::size_t, std::size_t>>;  // [begin, end)
  const RelativeMatches& WordMatches(LazyText& text, const analyzers::schema::WordSpan& span) const;
  mutable std::unordered_map<std::string, RelativeMatches> word_matches_;
  // Whether the word of span may match the query alone (through its stem) although no
  // position of it was read: it starts like a stem of the query and is about as long.
  // Cheaper than WordMatches(), which says for sure.
  // text: holds the span's first two bytes.
  bool MayMatchAlone(const TextSpan& text, const analyzers::schema::WordSpan& span) const;
  // Per stem of the query: its Initial() and length.
  std::vector<std::pair<char, std::size_t>> stem_shapes_;
  // Whether word may hold a term or stem of the query, as a part (a compound) or whole (an
  // inflected form): false if no query term's consonant skeleton is inside the word's
  // (SkeletonOf in snippeter.cpp), so that WordMatches() need not analyse it. Cheaper
  // than the lookups of an analysis; most compounds of a passage hold no query word.
  bool MayHold(std::string_view word) const;
  // The skeletons of the query's exact terms and stems; none: every word may hold one.
  std::optional<std::vector<std::string>> skeletons_ = std::vector<std::string>();
  // MergedHits()'s working memory, kept from one hit to the next.
  struct MergeBuffers {
    std::vector<std::pair<Xapian::PositionIterator, int>> lists;
    std::vector<int> counts;
    std::vector<std::size_t> read;
  };
  mutable MergeBuffers merge_;
  // Prepare()'s finding: per document, per entry of Terms(), whether the document holds it.
  std::unordered_map<Xapian::docid, std::vector<bool>> holds_;
};

}  // namespace lupe::search
