# lupe_embed_files(<out-var> NAMESPACE <ns> COMMENT <text> ENTRIES <name>=<file>...)
# Compiles data files into a library: generates a C++ source defining
# `extern const std::string_view <ns>::<name>` for each entry (cmake/EmbedFiles.cmake), and
# sets <out-var> to that source. Regenerated when a file changes; no data paths at run time.
function(lupe_embed_files out_var)
  cmake_parse_arguments(ARG "" "NAMESPACE;COMMENT" "ENTRIES" ${ARGN})
  string(MAKE_C_IDENTIFIER "${ARG_NAMESPACE}" stem)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${stem}_embedded.cpp)
  set(files)
  foreach(entry IN LISTS ARG_ENTRIES)
    string(REPLACE "=" ";" pair "${entry}")
    list(GET pair 1 path)
    list(APPEND files ${path})
  endforeach()
  string(REPLACE ";" "\\;" inputs "${ARG_ENTRIES}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DNAMESPACE=${ARG_NAMESPACE}
            "-DINPUTS=${inputs}" -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    DEPENDS ${files} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    COMMENT "${ARG_COMMENT}")
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()
