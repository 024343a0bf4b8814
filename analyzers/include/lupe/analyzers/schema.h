#pragma once

#include <xapian.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lupe::analyzers {

// How analysed text is stored as Xapian terms: defined once here and used by the
// indexer (TermWriter) and by searchd (QueryBuilder), so the two cannot drift apart.
//
//   exact term:  <field prefix><token text>        with positions   "strategien", "Sulm"
//   stem term:   Z<field prefix><token stem>       without positions "Zstrategi", "ZSulm"
//   part term:   XD<field prefix><part stem>       without positions "XDentwickl"
//
// Every token yields an exact and a stem term (numeric tokens only the exact term).
// Variants (joined compounds, gender bases, completed words) are terms like any other at
// the position of their word. Compound parts (kDecompoundPart) yield only a part term,
// so a query word can match them apart from, and weighted below, whole words.
struct TextField {
  std::string_view name;
  std::string_view prefix;  // Xapian term prefix: empty or upper-case letters
};

namespace schema {

inline constexpr TextField kBody{"body", ""};
inline constexpr TextField kTitle{"title", "S"};

inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kIdPrefix = "Q";     // Q<document id>: one per document
inline constexpr std::string_view kPathPrefix = "XP";  // XP<source file path>: one per document
inline constexpr std::string_view kPartPrefix = "XD";  // XD<field prefix><stem of a part>

// Value slots with a fixed meaning; facets use slots from kFirstFacetSlot on.
inline constexpr Xapian::valueno kDateSlot = 0;     // sortable_serialise(YYYYMMDD), 0 = none
inline constexpr Xapian::valueno kHashSlot = 1;     // content hash of document + sidecar
inline constexpr Xapian::valueno kStampSlot = 2;    // "size:mtime" of document and sidecar
inline constexpr Xapian::valueno kAnchorSlot = 3;   // EncodeAnchors() of the text's anchors
inline constexpr Xapian::valueno kRestartSlot = 4;  // EncodeRestarts(): inflate from the middle
inline constexpr Xapian::valueno kFieldsSlot = 5;   // the stored fields (JSON), see StoredFields
inline constexpr Xapian::valueno kHitSlot = 6;      // EncodeHitFields(): what a hit list shows
inline constexpr Xapian::valueno kChunkStartsSlot = 7;  // PackWordChunks(): chunks' first words
inline constexpr Xapian::valueno kFirstFacetSlot = 10;
// The text's chunks (TextChunks below): chunk k in slot kFirstTextSlot + k; facets stay below.
inline constexpr Xapian::valueno kFirstTextSlot = 1000;
// Word chunk k (PackWordChunks below: text and word spans) in slot kFirstWordChunkSlot + k.
inline constexpr Xapian::valueno kFirstWordChunkSlot = 1u << 20;

// Index metadata keys.
inline constexpr const char* kFingerprintKey = "lupe.analyzer";
inline constexpr const char* kFacetsKey = "lupe.facets";
inline constexpr const char* kLastCommitKey = "lupe.last_commit";
// "lupe.spelling:<exact body term>" = the word as the documents spell it, in lower case,
// where that differs from the term (umlauts, ß, hyphens, gender signs):
// "lupe.spelling:mobilitaetsstrategie" = "mobilitätsstrategie". Written by the indexer,
// read by searchd to show suggestions as people write them.
inline constexpr std::string_view kSpellingKeyPrefix = "lupe.spelling:";

// Within-document weight of a title occurrence relative to one in the body.
inline constexpr Xapian::termcount kTitleWeight = 5;

inline std::string ExactTerm(const TextField& field, std::string_view text) {
  std::string term(field.prefix);
  term += text;
  return term;
}

inline std::string PartTerm(const TextField& field, std::string_view stem) {
  std::string term(kPartPrefix);
  term += field.prefix;
  term += stem;
  return term;
}

inline std::string StemTerm(const TextField& field, std::string_view stem) {
  std::string term(kStemPrefix);
  term += field.prefix;
  term += stem;
  return term;
}

// Document data: the stored fields as a JSON object, a NUL byte, then the document text
// zlib-compressed. Hit lists read the fields without touching the text; the indexer's
// workers compress the text in parallel, so the single writer does not (Xapian would
// otherwise zlib the whole data in the writer). The compressor is flushed fully (its
// dictionary reset) every kRestartSpacing bytes of text, so inflating can start there
// (snippets deep in large texts); if restarts is given, those points are appended to it.
struct Restart {
  std::uint32_t text_offset = 0;    // of the text
  std::uint32_t packed_offset = 0;  // of the zlib stream (after the NUL): raw deflate data
  bool operator==(const Restart&) const = default;
};
inline constexpr std::uint32_t kRestartSpacing = 16 << 10;  // costs ~10 % in size (laws)
std::string PackData(std::string_view fields_json, std::string_view text,
                     std::vector<Restart>* restarts = nullptr);
// kRestartSlot's value: the offset deltas as varints, like EncodeAnchors.
std::string EncodeRestarts(const std::vector<Restart>& restarts);
std::vector<Restart> DecodeRestarts(std::string_view encoded);
// The parts of data; throws lupe::Error(kInternal) if the text does not inflate.
struct DocumentData {
  std::string fields_json;
  std::string text;
};
DocumentData UnpackData(std::string_view data);
// Text chunks: how indexes of sessions 3-4 stored the text (PackData's text part then stays
// empty); the indexer now writes word chunks (PackWordChunks below), and tests write text
// chunks to check that searchd still serves such indexes. The text is cut every
// kTextChunkBytes bytes (even inside a UTF-8 sequence: the chunks
// concatenate to the exact text) and each piece is raw-deflated on its own (libdeflate,
// level 1; no header or checksum; zlib inflates it), chunk k into value slot
// kFirstTextSlot + k. A snippet reads and inflates only the chunk holding its passage (a few
// KB) instead of the whole record; glass stores values uncompressed in the postlist table
// (docs/schema.md).
inline constexpr std::uint32_t kTextChunkBytes = 2 << 10;
std::vector<std::string> PackTextChunks(std::string_view text);
// Appends the text of one chunk to out. Throws lupe::Error(kInternal) if it does not inflate.
void InflateTextChunk(std::string_view chunk, std::string& out);
// The whole text of a stored document: its word chunks, its text chunks, or in indexes
// written before them the text part of its data (UnpackData). Throws lupe::Error(kInternal) if it
// does not inflate.
std::string DocumentText(const Xapian::Document& document);
// Only the fields, without inflating the text.
std::string_view FieldsOf(std::string_view data);
// The stored fields of a document as a JSON object. The indexer keeps them in kFieldsSlot
// (and PackData's fields part empty): a hit list then reads a few hundred bytes of value
// stream per hit instead of the whole record with the text (the laws: up to megabytes).
// Indexes written before fall back to the fields part of the data.
std::string StoredFields(const Xapian::Document& document);

// The fields a hit list shows, kept apart from the stored fields (kHitSlot) in a form that
// needs no parsing: a search request showed each hit's fields by parsing the stored-fields
// JSON, with page offsets, facets and description it does not show (a twentieth of its
// time). Indexes written before have no kHitSlot (the reader then uses StoredFields).
struct HitFields {
  // The single-valued fields, in this order; nullopt if the document has none.
  static constexpr std::array<const char*, 8> kNames = {
      "id", "title", "url", "type", "date", "state", "municipality", "publisher"};
  std::array<std::optional<std::string>, kNames.size()> values;
  std::vector<std::string> topics;
  bool operator==(const HitFields&) const = default;
};
// Per value of kNames a varint (0: none, else its length + 1) and its bytes, then the
// number of topics and each as length and bytes.
std::string EncodeHitFields(const HitFields& fields);
// Throws lupe::Error(kInternal) if encoded is not what EncodeHitFields writes.
HitFields DecodeHitFields(std::string_view encoded);

// An anchor ties a word position of the body text to its byte offset in the stored text,
// so searchd can find the bytes of a matched position without analysing the text before
// it. The indexer records one at the text's first word, then at the first word after
// kAnchorSpacing more bytes that starts after ASCII white space (analysis restarted there
// yields the same words: no compound, gender form or ICU rule links across white space).
struct Anchor {
  Xapian::termpos position = 0;  // Xapian position of the word (body field)
  std::uint32_t offset = 0;      // byte offset of the word in the text
  bool operator==(const Anchor&) const = default;
};
inline constexpr std::uint32_t kAnchorSpacing = 128;
// kAnchorSlot's value: per anchor, the position delta and the offset delta to the previous
// one (the first: to 0) as unsigned LEB128 varints; about 3 bytes per anchor.
std::string EncodeAnchors(const std::vector<Anchor>& anchors);
// The anchors of an encoded value, up to the first one at a position beyond until (a
// snippet needs only those before its window); stops at the first malformed entry.
std::vector<Anchor> DecodeAnchors(std::string_view encoded,
                                  Xapian::termpos until = ~Xapian::termpos{0});

// Word spans: where the word at each position of the body text stands in the text, so a
// snippet finds the bytes of its matched positions without analysing the text (the
// analysis was a fifth of a search request's CPU; Lucene stores offsets for the same
// reason). They replace the anchors in indexes written now. The indexer records, per
// position, the bytes its tokens cover (a word and its variants: their union) and whether
// the word is a compound: it has compound parts (kDecompoundPart) or is a hyphenated
// compound's joined form (kJoined), so a query can match a part of its bytes, and searchd
// analyses such a word alone to mark exactly what the query matched.
struct WordSpan {
  Xapian::termpos position = 0;
  std::uint32_t start = 0;  // byte offsets in the text: [start, end)
  std::uint32_t end = 0;
  bool compound = false;
  bool operator==(const WordSpan&) const = default;
};
// A text and its spans as the indexer stores them now: cut every kTextChunkBytes like
// PackTextChunks, each word chunk holding both the piece of text and the spans of the words
// that start in it, so a snippet reads one value per chunk (kFirstWordChunkSlot + k):
// a varint of the spans' size; the spans, per word the varints of its position delta (the
// first: its position), its start delta (the first: from the chunk's start) and
// 2 * length + compound, not compressed (inflating them cost a snippet more than their
// bytes, about 3 per word, cost reading); then the piece of text LZ4-compressed (a block,
// LZ4_compress_default): it decompresses 7 times faster than raw deflate inflates
// (1.4 against 10.7 µs per chunk of laws), for a third more bytes (ratio 1.63 against 2.39).
// starts goes to kChunkStartsSlot: per chunk the position of its first word (a chunk
// without one: the next chunk's; after the last word: its position + 1; a text without
// words: first_position) as varint deltas; its presence marks a document stored this way.
// spans: sorted by position, each start within the text (a start before the previous one
// is stored as the previous one). An empty text stores nothing.
struct WordChunks {
  std::string starts;
  std::vector<std::string> chunks;
};
WordChunks PackWordChunks(std::string_view text, const std::vector<WordSpan>& spans,
                          Xapian::termpos first_position);
std::vector<Xapian::termpos> DecodeChunkStarts(std::string_view encoded);
// The spans of word chunk index. Throws lupe::Error(kInternal) if it is malformed.
std::vector<WordSpan> UnpackSpans(std::string_view chunk, std::size_t index);
// The spans of word chunk index, decoded in order only as far as asked: a snippet needs
// the spans up to its passage, not all of a chunk's few hundred. Throws
// lupe::Error(kInternal) if the chunk is malformed (what is read of it). The chunk's bytes
// must outlive the reader. spans() never reallocates (room for the most spans the chunk
// can hold is reserved): pointers to decoded spans stay valid while more are read.
class SpanReader {
 public:
  SpanReader(std::string_view chunk, std::size_t index);
  // Decodes until a span at position or later, or one starting at byte start or later
  // (spans are in the order of both), has been decoded, or the chunk's spans end.
  void ReadThroughPosition(Xapian::termpos position);
  void ReadThroughStart(std::size_t start);
  void ReadAll();
  const std::vector<WordSpan>& spans() const { return spans_; }  // decoded so far
  bool done() const { return at_ >= encoded_.size(); }

 private:
  bool ReadOne();  // false at the end
  // A span with a number of more than one byte (rare; kept out of ReadOne's loop).
  [[gnu::noinline]] void ReadLong(std::uint64_t& position_delta, std::uint64_t& start_delta,
                                  std::uint64_t& length);

  std::string_view encoded_;
  std::size_t index_;
  std::size_t at_ = 0;
  std::uint64_t position_ = 0;
  std::uint64_t start_;
  std::vector<WordSpan> spans_;
};
// Appends the text of word chunk index to out: all of it, or at least its first `want`
// bytes (LZ4 stops soon after; a snippet needs a few hundred bytes of a chunk's 2 KiB).
// Returns true if all of it was appended. Throws lupe::Error(kInternal) if it is malformed.
bool AppendChunkText(std::string_view chunk, std::size_t index, std::string& out,
                     std::size_t want = kTextChunkBytes);

// A date "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the number YYYYMMDD (missing parts 0),
// the value kept in kDateSlot for sorting and ranges.
double DateNumber(std::string_view iso_date);

}  // namespace schema

// A facet: a metadata field whose values are counted and filtered on.
struct FacetSpec {
  enum class Kind { kString, kYear };
  std::string name;    // API name, e.g. "state"; lower-case letters, digits, '_'
  std::string source;  // metadata field the values come from ("state"; "date" for year)
  Kind kind = Kind::kString;
  bool multi_valued = false;  // several values per document (topic)
  Xapian::valueno slot = 0;   // the value slot holding the document's values

  // Boolean filter term of a value: "XF" + name + ":" + value.
  std::string Term(std::string_view value) const;
  std::string TermPrefix() const;
};

// The facets of a deployment, from config (see config/lupe.ini). Both the indexer and
// searchd load it; the index records it (kFacetsKey) so a mismatch is detected.
// Thread-safety: immutable; shareable.
class Schema {
 public:
  // The facets of the shipped config/lupe.ini: type, year, state, municipality,
  // publisher, topic.
  static Schema Default();
  // The config file to read: path if given, else config/lupe.ini in the working
  // directory if it exists, else "" (built-in defaults). Shared by both programs.
  static std::string ConfigPath(const std::string& path);
  // Reads the [facets] and [facet.NAME] sections of an INI file. Throws
  // lupe::Error(kConfig) naming the file, section and key on any problem.
  static Schema Load(const std::string& ini_path);
  // Validates facets (names, unique slots >= kFirstFacetSlot). Throws lupe::Error(kConfig).
  explicit Schema(std::vector<FacetSpec> facets);

  const std::vector<FacetSpec>& facets() const { return facets_; }
  const FacetSpec* Find(std::string_view name) const;
  // "name:slot:kind:multi,..." — what the index records.
  std::string Describe() const;

  // Several values in one value slot (multi-valued facets): length-prefixed.
  static std::string EncodeValues(const std::vector<std::string>& values);
  static std::vector<std::string> DecodeValues(std::string_view encoded);

 private:
  std::vector<FacetSpec> facets_;
};

}  // namespace lupe::analyzers
