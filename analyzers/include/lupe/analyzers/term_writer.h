#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/schema.h"

namespace lupe::analyzers {

// Writes analysed text into a Xapian::Document using the schema (schema.h).
// Thread-safety: const; shareable if the Analyzer is (it is). The Document is the
// caller's and must not be shared during the call.
class TermWriter {
 public:
  explicit TermWriter(const Analyzer& analyzer) : analyzer_(analyzer) {}

  struct Placement {
    Xapian::termpos first_position = 1;  // Xapian positions start at 1
    Xapian::termcount wdf_inc = 1;       // weight of each occurrence (title > body)
  };

  // Exact term text -> the word as the text writes it, lower-cased, for the words where
  // the two differ (umlauts, ß, hyphens, gender signs): "mobilitaet" -> "mobilität",
  // "smartcity" -> "smart-city". What schema::kSpellingKeyPrefix metadata records.
  using Spellings = std::map<std::string, std::string>;

  // What Write() collects besides the terms, if asked.
  struct Outputs {
    // The anchors of text (schema::Anchor: the first word, then one every
    // schema::kAnchorSpacing bytes), for kAnchorSlot: how indexes before the word spans
    // located text (tests write them so to check that searchd still serves such indexes).
    std::vector<schema::Anchor>* anchors = nullptr;
    // The spellings of text's words (the first one seen of each term).
    Spellings* spellings = nullptr;
    // The word span of every position of text (schema::WordSpan), sorted by position,
    // for schema::PackWordChunks.
    std::vector<schema::WordSpan>* spans = nullptr;
  };

  // Indexes text into document under field. Returns the position after the last token,
  // to continue the next text of the same field (leave a gap to stop phrases spanning).
  Xapian::termpos Write(std::string_view text, const TextField& field, Placement placement,
                        Xapian::Document& document, Outputs outputs) const;
  Xapian::termpos Write(std::string_view text, const TextField& field, Placement placement,
                        Xapian::Document& document) const {
    return Write(text, field, placement, document, Outputs());
  }

 private:
  const Analyzer& analyzer_;
};

}  // namespace lupe::analyzers
