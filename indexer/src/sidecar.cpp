// ParseSidecar: the NAME.EXT.meta.xml metadata next to a document, read with pugixml.

#include "lupe/ingest/sidecar.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "lupe/analyzers/error.h"

namespace lupe::ingest {
namespace {

constexpr std::string_view kRoot = "meta";
// Whitespace-only text is kept so "<title>Stadt <em>A</em> <em>B</em></title>" keeps the
// space between its two words.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata;

[[noreturn]] void Invalid(const std::string& reason) {
  throw Error(ErrorCode::kInvalidInput, "sidecar: " + reason);
}

// A value as quoted in an error message: at most kMaxQuoted bytes, cut at a UTF-8
// character boundary, so a pasted paragraph does not become a paragraph-long reason.
std::string Quoted(std::string_view value) {
  constexpr std::size_t kMaxQuoted = 80;
  std::size_t cut = value.size();
  if (cut > kMaxQuoted) {
    cut = kMaxQuoted;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string quoted(1, '\'');
  quoted.append(value.substr(0, cut));
  if (cut < value.size()) quoted.append("…");
  quoted.push_back('\'');
  return quoted;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// All text below node (PCDATA and CDATA, also inside child elements, so markup such as
// <title>Die <em>Stadt</em></title> keeps its words), with whitespace runs collapsed to
// one space and trimmed: editors indent and wrap values freely.
std::string CollapsedText(const pugi::xml_node& node) {
  std::string raw;
  struct Collector : pugi::xml_tree_walker {
    std::string* out;
    bool for_each(pugi::xml_node& child) override {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        *out += child.value();
      }
      return true;
    }
  } collector;
  collector.out = &raw;
  pugi::xml_node walked = node;
  walked.traverse(collector);

  std::string text;
  bool pending_space = false;
  for (const char c : raw) {
    if (IsSpace(c)) {
      pending_space = !text.empty();
      continue;
    }
    if (pending_space) text += ' ';
    pending_space = false;
    text += c;
  }
  return text;
}

// Ids become unique terms and URL path segments, so they are restricted to letters,
// digits and a few separators; anything else (spaces, quotes, '#', '?') is an editing slip.
bool IsValidId(std::string_view id) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(id.data());
  const auto length = static_cast<int32_t>(id.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;  // malformed UTF-8
    if (u_isalpha(c) || u_isdigit(c)) continue;
    if (c == '-' || c == '_' || c == '.' || c == '/') continue;
    return false;
  }
  return true;
}

// Single-valued elements keep their first non-empty value; a repetition is ignored
// rather than rejected because it carries no information the first one lacks.
void SetOnce(std::optional<std::string>& field, std::string value) {
  if (!field) field = std::move(value);
}

}  // namespace

Sidecar ParseSidecar(std::string_view xml) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed =
      document.load_buffer(xml.data(), xml.size(), kParseOptions, pugi::encoding_auto);
  if (!parsed) {
    Invalid("XML parse error at offset " + std::to_string(parsed.offset) + ": " +
            parsed.description());
  }
  const pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) != kRoot) {
    Invalid("root element is <" + std::string(root.name()) + ">, expected <meta>");
  }

  Sidecar sidecar;
  for (const pugi::xml_node& element : root.children()) {
    if (element.type() != pugi::node_element) continue;
    const std::string name = element.name();
    std::string value = CollapsedText(element);
    if (value.empty()) continue;  // <date/> or <date> </date>: absent, not invalid

    if (name == "id") {
      if (!IsValidId(value)) {
        Invalid("<id> " + Quoted(value) +
                " contains characters other than letters, digits, '-', '_', '.', '/'");
      }
      SetOnce(sidecar.id, std::move(value));
    } else if (name == "date") {
      std::optional<std::string> date = ParseIsoDate(value);
      if (!date) {
        Invalid("<date> " + Quoted(value) + " is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
      }
      SetOnce(sidecar.date, std::move(*date));
    } else if (name == "title") {
      SetOnce(sidecar.title, std::move(value));
    } else if (name == "type") {
      SetOnce(sidecar.type, std::move(value));
    } else if (name == "state") {
      SetOnce(sidecar.state, std::move(value));
    } else if (name == "municipality") {
      SetOnce(sidecar.municipality, std::move(value));
    } else if (name == "publisher") {
      SetOnce(sidecar.publisher, std::move(value));
    } else if (name == "url") {
      SetOnce(sidecar.url, std::move(value));
    } else if (name == "topic") {
      sidecar.topics.push_back(std::move(value));
    } else {
      sidecar.extra.emplace_back(name, std::move(value));
    }
  }
  return sidecar;
}

}  // namespace lupe::ingest
