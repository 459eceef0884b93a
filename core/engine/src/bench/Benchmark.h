#pragma once
// `ace-cli bench`: per-stage times and peak memory of the full-size architectures with random
// weights (no download needed).
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
    bool skipT5 = false;                    // the XXL encoder needs ~10 GB (bf16) and a minute to build
    std::string precision = "auto";         // auto | fp32 | fp16 | bf16 (DiT and VAE)
};

// Prints a table of figures to `out`; returns 0.
int runBenchmark(const BenchOptions& options, std::ostream& out);

}  // namespace ace
