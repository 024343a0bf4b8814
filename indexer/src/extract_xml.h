#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "zip_reader.h"

// XML helpers shared by the XML, DOCX and ODT extractors (office parts live in zip
// containers). Stateless
// functions; thread-safe.
namespace lupe::ingest::extract {

// Parses member of the container into xml. Throws lupe::Error(kInvalidInput) naming the
// member when it is missing or malformed.
void LoadXmlMember(ZipReader& zip, const std::string& member, pugi::xml_document& xml);

// "t" for "w:t": office files bind namespaces to conventional but not guaranteed prefixes.
std::string_view LocalName(const pugi::xml_node& node);

// The first descendant element of node with the given local name (depth first).
pugi::xml_node FindDescendant(const pugi::xml_node& node, std::string_view local_name);

}  // namespace lupe::ingest::extract
