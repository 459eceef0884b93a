#include "dit/RoPE3D.h"

#include <string>

#include <torch/torch.h>

#include "ace/common/Error.h"

namespace ace::dit {
namespace {

// Angles of one axis group of `pairs` complex pairs: [maxSeqLen, pairs], p * theta^(-2j/(2*pairs)).
torch::Tensor axisAngles(int64_t maxSeqLen, int64_t pairs, double theta) {
    const auto f64 = torch::TensorOptions().dtype(torch::kFloat64);
    const int64_t dim = 2 * pairs;
    // Same op order as the reference table so the float64 values agree bit for bit.
    const torch::Tensor inv = 1.0 / torch::pow(theta, torch::arange(0, dim, 2, f64).div(dim));
    return torch::outer(torch::arange(maxSeqLen, f64), inv);
}

}  // namespace

RoPE3D::RoPE3D(int64_t headDim, int64_t maxSeqLen, double theta) : m_headDim(headDim), m_maxSeqLen(maxSeqLen) {
    if (headDim <= 0 || headDim % 2 != 0 || maxSeqLen <= 0)
        throw Error("RoPE3D: head dimension " + std::to_string(headDim) + " must be even and positive, table rows " +
                    std::to_string(maxSeqLen) + " positive");
    const int64_t c = headDim / 2;
    m_groups = {c - 2 * (c / 3), c / 3, c / 3};
    if (m_groups[1] == 0)
        throw Error("RoPE3D: head dimension " + std::to_string(headDim) + " is too small for three axes");
    m_angles = torch::cat({axisAngles(maxSeqLen, m_groups[0], theta), axisAngles(maxSeqLen, m_groups[1], theta),
                           axisAngles(maxSeqLen, m_groups[2], theta)},
                          1);
}

torch::Tensor RoPE3D::tableAsReal() const {
    return torch::stack({torch::cos(m_angles), torch::sin(m_angles)}, -1);
}

torch::Tensor RoPE3D::sampleRotation(const std::vector<std::array<int64_t, 2>>& frameGrids) const {
    const auto frames = static_cast<int64_t>(frameGrids.size());
    if (frames > m_maxSeqLen)
        throw Error("RoPE3D: " + std::to_string(frames) + " frames exceed the position table (" +
                    std::to_string(m_maxSeqLen) + " rows)");
    std::vector<int64_t> frameIdx, rowIdx, colIdx;
    for (int64_t f = 0; f < frames; ++f) {
        const auto [rows, cols] = frameGrids[f];
        if (rows > m_maxSeqLen || cols > m_maxSeqLen)
            throw Error("RoPE3D: a frame of " + std::to_string(rows) + "x" + std::to_string(cols) +
                        " patches exceeds the position table (" + std::to_string(m_maxSeqLen) + " rows)");
        for (int64_t r = 0; r < rows; ++r)
            for (int64_t c = 0; c < cols; ++c) {
                frameIdx.push_back(f);
                rowIdx.push_back(r);
                colIdx.push_back(c);
            }
    }
    auto index = [](const std::vector<int64_t>& v) { return torch::tensor(v, torch::kInt64); };
    const torch::Tensor angles =
        torch::cat({m_angles.index_select(0, index(frameIdx)).narrow(1, 0, m_groups[0]),
                    m_angles.index_select(0, index(rowIdx)).narrow(1, m_groups[0], m_groups[1]),
                    m_angles.index_select(0, index(colIdx)).narrow(1, m_groups[0] + m_groups[1], m_groups[2])},
                   1);
    return torch::polar(torch::ones_like(angles), angles);  // [S, D/2] complex128
}

torch::Tensor RoPE3D::apply(const torch::Tensor& x, const torch::Tensor& rotation) {
    // x: [S, H, D] -> complex [S, H, D/2]
    const auto sizes = x.sizes();
    const torch::Tensor xc =
        torch::view_as_complex(x.to(torch::kFloat64).contiguous().view({sizes[0], sizes[1], sizes[2] / 2, 2}));
    const torch::Tensor rotated = torch::view_as_real(xc * rotation.unsqueeze(1));
    return rotated.view({sizes[0], sizes[1], sizes[2]}).to(x.scalar_type());
}

}  // namespace ace::dit
