# Finds OpenCV's core, imgproc and imgcodecs and defines ace::opencv.
# Debian ships OpenCVConfig.cmake only in the libopencv-dev meta package, which pulls in every
# OpenCV module (VTK, GTK, ...); the per-module -dev packages we install carry headers and
# libraries only, so fall back to finding those directly.
include_guard(GLOBAL)

# OFF for a headless training build (tools/device): imgcodecs pulls in every image codec and, on
# Debian, GDAL with it (over 130 shared libraries), none of which training needs. Reading or
# writing an image file then raises an error saying so.
option(ACE_IMAGE_CODECS "Read and write image files with OpenCV's imgcodecs" ON)
set(_ace_cv_modules core imgproc)
if(ACE_IMAGE_CODECS)
  list(APPEND _ace_cv_modules imgcodecs)
endif()

find_package(OpenCV QUIET COMPONENTS ${_ace_cv_modules})
add_library(ace_opencv INTERFACE)
add_library(ace::opencv ALIAS ace_opencv)
if(OpenCV_FOUND)
  target_include_directories(ace_opencv SYSTEM INTERFACE ${OpenCV_INCLUDE_DIRS})
  target_link_libraries(ace_opencv INTERFACE ${OpenCV_LIBS})
  set(ACE_OPENCV_VERSION ${OpenCV_VERSION})
else()
  find_path(ACE_OPENCV_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4 REQUIRED)
  foreach(_m IN LISTS _ace_cv_modules)
    find_library(ACE_OPENCV_${_m}_LIBRARY opencv_${_m} REQUIRED)
    target_link_libraries(ace_opencv INTERFACE "${ACE_OPENCV_${_m}_LIBRARY}")
  endforeach()
  target_include_directories(ace_opencv SYSTEM INTERFACE "${ACE_OPENCV_INCLUDE_DIR}")
  file(STRINGS "${ACE_OPENCV_INCLUDE_DIR}/opencv2/core/version.hpp" _ace_cv
       REGEX "#define CV_VERSION_(MAJOR|MINOR|REVISION) ")
  string(REGEX REPLACE ".*MAJOR +([0-9]+).*MINOR +([0-9]+).*REVISION +([0-9]+).*" "\\1.\\2.\\3"
         ACE_OPENCV_VERSION "${_ace_cv}")
endif()
if(NOT ACE_IMAGE_CODECS)
  target_compile_definitions(ace_opencv INTERFACE ACE_NO_IMAGE_CODECS)
endif()
message(STATUS "ACE: OpenCV ${ACE_OPENCV_VERSION} (${_ace_cv_modules})")
