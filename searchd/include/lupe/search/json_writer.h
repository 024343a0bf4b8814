#pragma once

#include <Poco/Dynamic/Var.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lupe::search {

// Writes one compact JSON document as it goes into a string: a response's hits and facets
// are written straight out instead of being built as a tree of Poco::Dynamic::Var first and
// then stringified (on a search request, the tree and its stringification took a sixth of
// the time). Strings come out byte for byte as Poco::toJSON writes them, but the runs
// between characters to escape are appended whole and only those characters go through
// Poco: PrintHandler writes a string to its std::ostream one character per ostream::write
// call, which was a tenth of a search request, and Poco::toJSON into a std::string one
// append per character, a twentieth (docs/performance.md).
// Numbers as an std::ostream writes them (doubles with 6 significant digits). Calls must
// form valid JSON: a Key() before each value inside an object.
// Thread-safety: one instance per response.
class JsonWriter {
 public:
  // Room for a search response of ten hits (~8 KB) from the start, not grown step by step.
  JsonWriter() { out_.reserve(16 << 10); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(const std::string& key);

  void Null() { Raw("null"); }
  void Value(const std::string& text);
  void Value(const char* text) { Value(std::string(text)); }
  void Value(bool flag) { Raw(flag ? "true" : "false"); }
  void Value(double number);
  void Value(std::int64_t number) { Raw(std::to_string(number)); }
  void Value(std::uint64_t number) { Raw(std::to_string(number)); }
  void Value(int number) { Raw(std::to_string(number)); }
  void Value(unsigned number) { Raw(std::to_string(number)); }
  // A value parsed by Poco::JSON::Parser (objects and arrays held by Ptr), written as is.
  void Value(const Poco::Dynamic::Var& value);

  // Key(key) and Value(value).
  template <typename T>
  void Field(const std::string& key, const T& value) {
    Key(key);
    Value(value);
  }

  // The JSON written so far.
  const std::string& Text() const& { return out_; }
  // The JSON written, moved out (a response's body without a copy).
  std::string Text() && { return std::move(out_); }

 private:
  void Separate();  // the comma before a member or element, unless it follows its key
  void Open(char bracket);
  void Close(char bracket);
  void Raw(const std::string& json);

  std::string out_;
  // Per open object or array: whether a member or element has been written in it.
  std::vector<bool> written_;
  bool after_key_ = false;
};

}  // namespace lupe::search
