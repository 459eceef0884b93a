#pragma once
// 3D rotary position embedding of DiTACE's self-attention (ace-reference.md §4.7).
//
// Each head's D channels are D/2 interleaved complex pairs (2m = real, 2m+1 = imaginary). The
// pairs are split into three groups: [c - 2*(c/3), c/3, c/3] with c = D/2 (72 -> 12/12/12), which
// rotate by the token's frame index, patch row and patch column respectively. Within a group of
// g pairs, pair j turns by p * 10000^(-2j / (2g)). Rows and columns restart at 0 in every frame;
// the frame index counts the frames of one sample. Everything is computed in float64 as the
// reference does (its table is complex128) and cast back to the input dtype at the end.
#include <array>
#include <cstdint>
#include <vector>

#include <torch/types.h>

namespace ace::dit {

class RoPE3D {
public:
    // maxSeqLen: rows of the table per axis (the model's MAX_SEQ_LEN).
    RoPE3D(int64_t headDim, int64_t maxSeqLen, double theta = 10000.0);

    int64_t headDim() const { return m_headDim; }
    int64_t maxSeqLen() const { return m_maxSeqLen; }
    // Pairs per axis group: {frame, row, col}.
    const std::array<int64_t, 3>& groupPairs() const { return m_groups; }

    // The reference's `freqs` table as real: [maxSeqLen, D/2, 2] float64 (cos, sin); column block
    // k of row p holds axis k's angles at position p.
    torch::Tensor tableAsReal() const;

    // Rotation of every token of one sample whose frames have the given patch grids (rows, cols),
    // tokens in frame order, row-major within a frame: [S, D/2] complex128. Throws ace::Error when
    // a frame count, row or column exceeds the table.
    torch::Tensor sampleRotation(const std::vector<std::array<int64_t, 2>>& frameGrids) const;

    // x: [S, H, D] any floating dtype; rotation: [S, D/2] complex128 (on x's device).
    // Returns x rotated, in x's dtype.
    static torch::Tensor apply(const torch::Tensor& x, const torch::Tensor& rotation);

private:
    int64_t m_headDim;
    int64_t m_maxSeqLen;
    std::array<int64_t, 3> m_groups;
    torch::Tensor m_angles;  // [maxSeqLen, D/2] float64: angle of pair j at position p (per group)
};

}  // namespace ace::dit
