#include "extract_xml.h"

#include "lupe/analyzers/error.h"

namespace lupe::ingest::extract {

void LoadXmlMember(ZipReader& zip, const std::string& member, pugi::xml_document& xml) {
  if (!zip.Has(member)) {
    throw Error(ErrorCode::kInvalidInput, "office document without " + member);
  }
  const std::string bytes = zip.Read(member);
  // Whitespace-only text is kept: Word writes the space between words as <w:t> </w:t>.
  const pugi::xml_parse_result result =
      xml.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!result) {
    throw Error(ErrorCode::kInvalidInput, "malformed XML in " + member + " at offset " +
                                              std::to_string(result.offset) + ": " +
                                              result.description());
  }
}

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node FindDescendant(const pugi::xml_node& node, std::string_view local_name) {
  return node.find_node([local_name](const pugi::xml_node& candidate) {
    return candidate.type() == pugi::node_element && LocalName(candidate) == local_name;
  });
}

}  // namespace lupe::ingest::extract
