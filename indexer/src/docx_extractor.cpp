// DOCX (Office Open XML): the text of word/document.xml and the core properties of
// docProps/core.xml, read from the zip container with ZipReader and parsed with pugixml.

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

// WordprocessingML: w:p paragraphs (also inside table cells, text boxes and content
// controls) hold runs whose w:t elements carry the text. Deleted text (w:delText) and
// field codes (w:instrText) are other elements and so are left out.
void AppendWordText(const pugi::xml_node& node, TextBuilder& builder, unsigned depth) {
  if (depth > kMaxDepth) return;
  for (const pugi::xml_node& child : node.children()) {
    const std::string_view name = LocalName(child);
    if (name == "t") {
      builder.Append(child.text().get());
    } else if (name == "tab" || name == "ptab") {
      builder.Space();
    } else if (name == "br" || name == "cr") {
      builder.LineBreak();
    } else if (name == "noBreakHyphen") {
      builder.Append("-");
    } else if (name == "p" || name == "tc") {
      builder.ParagraphBreak();
      AppendWordText(child, builder, depth + 1);
      builder.ParagraphBreak();
    } else if (name != "del" && name != "instrText" && name != "pPr" && name != "rPr") {
      AppendWordText(child, builder, depth + 1);
    }
  }
}

void ReadCoreProperties(ZipReader& zip, ExtractedDocument& document) {
  if (!zip.Has("docProps/core.xml")) return;
  pugi::xml_document core;
  LoadXmlMember(zip, "docProps/core.xml", core);
  const pugi::xml_node properties = core.document_element();
  for (const pugi::xml_node& property : properties.children()) {
    const std::string_view name = LocalName(property);
    const char* value = property.text().get();
    if (name == "title") document.title = CleanTitle(value);
    if (name == "creator") document.author = CollapseWhitespace(value);
    if (name == "subject") document.description = CollapseWhitespace(value);
    if (name == "description" && document.description.empty()) {
      document.description = CollapseWhitespace(value);
    }
    if (name == "keywords") document.keywords = SplitKeywords(value);
    if (name == "created") document.date = IsoDate(value);
    if (name == "modified" && document.date.empty()) document.date = IsoDate(value);
  }
}

}  // namespace

ExtractedDocument ExtractDocx(std::string_view bytes, const ExtractLimits& limits) {
  ZipReader zip(bytes, limits.max_unpacked_bytes);
  ExtractedDocument document;
  pugi::xml_document body;
  LoadXmlMember(zip, "word/document.xml", body);
  TextBuilder builder(limits.max_text_bytes);
  AppendWordText(body.document_element(), builder, 0);
  document.text = builder.Take();
  ReadCoreProperties(zip, document);
  return document;
}

}  // namespace lupe::ingest::extract
