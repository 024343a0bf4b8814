#include "lupe/search/json_writer.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace lupe::search {

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
