#include "lupe/ingest/document_builder.h"

#include <Poco/DigestEngine.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/MD5Engine.h>

#include <map>
#include <sstream>

#include "lupe/analyzers/error.h"
#include "lupe/analyzers/term_writer.h"
#include "lupe/ingest/sidecar.h"

namespace lupe::ingest {
namespace {

namespace schema = analyzers::schema;
using analyzers::FacetSpec;

// Positions between title and body, so that phrases never span the two.
constexpr Xapian::termpos kFieldGap = 100;
constexpr std::size_t kMaxTitleBytes = 300;

std::string Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// The first line of text with something in it, cut at a UTF-8 boundary near max bytes.
std::string FirstLine(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = Trim(text.substr(start, end - start));
    if (!line.empty()) {
      if (line.size() > kMaxTitleBytes) {
        std::size_t cut = kMaxTitleBytes;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        line = line.substr(0, cut) + "…";
      }
      return line;
    }
    start = end + 1;
  }
  return {};
}

// The metadata fields of a document, by name, after merging sidecar and document.
using Fields = std::map<std::string, std::vector<std::string>>;

void Set(Fields& fields, const std::string& name, const std::optional<std::string>& value) {
  if (value && !value->empty()) fields[name] = {*value};
}

}  // namespace

std::string ContentHash(std::string_view bytes, std::optional<std::string_view> sidecar_bytes) {
  Poco::MD5Engine md5;
  md5.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  if (sidecar_bytes) {
    md5.update("\0sidecar\0", 9);
    md5.update(sidecar_bytes->data(), static_cast<unsigned>(sidecar_bytes->size()));
  }
  return Poco::DigestEngine::digestToHex(md5.digest());
}

DocumentBuilder::DocumentBuilder(const analyzers::Analyzer& analyzer,
                                 const analyzers::Schema& schema, const Gazetteer& gazetteer,
                                 ExtractLimits limits)
    : analyzer_(analyzer), schema_(schema), gazetteer_(gazetteer), limits_(limits) {}

BuiltDocument DocumentBuilder::Build(const SourceFile& source, std::string_view bytes,
                                     std::optional<std::string_view> sidecar_bytes) const {
  const Sidecar sidecar = sidecar_bytes ? ParseSidecar(*sidecar_bytes) : Sidecar{};
  ExtractedDocument extracted = Extract(source.format, bytes, limits_);

  Fields fields;
  for (const auto& [name, value] : sidecar.extra) fields[name].push_back(value);
  Set(fields, "type", sidecar.type);
  Set(fields, "municipality", sidecar.municipality);
  Set(fields, "publisher", sidecar.publisher);
  Set(fields, "url", sidecar.url);
  if (!sidecar.topics.empty()) fields["topic"] = sidecar.topics;

  std::string title = sidecar.title.value_or(Trim(extracted.title));
  if (title.empty()) title = FirstLine(extracted.text);
  if (title.empty()) title = source.path.filename().string();

  std::optional<std::string> date = sidecar.date;
  if (!date && !extracted.date.empty()) date = ParseIsoDate(extracted.date);
  if (!date) {
    const std::size_t first_page =
        extracted.page_starts.size() > 1 ? extracted.page_starts[1] : extracted.text.size();
    date = FindDateOnFirstPage(std::string_view(extracted.text).substr(0, first_page));
  }
  Set(fields, "date", date);

  std::optional<std::string> state;
  if (sidecar.state) {
    state = gazetteer_.CanonicalState(*sidecar.state).value_or(*sidecar.state);
  } else if (sidecar.municipality) {
    state = gazetteer_.StateOf(*sidecar.municipality);
  }
  Set(fields, "state", state);

  BuiltDocument built;
  built.id = sidecar.id.value_or(source.default_id);
  built.hash = ContentHash(bytes, sidecar_bytes);
  Xapian::Document& document = built.document;
  document.add_boolean_term(std::string(schema::kIdPrefix) + built.id);

  // Title: its own field (title:word) and, weighted, the body field; then the text.
  const analyzers::TermWriter writer(analyzer_);
  writer.Write(title, schema::kTitle, {1, 1}, document);
  analyzers::TermWriter::Spellings spellings;
  Xapian::termpos next = writer.Write(title, schema::kBody, {1, schema::kTitleWeight}, document,
                                      {nullptr, &spellings});
  std::vector<schema::WordSpan> spans;
  writer.Write(extracted.text, schema::kBody, {next + kFieldGap, 1}, document,
               {nullptr, &spellings, &spans});
  for (const auto& [term, written] : spellings) {
    built.spellings.push_back(term);
    built.spellings.push_back(written);
  }

  Poco::JSON::Object data;
  Poco::JSON::Object facets;
  for (const FacetSpec& facet : schema_.facets()) {
    auto it = fields.find(facet.source);
    if (it == fields.end()) continue;
    std::vector<std::string> values;
    for (const std::string& value : it->second) {
      std::string v = facet.kind == FacetSpec::Kind::kYear ? value.substr(0, 4) : value;
      if (v.empty() || std::find(values.begin(), values.end(), v) != values.end()) continue;
      values.push_back(std::move(v));
      if (!facet.multi_valued) break;
    }
    if (values.empty()) continue;
    Poco::JSON::Array array;
    for (const std::string& value : values) {
      document.add_boolean_term(facet.Term(value));
      array.add(value);
    }
    document.add_value(
        facet.slot, facet.multi_valued ? analyzers::Schema::EncodeValues(values) : values.front());
    facets.set(facet.name, array);
  }
  if (date)
    document.add_value(schema::kDateSlot, Xapian::sortable_serialise(schema::DateNumber(*date)));
  document.add_value(schema::kHashSlot, built.hash);

  data.set("id", built.id);
  data.set("title", title);
  data.set("path", source.path.generic_string());
  data.set("format", FormatName(source.format));
  for (const char* name : {"url", "date", "type", "state", "municipality", "publisher"}) {
    if (auto it = fields.find(name); it != fields.end()) data.set(name, it->second.front());
  }
  Poco::JSON::Array topics;
  if (auto it = fields.find("topic"); it != fields.end()) {
    for (const std::string& topic : it->second) topics.add(topic);
  }
  data.set("topics", topics);
  data.set("facets", facets);
  if (!extracted.author.empty()) data.set("author", extracted.author);
  if (!extracted.description.empty()) data.set("description", extracted.description);
  Poco::JSON::Array pages;
  for (std::uint32_t start : extracted.page_starts) pages.add(start);
  data.set("page_starts", pages);
  std::ostringstream json;
  data.stringify(json);
  document.add_value(schema::kFieldsSlot, json.str());
  schema::HitFields hit;
  for (std::size_t i = 0; i < hit.values.size(); ++i) {
    const std::string name = schema::HitFields::kNames[i];
    if (data.has(name)) hit.values[i] = data.getValue<std::string>(name);
  }
  if (auto it = fields.find("topic"); it != fields.end()) hit.topics = it->second;
  document.add_value(schema::kHitSlot, schema::EncodeHitFields(hit));
  // The text in word chunks (schema.h): compressed here, in the workers; the data keeps
  // only the (empty) fields part, so older readers see a document without text.
  document.set_data(schema::PackData("", ""));
  schema::WordChunks chunks = schema::PackWordChunks(extracted.text, spans, next + kFieldGap);
  if (!chunks.chunks.empty()) document.add_value(schema::kChunkStartsSlot, chunks.starts);
  Xapian::valueno slot = schema::kFirstWordChunkSlot;
  for (std::string& chunk : chunks.chunks) document.add_value(slot++, std::move(chunk));
  return built;
}

}  // namespace lupe::ingest
