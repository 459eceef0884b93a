#!/usr/bin/env bash
# One prepared run of ace-train on a bare GPU machine (the device tool's H100/H200: PyTorch, CUDA,
# CMake, ninja and a compiler, no package manager, no network). Builds ace-train against that
# machine's LibTorch and the archive of pack-deps.sh, trains the DiT stage of a prepared work
# folder on CUDA until SECONDS have passed since the script started (less the time to export; the
# build's duration is not known ahead), exports the EMA weights and copies what must come back to
# OUTDIR. The device tool runs one command for at most 600 s: pass 540 or so.
#
#   packaging/gpu-trainer/train.sh DEPS.tar.xz WORK SECONDS OUTDIR [ace-train dit options...]
#
# WORK is a work folder made here (`ace-train init`, the VAE stage done): train_config.json,
# tokenizer/, dit/vae.safetensors (the frozen, calibrated VAE) and, to continue a run,
# dit/last.safetensors. It is copied, not changed. OUTDIR receives the exported fp16 model,
# build.log, train.log and loss.tsv (the device tool returns at most 8 files of 16 MiB).
set -euo pipefail
deps_archive=$(realpath "$1"); work_in=$(realpath "$2"); budget=$3; out=$(realpath -m "$4")
shift 4
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${ACE_GPU_SCRATCH:-/tmp/ace-gpu-trainer}
mkdir -p "$out" "$scratch/deps"
start=$(date +%s)
stamp() { echo "[$(( $(date +%s) - start )) s] $*"; }

tar -xJf "$deps_archive" -C "$scratch/deps"
export LD_LIBRARY_PATH="$scratch/deps/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
stamp "building ace-train against $(python3 -c 'import torch; print(torch.__version__)')"
{
    cmake -S "$root" -B "$scratch/build" -G Ninja -DCMAKE_BUILD_TYPE="${ACE_GPU_BUILD_TYPE:-Release}" \
        -DACE_BUILD_UI=OFF -DACE_BUILD_TESTS=OFF -DACE_IMAGE_CODECS=OFF \
        -DCMAKE_PREFIX_PATH="$scratch/deps;$torch_prefix"
    ninja -C "$scratch/build" ace-train
} > "$out/build.log" 2>&1 || { tail -40 "$out/build.log"; exit 1; }
stamp "built"

work="$scratch/work"
rm -rf "$work" && cp -r "$work_in" "$work"
steps=100000000  # the run ends on time: SIGINT makes ace-train save a checkpoint and stop
seconds=$(( budget - ($(date +%s) - start) - 45 ))  # 45 s for the checkpoint and the export
[ $seconds -gt 30 ] || { echo "no time left to train ($seconds s)"; exit 1; }
stamp "training for $seconds s"
set +e
timeout -s INT "${seconds}s" "$scratch/build/bin/ace-train" dit --work "$work" --steps $steps --device "${ACE_GPU_DEVICE:-cuda}" "$@" \
    > "$out/train.log" 2>&1
status=$?
set -e
tail -3 "$out/train.log"
[ $status -eq 0 ] || [ $status -eq 124 ] || { echo "ace-train dit failed ($status)"; exit 1; }
stamp "trained"
cp "$work/dit/loss.tsv" "$out/"
"$scratch/build/bin/ace-train" export --work "$work" --out "$scratch/model" --dtype fp16 >> "$out/train.log" 2>&1
tar -C "$scratch/model" -cf "$out/model.tar" models
stamp "exported to $out/model.tar"
