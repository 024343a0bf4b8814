#include "lupe/search/match_sets.h"

#include <algorithm>
#include <iterator>
#include <limits>

#include "lupe/search/facet_counter.h"

namespace lupe::search {
namespace {

using Documents = MatchSets::Documents;
using Shared = std::shared_ptr<const Documents>;

// Combines sets pairwise with merge(a, b, out), the smallest first (AND, XOR: cheapest).
template <typename Merge>
Shared Fold(std::vector<Shared> sets, Merge merge) {
  if (sets.empty()) return std::make_shared<const Documents>();
  std::sort(sets.begin(), sets.end(),
            [](const Shared& a, const Shared& b) { return a->size() < b->size(); });
  Shared result = sets.front();
  for (std::size_t i = 1; i < sets.size(); ++i) {
    auto combined = std::make_shared<Documents>();
    merge(*result, *sets[i], *combined);
    result = std::move(combined);
  }
  return result;
}

void Intersect(const Documents& a, const Documents& b, Documents& out) {
  const Documents& small = a.size() <= b.size() ? a : b;
  const Documents& large = a.size() <= b.size() ? b : a;
  out.resize(small.size());
  auto written = out.begin();
  if (small.size() * 8 < large.size()) {
    // Few against many: look each of the few up ahead in the many.
    auto at = large.begin();
    for (const Xapian::docid docid : small) {
      at = Gallop(at, large.end(), docid);
      if (at == large.end()) break;
      if (*at == docid) *written++ = docid;
    }
  } else {
    written = std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), out.begin());
  }
  out.erase(written, out.end());
}

void Unite(const Documents& a, const Documents& b, Documents& out) {
  out.resize(a.size() + b.size());
  out.erase(std::set_union(a.begin(), a.end(), b.begin(), b.end(), out.begin()), out.end());
}

void Differ(const Documents& a, const Documents& b, Documents& out) {
  out.resize(a.size() + b.size());
  out.erase(std::set_symmetric_difference(a.begin(), a.end(), b.begin(), b.end(), out.begin()),
            out.end());
}

// Evaluates a query's boolean structure over the terms' document lists.
class Evaluator {
 public:
  Evaluator(const MatchSets& sets, const Xapian::Database& database, double time_limit)
      : sets_(sets),
        database_(database),
        revision_(IndexRevision::Of(database)),
        time_limit_(time_limit) {}

  Shared Evaluate(const Xapian::Query& query) {
    using Q = Xapian::Query;
    const auto type = query.get_type();
    const bool combines = type == Q::OP_AND || type == Q::OP_OR || type == Q::OP_AND_NOT ||
                          type == Q::OP_XOR || type == Q::OP_FILTER || type == Q::OP_AND_MAYBE ||
                          type == Q::OP_SCALE_WEIGHT || type == Q::OP_SYNONYM || type == Q::OP_MAX;
    if (combines && query.get_num_subqueries() == 0) {
      return std::make_shared<const Documents>();  // Xapian builds none such; matches nothing
    }
    switch (type) {
      case Q::LEAF_TERM:
        return sets_.OfTerm(revision_, database_, *query.get_terms_begin());
      case Q::LEAF_MATCH_ALL:
        return sets_.OfTerm(revision_, database_, "");
      case Q::LEAF_MATCH_NOTHING:
        return std::make_shared<const Documents>();
      case Q::OP_SCALE_WEIGHT:
      case Q::OP_AND_MAYBE:
        // The documents of the first subquery; the others (AND_MAYBE) only add weight.
        return Evaluate(query.get_subquery(0));
      case Q::OP_AND:
      case Q::OP_FILTER:
        return Fold(Children(query), Intersect);
      case Q::OP_OR:
      case Q::OP_SYNONYM:
      case Q::OP_MAX:
        return Fold(Children(query), Unite);
      case Q::OP_XOR:
        return Fold(Children(query), Differ);
      case Q::OP_AND_NOT: {
        std::vector<Shared> all = Children(query);
        const Shared kept = all.front();
        all.erase(all.begin());
        if (all.empty()) return kept;
        const Shared excluded = Fold(std::move(all), Unite);
        auto out = std::make_shared<Documents>();
        out->reserve(kept->size());
        std::set_difference(kept->begin(), kept->end(), excluded->begin(), excluded->end(),
                            std::back_inserter(*out));
        return out;
      }
      default:
        return XapianMatches(query);
    }
  }

  bool complete() const { return complete_; }

 private:
  std::vector<Shared> Children(const Xapian::Query& query) {
    std::vector<Shared> children;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
      children.push_back(Evaluate(query.get_subquery(i)));
    }
    return children;
  }

  // Phrases, NEAR, value ranges and the like: Xapian's match, every match collected.
  Shared XapianMatches(const Xapian::Query& query) {
    CollectedMatches matches = CollectMatches(database_, query, time_limit_);
    complete_ = complete_ && matches.complete;
    return std::make_shared<const Documents>(std::move(matches.documents));
  }

  const MatchSets& sets_;
  const Xapian::Database& database_;
  const IndexRevision revision_;
  const double time_limit_;
  bool complete_ = true;
};

}  // namespace

MatchSets::MatchSets(std::size_t max_postings)
    : terms_(std::numeric_limits<std::size_t>::max(), max_postings) {}

std::shared_ptr<const MatchSets::Documents> MatchSets::OfTerm(const IndexRevision& revision,
                                                              const Xapian::Database& database,
                                                              const std::string& term) const {
  std::shared_ptr<const Postings> postings = PostingsOf(revision, database, term);
  const Documents* documents = &postings->documents;
  return {std::move(postings), documents};
}

std::shared_ptr<const MatchSets::Postings> MatchSets::PostingsOf(
    const IndexRevision& revision, const Xapian::Database& database,
    const std::string& term) const {
  return terms_.Get(
      revision, term,
      [&] {
        Postings postings;
        const Xapian::doccount size =
            term.empty() ? database.get_doccount() : database.get_termfreq(term);
        postings.documents.reserve(size);
        postings.wdfs.reserve(size);
        for (auto it = database.postlist_begin(term); it != database.postlist_end(term); ++it) {
          postings.documents.push_back(*it);
          postings.wdfs.push_back(term.empty() ? 1 : it.get_wdf());
        }
        return postings;
      },
      [](const Postings& postings) { return postings.documents.size(); });
}

MatchSets::Matches MatchSets::Of(const Xapian::Database& database, const Xapian::Query& query,
                                 double time_limit_seconds) const {
  Evaluator evaluator(*this, database, time_limit_seconds);
  Shared documents = evaluator.Evaluate(query);
  return {std::move(documents), evaluator.complete()};
}

}  // namespace lupe::search
