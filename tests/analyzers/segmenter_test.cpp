// Segmenter: a text of letters only is one word without asking ICU, exactly as ICU says.
#include "segmenter.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "utf16_text.h"

using lupe::analyzers::Piece;
using lupe::analyzers::Segmenter;
using lupe::analyzers::Utf16Text;

namespace {

std::vector<std::pair<int, int>> Pieces(const Segmenter& segmenter, const std::string& text) {
  Utf16Text units;
  units.Assign(text, 0);
  std::vector<Piece> pieces;
  segmenter.Segment(units, pieces);
  std::vector<std::pair<int, int>> out;
  for (const Piece& piece : pieces) out.emplace_back(piece.begin, piece.end);
  return out;
}

// The pieces of text as ICU finds them: between spaces the letters-only shortcut is not
// taken. Shifted back by the leading space.
std::vector<std::pair<int, int>> IcuPieces(const Segmenter& segmenter, const std::string& text) {
  std::vector<std::pair<int, int>> out = Pieces(segmenter, " " + text + " ");
  for (auto& [begin, end] : out) --begin, --end;
  return out;
}

std::string Utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

}  // namespace

TEST_CASE("Segmenter takes a word of letters as one piece, as ICU does") {
  const Segmenter segmenter;
  for (const std::string word :
       {"Datenschutzbeauftragte", "Straßenverkehr", "Kündigungsfrist", "ÄÖÜäöüß", "Café", "a",
        "Œuvre", "Bürger-Werkstatt", "Bürger*innen", "Bürger:innen", "z.B", "2021", "x2",
        "Smart City", "naïve", "Ærø"}) {
    INFO(word);
    CHECK(Pieces(segmenter, word) == IcuPieces(segmenter, word));
  }
  CHECK(Pieces(segmenter, "Straßenverkehr") == std::vector<std::pair<int, int>>{{0, 14}});
  CHECK(Pieces(segmenter, "").empty());
}

TEST_CASE("Segmenter agrees with ICU on every Latin-1 character beside letters") {
  const Segmenter segmenter;
  for (char32_t c = 0x20; c <= 0x17F; ++c) {
    if (c >= 0x7F && c < 0xA0) continue;  // control characters: Utf16Text makes them spaces
    const std::string text = "ab" + Utf8(c) + "cd";
    INFO(static_cast<unsigned>(c));
    CHECK(Pieces(segmenter, text) == IcuPieces(segmenter, text));
    CHECK(Pieces(segmenter, Utf8(c)) == IcuPieces(segmenter, Utf8(c)));
  }
}
