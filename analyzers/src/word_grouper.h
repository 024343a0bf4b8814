#pragma once

#include <cstdint>
#include <vector>

#include "segmenter.h"
#include "utf16_text.h"

namespace lupe::analyzers {

// A word as the analyser sees it, in UTF-16 code units of the chunk being analysed.
// For a gender form, [begin, base_end) is the base ("Bürger") and the word ends with
// the feminine suffix "in" or "innen" whatever marker joined them.
struct Word {
  enum class Gender : std::uint8_t { kNone, kIn, kInnen };
  std::int32_t begin;
  std::int32_t end;
  std::int32_t base_end;
  Gender gender = Gender::kNone;
  bool hyphen_after = false;  // joined to the next word by a hyphen (Smart-City)
};

// Turns ICU's word pieces into words. Rules:
//   1. Gender-inclusive forms are one word with a base, whether ICU kept them whole or
//      split them: Bürger*innen, Bürger:innen, Bürger_innen, Bürger·innen, Bürger/innen,
//      Bürger/-innen, Bürger(innen), BürgerInnen, and the singular forms with "in"
//      (Lehrer*in, LehrerIn). The suffix may start with "I" (Bürger*Innen).
//   2. Other ':' '·' '_' inside an ICU word separate words: "Ziel:Stadt" -> Ziel, Stadt;
//      "Strategie_final" -> Strategie, final. Slashes and asterisks between other words
//      were already separators: "und/oder" -> und, oder.
//   3. A hyphen (U+002D, U+2010, U+2011) directly between two words links them into a
//      compound chain: Smart-City-Strategie, E-Mobilität, 5G-Netz, KfW-432, and after a
//      gender form: Bürger*innen-Beteiligung. A hyphen next to a space is not a link.
// Thread-safety: stateless functions.
void GroupWords(const Utf16Text& text, const std::vector<Piece>& pieces, std::vector<Word>& words);

}  // namespace lupe::analyzers
