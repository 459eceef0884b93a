#!/usr/bin/env bash
# Packs, as one archive of plain files, what a headless build of ace-train needs besides LibTorch,
# CMake, ninja and a C++ compiler: OpenCV core + imgproc with the shared libraries they load,
# SentencePiece, zlib and nlohmann-json, taken from this Debian machine's packages. The GPU machine
# has no package manager and no network; train.sh unpacks the archive there and builds against it
# (ACE_IMAGE_CODECS=OFF: imgcodecs would bring GDAL and 130 more libraries, and training writes no
# image files).
#
#   packaging/gpu-trainer/pack-deps.sh [ARCHIVE]      (default .gpu-trainer/deps.tar.xz)
set -euo pipefail
cd "$(dirname "$0")/../.."
archive=${1:-.gpu-trainer/deps.tar.xz}
multiarch=/usr/lib/x86_64-linux-gnu
for f in "$multiarch/libopencv_core.so.406" "$multiarch/libopencv_imgproc.so.406" "$multiarch/libsentencepiece.so.0" \
         "$multiarch/libsentencepiece_train.so.0" /usr/include/opencv4/opencv2/core.hpp /usr/include/sentencepiece_processor.h \
         /usr/include/nlohmann/json.hpp /usr/share/cmake/nlohmann_json/nlohmann_jsonConfig.cmake /usr/include/zlib.h; do
    [ -e "$f" ] || { echo "pack-deps: missing $f (run packaging/install-deps.sh first)" >&2; exit 1; }
done

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/include" "$stage/lib" "$stage/share/cmake"
cp -a /usr/include/opencv4 /usr/include/nlohmann /usr/include/sentencepiece_processor.h \
      /usr/include/sentencepiece_trainer.h /usr/include/zlib.h /usr/include/zconf.h "$stage/include/"
cp -a /usr/share/cmake/nlohmann_json "$stage/share/cmake/"

# The libraries and every shared library they load, except the C and C++ runtimes, which the
# GPU machine has in newer versions (they are backward compatible).
roots=("$multiarch/libopencv_core.so.406" "$multiarch/libopencv_imgproc.so.406" "$multiarch/libsentencepiece.so.0"
       "$multiarch/libsentencepiece_train.so.0" "$multiarch/libz.so.1")
mapfile -t closure < <( (printf '%s\n' "${roots[@]}"; ldd "${roots[@]}" | awk '/=> \//{print $3}') | sort -u |
    grep -v -E '/(libc|libm|libpthread|libdl|librt|libstdc\+\+|libgcc_s|ld-linux-x86-64)\.so')
for lib in "${closure[@]}"; do cp -L "$lib" "$stage/lib/"; done
# The names the linker looks for.
(cd "$stage/lib" && ln -s libopencv_core.so.406 libopencv_core.so && ln -s libopencv_imgproc.so.406 libopencv_imgproc.so &&
 ln -s libsentencepiece.so.0 libsentencepiece.so && ln -s libsentencepiece_train.so.0 libsentencepiece_train.so &&
 ln -s libz.so.1 libz.so)

mkdir -p "$(dirname "$archive")"
tar -C "$stage" -cJf "$archive" .
echo "pack-deps: $(du -h "$archive" | cut -f1) in $archive (${#closure[@]} libraries)"
