# Compiler settings shared by the whole tree and by core/ built on its own.
include_guard(GLOBAL)

set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()
# Model code is unusably slow without optimisation; keep debug info small (-g1) so that links
# on a 2-core machine stay quick.
set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O2 -g1 -DNDEBUG")

# ccache, with its cache outside the checkout (ccache's default, ~/.cache/ccache) so that a fresh
# clone in another folder reuses it: base_dir makes paths relative, the sloppiness settings let
# precompiled headers be cached; a LibTorch build fills the default 5 GB fast, hence the size.
find_program(ACE_CCACHE ccache)
if(ACE_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER
      ${CMAKE_COMMAND} -E env
      "CCACHE_BASEDIR=${CMAKE_SOURCE_DIR}"
      "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
      "CCACHE_NOHASHDIR=1"
      "CCACHE_MAXSIZE=16G"
      ${ACE_CCACHE})
  message(STATUS "ACE: compiler cache ${ACE_CCACHE}")
endif()

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  add_compile_options(-Wall -Wextra -Wno-unused-parameter)
endif()
