# Metadata of lupe_ingest: sidecars, dates, gazetteer (included by CMakeLists.txt).
# LUPE_METADATA_SOURCES: sources relative to indexer/; LUPE_METADATA_LIBS: link libraries.

find_package(pugixml REQUIRED)

# The gazetteer is compiled in, like the analyzer's word lists: no data path at run time.
lupe_embed_files(LUPE_GAZETTEER_CPP
  NAMESPACE lupe::ingest::data
  COMMENT "Embedding the gazetteer"
  ENTRIES kGazetteer=${CMAKE_CURRENT_SOURCE_DIR}/data/gazetteer.tsv)

set(LUPE_METADATA_SOURCES
  src/first_page_date.cpp
  src/gazetteer.cpp
  src/iso_date.cpp
  src/sidecar.cpp
  ${LUPE_GAZETTEER_CPP})
set(LUPE_METADATA_LIBS pugixml::pugixml PkgConfig::ICU)
