#include "lupe/search/value_columns.h"

namespace lupe::search {

std::shared_ptr<const ValueColumns::Column> ValueColumns::Of(const Xapian::Database& database,
                                                             Xapian::valueno slot) const {
  return columns_.Get(database, slot, [slot](const Xapian::Database& db) {
    auto column = std::make_unique<Column>();
    column->starts_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 2, 0);
    std::size_t filled = 0;  // starts_[0..filled) are set
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
      for (; filled <= it.get_docid(); ++filled) column->starts_[filled] = column->bytes_.size();
      column->bytes_ += *it;
    }
    for (; filled < column->starts_.size(); ++filled) {
      column->starts_[filled] = column->bytes_.size();
    }
    return column;
  });
}

}  // namespace lupe::search
