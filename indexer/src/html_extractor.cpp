// HTML via libgumbo (an HTML5 parser: never fails, repairs any tag soup the way browsers
// do). Only what a reader sees in the page body is kept; navigation, page chrome, scripts
// and hidden elements are skipped.

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>

#include "extract_encoding.h"
#include "extract_formats.h"
#include "extract_metadata.h"
#include "extract_text_builder.h"
#include "lupe/analyzers/error.h"

namespace lupe::ingest::extract {
namespace {

constexpr unsigned kMaxDepth = 512;  // gumbo itself caps nesting far below hostile depths

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:  // read separately for metadata
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

const char* Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute != nullptr ? attribute->value : nullptr;
}

bool IsHidden(const GumboElement& element) {
  if (Attribute(element, "hidden") != nullptr) return true;
  const char* aria_hidden = Attribute(element, "aria-hidden");
  return aria_hidden != nullptr && std::strcmp(aria_hidden, "true") == 0;
}

class HtmlWalker {
 public:
  HtmlWalker(TextBuilder& builder, ExtractedDocument& document)
      : builder_(builder), document_(document) {}

  void ReadHead(const GumboNode& node, unsigned depth) {
    if (node.type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return;
    const GumboElement& element = node.v.element;
    if (element.tag == GUMBO_TAG_TITLE && document_.title.empty()) {
      std::string title;
      CollectText(node, title, 0);
      document_.title = CleanTitle(title);
    } else if (element.tag == GUMBO_TAG_META) {
      ReadMeta(element);
    }
    for (unsigned i = 0; i < element.children.length; ++i) {
      ReadHead(*static_cast<const GumboNode*>(element.children.data[i]), depth + 1);
    }
  }

  void ReadBody(const GumboNode& node, unsigned depth) {
    if (depth > kMaxDepth) return;
    switch (node.type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        if (in_pre_ > 0) {
          AppendPreformatted(node.v.text.text);
        } else {
          builder_.Append(node.v.text.text);
        }
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        break;
      default:  // document, comments
        return;
    }
    const GumboElement& element = node.v.element;
    if (IsSkipped(element.tag) || IsHidden(element)) return;
    if (element.tag == GUMBO_TAG_BR) {
      builder_.LineBreak();
      return;
    }
    if (element.tag == GUMBO_TAG_H1 && first_h1_.empty()) CollectText(node, first_h1_, 0);
    const bool block = IsBlock(element.tag);
    if (block) builder_.ParagraphBreak();
    if (element.tag == GUMBO_TAG_PRE) ++in_pre_;
    for (unsigned i = 0; i < element.children.length; ++i) {
      ReadBody(*static_cast<const GumboNode*>(element.children.data[i]), depth + 1);
    }
    if (element.tag == GUMBO_TAG_PRE) --in_pre_;
    if (block) builder_.ParagraphBreak();
  }

  const std::string& first_h1() const { return first_h1_; }

 private:
  static void CollectText(const GumboNode& node, std::string& out, unsigned depth) {
    if (depth > kMaxDepth) return;
    if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE ||
        node.type == GUMBO_NODE_CDATA) {
      out += node.v.text.text;
      out += ' ';  // <h1>Haupt<br>titel</h1> must not glue words
    } else if (node.type == GUMBO_NODE_ELEMENT) {
      for (unsigned i = 0; i < node.v.element.children.length; ++i) {
        CollectText(*static_cast<const GumboNode*>(node.v.element.children.data[i]), out,
                    depth + 1);
      }
    }
  }

  void ReadMeta(const GumboElement& element) {
    const char* name_attribute = Attribute(element, "name");
    const char* content = Attribute(element, "content");
    if (name_attribute == nullptr || content == nullptr) return;
    std::string name(name_attribute);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == "author" || name == "dc.creator") {
      document_.author = CollapseWhitespace(content);
    } else if (name == "description" || name == "dc.description") {
      document_.description = CollapseWhitespace(content);
    } else if (name == "keywords" || name == "dc.subject") {
      document_.keywords = SplitKeywords(content);
    } else if ((name == "date" || name == "dcterms.date" || name == "dc.date" ||
                name == "dcterms.created") &&
               document_.date.empty()) {
      document_.date = IsoDate(content);
    } else if ((name == "dc.title" || name == "dcterms.title") && document_.title.empty()) {
      document_.title = CleanTitle(content);
    }
  }

  void AppendPreformatted(std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      builder_.Append(text.substr(start, end - start), Whitespace::kPreserve);
      if (end < text.size()) builder_.LineBreak();
      start = end + 1;
    }
  }

  TextBuilder& builder_;
  ExtractedDocument& document_;
  std::string first_h1_;
  int in_pre_ = 0;
};

// The charset a page declares in its first bytes (<meta charset="..."> or the
// http-equiv content type), lower-case; "" when none.
std::string DeclaredCharset(std::string_view bytes) {
  std::string head(bytes.substr(0, 2048));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::size_t at = head.find("charset=");
  if (at == std::string::npos) return {};
  std::size_t start = at + 8;
  while (start < head.size() && (head[start] == '"' || head[start] == '\'')) ++start;
  const std::size_t end = head.find_first_of("\"'>; /\t\r\n", start);
  return head.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

ExtractedDocument ExtractHtml(std::string_view bytes, const ExtractLimits& limits) {
  const std::string utf8 = DecodeToUtf8(bytes, DeclaredCharset(bytes));
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size()),
      [](GumboOutput* parsed) { gumbo_destroy_output(&kGumboDefaultOptions, parsed); });
  if (!output) throw Error(ErrorCode::kInternal, "libgumbo failed to parse the page");

  ExtractedDocument document;
  TextBuilder builder(limits.max_text_bytes);
  HtmlWalker walker(builder, document);
  const GumboNode& root = *output->root;
  for (unsigned i = 0; i < root.v.element.children.length; ++i) {
    const auto& child = *static_cast<const GumboNode*>(root.v.element.children.data[i]);
    if (child.type == GUMBO_NODE_ELEMENT && child.v.element.tag == GUMBO_TAG_HEAD) {
      walker.ReadHead(child, 0);
    }
  }
  walker.ReadBody(root, 0);
  if (document.title.empty()) document.title = CleanTitle(walker.first_h1());
  document.text = builder.Take();
  return document;
}

}  // namespace lupe::ingest::extract
