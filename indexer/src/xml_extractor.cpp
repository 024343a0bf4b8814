// Generic XML via pugixml (council resolutions, project sheets, exports): every element
// that holds text is a paragraph. XHTML is handed to the HTML extractor.

#include <cstring>
#include <pugixml.hpp>
#include <string>

#include "extract_formats.h"
#include "extract_metadata.h"
#include "extract_text_builder.h"
#include "extract_xml.h"
#include "lupe/analyzers/error.h"

namespace lupe::ingest::extract {
namespace {

constexpr unsigned kMaxDepth = 1024;
constexpr const char* kXhtmlNamespace = "http://www.w3.org/1999/xhtml";

bool IsText(const pugi::xml_node& node) {
  return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

// Indentation between child elements does not count as text.
bool HoldsText(const pugi::xml_node& element) {
  for (const pugi::xml_node& child : element.children()) {
    if (IsText(child) &&
        std::string_view(child.value()).find_first_not_of(" \t\r\n") != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// Element names that carry document metadata in the XML we see: Dublin Core, plain
// English, and the German names of municipal council systems ("betreff" is a
// resolution's subject line, which serves as its title when there is no "titel").
struct Metadata {
  pugi::xml_node title, subject, author, date;
};

void FindMetadata(const pugi::xml_node& element, Metadata& found, unsigned depth) {
  if (depth > kMaxDepth) return;
  const std::string_view name = LocalName(element);
  if (!found.title && (name == "title" || name == "titel")) found.title = element;
  if (!found.subject && name == "betreff") found.subject = element;
  if (!found.author && (name == "creator" || name == "author" || name == "autor")) {
    found.author = element;
  }
  if (!found.date && (name == "date" || name == "datum" || name == "created")) found.date = element;
  for (const pugi::xml_node& child : element.children()) {
    FindMetadata(child, found, depth + 1);
  }
}

void AppendText(const pugi::xml_node& element, bool paragraph, TextBuilder& builder,
                unsigned depth) {
  if (depth > kMaxDepth) return;
  if (paragraph) builder.ParagraphBreak();
  const bool holds_text = HoldsText(element);
  for (const pugi::xml_node& child : element.children()) {
    if (IsText(child)) {
      builder.Append(child.value());
    } else if (child.type() == pugi::node_element) {
      // Inline markup inside running text (<p>… <b>…</b> …</p>) stays in its paragraph.
      AppendText(child, !holds_text, builder, depth + 1);
    }
  }
  if (paragraph) builder.ParagraphBreak();
}

bool IsXhtml(const pugi::xml_node& root) {
  return LocalName(root) == "html" &&
         std::strcmp(root.attribute("xmlns").value(), kXhtmlNamespace) == 0;
}

}  // namespace

ExtractedDocument ExtractXml(std::string_view bytes, const ExtractLimits& limits) {
  pugi::xml_document xml;
  // pugixml never expands DOCTYPE entities (no billion laughs, no external files).
  // Whitespace-only text is kept: it separates the words of mixed content.
  const pugi::xml_parse_result result =
      xml.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!result) {
    throw Error(
        ErrorCode::kInvalidInput,
        "malformed XML at offset " + std::to_string(result.offset) + ": " + result.description());
  }
  const pugi::xml_node root = xml.document_element();
  if (IsXhtml(root)) return ExtractHtml(bytes, limits);

  ExtractedDocument document;
  Metadata found;
  FindMetadata(root, found, 0);
  const pugi::xml_node title = found.title ? found.title : found.subject;
  if (title) document.title = CleanTitle(title.text().get());
  if (found.author) document.author = CollapseWhitespace(found.author.text().get());
  if (found.date) document.date = IsoDate(found.date.text().get());

  TextBuilder builder(limits.max_text_bytes);
  AppendText(root, true, builder, 0);
  document.text = builder.Take();
  return document;
}

}  // namespace lupe::ingest::extract
