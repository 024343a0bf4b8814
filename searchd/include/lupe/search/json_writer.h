#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/PrintHandler.h>

#include <cstdint>
#include <sstream>
#include <string>

namespace lupe::search {

// Writes one JSON document as it goes, through Poco::JSON::PrintHandler (which places the
// commas and escapes the strings), into a string: a response's hits and facets are written
// straight out instead of being built as a tree of Poco::Dynamic::Var first and then
// stringified (on a search request, the tree and its stringification took a sixth of the
// time). Calls must form valid JSON: a Key() before each value inside an object.
// Thread-safety: one instance per response.
class JsonWriter {
 public:
  // PrintHandler writes bools with operator<<: true and false only with boolalpha.
  JsonWriter() : printer_(out_) { out_ << std::boolalpha; }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void BeginObject() { printer_.startObject(); }
  void EndObject() { printer_.endObject(); }
  void BeginArray() { printer_.startArray(); }
  void EndArray() { printer_.endArray(); }
  void Key(const std::string& key) { printer_.key(key); }

  void Null() { printer_.null(); }
  void Value(const std::string& text) { printer_.value(text); }
  void Value(const char* text) { printer_.value(std::string(text)); }
  void Value(bool flag) { printer_.value(flag); }
  void Value(double number) { printer_.value(number); }
  void Value(std::int64_t number) { printer_.value(static_cast<Poco::Int64>(number)); }
  void Value(std::uint64_t number) { printer_.value(static_cast<Poco::UInt64>(number)); }
  void Value(int number) { printer_.value(number); }
  void Value(unsigned number) { printer_.value(number); }
  // A value parsed by Poco::JSON::Parser (objects and arrays held by Ptr), written as is.
  void Value(const Poco::Dynamic::Var& value);

  // Key(key) and Value(value).
  template <typename T>
  void Field(const std::string& key, const T& value) {
    Key(key);
    Value(value);
  }

  // The JSON written so far.
  std::string Text() const { return out_.str(); }

 private:
  std::ostringstream out_;
  Poco::JSON::PrintHandler printer_;
};

}  // namespace lupe::search
