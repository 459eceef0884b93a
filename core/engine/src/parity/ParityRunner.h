#pragma once
// `ace-cli parity`: runs every case of a golden directory laid out like shared/golden (meta.json
// with configs and calling conventions, golden.safetensors with inputs/outputs/traces, weight
// files named after their configs) through the engine and reports, per case and per traced
// module, the max-abs and relative error. Nothing is specific to one golden set: configurations
// come from meta.json, weights from the files it names.
//
// What a set may say (tests/data/golden, tests/data/golden2):
// - cases "dit.*" (with "kwargs": one DiTACE.forward, any batch size and frame count), "vae",
//   "sampler" (one single-sample DDIM trajectory with CFG; "sampler" and/or "sampler_fp32attn");
// - a case's "config" names its configuration in "configs"; without it, the first configuration
//   of the model (NAME DiTACE / AutoencoderKL) that has a weight file;
// - a configuration's weights: the file its PRETRAINED_MODEL names in the set's directory (so
//   configurations can share one), else <config>.safetensors / .pth / .bin;
// - "dit.<config>.freqs_as_real" (or without the config's "dit_" prefix): its RoPE table, checked
//   as case "rope.<config>" when that DiT is first built;
// - the sampler's "guide_scale" / "guide_rescale", else the values written in its "call".
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace ace {

struct ParityCheck {
    std::string caseName;   // "dit.case2_edit", "vae", "sampler"
    std::string item;       // "out_fp32attn", "trace blocks.1", "step 3 x_next", ...
    double maxAbs = 0;
    double scale = 0;       // max |expected|
    double tolerance = 0;   // on maxAbs / scale
    double rel() const { return scale > 0 ? maxAbs / scale : maxAbs; }
    bool ok() const { return rel() <= tolerance; }
};

struct ParityOptions {
    double fp32Tolerance = 1e-4;  // relative to the output's scale
    double fp16Tolerance = 5e-3;  // the reference's fp16-attention path
    bool traces = true;
};

// Calls onCheck for each comparison as it is made; returns all of them. Throws ace::Error for an
// unreadable directory; a case that cannot run is reported as a failed check with the reason in
// `item`.
std::vector<ParityCheck> runParity(const std::filesystem::path& goldenDir, const ParityOptions& options,
                                   const std::function<void(const ParityCheck&)>& onCheck = {});

}  // namespace ace
