#include "vae/VaeCoders.h"

#include <algorithm>

namespace ace::vae {

EncoderImpl::EncoderImpl(const CoderShape& s, const LayerOptions& o) {
    const int64_t levels = static_cast<int64_t>(s.chMult.size());
    convIn = register_module("conv_in", makeConv(s.imageChannels, s.ch, 3, o, 1, 1));
    down = register_module("down", torch::nn::ModuleList());
    int64_t blockIn = s.ch;
    for (int64_t i = 0; i < levels; ++i) {
        const int64_t blockOut = s.ch * s.chMult[i];
        down->push_back(Level(blockIn, blockOut, s.numResBlocks, /*down=*/true, /*resample=*/i != levels - 1, o));
        blockIn = blockOut;
    }
    mid = register_module("mid", MidBlock(blockIn, o));
    normOut = register_module("norm_out", makeNorm(blockIn));
    convOut = register_module("conv_out", makeConv(blockIn, 2 * s.zChannels, 3, o, 1, 1));
}

torch::Tensor EncoderImpl::forward(const torch::Tensor& x, const Compute& c) {
    torch::Tensor h = convolve(*convIn, x, c);
    for (const auto& level : *down) h = level->as<LevelImpl>()->forward(h, c);
    h = mid->forward(h, c);
    return convolve(*convOut, normalize(h, *normOut, c, true), c);
}

DecoderImpl::DecoderImpl(const CoderShape& s, const LayerOptions& o) {
    const int64_t levels = static_cast<int64_t>(s.chMult.size());
    const int64_t midChannels = s.ch * s.chMult.back();
    convIn = register_module("conv_in", makeConv(s.zChannels, midChannels, 3, o, 1, 1));
    mid = register_module("mid", MidBlock(midChannels, o));
    // Level i takes the channels of level i+1 (the mid's at the lowest resolution), so up.{i}
    // is built in index order although it runs from the last level to the first.
    up = register_module("up", torch::nn::ModuleList());
    for (int64_t i = 0; i < levels; ++i) {
        const int64_t blockIn = s.ch * s.chMult[std::min(i + 1, levels - 1)];
        up->push_back(Level(blockIn, s.ch * s.chMult[i], s.numResBlocks + 1, /*down=*/false, /*resample=*/i != 0, o));
    }
    normOut = register_module("norm_out", makeNorm(s.ch * s.chMult.front()));
    convOut = register_module("conv_out", makeConv(s.ch * s.chMult.front(), s.imageChannels, 3, o, 1, 1));
}

torch::Tensor DecoderImpl::forwardMid(const torch::Tensor& z, const Compute& c) {
    return mid->forward(convolve(*convIn, z, c), c);
}

torch::Tensor DecoderImpl::forwardUp(const torch::Tensor& h, const Compute& c) {
    torch::Tensor x = h;
    for (int64_t i = static_cast<int64_t>(up->size()) - 1; i >= 0; --i) x = up[i]->as<LevelImpl>()->forward(x, c);
    return convolve(*convOut, normalize(x, *normOut, c, true), c);
}

}  // namespace ace::vae
