#include "lupe/search/hit_fields.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <string>

#include "lupe/analyzers/error.h"

namespace lupe::search {

namespace schema = analyzers::schema;

schema::HitFields HitFieldsOf(const Xapian::Document& document) {
  return HitFieldsOf(document, document.get_value(schema::kHitSlot));
}

schema::HitFields HitFieldsOf(const Xapian::Document& document, std::string_view hit_value) {
  if (!hit_value.empty()) return schema::DecodeHitFields(hit_value);
  schema::HitFields fields;
  try {
    const auto object = Poco::JSON::Parser()
                            .parse(schema::StoredFields(document))
                            .extract<Poco::JSON::Object::Ptr>();
    for (std::size_t i = 0; i < fields.values.size(); ++i) {
      const char* name = schema::HitFields::kNames[i];
      if (object->has(name) && !object->isNull(name)) {
        fields.values[i] = object->getValue<std::string>(name);
      }
    }
    if (const auto topics = object->getArray("topics")) {
      for (std::size_t t = 0; t < topics->size(); ++t) {
        fields.topics.push_back(topics->getElement<std::string>(static_cast<unsigned>(t)));
      }
    }
  } catch (const Poco::Exception& error) {
    throw Error(ErrorCode::kInternal, "the stored fields of document " +
                                          std::to_string(document.get_docid()) +
                                          " are not a JSON object: " + error.displayText());
  }
  return fields;
}

}  // namespace lupe::search
