#pragma once
// `ace-cli bench`: per-stage times and peak memory of the full-size architectures with random
// weights (no download needed): each component alone, then whole turns through the pipeline
// (per-stage times, end to end, time to the first preview, peak GPU memory on CUDA).
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace ace {

struct BenchOptions {
    std::string device = "cpu";             // cpu | cuda
    int size = 512;                         // output side in pixels (512 or 1024)
    int steps = 2;                          // DiT steps timed per case (each with CFG as a batch of 2)
    std::vector<std::string> cases{"t2i", "edit", "lcu4"};
    bool skipT5 = false;                    // a 1-layer T5 of the XXL's width instead (the XXL needs ~10 GB, bf16)
    std::string precision = "auto";         // auto | fp32 | fp16 | bf16 (DiT and VAE)
    // End to end through EditSession (tokenize + T5, VAE encode, the sampler with previews, VAE
    // decode) per case, twice: a first turn and the same turn again (instruction embedding and
    // image latents cached). 0: skip.
    int endToEndSteps = 20;
    bool keepTextEncoderOnDevice = false;   // T5 resident on the GPU (else it runs on the CPU)
};

// Prints a table of figures to `out`; returns 0.
int runBenchmark(const BenchOptions& options, std::ostream& out);

}  // namespace ace
