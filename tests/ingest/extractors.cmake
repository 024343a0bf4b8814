# Tests of the format extractors (included by tests/CMakeLists.txt).
# LUPE_SOURCE_DIR lets the tests find corpus/ and tests/ingest/fixtures/extract/.
add_executable(extractors_test
  ingest/extract_corpus_test.cpp
  ingest/extract_formats_test.cpp
  ingest/extract_paged_test.cpp
  ingest/extract_bad_input_test.cpp)
target_compile_definitions(extractors_test PRIVATE LUPE_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_link_libraries(extractors_test PRIVATE lupe_test_main lupe_ingest lupe_warnings)
catch_discover_tests(extractors_test EXTRA_ARGS --warn NoTests)
target_include_directories(extractors_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/ingest)
