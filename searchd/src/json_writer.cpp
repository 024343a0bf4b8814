#include "lupe/search/json_writer.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSONString.h>

#include <cstdio>

namespace lupe::search {

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
  } else if (!written_.empty()) {
    if (written_.back()) out_ += ',';
    written_.back() = true;
  }
}

void JsonWriter::Open(char bracket) {
  Separate();
  out_ += bracket;
  written_.push_back(false);
}

void JsonWriter::Close(char bracket) {
  out_ += bracket;
  written_.pop_back();
}

void JsonWriter::Raw(const std::string& json) {
  Separate();
  out_ += json;
}

void JsonWriter::Key(const std::string& key) {
  Separate();
  out_ += Poco::toJSON(key, Poco::JSON_WRAP_STRINGS);
  out_ += ':';
  after_key_ = true;
}

void JsonWriter::Value(const std::string& text) {
  Separate();
  out_ += Poco::toJSON(text, Poco::JSON_WRAP_STRINGS);
}

void JsonWriter::Value(double number) {
  char text[32];
  // %g with precision 6: what std::ostream << double writes by default.
  const int size = std::snprintf(text, sizeof text, "%g", number);
  Raw(std::string(text, static_cast<std::size_t>(size)));
}

void JsonWriter::Value(const Poco::Dynamic::Var& value) {
  if (value.isEmpty()) {
    Null();
  } else if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
    const auto object = value.extract<Poco::JSON::Object::Ptr>();
    BeginObject();
    for (const auto& [key, member] : *object) {
      Key(key);
      Value(member);
    }
    EndObject();
  } else if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
    const auto array = value.extract<Poco::JSON::Array::Ptr>();
    BeginArray();
    for (const Poco::Dynamic::Var& element : *array) Value(element);
    EndArray();
  } else if (value.isString()) {
    Value(value.extract<std::string>());
  } else if (value.isBoolean()) {
    Value(value.convert<bool>());
  } else if (value.isInteger()) {
    if (value.isSigned()) {
      Value(static_cast<std::int64_t>(value.convert<Poco::Int64>()));
    } else {
      Value(static_cast<std::uint64_t>(value.convert<Poco::UInt64>()));
    }
  } else if (value.isNumeric()) {
    Value(value.convert<double>());
  } else {
    Value(value.convert<std::string>());
  }
}

}  // namespace lupe::search
