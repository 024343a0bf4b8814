#include "lupe/search/json_writer.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSONString.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace lupe::search {
namespace {

// Whether Poco::toJSON escapes c (without JSON_ESCAPE_UNICODE: control characters, quote
// and backslash; slash and UTF-8 pass through).
bool Escaped(char c) { return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\'; }

// Whether any of the 8 bytes of block may need escaping: a byte below 0x20, a quote or a
// backslash (exact for bytes below 0x80; UTF-8's bytes from 0x80 never are).
bool MayEscape(std::uint64_t block) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighs = 0x8080808080808080;
  const auto has_zero = [](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  return (((block - 0x20 * kOnes) & ~block & kHighs) | has_zero(block ^ ('"' * kOnes)) |
          has_zero(block ^ ('\\' * kOnes))) != 0;
}

// Appends text as a JSON string, as Poco::toJSON(text, JSON_WRAP_STRINGS) writes it: the
// runs between characters to escape are appended whole, each character to escape is escaped
// by Poco. (Poco::toJSON appends one std::string::append call per character, which was a
// twentieth of a search request.) Runs of 8 bytes with nothing to escape are skipped whole
// (a response is ~10 KB of such text).
void AppendString(std::string& out, const std::string& text) {
  out += '"';
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size()) {
      std::uint64_t block;
      std::memcpy(&block, text.data() + i, sizeof block);
      if (!MayEscape(block)) {
        i += 8;
        continue;
      }
    }
    const std::size_t end = std::min(i + 8, text.size());
    for (; i < end; ++i) {
      if (!Escaped(text[i])) continue;
      out.append(text, run, i - run);
      if (text[i] == '"' || text[i] == '\\') {
        out += '\\';  // the common ones without Poco's strings
        out += text[i];
      } else {
        out += Poco::toJSON(std::string(1, text[i]), 0);
      }
      run = i + 1;
    }
  }
  out.append(text, run, std::string::npos);
  out += '"';
}

}  // namespace

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
  AppendString(out_, key);
  out_ += ':';
  after_key_ = true;
}

void JsonWriter::Value(const std::string& text) {
  Separate();
  AppendString(out_, text);
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
