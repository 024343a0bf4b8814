# Metadata of lupe_ingest: sidecars, dates, gazetteer (included by CMakeLists.txt).
# LUPE_METADATA_SOURCES: sources relative to indexer/; LUPE_METADATA_LIBS: link libraries.
set(LUPE_METADATA_SOURCES)
set(LUPE_METADATA_LIBS)
