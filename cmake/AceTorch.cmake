# Finds LibTorch and defines the imported target ace::torch.
#
# Sources, in this order:
#   1. an official LibTorch folder: -DTorch_DIR=<libtorch>/share/cmake/Torch or
#      -DCMAKE_PREFIX_PATH=<libtorch> (CPU or CUDA build);
#   2. ACE_TORCH_CMAKE_PREFIX, torch.utils.cmake_prefix_path of the project virtualenv
#      (packaging/build.sh sets it).
#
# We do not call find_package(Torch): for a CUDA build of LibTorch (the PyPI wheel is one) it
# insists on a matching CUDA toolkit at configure time and links libtorch_cuda.so, which needs
# the whole CUDA stack to load. ace::torch links libtorch_cpu and libc10 only; the engine loads
# libtorch_cuda.so at run time when it is there and loads (core/engine/src/Runtime.cpp), so one
# build runs on machines with and without a GPU.
include_guard(GLOBAL)

set(ACE_TORCH_CMAKE_PREFIX "" CACHE PATH "torch.utils.cmake_prefix_path of the LibTorch to use")

find_file(ACE_TORCH_CONFIG TorchConfig.cmake
  HINTS ${Torch_DIR}
  PATHS ${CMAKE_PREFIX_PATH} ${ACE_TORCH_CMAKE_PREFIX}
  PATH_SUFFIXES Torch share/cmake/Torch
  NO_DEFAULT_PATH)
if(NOT ACE_TORCH_CONFIG)
  message(FATAL_ERROR
    "LibTorch not found. Run packaging/install-deps.sh and build with packaging/build.sh, or pass "
    "-DTorch_DIR=<libtorch>/share/cmake/Torch (or -DCMAKE_PREFIX_PATH=<libtorch>).")
endif()

get_filename_component(_ace_torch_cfgdir "${ACE_TORCH_CONFIG}" DIRECTORY)
get_filename_component(ACE_TORCH_ROOT "${_ace_torch_cfgdir}/../../.." ABSOLUTE)
set(ACE_TORCH_LIB_DIR "${ACE_TORCH_ROOT}/lib")

# Newer LibTorch keeps the numbers in torch/headeronly/version.h, older in the API's version.h.
set(_ace_tv "")
foreach(_h torch/headeronly/version.h torch/csrc/api/include/torch/version.h)
  if(NOT _ace_tv AND EXISTS "${ACE_TORCH_ROOT}/include/${_h}")
    file(STRINGS "${ACE_TORCH_ROOT}/include/${_h}" _ace_tv REGEX "#define TORCH_VERSION_(MAJOR|MINOR|PATCH) ")
  endif()
endforeach()
string(REGEX REPLACE ".*MAJOR ([0-9]+).*MINOR ([0-9]+).*PATCH ([0-9]+).*" "\\1.\\2.\\3"
       ACE_TORCH_VERSION "${_ace_tv}")

find_library(ACE_TORCH_CPU_LIBRARY torch_cpu PATHS "${ACE_TORCH_LIB_DIR}" NO_DEFAULT_PATH REQUIRED)
find_library(ACE_C10_LIBRARY c10 PATHS "${ACE_TORCH_LIB_DIR}" NO_DEFAULT_PATH REQUIRED)

set(ACE_TORCH_HAS_CUDA_BACKEND OFF)
if(EXISTS "${ACE_TORCH_LIB_DIR}/libtorch_cuda.so")
  set(ACE_TORCH_HAS_CUDA_BACKEND ON)
endif()

# Directories with the CUDA runtime libraries of a PyPI install (site-packages/nvidia/*/lib):
# libtorch_cpu of a CUDA wheel links cudart and cupti, and libtorch_cuda needs the rest.
file(GLOB _ace_nvidia_libdirs LIST_DIRECTORIES true
     "${ACE_TORCH_ROOT}/../nvidia/*/lib" "${ACE_TORCH_ROOT}/../nvidia/cu*/lib")
list(REMOVE_DUPLICATES _ace_nvidia_libdirs)
set(ACE_TORCH_RUNTIME_DIRS "${ACE_TORCH_LIB_DIR}" ${_ace_nvidia_libdirs})

add_library(ace_torch INTERFACE)
add_library(ace::torch ALIAS ace_torch)
target_include_directories(ace_torch SYSTEM INTERFACE
  "${ACE_TORCH_ROOT}/include"
  "${ACE_TORCH_ROOT}/include/torch/csrc/api/include")
target_link_libraries(ace_torch INTERFACE "${ACE_TORCH_CPU_LIBRARY}" "${ACE_C10_LIBRARY}" ${CMAKE_DL_LIBS})
# Linker search path for libtorch_cpu's own dependencies (cudart, cupti, gomp) at link time, and
# the run path for them at run time.
foreach(_d IN LISTS ACE_TORCH_RUNTIME_DIRS)
  target_link_options(ace_torch INTERFACE "LINKER:-rpath-link,${_d}" "LINKER:-rpath,${_d}")
endforeach()
target_compile_definitions(ace_torch INTERFACE
  ACE_TORCH_LIB_DIR="${ACE_TORCH_LIB_DIR}")

message(STATUS "ACE: LibTorch ${ACE_TORCH_VERSION} at ${ACE_TORCH_ROOT}")
if(ACE_TORCH_HAS_CUDA_BACKEND)
  message(STATUS "ACE: LibTorch has a CUDA backend (libtorch_cuda.so), loaded at run time when usable")
else()
  message(STATUS "ACE: LibTorch is CPU-only")
endif()
find_program(ACE_NVIDIA_SMI nvidia-smi)
if(ACE_NVIDIA_SMI)
  execute_process(COMMAND ${ACE_NVIDIA_SMI} --query-gpu=name --format=csv,noheader
                  OUTPUT_VARIABLE _ace_gpus OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  message(STATUS "ACE: GPUs: ${_ace_gpus}")
else()
  message(STATUS "ACE: no NVIDIA GPU found at configure time (nvidia-smi absent); CPU only here")
endif()
