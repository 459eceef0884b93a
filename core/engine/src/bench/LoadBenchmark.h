#pragma once
// `ace-cli bench --load`: writes full-size random-weight checkpoints in the release layout and
// formats (DiT .pth, VAE .bin, T5 sharded pytorch_model-*.bin with index JSON), then times each
// component's load as AceModel::load does it: from the original files, the first load that
// converts to the weight cache, and later loads from the cache (cold page cache and warm). Prints
// a table. The T5 encoder-decoder of the release is 45 GB; what fits the disk budget is written
// (encoder layers first, then decoder layers) and the T5 figures are also given scaled to the
// full encoder by bytes.
#include <filesystem>
#include <iosfwd>

namespace ace {

struct LoadBenchOptions {
    std::filesystem::path dir;   // where the files go; empty: a new folder in the temp directory
    double maxGiB = 15.0;        // disk budget of everything written (originals and caches)
    int t5EncoderLayers = 0;     // 0: as many of the 24 as the budget allows
    int t5DecoderLayers = -1;    // -1: as many as the budget allows after the encoder (at least 1)
    bool keep = false;           // keep the folder afterwards
};

// Returns 0. Throws ace::Error when the folder cannot be written or the budget is too small.
int runLoadBenchmark(const LoadBenchOptions& options, std::ostream& out);

}  // namespace ace
