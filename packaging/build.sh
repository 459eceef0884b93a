#!/usr/bin/env bash
# Configures (once) and builds ACE Desktop in build/ with Ninja and ccache.
# Extra arguments are passed to the first configure, e.g. -DTorch_DIR=/opt/libtorch/share/cmake/Torch.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${ACE_BUILD_DIR:-$ROOT/build}
VENV=${ACE_VENV:-$ROOT/.venv}

if [ ! -f "$BUILD/build.ninja" ]; then
  args=(-G Ninja -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=${ACE_BUILD_TYPE:-RelWithDebInfo})
  # torch.utils.cmake_prefix_path, computed without importing torch (importing it would need the
  # whole CUDA stack that we do not install).
  if [ -x "$VENV/bin/python" ]; then
    prefix=$("$VENV/bin/python" -c 'import importlib.util, os; s = importlib.util.find_spec("torch"); print(os.path.join(os.path.dirname(s.origin), "share", "cmake") if s else "")')
    [ -n "$prefix" ] && args+=(-DACE_TORCH_CMAKE_PREFIX="$prefix")
  fi
  cmake "${args[@]}" "$@"
fi
cmake --build "$BUILD"
