# man pages: mld.1 and mload.1 are made at build time by help2man from the
# tools' own --help and --version (mld's --help is printed from the option
# table its parser uses, so the page cannot drift from the parser) plus the
# prose sections in docs/man/*.h2m.
find_program(HELP2MAN help2man)
if(NOT HELP2MAN)
  message(STATUS "help2man not found: no man pages (apt-get install help2man)")
  return()
endif()
set(MLD_MAN_DIR ${CMAKE_BINARY_DIR}/man)
foreach(tool mld mload)
  add_custom_command(OUTPUT ${MLD_MAN_DIR}/${tool}.1
    COMMAND ${CMAKE_COMMAND} -E make_directory ${MLD_MAN_DIR}
    COMMAND ${HELP2MAN} --no-info --section=1
            --include=${PROJECT_SOURCE_DIR}/docs/man/${tool}.h2m
            --output=${MLD_MAN_DIR}/${tool}.1 $<TARGET_FILE:${tool}>
    DEPENDS ${tool} ${PROJECT_SOURCE_DIR}/docs/man/${tool}.h2m
    VERBATIM)
  list(APPEND MLD_MAN_PAGES ${MLD_MAN_DIR}/${tool}.1)
endforeach()
add_custom_target(mld_man ALL DEPENDS ${MLD_MAN_PAGES})
install(FILES ${MLD_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
