// Markdown via libcmark: the AST is walked and only the readable text is kept; YAML front
// matter (via libyaml) supplies metadata.

#include <cmark.h>
#include <yaml.h>

#include <memory>
#include <string>

#include "extract_encoding.h"
#include "extract_formats.h"
#include "extract_metadata.h"
#include "extract_text_builder.h"
#include "lupe/analyzers/error.h"

namespace lupe::ingest::extract {
namespace {

// Deeper nesting (">>>>>…" or "* * * *…") only happens in hostile files; the walk stops
// there instead of exhausting the stack.
constexpr int kMaxDepth = 256;

std::string Scalar(const yaml_node_t* node) {
  if (node == nullptr || node->type != YAML_SCALAR_NODE) return {};
  return std::string(reinterpret_cast<const char*>(node->data.scalar.value),
                     node->data.scalar.length);
}

void ApplyFrontMatterEntry(yaml_document_t& yaml, const std::string& key, yaml_node_t* value,
                           ExtractedDocument& document) {
  if (key == "title") document.title = CleanTitle(Scalar(value));
  if (key == "author") document.author = CollapseWhitespace(Scalar(value));
  if (key == "date") document.date = IsoDate(Scalar(value));
  if (key == "description" || key == "subject") {
    document.description = CollapseWhitespace(Scalar(value));
  }
  if (key != "keywords" && key != "tags") return;
  if (value != nullptr && value->type == YAML_SEQUENCE_NODE) {
    for (yaml_node_item_t* item = value->data.sequence.items.start;
         item < value->data.sequence.items.top; ++item) {
      std::string keyword = CollapseWhitespace(Scalar(yaml_document_get_node(&yaml, *item)));
      if (!keyword.empty()) document.keywords.push_back(std::move(keyword));
    }
  } else {
    document.keywords = SplitKeywords(Scalar(value));
  }
}

// Reads "---\n<yaml>\n---\n" at the start of text into document and returns the rest.
// Front matter that is not a YAML mapping is left as text (it may be a thematic break).
std::string_view ReadFrontMatter(std::string_view text, ExtractedDocument& document) {
  if (!text.starts_with("---\n") && !text.starts_with("---\r\n")) return text;
  const std::size_t body = text.find('\n') + 1;
  std::size_t close = text.find("\n---", body - 1);
  while (close != std::string_view::npos) {
    const std::size_t after = close + 4;
    if (after == text.size() || text[after] == '\n' || text[after] == '\r') break;
    close = text.find("\n---", after);
  }
  if (close == std::string_view::npos) return text;
  const std::string_view yaml_text = text.substr(body, close + 1 - body);

  yaml_parser_t parser;
  yaml_document_t yaml;
  if (yaml_parser_initialize(&parser) == 0) return text;
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(yaml_text.data()),
                               yaml_text.size());
  const bool loaded = yaml_parser_load(&parser, &yaml) != 0;
  yaml_parser_delete(&parser);
  if (!loaded) return text;
  yaml_node_t* root = yaml_document_get_root_node(&yaml);
  const bool mapping = root != nullptr && root->type == YAML_MAPPING_NODE;
  if (mapping) {
    for (yaml_node_pair_t* pair = root->data.mapping.pairs.start;
         pair < root->data.mapping.pairs.top; ++pair) {
      ApplyFrontMatterEntry(yaml, Scalar(yaml_document_get_node(&yaml, pair->key)),
                            yaml_document_get_node(&yaml, pair->value), document);
    }
  }
  yaml_document_delete(&yaml);
  if (!mapping) return text;
  const std::size_t rest = text.find('\n', close + 1);
  return rest == std::string_view::npos ? std::string_view() : text.substr(rest + 1);
}

// The text of a paragraph's or heading's inlines, markup removed; "\n" at line breaks.
void RenderInlines(cmark_node* node, std::string& out, int depth) {
  if (depth > kMaxDepth) return;
  for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
       child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(child);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += '\n';
        break;
      case CMARK_NODE_HTML_INLINE:  // raw tags are markup, not text
        break;
      default:  // emphasis, strong, link text, image alt text
        RenderInlines(child, out, depth + 1);
    }
  }
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool IsTableDelimiterRow(std::string_view line) {
  return line.find('-') != std::string_view::npos &&
         line.find_first_not_of("|-: \t") == std::string_view::npos;
}

// CommonMark has no tables, so a GFM pipe table arrives as a paragraph of "| a | b |"
// lines with a "|---|---|" row; its cells become paragraphs like other formats' cells.
bool AppendIfPipeTable(std::string_view text, TextBuilder& builder) {
  const std::vector<std::string_view> lines = Lines(text);
  if (lines.size() < 2 || !IsTableDelimiterRow(lines[1])) return false;
  for (std::string_view line : lines) {
    if (line.find('|') == std::string_view::npos) return false;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i == 1) continue;
    std::string_view row = lines[i];
    std::size_t start = 0;
    while (start <= row.size()) {
      std::size_t end = row.find('|', start);
      if (end == std::string_view::npos) end = row.size();
      builder.ParagraphBreak();
      builder.Append(row.substr(start, end - start));
      start = end + 1;
    }
  }
  builder.ParagraphBreak();
  return true;
}

void AppendInlineBlock(cmark_node* node, TextBuilder& builder) {
  std::string text;
  RenderInlines(node, text, 0);
  builder.ParagraphBreak();
  if (!AppendIfPipeTable(text, builder)) {
    for (std::string_view line : Lines(text)) {
      builder.Append(line);
      builder.LineBreak();
    }
  }
  builder.ParagraphBreak();
}

void AppendBlocks(cmark_node* node, TextBuilder& builder, ExtractedDocument& document, int depth) {
  if (depth > kMaxDepth) return;
  for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
       child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_HEADING:
        if (document.title.empty()) {
          std::string heading;
          RenderInlines(child, heading, 0);
          document.title = CleanTitle(heading);
        }
        AppendInlineBlock(child, builder);
        break;
      case CMARK_NODE_PARAGRAPH:
        AppendInlineBlock(child, builder);
        break;
      case CMARK_NODE_CODE_BLOCK:
        builder.ParagraphBreak();
        for (std::string_view line : Lines(cmark_node_get_literal(child))) {
          builder.Append(line, Whitespace::kPreserve);
          builder.LineBreak();
        }
        builder.ParagraphBreak();
        break;
      case CMARK_NODE_HTML_BLOCK:  // raw HTML is markup, not text
      case CMARK_NODE_THEMATIC_BREAK:
        builder.ParagraphBreak();
        break;
      default:  // block quotes, lists, items: their blocks carry the text
        builder.ParagraphBreak();
        AppendBlocks(child, builder, document, depth + 1);
        builder.ParagraphBreak();
    }
  }
}

}  // namespace

ExtractedDocument ExtractMarkdown(std::string_view bytes, const ExtractLimits& limits) {
  const std::string utf8 = DecodeToUtf8(bytes);
  ExtractedDocument document;
  const std::string_view body = ReadFrontMatter(utf8, document);
  const std::string front_matter_title = document.title;
  document.title.clear();

  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> root(
      cmark_parse_document(body.data(), body.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
  if (!root) throw Error(ErrorCode::kInternal, "libcmark failed to parse the document");
  TextBuilder builder(limits.max_text_bytes);
  AppendBlocks(root.get(), builder, document, 0);
  document.text = builder.Take();
  if (!front_matter_title.empty()) document.title = front_matter_title;
  return document;
}

}  // namespace lupe::ingest::extract
