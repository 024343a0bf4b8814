// The index schema shared by indexer and searchd: facets from config, value encodings,
// document data.
#include "lupe/analyzers/schema.h"

#include <zlib.h>

#include <catch2/catch.hpp>

#include "lupe/analyzers/error.h"
#include "support/temp_dir.h"

using lupe::analyzers::FacetSpec;
using lupe::analyzers::Schema;
namespace schema = lupe::analyzers::schema;
using Kind = FacetSpec::Kind;

TEST_CASE("the shipped config/lupe.ini defines the default facets") {
  const Schema loaded = Schema::Load(std::string(LUPE_SOURCE_DIR) + "/config/lupe.ini");
  CHECK(loaded.Describe() == Schema::Default().Describe());
  CHECK(loaded.Describe() ==
        "type:10:string:single,year:11:year:single,state:12:string:single,"
        "municipality:13:string:single,publisher:14:string:single,topic:15:string:multi");
  REQUIRE(loaded.Find("topic") != nullptr);
  CHECK(loaded.Find("topic")->multi_valued);
  CHECK(loaded.Find("nope") == nullptr);
}

TEST_CASE("bad facet configurations are refused with the reason") {
  lupe::testing::TempDir dir;
  auto load_error = [&](const std::string& ini) -> std::string {
    const auto path = dir.Write("lupe.ini", ini);
    try {
      Schema::Load(path.string());
    } catch (const lupe::Error& error) {
      CHECK(error.code() == lupe::ErrorCode::kConfig);
      return error.what();
    }
    return "no error";
  };
  CHECK(load_error("[facets]\n").find("order is missing") != std::string::npos);
  CHECK(load_error("[facets]\norder = type\n").find("[facet.type] slot is missing") !=
        std::string::npos);
  CHECK(load_error("[facets]\norder = type\n[facet.type]\nslot = 3\n").find("not in 10-999") !=
        std::string::npos);
  CHECK(load_error("[facets]\norder = a, b\n[facet.a]\nslot = 10\n[facet.b]\nslot = 10\n")
            .find("slot 10 is taken") != std::string::npos);
  CHECK(load_error("[facets]\norder = Typ\n[facet.Typ]\nslot = 10\n").find("lower-case") !=
        std::string::npos);
  CHECK(load_error("[facets]\norder = t\n[facet.t]\nslot = 10\nkind = number\n")
            .find("kind must be string or year") != std::string::npos);
  CHECK(load_error("").find("order is missing") != std::string::npos);
  CHECK_THROWS_AS(Schema::Load((dir / "missing.ini").string()), lupe::Error);
}

TEST_CASE("facet terms and multi-valued slots") {
  const FacetSpec state{"state", "state", Kind::kString, false, 12};
  CHECK(state.Term("Baden-Württemberg") == "XFstate:Baden-Württemberg");
  const std::vector<std::string> values = {"Mobilität", "", "a:b", "9:x"};
  CHECK(Schema::DecodeValues(Schema::EncodeValues(values)) == values);
  CHECK(Schema::DecodeValues("").empty());
  CHECK(Schema::DecodeValues("99:short").empty());  // truncated: nothing invented
}

TEST_CASE("dates become sortable numbers") {
  CHECK(schema::DateNumber("2021-06-15") == 20210615.0);
  CHECK(schema::DateNumber("2021-06") == 20210600.0);
  CHECK(schema::DateNumber("2021") == 20210000.0);
  CHECK(schema::DateNumber("") == 0.0);
}

TEST_CASE("document data keeps fields and text apart, the text compressed") {
  std::string text = "Die Smart-City-Strategie. ";
  for (int i = 0; i < 1000; ++i) text += "Wärmeplanung und Mobilität. ";
  text += std::string("\0binary\xff", 8);
  const std::string packed = schema::PackData(R"({"id":"a"})", text);
  CHECK(packed.size() < text.size() / 4);
  CHECK(schema::FieldsOf(packed) == R"({"id":"a"})");
  const schema::DocumentData unpacked = schema::UnpackData(packed);
  CHECK(unpacked.fields_json == R"({"id":"a"})");
  CHECK(unpacked.text == text);
  CHECK(schema::UnpackData(schema::PackData("{}", "")).text.empty());
  CHECK_THROWS_AS(schema::UnpackData(std::string("{}\0garbage", 10)), lupe::Error);
}

TEST_CASE("stored fields come from their value slot, or from the data of an older index") {
  Xapian::Document current;
  current.add_value(schema::kFieldsSlot, R"({"id":"neu"})");
  current.set_data(schema::PackData("", "Text"));
  CHECK(schema::StoredFields(current) == R"({"id":"neu"})");
  Xapian::Document older;
  older.set_data(schema::PackData(R"({"id":"alt"})", "Text"));
  CHECK(schema::StoredFields(older) == R"({"id":"alt"})");
}

TEST_CASE("hit fields round-trip through their value encoding - malformed values are errors") {
  schema::HitFields fields;
  fields.values[0] = "mk-strategie-2021";
  fields.values[1] = "Smart-City-Strategie „Mainz digital“";
  fields.values[3] = "";  // present but empty stays apart from absent
  fields.values[7] = std::string("Stadt\0Mainz", 11);
  fields.topics = {"Mobilität", "", "Beteiligung"};
  const std::string encoded = schema::EncodeHitFields(fields);
  CHECK(schema::DecodeHitFields(encoded) == fields);
  CHECK(schema::DecodeHitFields(schema::EncodeHitFields({})) == schema::HitFields{});
  CHECK_FALSE(schema::DecodeHitFields(encoded).values[2].has_value());
  CHECK(schema::DecodeHitFields(encoded).values[3] == "");

  using Catch::Matchers::Contains;
  CHECK_THROWS_WITH(schema::DecodeHitFields(encoded.substr(0, encoded.size() - 1)),
                    Contains("slot 6") && Contains("runs past its end"));
  CHECK_THROWS_WITH(schema::DecodeHitFields(encoded + "x"), Contains("bytes after its end"));
  CHECK_THROWS_WITH(schema::DecodeHitFields("\x85"), Contains("cut off"));
  CHECK_THROWS_WITH(schema::DecodeHitFields(std::string(8, '\0') + "\x7f"),
                    Contains("more topics than bytes"));
  CHECK_THROWS_AS(schema::DecodeHitFields(""), lupe::Error);
}

TEST_CASE("word chunks hold a text chunk and the spans of its words, and each one's start") {
  const std::uint32_t chunk = schema::kTextChunkBytes;
  // Chunk 0: two words; chunk 1: none (white space); chunk 2: one word reaching into
  // chunk 3, which then starts with no word of its own; 4 chunks in all.
  std::string text(3 * chunk + 40, ' ');
  for (std::size_t i = 0; i < text.size(); i += 7) text[i] = static_cast<char>('a' + i % 26);
  const std::vector<schema::WordSpan> spans = {
      {105, 0, 4, false}, {106, 10, 30, true}, {110, 2 * chunk + 7, 3 * chunk + 3, false}};
  const schema::WordChunks packed = schema::PackWordChunks(text, spans, 105);
  REQUIRE(packed.chunks.size() == 4);
  CHECK(schema::DecodeChunkStarts(packed.starts) ==
        std::vector<Xapian::termpos>{105, 110, 110, 111});
  CHECK(schema::UnpackSpans(packed.chunks[0], 0) ==
        std::vector<schema::WordSpan>(spans.begin(), spans.begin() + 2));
  CHECK(schema::UnpackSpans(packed.chunks[1], 1).empty());
  CHECK(schema::UnpackSpans(packed.chunks[2], 2) == std::vector<schema::WordSpan>{spans[2]});
  CHECK(schema::UnpackSpans(packed.chunks[3], 3).empty());
  // The text: each chunk's piece, and whole through the document.
  std::string again;
  for (std::size_t k = 0; k < packed.chunks.size(); ++k) {
    schema::AppendChunkText(packed.chunks[k], k, again);
  }
  CHECK(again == text);
  Xapian::Document document;
  document.add_value(schema::kChunkStartsSlot, packed.starts);
  for (std::size_t k = 0; k < packed.chunks.size(); ++k) {
    document.add_value(schema::kFirstWordChunkSlot + static_cast<Xapian::valueno>(k),
                       packed.chunks[k]);
  }
  CHECK(schema::DocumentText(document) == text);
  // A text without words: its chunks start at the position given; no text, no chunks.
  CHECK(schema::DecodeChunkStarts(schema::PackWordChunks("  .  ", {}, 42).starts) ==
        std::vector<Xapian::termpos>{42});
  CHECK(schema::PackWordChunks("", {}, 1).chunks.empty());
  // A start before the previous one is stored as it.
  const schema::WordChunks back =
      schema::PackWordChunks(std::string(100, 'x'), {{1, 50, 60, false}, {2, 40, 45, false}}, 1);
  CHECK(schema::UnpackSpans(back.chunks[0], 0) ==
        std::vector<schema::WordSpan>{{1, 50, 60, false}, {2, 50, 50, false}});
  // Malformed values are errors naming the chunk and its slot.
  using Catch::Matchers::Contains;
  const std::string& first = packed.chunks[0];
  CHECK_THROWS_WITH(schema::UnpackSpans(first.substr(0, 3), 0),
                    Contains("word chunk 0") && Contains("past its end"));
  std::string cut = first;
  cut[static_cast<std::size_t>(first[0])] = '\x80';  // the spans' last byte
  CHECK_THROWS_WITH(schema::UnpackSpans(cut, 0), Contains("cut off"));
  std::string out;
  CHECK_THROWS_WITH(schema::AppendChunkText("\x80", 7, out),
                    Contains("word chunk 7") && Contains("no size"));
  CHECK_THROWS_WITH(schema::AppendChunkText(first.substr(0, first.size() - 3), 0, out),
                    Contains("does not decompress"));
}

TEST_CASE("a span reader decodes a chunk's spans in order, only as far as asked") {
  std::vector<schema::WordSpan> spans;
  for (std::uint32_t i = 0; i < 200; ++i) spans.push_back({10 + i, 10 * i, 10 * i + 6, i % 3 == 0});
  const schema::WordChunks packed = schema::PackWordChunks(std::string(1990, 'x'), spans, 10);
  REQUIRE(packed.chunks.size() == 1);
  schema::SpanReader reader(packed.chunks[0], 0);
  CHECK(reader.spans().empty());
  reader.ReadThroughPosition(15);
  REQUIRE(reader.spans().size() == 6);  // positions 10..15
  const schema::WordSpan* sixth = &reader.spans().back();
  reader.ReadThroughStart(1000);  // the span starting at byte 1000 (position 110)
  CHECK(reader.spans().size() == 101);
  CHECK(&reader.spans()[5] == sixth);  // decoded spans stay where they are
  CHECK_FALSE(reader.done());
  reader.ReadThroughPosition(100);  // already there: nothing more
  CHECK(reader.spans().size() == 101);
  reader.ReadAll();
  CHECK(reader.done());
  CHECK(reader.spans() == spans);
  CHECK(schema::UnpackSpans(packed.chunks[0], 0) == spans);
}

TEST_CASE("a word chunk's text decompresses in part, at least as far as asked") {
  std::string text;
  for (int i = 0; text.size() < schema::kTextChunkBytes + 500; ++i) {
    text += "Wort" + std::to_string(i) + (i % 9 == 0 ? ". " : " ");
  }
  const schema::WordChunks packed = schema::PackWordChunks(text, {}, 1);
  REQUIRE(packed.chunks.size() == 2);
  const std::string first = text.substr(0, schema::kTextChunkBytes);
  for (std::size_t want : {std::size_t{1}, std::size_t{100}, std::size_t{1000}}) {
    std::string out = "vorher";
    CHECK_FALSE(schema::AppendChunkText(packed.chunks[0], 0, out, want));
    REQUIRE(out.size() >= 6 + want);
    CHECK(out == "vorher" + first.substr(0, out.size() - 6));
  }
  std::string all;
  CHECK(schema::AppendChunkText(packed.chunks[0], 0, all));
  CHECK(all == first);
  // The last chunk is shorter than asked for: all of it, and it says so.
  std::string last;
  CHECK(schema::AppendChunkText(packed.chunks[1], 1, last, 1000));
  CHECK(last == text.substr(schema::kTextChunkBytes));
}

TEST_CASE("anchors round-trip through their value encoding - junk decodes to a prefix") {
  const std::vector<schema::Anchor> anchors = {
      {105, 0}, {140, 260}, {170, 530}, {100000, 1u << 30}};
  CHECK(schema::DecodeAnchors(schema::EncodeAnchors(anchors)) == anchors);
  CHECK(schema::EncodeAnchors(anchors).size() == 16);  // 1+1, 1+2, 1+2, 3+5 bytes
  CHECK(schema::DecodeAnchors("").empty());
  CHECK(schema::DecodeAnchors(schema::EncodeAnchors(anchors), 140).size() == 3);  // 170 ends
  CHECK(schema::DecodeAnchors(schema::EncodeAnchors(anchors), 0).size() == 1);
  std::string truncated = schema::EncodeAnchors(anchors);
  truncated.back() = '\x80';
  CHECK(schema::DecodeAnchors(truncated).size() == 3);
}

TEST_CASE("document text inflates from each of its restart points, and whole as before") {
  std::string text;
  for (int i = 0; text.size() < 5 * schema::kRestartSpacing + 123; ++i)
    text += "Absatz " + std::to_string(i) + " regelt die Frist. ";
  std::vector<schema::Restart> restarts;
  const std::string data = schema::PackData("{\"id\":\"x\"}", text, &restarts);
  CHECK(schema::UnpackData(data).text == text);
  REQUIRE(restarts.size() == 5);
  CHECK(schema::DecodeRestarts(schema::EncodeRestarts(restarts)) == restarts);
  const std::string_view packed = std::string_view(data).substr(data.find('\0') + 1);
  for (const schema::Restart& restart : restarts) {
    CHECK(restart.text_offset % schema::kRestartSpacing == 0);
    z_stream stream{};
    REQUIRE(inflateInit2(&stream, -MAX_WBITS) == Z_OK);
    stream.next_in =
        reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()) + restart.packed_offset);
    stream.avail_in = static_cast<uInt>(packed.size() - restart.packed_offset);
    std::string out(100, '\0');
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    inflate(&stream, Z_NO_FLUSH);
    inflateEnd(&stream);
    CHECK(out == text.substr(restart.text_offset, 100));
  }
}

TEST_CASE("text chunks inflate each on its own and join to the exact text") {
  std::string text;
  for (int i = 0; text.size() < 3 * schema::kTextChunkBytes + 77; ++i)
    text += "Absatz " + std::to_string(i) + " regelt die Frist für Bürger*innen. ";
  const std::vector<std::string> chunks = schema::PackTextChunks(text);
  REQUIRE(chunks.size() == 4);
  std::string joined;
  for (std::size_t k = 0; k < chunks.size(); ++k) {
    std::string piece;
    schema::InflateTextChunk(chunks[k], piece);
    CHECK(piece == text.substr(k * schema::kTextChunkBytes, schema::kTextChunkBytes));
    if (piece.size() == schema::kTextChunkBytes) CHECK(chunks[k].size() < piece.size() / 2);
    joined += piece;
  }
  CHECK(joined == text);  // cut inside "ü" and all: the bytes are exact
  CHECK(schema::PackTextChunks("").empty());
  std::string out;
  CHECK_THROWS_AS(schema::InflateTextChunk("garbage", out), lupe::Error);
  CHECK_THROWS_AS(schema::InflateTextChunk(chunks[0].substr(0, 10), out), lupe::Error);
}

TEST_CASE("text chunks written by zlib inflate, and a value longer than a chunk is an error") {
  // Indexes written before libdeflate hold zlib's raw deflate; a value that inflates to
  // more than kTextChunkBytes is no chunk of ours (a damaged or foreign index).
  const auto zlib_raw_deflate = [](const std::string& text) {
    z_stream stream{};
    REQUIRE(deflateInit2(&stream, 1, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string packed(deflateBound(&stream, static_cast<uLong>(text.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(packed.data());
    stream.avail_out = static_cast<uInt>(packed.size());
    REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
    packed.resize(packed.size() - stream.avail_out);
    deflateEnd(&stream);
    return packed;
  };
  std::string text;
  while (text.size() < schema::kTextChunkBytes) text += "Straßenbahn und Stadtbahn. ";
  std::string out = "vorher ";
  schema::InflateTextChunk(zlib_raw_deflate(text.substr(0, schema::kTextChunkBytes)), out);
  CHECK(out == "vorher " + text.substr(0, schema::kTextChunkBytes));
  out.clear();
  CHECK_THROWS_AS(schema::InflateTextChunk(zlib_raw_deflate(text + "!"), out), lupe::Error);
  CHECK(out.empty());
}

TEST_CASE("a document's text comes from its chunks, or from the data of an older index") {
  std::string text;
  for (int i = 0; text.size() < 2 * schema::kTextChunkBytes; ++i)
    text += "Wärme " + std::to_string(i) + ". ";
  Xapian::Document current;
  current.set_data(schema::PackData("", ""));
  Xapian::valueno slot = schema::kFirstTextSlot;
  for (const std::string& chunk : schema::PackTextChunks(text)) current.add_value(slot++, chunk);
  CHECK(schema::DocumentText(current) == text);
  Xapian::Document older;
  older.set_data(schema::PackData(R"({"id":"alt"})", text));
  CHECK(schema::DocumentText(older) == text);
  CHECK(schema::DocumentText(Xapian::Document()).empty());
}

TEST_CASE("facet slots stay below the text chunks' slots") {
  CHECK_THROWS_AS(
      Schema({{"type", "type", FacetSpec::Kind::kString, false, schema::kFirstTextSlot}}),
      lupe::Error);
}
