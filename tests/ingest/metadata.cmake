# Tests of sidecars, dates and the gazetteer (included by tests/CMakeLists.txt).
