// HitFieldsOf: a hit's fields from kHitSlot, or from the stored-fields JSON of older indexes.
#include "lupe/search/hit_fields.h"

#include <catch2/catch.hpp>

#include "lupe/analyzers/error.h"

namespace schema = lupe::analyzers::schema;
using lupe::search::HitFieldsOf;

TEST_CASE("hit fields come from their slot, and from the stored fields of an older index") {
  schema::HitFields expected;
  expected.values[0] = "mk-1";
  expected.values[1] = "Mobilitätsstrategie";
  expected.values[5] = "Bayern";
  expected.topics = {"Mobilität", "Verkehr"};

  Xapian::Document current;
  current.add_value(schema::kHitSlot, schema::EncodeHitFields(expected));
  current.add_value(schema::kFieldsSlot, R"({"id":"something else"})");  // not read
  CHECK(HitFieldsOf(current) == expected);

  Xapian::Document older;  // fields only as JSON, with members a hit does not show
  older.add_value(schema::kFieldsSlot,
                  R"({"id":"mk-1","title":"Mobilitätsstrategie","state":"Bayern",)"
                  R"("municipality":null,"topics":["Mobilität","Verkehr"],"page_starts":[0,9],)"
                  R"("facets":{"state":["Bayern"]},"format":"pdf"})");
  CHECK(HitFieldsOf(older) == expected);

  Xapian::Document oldest;  // the fields in the data's first part
  oldest.set_data(schema::PackData(R"({"id":"mk-1","title":"Mobilitätsstrategie",)"
                                   R"("state":"Bayern","topics":["Mobilität","Verkehr"]})",
                                   "Text"));
  CHECK(HitFieldsOf(oldest) == expected);
}

TEST_CASE("malformed stored fields are an error naming the document") {
  Xapian::Document broken;
  broken.add_value(schema::kFieldsSlot, "{not json");
  CHECK_THROWS_WITH(HitFieldsOf(broken), Catch::Matchers::Contains("not a JSON object"));
  Xapian::Document cut;
  cut.add_value(schema::kHitSlot, "\x05id");
  CHECK_THROWS_AS(HitFieldsOf(cut), lupe::Error);
}
