# Installation layout and CPack (.deb). Extended by the packaging work (desktop file, icons).
include(GNUInstallDirs)
set(CPACK_PACKAGE_NAME "ace-desktop")
set(CPACK_PACKAGE_VENDOR "ACE Desktop")
set(CPACK_PACKAGE_CONTACT "ACE Desktop developers")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
include(CPack)
