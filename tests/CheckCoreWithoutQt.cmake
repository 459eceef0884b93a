# Configures core/ as a project of its own with every Qt package disabled, builds it, and checks
# that no compile command mentions Qt. Run by CTest (core_builds_without_qt).
set(args -G Ninja -S "${SOURCE_DIR}/core" -B "${BINARY_DIR}"
    -DCMAKE_BUILD_TYPE=RelWithDebInfo
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6=TRUE
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt5=TRUE
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Core=TRUE)
if(TORCH_PREFIX)
  list(APPEND args "-DACE_TORCH_CMAKE_PREFIX=${TORCH_PREFIX}")
endif()
if(TORCH_DIR)
  list(APPEND args "-DTorch_DIR=${TORCH_DIR}")
endif()
if(PREFIX_PATH)
  list(APPEND args "-DCMAKE_PREFIX_PATH=${PREFIX_PATH}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} ${args} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring core/ without Qt failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${BINARY_DIR}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building core/ without Qt failed")
endif()
file(READ "${BINARY_DIR}/compile_commands.json" commands)
string(TOLOWER "${commands}" commands)
if(commands MATCHES "qt6|qtcore|qt5")
  message(FATAL_ERROR "a compile command of core/ refers to Qt")
endif()
message(STATUS "core/ builds without Qt")
