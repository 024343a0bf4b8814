# Tests of sidecars, dates and the gazetteer (included by tests/CMakeLists.txt).

add_executable(metadata_test
  ingest/date_test.cpp
  ingest/gazetteer_test.cpp
  ingest/sidecar_test.cpp)
# The corpus tests read every sidecar of corpus/ (read-only).
target_compile_definitions(metadata_test PRIVATE LUPE_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_link_libraries(metadata_test PRIVATE lupe_test_main lupe_ingest lupe_warnings)
catch_discover_tests(metadata_test EXTRA_ARGS --warn NoTests)
