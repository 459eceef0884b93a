# Builds the .deb with CPack, unpacks it into a scratch root as dpkg would install it, and checks
# it: the files a desktop needs (executables, .desktop entry, icon, AppStream metadata validated
# by appstreamcli, MIME type), dependencies computed by dpkg-shlibdeps, LibTorch bundled and used
# by the installed ace-desktop, and `ace-desktop --version` from the unpacked tree. Run by CTest
# (package_deb) with -DBINARY_DIR=<build folder>.
set(root "${BINARY_DIR}/package-check/root")
file(REMOVE_RECURSE "${BINARY_DIR}/package-check")
file(MAKE_DIRECTORY "${root}")

execute_process(COMMAND ${CMAKE_COMMAND} --build "${BINARY_DIR}" --target ace-desktop ace-cli RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building ace-desktop and ace-cli failed")
endif()
execute_process(COMMAND cpack -G DEB -B "${BINARY_DIR}/package-check" WORKING_DIRECTORY "${BINARY_DIR}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack failed:\n${out}\n${err}")
endif()
file(GLOB debs "${BINARY_DIR}/package-check/*.deb")
list(LENGTH debs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one .deb, found: ${debs}")
endif()
message(STATUS "package: ${debs}")

execute_process(COMMAND dpkg-deb --field "${debs}" Package Version Depends Section OUTPUT_VARIABLE fields RESULT_VARIABLE rc)
message(STATUS "${fields}")
if(NOT rc EQUAL 0 OR NOT fields MATCHES "Package: ace-desktop" OR NOT fields MATCHES "libqt6widgets6")
  message(FATAL_ERROR "bad package control fields:\n${fields}")
endif()
execute_process(COMMAND dpkg-deb -x "${debs}" "${root}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dpkg-deb -x failed")
endif()

foreach(f usr/bin/ace-desktop usr/bin/ace-cli
          usr/share/applications/org.acedesktop.AceDesktop.desktop
          usr/share/metainfo/org.acedesktop.AceDesktop.metainfo.xml
          usr/share/icons/hicolor/scalable/apps/org.acedesktop.AceDesktop.svg
          usr/share/mime/packages/application-x-ace-desktop-project.xml)
  if(NOT EXISTS "${root}/${f}")
    message(FATAL_ERROR "the package lacks /${f}")
  endif()
endforeach()
file(GLOB torch "${root}/usr/lib/ace-desktop/libtorch_cpu.so*")
if(NOT torch)
  message(FATAL_ERROR "LibTorch is not bundled in /usr/lib/ace-desktop")
endif()

execute_process(COMMAND appstreamcli validate --no-net "${root}/usr/share/metainfo/org.acedesktop.AceDesktop.metainfo.xml"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "AppStream metadata does not validate:\n${out}")
endif()
file(READ "${root}/usr/share/applications/org.acedesktop.AceDesktop.desktop" desktop)
if(NOT desktop MATCHES "\nExec=ace-desktop" OR NOT desktop MATCHES "\nIcon=org.acedesktop.AceDesktop")
  message(FATAL_ERROR "bad desktop entry")
endif()

# The installed binary must use the bundled LibTorch: its libraries come before any other copy.
set(env ${CMAKE_COMMAND} -E env "LD_LIBRARY_PATH=${root}/usr/lib/ace-desktop" QT_QPA_PLATFORM=offscreen)
execute_process(COMMAND ${env} ldd "${root}/usr/bin/ace-desktop" OUTPUT_VARIABLE libs)
if(NOT libs MATCHES "libtorch_cpu.so => ${root}/usr/lib/ace-desktop/")
  message(FATAL_ERROR "ace-desktop does not load the bundled LibTorch:\n${libs}")
endif()
execute_process(COMMAND readelf -d "${root}/usr/bin/ace-desktop" OUTPUT_VARIABLE dyn)
if(NOT dyn MATCHES "\\$ORIGIN/../lib/ace-desktop")
  message(FATAL_ERROR "ace-desktop has no $ORIGIN runpath:\n${dyn}")
endif()
execute_process(COMMAND ${env} "${root}/usr/bin/ace-desktop" --version
                RESULT_VARIABLE rc OUTPUT_VARIABLE version ERROR_VARIABLE err TIMEOUT 120)
message(STATUS "ace-desktop --version:\n${version}")
if(NOT rc EQUAL 0 OR NOT version MATCHES "LibTorch" OR NOT version MATCHES "Qt 6")
  message(FATAL_ERROR "ace-desktop --version from the package failed (${rc}):\n${version}\n${err}")
endif()
# The built-in model, when the source tree ships one: installed without the weight cache a run
# from the source tree leaves beside it, and loadable by the packaged binaries.
if(EXISTS "${SOURCE_DIR}/resources/models/builtin/models/ace_model.json")
  set(model "${root}/usr/share/ace-desktop/models/builtin")
  if(NOT EXISTS "${model}/models/ace_model.json")
    message(FATAL_ERROR "the package lacks the built-in model (/usr/share/ace-desktop/models/builtin)")
  endif()
  if(EXISTS "${model}/models/.ace-cache")
    message(FATAL_ERROR "the package holds the built-in model's weight cache (${model}/models/.ace-cache)")
  endif()
  execute_process(COMMAND ${env} "${root}/usr/bin/ace-cli" bench --model "${model}" --steps 2 --repeats 1
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "\(built-in\)")
    message(FATAL_ERROR "the packaged ace-cli did not run the packaged built-in model (${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "the packaged built-in model runs:\n${out}")
endif()
message(STATUS "the .deb installs and ace-desktop starts from it")
