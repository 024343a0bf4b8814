# Metadata of lupe_ingest: sidecars, dates, gazetteer (included by CMakeLists.txt).
# LUPE_METADATA_SOURCES: sources relative to indexer/; LUPE_METADATA_LIBS: link libraries.

find_package(pugixml REQUIRED)

# The gazetteer is compiled in, like the analyzer's word lists: no data path at run time.
set(LUPE_GAZETTEER_TSV ${CMAKE_CURRENT_SOURCE_DIR}/data/gazetteer.tsv)
set(LUPE_GAZETTEER_CPP ${CMAKE_CURRENT_BINARY_DIR}/gazetteer_data.cpp)
add_custom_command(
  OUTPUT ${LUPE_GAZETTEER_CPP}
  COMMAND ${CMAKE_COMMAND} -DOUTPUT=${LUPE_GAZETTEER_CPP} -DNAMESPACE=lupe::ingest::data
          "-DINPUTS=kGazetteer=${LUPE_GAZETTEER_TSV}"
          -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
  DEPENDS ${LUPE_GAZETTEER_TSV} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
  COMMENT "Embedding the gazetteer")

set(LUPE_METADATA_SOURCES
  src/first_page_date.cpp
  src/gazetteer.cpp
  src/iso_date.cpp
  src/sidecar.cpp
  ${LUPE_GAZETTEER_CPP})
set(LUPE_METADATA_LIBS pugixml::pugixml PkgConfig::ICU)
