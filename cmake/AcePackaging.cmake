# Installation layout and CPack (.deb): the executables, LibTorch's runtime libraries next to them
# in lib/ace-desktop (found through $ORIGIN), the desktop entry, icon, AppStream metadata and the
# project file MIME type.
include(GNUInstallDirs)
set(ACE_APP_ID "org.acedesktop.AceDesktop")
set(ACE_PRIVATE_LIBDIR "${CMAKE_INSTALL_LIBDIR}/ace-desktop")

foreach(_exe ace-desktop ace-cli)
  if(TARGET ${_exe})
    # Installed binaries look for LibTorch in their own lib/ace-desktop first.
    set_target_properties(${_exe} PROPERTIES INSTALL_RPATH "$ORIGIN/../${ACE_PRIVATE_LIBDIR}")
  endif()
endforeach()

if(TARGET ace-desktop)
  install(FILES "${PROJECT_SOURCE_DIR}/packaging/linux/${ACE_APP_ID}.desktop"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
  install(FILES "${PROJECT_SOURCE_DIR}/packaging/linux/${ACE_APP_ID}.metainfo.xml"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
  install(FILES "${PROJECT_SOURCE_DIR}/packaging/linux/application-x-ace-desktop-project.xml"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/mime/packages")
  install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/ace-desktop.svg"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps" RENAME "${ACE_APP_ID}.svg")
  # The built-in model (see resources/models/README.md), found by ace::findBuiltInModel at
  # <exe>/../share/ace-desktop/models/builtin.
  if(EXISTS "${PROJECT_SOURCE_DIR}/resources/models/builtin/models/ace_model.json")
    # (not the weight cache a run from the source tree writes beside it)
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/models/builtin"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/ace-desktop/models" PATTERN ".ace-cache" EXCLUDE)
  endif()
endif()

# `cmake --install` and cpack install what is built; they do not build every test first. Build
# ace-desktop and ace-cli before (tests/packaging/CheckDebPackage.cmake does).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

# LibTorch's folders: where ace::torch points the linker (see AceTorch.cmake).
set(ACE_TORCH_RUNTIME_DIRS "")
if(TARGET ace_torch)
  get_target_property(_ace_torch_opts ace_torch INTERFACE_LINK_OPTIONS)
  foreach(_o IN LISTS _ace_torch_opts)
    if(_o MATCHES "^LINKER:-rpath,(.*)$")
      list(APPEND ACE_TORCH_RUNTIME_DIRS "${CMAKE_MATCH_1}")
    endif()
  endforeach()
endif()

# LibTorch (and the CUDA runtime stubs a CUDA wheel's libtorch_cpu links) travel with the package:
# the libraries ace-cli resolves from LibTorch's folders are copied at install time.
if(TARGET ace-cli AND ACE_TORCH_RUNTIME_DIRS)
  install(CODE "
    file(GET_RUNTIME_DEPENDENCIES
      EXECUTABLES \"$<TARGET_FILE:ace-cli>\"
      RESOLVED_DEPENDENCIES_VAR _ace_deps
      DIRECTORIES ${ACE_TORCH_RUNTIME_DIRS})
    foreach(_dep IN LISTS _ace_deps)
      foreach(_dir ${ACE_TORCH_RUNTIME_DIRS})
        file(REAL_PATH \"\${_dir}\" _real_dir)
        file(REAL_PATH \"\${_dep}\" _real_dep)
        string(FIND \"\${_real_dep}\" \"\${_real_dir}/\" _at)
        if(_at EQUAL 0)
          get_filename_component(_name \"\${_dep}\" NAME)
          file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${ACE_PRIVATE_LIBDIR}\"
               FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
               FILES \"\${_real_dep}\" RENAME \"\${_name}\")
        endif()
      endforeach()
    endforeach()")
endif()

set(CPACK_PACKAGE_NAME "ace-desktop")
set(CPACK_PACKAGE_VENDOR "ACE Desktop")
set(CPACK_PACKAGE_CONTACT "ACE Desktop developers <ace-desktop@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Edit images by chatting with the ACE diffusion model")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "graphics")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/ali-vilab/ACE")
# Dependencies of our executables on Debian libraries (Qt, OpenCV, SentencePiece, zlib) come from
# dpkg-shlibdeps; the bundled LibTorch libraries are private to the package.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${CMAKE_BINARY_DIR}/_CPack_Packages/Linux/DEB/${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}-Linux/usr/${ACE_PRIVATE_LIBDIR}")
set(CPACK_DEBIAN_COMPRESSION_TYPE "gzip")
set(CPACK_STRIP_FILES ON)
include(CPack)
