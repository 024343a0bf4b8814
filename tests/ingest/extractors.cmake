# Tests of the format extractors (included by tests/CMakeLists.txt).
