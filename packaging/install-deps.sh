#!/usr/bin/env bash
# Installs what ACE Desktop needs to build and test, and nothing that is already there:
# Debian/Ubuntu packages (Qt 6, OpenCV, SentencePiece, nlohmann-json, build tools) and the pinned
# PyPI torch wheel (LibTorch) in a project-local virtualenv. Safe to run again; quick when done.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/packaging/versions.sh"

DEB_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-image-formats-plugins libgl-dev
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
  libsentencepiece-dev sentencepiece
  nlohmann-json3-dev zlib1g-dev imagemagick
  python3 python3-venv
  fonts-dejavu-core xauth xvfb
)

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# LibTorch from the pinned PyPI wheel. Only torch itself and the two small CUDA runtime wheels
# that libtorch_cpu.so links against (cudart, cupti) are installed: the rest of the CUDA stack
# (cuDNN, cuBLAS, NCCL: gigabytes) is only needed on a GPU machine, where the engine loads
# libtorch_cuda.so at run time if it can.
VENV=${ACE_VENV:-$ROOT/.venv}
PY=python3
if [ ! -x "$VENV/bin/python" ]; then
  echo "install-deps: creating virtualenv $VENV"
  "$PY" -m venv "$VENV"
fi
SITE=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
if [ ! -d "$SITE/torch-${ACE_TORCH_VERSION}.dist-info" ]; then
  echo "install-deps: installing torch ${ACE_TORCH_VERSION} (LibTorch) into $VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps \
    "torch==${ACE_TORCH_VERSION}" \
    "nvidia-cuda-runtime==${ACE_CUDA_RUNTIME_VERSION}" \
    "nvidia-cuda-cupti==${ACE_CUDA_RUNTIME_VERSION}"
fi
