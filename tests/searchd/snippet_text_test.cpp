// RenderPassage: the HTML of a passage, character by character.
#include "snippet_text.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <string>

#include "lupe/analyzers/schema.h"

using lupe::search::ByteRange;
using lupe::search::Passage;
using lupe::search::RenderPassage;
using lupe::search::TextSpan;

TEST_CASE("RenderPassage escapes, collapses white space and marks inside runs of ASCII") {
  // Byte offsets:   0         1          2
  //                 0123456789012345678 9 0123
  const std::string text = "ab<c>&de'f\"gh  \t ij\x01kl";
  const TextSpan span{text, 0};
  Passage passage;
  passage.bytes = {0, text.size()};
  // A mark that starts and one that ends in the middle of a run of plain letters, one
  // around an escaped character and one that covers white space only at its end.
  passage.marks = {{1, 3}, {5, 7}, {11, 16}, {20, 21}};
  CHECK(RenderPassage(span, passage) ==
        "a<mark>b&lt;</mark>c&gt;<mark>&amp;d</mark>e&#39;f&quot;<mark>gh</mark> ij "
        "<mark>k</mark>l");
}

TEST_CASE("RenderPassage keeps UTF-8, replaces invalid bytes and adds the cut ellipses") {
  const std::string text = "Bürger\xC2\x85innen \xFF Straße";
  const TextSpan span{text, 0};
  Passage passage;
  passage.bytes = {0, text.size()};
  passage.marks = {{0, 7}};  // "Bürger": ü takes two bytes
  passage.cut_before = true;
  passage.cut_after = true;
  // U+0085 (a C1 control) is white space; the invalid byte becomes U+FFFD.
  CHECK(RenderPassage(span, passage) == "… <mark>Bürger</mark> innen \xEF\xBF\xBD Straße …");
}

TEST_CASE("RenderPassage copies words, umlauts and single spaces in runs, and nothing more") {
  // A space before a C1 control, an invalid byte or a mark boundary ends a run; so does a
  // truncated UTF-8 sequence at the passage's end.
  const std::string text = "Die Städte planen \xC2\x85 neu \xC3 und Straßen Bürger \xC3";
  const TextSpan span{text, 0};
  Passage passage;
  passage.bytes = {0, text.size()};
  const std::size_t mark = text.find("Bürger");
  passage.marks = {{mark, mark + 7}};
  CHECK(RenderPassage(span, passage) ==
        "Die Städte planen neu \xEF\xBF\xBD und Straßen <mark>Bürger</mark> \xEF\xBF\xBD");
}
TEST_CASE("LazyText gives more of a word chunk than it decompressed at first, and the next") {
  namespace schema = lupe::analyzers::schema;
  std::string text;
  for (int i = 0; text.size() < 3 * schema::kTextChunkBytes; ++i) {
    text += "Satz " + std::to_string(i) + ". ";
  }
  const schema::WordChunks packed = schema::PackWordChunks(text, {}, 1);
  Xapian::Document document;
  document.add_value(schema::kChunkStartsSlot, packed.starts);
  for (std::size_t k = 0; k < packed.chunks.size(); ++k) {
    document.add_value(schema::kFirstWordChunkSlot + static_cast<Xapian::valueno>(k),
                       packed.chunks[k]);
  }
  lupe::search::LazyText lazy(document, true);
  lazy.StartNear(schema::kTextChunkBytes + 100);  // from chunk 1 on
  const TextSpan start = lazy.Span(schema::kTextChunkBytes + 150);
  CHECK(start.base == schema::kTextChunkBytes);
  REQUIRE(start.size() >= schema::kTextChunkBytes + 150);
  CHECK(start.bytes == std::string_view(text).substr(start.base, start.bytes.size()));
  // Then the rest of chunk 1 and into chunk 2.
  const TextSpan more = lazy.Span(2 * schema::kTextChunkBytes + 10);
  REQUIRE(more.size() >= 2 * schema::kTextChunkBytes + 10);
  CHECK(more.bytes == std::string_view(text).substr(more.base, more.bytes.size()));
  const TextSpan all = lazy.Span(10 * schema::kTextChunkBytes);
  CHECK(all.size() == text.size());
  CHECK(all.bytes == std::string_view(text).substr(schema::kTextChunkBytes));
}
