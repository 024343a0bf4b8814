# Format extractors of lupe_ingest (owned by the extractor work; included by CMakeLists.txt).
# LUPE_EXTRACTOR_SOURCES: sources relative to indexer/; LUPE_EXTRACTOR_LIBS: link libraries.
# Every parser is a Debian library; none is hand-written.
find_package(pugixml REQUIRED)
find_package(Poco REQUIRED COMPONENTS Zip Foundation)
pkg_check_modules(LUPE_EXTRACT_DEPS REQUIRED IMPORTED_TARGET
  libcmark gumbo uchardet poppler-cpp yaml-0.1)
find_library(LUPE_MAGIC_LIBRARY magic REQUIRED)

set(LUPE_EXTRACTOR_SOURCES
  src/extractor.cpp
  src/content_sniffer.cpp
  src/extract_encoding.cpp
  src/extract_text_builder.cpp
  src/extract_metadata.cpp
  src/text_extractor.cpp
  src/markdown_extractor.cpp
  src/html_extractor.cpp
  src/xml_extractor.cpp
  src/pdf_extractor.cpp
  src/zip_reader.cpp
  src/extract_xml.cpp
  src/docx_extractor.cpp
  src/odt_extractor.cpp)
set(LUPE_EXTRACTOR_LIBS
  PkgConfig::LUPE_EXTRACT_DEPS PkgConfig::ICU pugixml::pugixml Poco::Zip Poco::Foundation
  ${LUPE_MAGIC_LIBRARY})
