#include "lupe/search/ranking.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace lupe::search {
namespace {

using Q = Xapian::Query;

// Beyond this many document ids the table is not built (4 bytes each): Xapian's own
// lookups then.
constexpr Xapian::docid kMaxTableDocids = 16 << 20;

// What BM25 needs to know of the whole index (of every shard of a combined Database, as
// Xapian's statistics are), and of a term in it.
struct IndexStatistics {
  Xapian::doccount documents = 0;
  double average_length = 0;
  Xapian::termcount doclength_lower_bound = 0;
};
struct TermStatistics {
  IndexStatistics index;
  Ranking::TermFrequencies term;
};

// One term's BM25 weight per document, as Xapian's BM25Weight gives it with k2 = 0 and
// k3 = 1 for a term of the query once (wqf 1):
//   idf = log(t), t = (N - n + 0.5) / (n + 0.5), or t / 2 + 1 where t < 2
//   weight = idf * (k1 + 1) * wdf / (k1 * (b * L + 1 - b) + wdf),
//   L = max(length / average length, min_normlen)
// (N documents, n of them with the term). OP_SCALE_WEIGHT's factor multiplies the whole,
// as Xapian's posting list of a source applies it. Walks the term's postings kept by
// MatchSets where given (and the database is the one they come from), Xapian's otherwise.
class Bm25Source : public Xapian::PostingSource {
 public:
  Bm25Source(std::string term, const TermStatistics& statistics,
             std::shared_ptr<const Ranking::Lengths> lengths,
             std::shared_ptr<const MatchSets::Postings> kept, Ranking::Parameters parameters)
      : term_(std::move(term)),
        statistics_(statistics),
        lengths_(std::move(lengths)),
        kept_(std::move(kept)),
        parameters_(parameters) {
    double t = (static_cast<double>(statistics.index.documents) - statistics.term.termfreq + 0.5) /
               (statistics.term.termfreq + 0.5);
    if (t < 2) t = t * 0.5 + 1;
    idf_times_k1_ = std::log(t) * (parameters_.k1 + 1);
    per_length_ = statistics.index.average_length != 0 ? 1 / statistics.index.average_length : 0;
    // The bound Xapian uses: the largest wdf in the shortest document that can hold it.
    const Xapian::termcount wdf_max = statistics.term.wdf_upper_bound;
    set_maxweight(Part(
        wdf_max, std::max(std::max(wdf_max, statistics.index.doclength_lower_bound) * per_length_,
                          parameters_.min_normlen)));
  }

  Xapian::doccount get_termfreq_min() const override { return termfreq_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_; }

  // database: the index, or one shard of it.
  void init(const Xapian::Database& database) override {
    started_ = false;
    // The table and the kept postings (of the same database and revision, Rewriter)
    // describe this database only if it holds the same documents (a shard's document ids
    // are not the index's).
    table_ = lengths_ != nullptr && lengths_->documents == database.get_doccount() &&
                     lengths_->total == database.get_total_length() &&
                     lengths_->of.size() == database.get_lastdocid() + std::size_t{1}
                 ? &lengths_->of
                 : nullptr;
    termfreq_ = table_ != nullptr ? statistics_.term.termfreq : database.get_termfreq(term_);
    kept_documents_ = nullptr;
    if (table_ != nullptr && kept_ != nullptr) {
      kept_documents_ = kept_->documents.data();
      kept_wdfs_ = kept_->wdfs.data();
      kept_end_ = kept_documents_ + kept_->documents.size();
      kept_at_ = kept_documents_;
      postings_ = end_ = Xapian::PostingIterator();
    } else {
      postings_ = database.postlist_begin(term_);
      end_ = database.postlist_end(term_);
    }
  }

  void next(double) override {
    if (!started_) {
      started_ = true;
    } else if (kept_documents_ != nullptr) {
      ++kept_at_;
    } else {
      ++postings_;
    }
  }
  void skip_to(Xapian::docid docid, double) override {
    started_ = true;
    if (kept_documents_ != nullptr) {
      kept_at_ = Gallop(kept_at_, kept_end_, docid);
    } else {
      postings_.skip_to(docid);
    }
  }
  bool at_end() const override {
    return started_ && (kept_documents_ != nullptr ? kept_at_ == kept_end_ : postings_ == end_);
  }
  Xapian::docid get_docid() const override {
    return kept_documents_ != nullptr ? *kept_at_ : *postings_;
  }

  double get_weight() const override {
    if (kept_documents_ != nullptr) {
      return Part(kept_wdfs_[kept_at_ - kept_documents_],
                  std::max((*table_)[*kept_at_] * per_length_, parameters_.min_normlen));
    }
    const Xapian::termcount length =
        table_ != nullptr ? (*table_)[*postings_] : postings_.get_doclength();
    return Part(postings_.get_wdf(), std::max(length * per_length_, parameters_.min_normlen));
  }

  Bm25Source* clone() const override {
    return new Bm25Source(term_, statistics_, lengths_, kept_, parameters_);
  }

 private:
  double Part(Xapian::termcount wdf, double normalised_length) const {
    const double frequency = wdf;
    const double b = parameters_.b;
    return idf_times_k1_ *
           (frequency / (parameters_.k1 * (normalised_length * b + (1 - b)) + frequency));
  }

  const std::string term_;
  const TermStatistics statistics_;
  const std::shared_ptr<const Ranking::Lengths> lengths_;
  const std::shared_ptr<const MatchSets::Postings> kept_;
  const Ranking::Parameters parameters_;
  double idf_times_k1_ = 0;
  double per_length_ = 0;
  const std::vector<Xapian::termcount>* table_ = nullptr;
  // The kept postings walked (kept_documents_ not null), or Xapian's.
  const Xapian::docid* kept_documents_ = nullptr;
  const Xapian::docid* kept_at_ = nullptr;
  const Xapian::docid* kept_end_ = nullptr;
  const Xapian::termcount* kept_wdfs_ = nullptr;
  Xapian::PostingIterator postings_;
  Xapian::PostingIterator end_;
  bool started_ = false;
  Xapian::doccount termfreq_ = 0;  // in the database (or shard) init() was given
};

// The factor of an OP_SCALE_WEIGHT node, from its description "Query(<factor> * ...)".
std::optional<double> ScaleFactor(const Q& node) {
  const std::string description = node.get_description();
  constexpr std::string_view kOpen = "Query(";
  if (description.compare(0, kOpen.size(), kOpen) != 0) return std::nullopt;
  const char* begin = description.data() + kOpen.size();
  const char* end = description.data() + description.size();
  double factor = 0;
  const auto [after, error] = std::from_chars(begin, end, factor);
  if (error != std::errc() ||
      std::string_view(after, static_cast<std::size_t>(end - after)).substr(0, 3) != " * ") {
    return std::nullopt;
  }
  return factor;
}

class Rewriter {
 public:
  Rewriter(const Xapian::Database& database, std::shared_ptr<const Ranking::Lengths> lengths,
           Ranking::Parameters parameters,
           const WordRevisionCache<Ranking::TermFrequencies>& frequencies,
           const MatchSets* postings)
      : database_(database),
        revision_(IndexRevision::Of(database)),
        frequencies_(frequencies),
        index_{database.get_doccount(), database.get_avlength(),
               database.get_doclength_lower_bound()},
        lengths_(std::move(lengths)),
        parameters_(parameters),
        postings_(postings) {}

  // query with its weighted terms replaced; changed: whether anything was.
  Q Rewrite(const Q& query, bool& changed) const {
    switch (query.get_type()) {
      case Q::LEAF_TERM: {
        if (query.get_length() != 1) return query;  // a term's length is its wqf
        changed = true;
        const std::string term = *query.get_terms_begin();
        const auto frequencies = frequencies_.Get(revision_, term, [&] {
          return Ranking::TermFrequencies{database_.get_termfreq(term),
                                          database_.get_wdf_upper_bound(term)};
        });
        const TermStatistics statistics{index_, *frequencies};
        std::shared_ptr<const MatchSets::Postings> kept;
        if (postings_ != nullptr && lengths_ != nullptr) {
          kept = postings_->PostingsOf(revision_, database_, term);
        }
        return Q((new Bm25Source(term, statistics, lengths_, std::move(kept), parameters_))
                     ->release());
      }
      case Q::OP_AND:
      case Q::OP_OR:
      case Q::OP_XOR:
      case Q::OP_AND_MAYBE:
      case Q::OP_MAX:
        return Children(query, query.get_num_subqueries(), changed);
      case Q::OP_AND_NOT:  // the excluded side is not weighted
      case Q::OP_FILTER:   // nor the filter
        return Children(query, 1, changed);
      case Q::OP_SCALE_WEIGHT: {
        bool below = false;
        const Q subquery = Rewrite(query.get_subquery(0), below);
        if (!below) return query;
        const std::optional<double> factor = ScaleFactor(query);
        if (!factor) return query;
        changed = true;
        return Q(Q::OP_SCALE_WEIGHT, subquery, *factor);
      }
      default:
        return query;
    }
  }

 private:
  // query rebuilt with its first `weighted` subqueries rewritten.
  Q Children(const Q& query, std::size_t weighted, bool& changed) const {
    std::vector<Q> subqueries;
    bool any = false;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
      subqueries.push_back(i < weighted ? Rewrite(query.get_subquery(i), any)
                                        : query.get_subquery(i));
    }
    if (!any) return query;
    changed = true;
    return Q(query.get_type(), subqueries.begin(), subqueries.end());
  }

  const Xapian::Database& database_;
  const IndexRevision revision_;
  const WordRevisionCache<Ranking::TermFrequencies>& frequencies_;
  const IndexStatistics index_;
  const std::shared_ptr<const Ranking::Lengths> lengths_;
  const Ranking::Parameters parameters_;
  const MatchSets* const postings_;
};

}  // namespace

Xapian::BM25Weight Ranking::Weight() const {
  return Xapian::BM25Weight(parameters_.k1, 0, 1, parameters_.b, parameters_.min_normlen);
}

Xapian::Query Ranking::Rewrite(const Xapian::Database& database, const Xapian::Query& query,
                               const MatchSets* postings) const {
  // Without length normalisation Xapian reads no lengths.
  if (parameters_.k1 == 0 || parameters_.b == 0) return query;
  std::shared_ptr<const Lengths> lengths;
  if (database.get_lastdocid() <= kMaxTableDocids) {
    lengths = lengths_.Get(database, 0, [](const Xapian::Database& db) {
      auto table = std::make_shared<Lengths>();
      table->documents = db.get_doccount();
      table->total = db.get_total_length();
      table->of.assign(db.get_lastdocid() + std::size_t{1}, 0);
      for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        table->of[*it] = it.get_doclength();
      }
      return table;
    });
  }
  bool changed = false;
  return Rewriter(database, std::move(lengths), parameters_, frequencies_, postings)
      .Rewrite(query, changed);
}

}  // namespace lupe::search
