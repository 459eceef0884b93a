#pragma once
// A cheap live preview of a latent: one affine map per latent cell, RGB = weight * z + bias, on
// the kLatentScale-scaled latent (what the sampler holds), giving an image at latent resolution.
// The map is fitted by least squares against the VAE itself: synthetic smooth colour images are
// encoded to the posterior mean and decoded, and the decode, averaged down to latent resolution,
// is the target. (Fitting against the decode rather than the input image is what a preview of
// the final decode needs, and for a trained VAE the two agree; it also holds for any weights.)
#include <cstdint>
#include <filesystem>
#include <string>

#include <torch/types.h>

#include "vae/AutoencoderKL.h"

namespace ace {

struct LatentPreview {
    torch::Tensor weight;  // [3, embedDim] float32
    torch::Tensor bias;    // [3] float32

    struct FitOptions {
        int64_t images = 6;       // synthetic training images
        int64_t latentSize = 12;  // latent cells per side of each (x downFactor pixels)
        uint64_t seed = 0x5eed;   // the images are a deterministic function of the seed
    };
    static LatentPreview fit(AutoencoderKL& vae) { return fit(vae, FitOptions{}); }
    static LatentPreview fit(AutoencoderKL& vae, const FitOptions& options);

    // fit(), remembered: the numbers of a previous fit are read from `cacheFile` (a small JSON
    // file) when it was written for the same `vaeIdentity` (the caller's key of the VAE's weights
    // and compute dtype, e.g. the weight cache's origin stamp of the VAE file) and the same fit
    // options; otherwise, and when the file is missing or unreadable, the VAE is fitted and the
    // file (re)written atomically. A file that cannot be written is no error: the fit is used
    // and repeated at the next load. *reused (optional) says whether the numbers came from the file.
    static LatentPreview fitCached(AutoencoderKL& vae, const std::filesystem::path& cacheFile,
                                   const std::string& vaeIdentity, const FitOptions& options, bool* reused = nullptr);

    // scaledLatent: [4, h, w] or [B, 4, h, w] -> [3, h, w] / [B, 3, h, w] float32 in [-1, 1], on
    // the latent's device.
    torch::Tensor toRgb(const torch::Tensor& scaledLatent) const;
};

// Smooth synthetic colour images in [-1, 1] (gradients, soft blobs, low-frequency waves, flat
// areas): [count, 3, size, size] float32, a deterministic function of the seed.
torch::Tensor syntheticImages(int64_t count, int64_t size, uint64_t seed);

}  // namespace ace
