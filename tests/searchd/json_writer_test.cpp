// JsonWriter: commas, nesting, escaping and number formats of the JSON it writes.
#include "lupe/search/json_writer.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSONString.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

using lupe::search::JsonWriter;

TEST_CASE("JsonWriter places commas and colons in nested objects and arrays") {
  JsonWriter out;
  out.BeginObject();
  out.Field("a", 1);
  out.Key("list");
  out.BeginArray();
  out.Value(std::int64_t{-2});
  out.BeginObject();
  out.EndObject();
  out.BeginArray();
  out.EndArray();
  out.Null();
  out.EndArray();
  out.Field("ok", true);
  out.Field("no", false);
  out.Key("empty");
  out.BeginObject();
  out.EndObject();
  out.EndObject();
  CHECK(out.Text() == R"({"a":1,"list":[-2,{},[],null],"ok":true,"no":false,"empty":{}})");
}

TEST_CASE("JsonWriter hands its whole text out by move, as a response body") {
  JsonWriter out;
  out.BeginObject();
  out.Field("hits", 2);
  out.Field("q", "Wärmeplanung");
  out.EndObject();
  const std::string copied = out.Text();
  const std::string moved = std::move(out).Text();
  CHECK(moved == R"({"hits":2,"q":"Wärmeplanung"})");
  CHECK(moved == copied);
}

TEST_CASE("JsonWriter escapes strings and keeps UTF-8 as it is") {
  JsonWriter out;
  out.BeginArray();
  out.Value(std::string("Quote \" backslash \\ tab \t newline \n bell \x07 slash </mark>"));
  out.Value("Bürger*innen „Zitat“ – Straße");
  out.EndArray();
  const auto parsed = Poco::JSON::Parser().parse(out.Text()).extract<Poco::JSON::Array::Ptr>();
  CHECK(parsed->getElement<std::string>(0) ==
        "Quote \" backslash \\ tab \t newline \n bell \x07 slash </mark>");
  CHECK(parsed->getElement<std::string>(1) == "Bürger*innen „Zitat“ – Straße");
  // No raw control character reaches the output; non-ASCII letters are not \u-escaped.
  CHECK(out.Text().find('\n') == std::string::npos);
  CHECK(out.Text().find('\x07') == std::string::npos);
  CHECK(out.Text().find("Bürger*innen „Zitat“") != std::string::npos);
}

TEST_CASE("JsonWriter escapes a character wherever it stands in a long string") {
  // Long runs are checked 8 bytes at a time: every character to escape, and a few that
  // need none (a UTF-8 lead byte, the highest ASCII ones), at every offset of a 24-byte
  // string of plain text or of two-byte UTF-8 letters.
  std::vector<std::string> specials = {"\x7f", "~", "\xc3\xbc", "\xe2\x80\x9e", " ", "!", "#"};
  for (int c = 0; c < 0x20; ++c) specials.emplace_back(1, static_cast<char>(c));
  specials.emplace_back("\"");
  specials.emplace_back("\\");
  for (const std::string& filler : {std::string("x"), std::string("\xc3\xa4")}) {
    for (const std::string& special : specials) {
      for (std::size_t at = 0; at < 24; ++at) {
        std::string text;
        while (text.size() < 24) text += filler;
        text.insert(std::min(at, text.size()), special);
        JsonWriter out;
        out.Value(text);
        INFO("character " << static_cast<int>(static_cast<unsigned char>(special[0]))
                          << " at " << at);
        CHECK(out.Text() == Poco::toJSON(text, Poco::JSON_WRAP_STRINGS));
      }
    }
  }
}

TEST_CASE("JsonWriter writes strings byte for byte as Poco::toJSON does") {
  std::string every_ascii;
  for (int c = 1; c < 128; ++c) every_ascii += static_cast<char>(c);
  for (const std::string& text :
       {std::string(), every_ascii, std::string("\"</mark>\\"), std::string("/"),
        std::string("a<mark>Bürger</mark>innen\n"), std::string("Straße „x“")}) {
    JsonWriter out;
    out.Value(text);
    CHECK(out.Text() == Poco::toJSON(text, Poco::JSON_WRAP_STRINGS));
    JsonWriter keyed;
    keyed.BeginObject();
    keyed.Key(text);
    keyed.Null();
    keyed.EndObject();
    const std::string key = Poco::toJSON(text, Poco::JSON_WRAP_STRINGS);
    CHECK(keyed.Text() == std::string("{").append(key).append(":null}"));
  }
}

TEST_CASE("JsonWriter writes numbers as a C++ stream does") {
  JsonWriter out;
  out.BeginArray();
  out.Value(0.83);
  out.Value(2.0);
  out.Value(1234567.0);
  out.Value(0.00001);
  out.Value(std::uint64_t{18446744073709551615ULL});
  out.Value(42u);
  out.EndArray();
  CHECK(out.Text() == "[0.83,2,1.23457e+06,1e-05,18446744073709551615,42]");
}

TEST_CASE("JsonWriter writes parsed JSON values back as they were") {
  const std::string json = R"({"id":"a","topics":["x","y"],"n":3,"f":1.5,"t":true,"z":null})";
  const auto parsed = Poco::JSON::Parser().parse(json);
  JsonWriter out;
  out.Value(parsed);
  const auto again = Poco::JSON::Parser().parse(out.Text()).extract<Poco::JSON::Object::Ptr>();
  CHECK(again->getValue<std::string>("id") == "a");
  CHECK(again->getArray("topics")->size() == 2);
  CHECK(again->getValue<int>("n") == 3);
  CHECK(again->getValue<double>("f") == 1.5);
  CHECK(again->getValue<bool>("t"));
  CHECK(again->isNull("z"));
}
