#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>

#include "lupe/analyzers/analyzer.h"

namespace lupe::search {

// Builds the highlighted passage ("snippet") of a search hit: the best passage of the
// document's text for the query, every word the query matched wrapped in <mark>…</mark> —
// also words matched only through a variant (a search for Bürger marks Bürger*innen,
// Buerger, Bürgern) — and everything else HTML-escaped, so a client may insert it as HTML.
// An empty query (or a document the query matched only by its title) gives the beginning
// of the text, without marks.
// Thread-safety: one instance per request (it holds the query's terms); const calls only
// read the Database they are given.
class Snippeter {
 public:
  struct Options {
    std::size_t max_bytes = 300;  // of passage text, before escaping and marks
  };

  Snippeter(const analyzers::Analyzer& analyzer, const Xapian::Query& query, Options options);

  // The snippet of document (docid in database). "" if the document has no text.
  std::string Make(const Xapian::Database& database, Xapian::docid docid) const;
};

}  // namespace lupe::search
