#include "lupe/analyzers/schema.h"

#include <Poco/Exception.h>
#include <Poco/InflatingStream.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <set>
#include <sstream>

#include "lupe/analyzers/error.h"
#include "varint.h"

namespace lupe::analyzers {
namespace {

bool IsFacetName(std::string_view name) {
  if (name.empty() || name.size() > 32) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

Error ConfigError(const std::string& path, const std::string& what) {
  return Error(ErrorCode::kConfig, path + ": " + what);
}

// Non-decreasing pairs of 32-bit numbers as the varints of their deltas.
std::string EncodePairs(const std::vector<std::pair<std::uint64_t, std::uint64_t>>& pairs) {
  std::string encoded;
  std::pair<std::uint64_t, std::uint64_t> previous{0, 0};
  for (const auto& pair : pairs) {
    PutVarint(encoded, pair.first - previous.first);
    PutVarint(encoded, pair.second - previous.second);
    previous = pair;
  }
  return encoded;
}

// Reads the pairs of EncodePairs up to the first malformed one or one beyond 32 bits.
class PairReader {
 public:
  explicit PairReader(std::string_view encoded) : encoded_(encoded) {}

  bool Next(std::pair<std::uint64_t, std::uint64_t>& pair) {
    std::uint64_t first;
    std::uint64_t second;
    if (i_ >= encoded_.size() || !GetVarint(encoded_, i_, first) ||
        !GetVarint(encoded_, i_, second) || first > UINT32_MAX || second > UINT32_MAX) {
      return false;
    }
    pair_ = {pair_.first + first, pair_.second + second};
    pair = pair_;
    return pair_.first <= UINT32_MAX && pair_.second <= UINT32_MAX;
  }

 private:
  std::string_view encoded_;
  std::size_t i_ = 0;
  std::pair<std::uint64_t, std::uint64_t> pair_{0, 0};
};

}  // namespace

double schema::DateNumber(std::string_view iso_date) {
  auto digits = [&](std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count && i < iso_date.size(); ++i) {
      if (iso_date[i] < '0' || iso_date[i] > '9') return 0;
      value = value * 10 + (iso_date[i] - '0');
    }
    return at + count <= iso_date.size() ? value : 0;
  };
  return digits(0, 4) * 10000.0 + digits(5, 2) * 100.0 + digits(8, 2);
}

std::string schema::PackData(std::string_view fields_json, std::string_view text,
                             std::vector<Restart>* restarts) {
  std::string packed(fields_json);
  packed += '\0';
  if (text.empty()) return packed;  // zlib has no stream for nothing
  // Level 1: a third of level 6's CPU in the indexer's workers for a few percent more bytes.
  z_stream stream{};
  if (deflateInit(&stream, 1) != Z_OK) throw Error(ErrorCode::kInternal, "zlib does not start");
  const std::size_t base = packed.size();
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = std::min<std::size_t>(text.size() - at, kRestartSpacing);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data() + at));
    stream.avail_in = static_cast<uInt>(length);
    at += length;
    const int flush = at == text.size() ? Z_FINISH : Z_FULL_FLUSH;
    int status;
    do {  // until the block is consumed (and, at the end, the stream finished)
      const std::size_t used = base + stream.total_out;
      packed.resize(used + deflateBound(&stream, stream.avail_in) + 64);
      stream.next_out = reinterpret_cast<Bytef*>(packed.data() + used);
      stream.avail_out = static_cast<uInt>(packed.size() - used);
      status = deflate(&stream, flush);
    } while (status == Z_OK && (stream.avail_out == 0 || flush == Z_FINISH));
    if (restarts != nullptr && flush == Z_FULL_FLUSH) {
      restarts->push_back(
          {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(stream.total_out)});
    }
  }
  packed.resize(base + stream.total_out);
  deflateEnd(&stream);
  return packed;
}

std::string_view schema::FieldsOf(std::string_view data) { return data.substr(0, data.find('\0')); }

std::string schema::EncodeHitFields(const HitFields& fields) {
  std::string encoded;
  for (const std::optional<std::string>& value : fields.values) {
    PutVarint(encoded, value ? value->size() + 1 : 0);
    if (value) encoded += *value;
  }
  PutVarint(encoded, fields.topics.size());
  for (const std::string& topic : fields.topics) {
    PutVarint(encoded, topic.size());
    encoded += topic;
  }
  return encoded;
}

schema::HitFields schema::DecodeHitFields(std::string_view encoded) {
  auto malformed = [](const char* what) {
    return Error(ErrorCode::kInternal,
                 "malformed hit fields value (slot " + std::to_string(kHitSlot) + "): " + what);
  };
  std::size_t i = 0;
  auto number = [&] {
    std::uint64_t value = 0;
    if (!GetVarint(encoded, i, value)) throw malformed("a length is cut off");
    return value;
  };
  auto bytes = [&](std::uint64_t size) {
    if (size > encoded.size() - i) throw malformed("a field runs past its end");
    i += size;
    return std::string(encoded.substr(i - size, size));
  };
  HitFields fields;
  for (std::optional<std::string>& value : fields.values) {
    if (const std::uint64_t size = number(); size > 0) value = bytes(size - 1);
  }
  const std::uint64_t topics = number();
  if (topics > encoded.size() - i) throw malformed("more topics than bytes");
  for (std::uint64_t t = 0; t < topics; ++t) fields.topics.push_back(bytes(number()));
  if (i != encoded.size()) throw malformed("bytes after its end");
  return fields;
}

std::string schema::StoredFields(const Xapian::Document& document) {
  std::string fields = document.get_value(kFieldsSlot);
  if (fields.empty()) fields = std::string(FieldsOf(document.get_data()));
  return fields;
}

schema::DocumentData schema::UnpackData(std::string_view data) {
  DocumentData unpacked;
  const std::size_t split = data.find('\0');
  unpacked.fields_json = std::string(data.substr(0, split));
  if (split == std::string_view::npos || split + 1 == data.size()) return unpacked;
  try {
    std::istringstream compressed(std::string(data.substr(split + 1)));
    Poco::InflatingInputStream inflate(compressed, Poco::InflatingStreamBuf::STREAM_ZLIB);
    unpacked.text.assign(std::istreambuf_iterator<char>(inflate), std::istreambuf_iterator<char>());
  } catch (const Poco::Exception& error) {
    throw Error(ErrorCode::kInternal, "document text does not inflate: " + error.displayText());
  }
  return unpacked;
}

std::string schema::EncodeAnchors(const std::vector<Anchor>& anchors) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs;
  for (const Anchor& anchor : anchors) pairs.emplace_back(anchor.position, anchor.offset);
  return EncodePairs(pairs);
}

std::vector<schema::Anchor> schema::DecodeAnchors(std::string_view encoded, Xapian::termpos until) {
  std::vector<Anchor> anchors;
  PairReader reader(encoded);
  std::pair<std::uint64_t, std::uint64_t> pair;
  while ((anchors.empty() || anchors.back().position <= until) && reader.Next(pair)) {
    anchors.push_back(
        {static_cast<Xapian::termpos>(pair.first), static_cast<std::uint32_t>(pair.second)});
  }
  return anchors;
}

std::string schema::EncodeRestarts(const std::vector<Restart>& restarts) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs;
  for (const Restart& restart : restarts)
    pairs.emplace_back(restart.text_offset, restart.packed_offset);
  return EncodePairs(pairs);
}

std::vector<schema::Restart> schema::DecodeRestarts(std::string_view encoded) {
  std::vector<Restart> restarts;
  PairReader reader(encoded);
  std::pair<std::uint64_t, std::uint64_t> pair;
  while (reader.Next(pair)) {
    restarts.push_back(
        {static_cast<std::uint32_t>(pair.first), static_cast<std::uint32_t>(pair.second)});
  }
  return restarts;
}

std::string FacetSpec::TermPrefix() const { return "XF" + name + ":"; }

std::string FacetSpec::Term(std::string_view value) const {
  std::string term = TermPrefix();
  term += value;
  return term;
}

Schema::Schema(std::vector<FacetSpec> facets) : facets_(std::move(facets)) {
  std::set<std::string> names;
  std::set<Xapian::valueno> slots;
  for (const FacetSpec& facet : facets_) {
    if (!IsFacetName(facet.name)) {
      throw Error(ErrorCode::kConfig,
                  "facet name '" + facet.name + "' must be 1-32 lower-case letters, digits or '_'");
    }
    if (!names.insert(facet.name).second) {
      throw Error(ErrorCode::kConfig, "facet '" + facet.name + "' is defined twice");
    }
    if (facet.slot < schema::kFirstFacetSlot || facet.slot >= schema::kFirstTextSlot ||
        !slots.insert(facet.slot).second) {
      throw Error(ErrorCode::kConfig, "facet '" + facet.name + "': slot " +
                                          std::to_string(facet.slot) + " is taken or not in " +
                                          std::to_string(schema::kFirstFacetSlot) + "-" +
                                          std::to_string(schema::kFirstTextSlot - 1));
    }
    if (facet.source.empty()) {
      throw Error(ErrorCode::kConfig, "facet '" + facet.name + "' has no source");
    }
  }
}

Schema Schema::Default() {
  using Kind = FacetSpec::Kind;
  return Schema({{"type", "type", Kind::kString, false, 10},
                 {"year", "date", Kind::kYear, false, 11},
                 {"state", "state", Kind::kString, false, 12},
                 {"municipality", "municipality", Kind::kString, false, 13},
                 {"publisher", "publisher", Kind::kString, false, 14},
                 {"topic", "topic", Kind::kString, true, 15}});
}

std::string Schema::ConfigPath(const std::string& path) {
  if (!path.empty()) return path;
  std::error_code error;
  return std::filesystem::exists("config/lupe.ini", error) ? "config/lupe.ini" : "";
}

Schema Schema::Load(const std::string& ini_path) {
  Poco::AutoPtr<Poco::Util::IniFileConfiguration> config;
  try {
    config = new Poco::Util::IniFileConfiguration(ini_path);
  } catch (const Poco::Exception& error) {
    throw ConfigError(ini_path, "cannot read: " + error.displayText());
  }
  const std::string order = config->getString("facets.order", "");
  if (order.empty()) throw ConfigError(ini_path, "[facets] order is missing");
  std::vector<FacetSpec> facets;
  Poco::StringTokenizer names(
      order, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  for (const std::string& name : names) {
    const std::string section = "facet." + name;
    FacetSpec facet;
    facet.name = name;
    try {
      facet.source = config->getString(section + ".source", name);
      const std::string kind = Poco::toLower(config->getString(section + ".kind", "string"));
      if (kind != "string" && kind != "year") {
        throw ConfigError(ini_path,
                          "[" + section + "] kind must be string or year, not '" + kind + "'");
      }
      facet.kind = kind == "year" ? FacetSpec::Kind::kYear : FacetSpec::Kind::kString;
      facet.multi_valued = config->getBool(section + ".multi", false);
      if (!config->has(section + ".slot")) {
        throw ConfigError(ini_path, "[" + section + "] slot is missing");
      }
      const int slot = config->getInt(section + ".slot");
      if (slot < 0) throw ConfigError(ini_path, "[" + section + "] slot must not be negative");
      facet.slot = static_cast<Xapian::valueno>(slot);
    } catch (const Poco::SyntaxException& error) {
      throw ConfigError(ini_path, "[" + section + "]: " + error.displayText());
    }
    facets.push_back(std::move(facet));
  }
  try {
    return Schema(std::move(facets));
  } catch (const Error& error) {
    throw ConfigError(ini_path, error.what());
  }
}

const FacetSpec* Schema::Find(std::string_view name) const {
  for (const FacetSpec& facet : facets_) {
    if (facet.name == name) return &facet;
  }
  return nullptr;
}

std::string Schema::Describe() const {
  std::string description;
  for (const FacetSpec& facet : facets_) {
    if (!description.empty()) description += ',';
    description += facet.name + ":" + std::to_string(facet.slot) + ":" +
                   (facet.kind == FacetSpec::Kind::kYear ? "year" : "string") + ":" +
                   (facet.multi_valued ? "multi" : "single");
  }
  return description;
}

std::string Schema::EncodeValues(const std::vector<std::string>& values) {
  std::string encoded;
  for (const std::string& value : values) {
    encoded += std::to_string(value.size());
    encoded += ':';
    encoded += value;
  }
  return encoded;
}

std::vector<std::string> Schema::DecodeValues(std::string_view encoded) {
  std::vector<std::string> values;
  std::size_t i = 0;
  while (i < encoded.size()) {
    std::size_t length = 0;
    while (i < encoded.size() && encoded[i] >= '0' && encoded[i] <= '9') {
      length = length * 10 + static_cast<std::size_t>(encoded[i++] - '0');
    }
    if (i >= encoded.size() || encoded[i] != ':' || i + 1 + length > encoded.size()) break;
    values.emplace_back(encoded.substr(i + 1, length));
    i += 1 + length;
  }
  return values;
}

}  // namespace lupe::analyzers
