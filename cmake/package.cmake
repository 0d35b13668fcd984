# The Debian package: `cpack -G DEB` in the build directory (or
# `ninja -C build package`) makes mld_<version>_amd64.deb holding everything
# `cmake --install` installs, relocated under /usr.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mld)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "mld developers <mld@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "static and dynamic linker (GNU ld command line) and lazy-binding loader for x86-64")
set(CPACK_PACKAGE_DESCRIPTION
  "mld links ELF x86-64 objects, archives and shared libraries with GNU ld's command line and logs every relocation; mload loads programs with its own lazy-binding trampoline and logs every binding.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)           # mld_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)             # Depends: from the binaries
set(CPACK_STRIP_FILES ON)                          # debug info stays in the build
# gcc -B /usr/lib/mld/gcc-ld needs a compiler driver; the package works
# without one (mld alone, mload), so it is only a suggestion.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gcc | clang")
include(CPack)
