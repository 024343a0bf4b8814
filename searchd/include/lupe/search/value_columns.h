#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lupe/search/revision_cache.h"

namespace lupe::search {

// Small per-document values held in memory for every document, read once per index
// revision in one pass over the slot's value stream: a hit list needs a few of them per hit
// (schema::kHitSlot, schema::kChunkStartsSlot), and reading each from the index cost a B-tree
// descent of two or three block reads (docs/performance.md). Memory: the values' bytes plus
// 8 bytes per document and slot, for the latest two revisions (about 1.2 MB per slot for the
// 6,636 federal laws).
// Thread-safety: Of may be called from any thread; a Column is immutable.
class ValueColumns {
 public:
  class Column {
   public:
    // The value of docid ("" if it has none or does not exist).
    std::string_view Get(Xapian::docid docid) const {
      if (docid + 1 >= starts_.size()) return {};
      return std::string_view(bytes_).substr(starts_[docid], starts_[docid + 1] - starts_[docid]);
    }

   private:
    friend class ValueColumns;
    std::string bytes_;
    std::vector<std::size_t> starts_;  // docid's value: bytes_[starts_[docid], starts_[docid + 1])
  };

  // The column of slot for the revision database shows.
  std::shared_ptr<const Column> Of(const Xapian::Database& database, Xapian::valueno slot) const;

 private:
  RevisionCache<Xapian::valueno, Column> columns_;
};

}  // namespace lupe::search
