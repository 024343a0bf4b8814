#pragma once

#include <xapian.h>

#include <memory>
#include <vector>

#include "lupe/search/match_sets.h"
#include "lupe/search/revision_cache.h"

namespace lupe::search {

// Ranks a query by BM25 exactly as Xapian's BM25Weight(k1, 0, 1, b, min_normlen) does, but
// with the document lengths from a table kept per index revision.
//
// Why: BM25 divides a term's within-document frequency by the document's length. Glass
// keeps the lengths in one list of all documents, read by a cursor that decodes every entry
// between two weighted documents: over a query that is a walk through the whole list, about
// a third of Xapian's instructions for our searches (docs/performance.md, session 8). The
// table is one array of 4 bytes per document id, built in one pass per index revision.
// Each term's frequency and largest wdf are kept per revision too, and, given a MatchSets,
// the terms' postings are walked from its per-revision lists, not opened in the index: the
// counts need the same lists anyway, and each posting list opened costs B-tree block
// reads.
//
// How: Rewrite() replaces each weighted term of a query (outside phrases, NEAR, synonyms,
// wildcards and the filter side of FILTER and AND_NOT, which Xapian weighs or matches as
// before) by a Xapian::PostingSource that walks the term's posting list and weighs each
// document by the same formula, with the same term statistics and the same upper bound.
// Rankings, weights and percentages stay those of Xapian's own BM25 (tests compare them).
// Xapian 1.4 has no accessor for an OP_SCALE_WEIGHT factor: it is read back from the
// query's description, which prints it with 20 significant digits; a factor that cannot be
// read leaves its subquery to Xapian. A posting source opened on a database the table does
// not describe (a shard of a combined Database, an in-memory database changed in place)
// asks Xapian for each length instead; its term statistics are always the whole
// Database's. One difference remains, over a combined Database only (searchd opens one):
// a wildcard whose expansion holds a term the query also has alone weighs a little
// differently, as Xapian's statistics for the expansion then lack that term.
// Thread-safety: const members may be called from any thread.
class Ranking {
 public:
  struct Parameters {
    double k1 = 1;
    double b = 0.5;
    double min_normlen = 0.5;
  };

  explicit Ranking(Parameters parameters) : parameters_(parameters) {}

  // The weighting scheme to set on the Enquire of a Rewrite()n query: it weighs what stays
  // Xapian's (phrases, say) alike.
  Xapian::BM25Weight Weight() const;

  // query, its weighted terms replaced by posting sources over database's document
  // lengths (and over the terms' postings kept by postings, if not null). Matches exactly
  // what query matches.
  Xapian::Query Rewrite(const Xapian::Database& database, const Xapian::Query& query,
                        const MatchSets* postings = nullptr) const;

  // The document lengths of one index revision, by document id.
  struct Lengths {
    std::vector<Xapian::termcount> of;
    Xapian::doccount documents = 0;
    Xapian::totallength total = 0;
  };
  // What the weight of a term needs of its posting list.
  struct TermFrequencies {
    Xapian::doccount termfreq = 0;
    Xapian::termcount wdf_upper_bound = 0;
  };

 private:
  Parameters parameters_;
  RevisionCache<int, Lengths> lengths_;
  // Per term, kept for the latest revision: query words are Zipf-distributed, and each
  // lookup is a B-tree search.
  WordRevisionCache<TermFrequencies> frequencies_{50000};
};

}  // namespace lupe::search
