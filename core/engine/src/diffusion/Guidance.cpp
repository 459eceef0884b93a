#include "diffusion/Guidance.h"

#include <sstream>

#include "ace/common/Error.h"

namespace ace {

torch::Tensor guide(const torch::Tensor& condEps, const torch::Tensor& uncondEps, double scale, double rescale,
                    bool halfPrecisionArithmetic) {
    if (!condEps.defined() || !uncondEps.defined() || condEps.sizes() != uncondEps.sizes() || condEps.dim() < 2) {
        std::ostringstream msg;
        msg << "guidance needs two [B, ...] predictions of the same shape, got "
            << (condEps.defined() ? condEps.sizes() : c10::IntArrayRef{}) << " and "
            << (uncondEps.defined() ? uncondEps.sizes() : c10::IntArrayRef{});
        throw Error(msg.str());
    }
    const auto dtype = halfPrecisionArithmetic ? torch::kFloat16 : torch::kFloat32;
    const torch::Tensor c = condEps.to(dtype);
    const torch::Tensor u = uncondEps.to(dtype);
    torch::Tensor out = u + scale * (c - u);
    if (rescale > 0.0) {
        // ratio: [B, 1, ...]; std in the working type, unbiased, per sample.
        std::vector<int64_t> ratioShape(c.dim(), 1);
        ratioShape[0] = c.size(0);
        const torch::Tensor ratio =
            (c.flatten(1).std(1) / (out.flatten(1).std(1) + 1e-12)).view(ratioShape);
        out *= rescale * ratio + (1 - rescale) * 1.0;
    }
    return out.to(torch::kFloat32);
}

}  // namespace ace
