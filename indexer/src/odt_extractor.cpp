// ODT (OpenDocument text): the text of content.xml and the properties of meta.xml, read
// from the zip container with ZipReader and parsed with pugixml.

#include <pugixml.hpp>
#include <string>

#include "extract_formats.h"
#include "extract_metadata.h"
#include "extract_text_builder.h"
#include "extract_xml.h"
#include "zip_reader.h"

namespace lupe::ingest::extract {
namespace {

constexpr unsigned kMaxDepth = 1024;

// ODF text: text:p and text:h are paragraphs (also inside lists, table cells and frames);
// whitespace in them collapses as in HTML, so text:s, text:tab and text:line-break encode
// the spaces and breaks. Tracked deletions and comments are not document text.
void AppendOdfText(const pugi::xml_node& node, TextBuilder& builder, unsigned depth) {
  if (depth > kMaxDepth) return;
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      builder.Append(child.value());
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = LocalName(child);
    if (name == "s" || name == "tab") {
      builder.Space();
    } else if (name == "line-break") {
      builder.LineBreak();
    } else if (name == "p" || name == "h" || name == "table-cell") {
      builder.ParagraphBreak();
      AppendOdfText(child, builder, depth + 1);
      builder.ParagraphBreak();
    } else if (name != "tracked-changes" && name != "annotation" && name != "sequence-decls" &&
               name != "soft-page-break" && name != "note-citation") {
      AppendOdfText(child, builder, depth + 1);
    }
  }
}

void ReadMeta(ZipReader& zip, ExtractedDocument& document) {
  if (!zip.Has("meta.xml")) return;
  pugi::xml_document meta_xml;
  LoadXmlMember(zip, "meta.xml", meta_xml);
  const pugi::xml_node meta = FindDescendant(meta_xml, "meta");
  std::string creation_date, dc_date, initial_creator;
  for (const pugi::xml_node& property : meta.children()) {
    const std::string_view name = LocalName(property);
    const char* value = property.text().get();
    if (name == "title") document.title = CleanTitle(value);
    if (name == "creator") document.author = CollapseWhitespace(value);
    if (name == "initial-creator") initial_creator = CollapseWhitespace(value);
    if (name == "subject") document.description = CollapseWhitespace(value);
    if (name == "description" && document.description.empty()) {
      document.description = CollapseWhitespace(value);
    }
    if (name == "keyword") {
      for (std::string& keyword : SplitKeywords(value)) document.keywords.push_back(keyword);
    }
    if (name == "creation-date") creation_date = IsoDate(value);
    if (name == "date") dc_date = IsoDate(value);
  }
  // The initial creator is the author; dc:creator is whoever saved last.
  if (!initial_creator.empty()) document.author = initial_creator;
  document.date = !creation_date.empty() ? creation_date : dc_date;
}

}  // namespace

ExtractedDocument ExtractOdt(std::string_view bytes, const ExtractLimits& limits) {
  ZipReader zip(bytes, limits.max_unpacked_bytes);
  ExtractedDocument document;
  pugi::xml_document content;
  LoadXmlMember(zip, "content.xml", content);
  const pugi::xml_node body = FindDescendant(content, "body");
  TextBuilder builder(limits.max_text_bytes);
  AppendOdfText(body ? body : content.document_element(), builder, 0);
  document.text = builder.Take();
  ReadMeta(zip, document);
  return document;
}

}  // namespace lupe::ingest::extract
