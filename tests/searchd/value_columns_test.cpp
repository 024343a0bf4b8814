// ValueColumns: a slot's values for every document, per index revision.
#include "lupe/search/value_columns.h"

#include <catch2/catch.hpp>

#include "support/temp_dir.h"

using lupe::search::ValueColumns;

TEST_CASE("a value column holds every document's value and follows the index's revisions") {
  lupe::testing::TempDir dir;
  const std::string path = (dir / "index").string();
  auto add = [&](Xapian::WritableDatabase& writer, const std::string& value) {
    Xapian::Document document;
    if (!value.empty()) document.add_value(7, value);
    document.add_value(8, "other slot");
    return writer.add_document(document);
  };
  Xapian::docid first = 0;
  Xapian::docid third = 0;
  {
    Xapian::WritableDatabase writer(path, Xapian::DB_CREATE_OR_OPEN);
    first = add(writer, "eins");
    add(writer, "");  // no value in the slot
    third = add(writer, std::string("dr\0ei", 5));
    writer.commit();
  }
  const ValueColumns columns;
  Xapian::Database reader(path);
  const auto column = columns.Of(reader, 7);
  CHECK(column->Get(first) == "eins");
  CHECK(column->Get(first + 1).empty());
  CHECK(column->Get(third) == std::string_view("dr\0ei", 5));
  CHECK(column->Get(third + 1).empty());  // beyond the last document
  CHECK(column->Get(0).empty());
  CHECK(columns.Of(reader, 7) == column);  // the same revision: the same column

  {
    Xapian::WritableDatabase writer(path, Xapian::DB_OPEN);
    writer.replace_document(first, Xapian::Document());
    add(writer, "vier");
    writer.commit();
  }
  reader.reopen();
  const auto next = columns.Of(reader, 7);
  CHECK(next != column);
  CHECK(next->Get(first).empty());
  CHECK(next->Get(third + 1) == "vier");
  CHECK(column->Get(first) == "eins");  // a handle on the old revision keeps its column
}
