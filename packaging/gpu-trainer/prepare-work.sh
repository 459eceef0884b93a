#!/usr/bin/env bash
# Prepares the work folder a GPU run starts from (train.sh's WORK): the settings of preset
# builtin-gpu with their instruction corpus and tokenizer, and the frozen VAE of a CPU run's VAE
# stage (the DiT stage writes it to WORK/dit/vae.safetensors on its first start), so the GPU run
# trains the DiT and text encoder only.
#
#   packaging/gpu-trainer/prepare-work.sh CPU_WORK [DEST]     (default .gpu-trainer/work)
set -euo pipefail
cd "$(dirname "$0")/../.."
cpu_work=$1
dest=${2:-.gpu-trainer/work}
vae="$cpu_work/dit/vae.safetensors"
[ -f "$vae" ] || { echo "prepare-work: $vae is missing (run the CPU run's DiT stage once)" >&2; exit 1; }
rm -rf "$dest"
build/bin/ace-train init --work "$dest" --preset builtin-gpu
rm -f "$dest/corpus.txt"  # only the tokenizer trained on it is needed
mkdir -p "$dest/dit"
cp "$vae" "$dest/dit/vae.safetensors"
du -sh "$dest"
