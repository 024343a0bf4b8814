# Format extractors of lupe_ingest (owned by the extractor work; included by CMakeLists.txt).
# LUPE_EXTRACTOR_SOURCES: sources relative to indexer/; LUPE_EXTRACTOR_LIBS: link libraries.
set(LUPE_EXTRACTOR_SOURCES)
set(LUPE_EXTRACTOR_LIBS)
