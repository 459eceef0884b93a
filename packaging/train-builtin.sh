#!/usr/bin/env bash
# The one command that builds the built-in model (resources/models/README.md): sets up and builds
# ace-train, then runs every stage of the run in WORK up to its target and exports the EMA weights.
# Each stage resumes from its last checkpoint and the data stream is a pure function of the seed,
# so the same command continues a run cut off at any point (Ctrl-C saves a checkpoint first).
#
#   packaging/train-builtin.sh WORK DIT_STEPS [OUT]     (OUT default: WORK/export)
#
# Environment: ACE_TRAIN_SEED (2024), ACE_VAE_STEPS (12000), ACE_VAE_THREADS (2; 1 on a busy
# machine), ACE_DIT_THREADS (1: the DiT stage renders the next batch on a second thread),
# ACE_DIT_COOLDOWN (0: none; N: the DiT's learning rate falls linearly to 0 over the last N of
# DIT_STEPS, see `ace-train cooldown`), ACE_DECODER_STEPS (0: none; N: fine-tune the frozen VAE's
# decoder for N steps before the export, see `ace-train decoder`), ACE_TRAIN_PRESET (builtin; tiny for a smoke test), ACE_TRAIN_BIN with ACE_SKIP_SETUP=1 (use that
# ace-train, install and build nothing).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -ge 2 ] || { echo "usage: packaging/train-builtin.sh WORK DIT_STEPS [OUT]" >&2; exit 2; }
work=$1
dit_steps=$2
out=${3:-$work/export}
seed=${ACE_TRAIN_SEED:-2024}
vae_steps=${ACE_VAE_STEPS:-12000}
vae_threads=${ACE_VAE_THREADS:-2}
dit_threads=${ACE_DIT_THREADS:-1}
train=${ACE_TRAIN_BIN:-${ACE_BUILD_DIR:-$ROOT/build}/bin/ace-train}

if [ "${ACE_SKIP_SETUP:-0}" != 1 ]; then
  "$ROOT/packaging/install-deps.sh"
  "$ROOT/packaging/build.sh"
fi

stage() { echo "train-builtin: $* ($(date -u +%FT%TZ))"; }
stage "init $work (preset ${ACE_TRAIN_PRESET:-builtin}, data seed $seed)"
"$train" init --work "$work" --preset "${ACE_TRAIN_PRESET:-builtin}" --seed "$seed"
stage "VAE to $vae_steps steps"
OMP_NUM_THREADS=$vae_threads "$train" vae --work "$work" --steps "$vae_steps" --threads "$vae_threads"
cooldown=${ACE_DIT_COOLDOWN:-0}
if [ "$cooldown" -gt 0 ]; then
  stage "DiT cool-down over steps $((dit_steps - cooldown))-$dit_steps"
  "$train" cooldown --work "$work" --stage dit --from $((dit_steps - cooldown)) --over "$cooldown"
fi
stage "DiT and text encoder to $dit_steps steps"
OMP_NUM_THREADS=$dit_threads "$train" dit --work "$work" --steps "$dit_steps" --threads "$dit_threads"
decoder_steps=${ACE_DECODER_STEPS:-0}
if [ "$decoder_steps" -gt 0 ]; then
  stage "VAE decoder to $decoder_steps steps"
  OMP_NUM_THREADS=$vae_threads "$train" decoder --work "$work" --steps "$decoder_steps" --threads "$vae_threads"
fi
stage "export to $out"
"$train" export --work "$work" --out "$out" --dtype fp16
stage "done"
