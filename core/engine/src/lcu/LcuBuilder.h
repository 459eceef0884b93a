#pragma once
// Assembly of ACE's Long-context Condition Unit for one turn (ace-reference.md §2, §3 "Texts per
// frame"): which images become condition frames, in which order, with which masks, and which
// instruction each frame's text is, for the conditional and the unconditional branch.
//
// Frames: frame 0 is the target (the noisy latent); frames 1..N are the condition images
// E_1..E_N = the first input image of each history turn (oldest first, at most 5, as the
// reference app keeps them) followed by the current turn's images.
//
// Reference behaviour reproduced:
// - prompts = one per condition image: without history [instruction] * n; with history the
//   history instructions followed by the current one. In prompts[i], i >= 1, every literal
//   "{image}" becomes "{image<i>}"; other references ("{image1}", ...) are left alone.
// - target = E_1 (with history the *oldest* input) and its mask; text-to-image (no image in the
//   current turn): a zero target of the output size with an all-ones mask; history is then
//   ignored, as in the reference.
// - frame texts [p_last, p_0, ..., p_last] (T2I: [p_0]); negative texts the same with only the
//   last prompt replaced by the negative prompt.
// - indicator rows: frame 0 -> F-1, frame f >= 1 -> f-1 (F = number of frames, at most 10).
//
// Where the reference is undefined: history together with more than one current image (it builds
// fewer texts than frames and fails). Here every current image gets the current instruction, and
// in that instruction the references to the current images are shifted past the history images
// ("{image}" -> "{image<k>}", "{image<j>}" -> "{image<k+j>}" for j < n, k history images, n current
// images), so each name still points at the frame it meant. With one current image this is exactly
// the reference's rule.
#include <cstdint>
#include <string>
#include <vector>

#include <torch/types.h>

#include "ace/engine/Pipeline.h"
#include "lcu/ImagePrep.h"

namespace ace {

constexpr int kIndicatorSlots = 10;    // TEXT_IDENTIFIER: {image}, {image1} .. {image9}
constexpr int kMaxHistoryInputs = 5;   // the reference app keeps the last 5 history inputs

struct LcuPlan {
    bool textToImage = false;
    int64_t height = 0, width = 0;              // target pixels (multiples of 16)
    std::vector<PreparedImage> images;          // E_1..E_N (history first); empty for T2I
    torch::Tensor targetMask;                   // [1, H, W] float32
    std::vector<std::string> frameTexts;        // per frame: frame 0 = target
    std::vector<std::string> negativeFrameTexts;
    std::vector<int> indicators;                // per frame: row of the indicator table
};

// Throws ace::Error with a message naming the offending image for: empty or inconsistent images,
// a mask whose size differs from its image, an unknown task, more condition images than indicator
// slots, an image too small for a 16 px side, and a text-to-image size that is not a positive
// multiple of 16 or has more patches per side than maxSeqLen. defaultWidth/defaultHeight: the T2I
// size when the request leaves it at 0. pixelsPerPosition: the side of a DiT patch in pixels, one
// RoPE position (8 x patch size; the release's 16, a model trained with patch 1 has 8). The input
// images' token budget stays in the reference's 16 px units.
LcuPlan buildLcu(const TurnRequest& request, int64_t maxSeqLen, int64_t defaultWidth, int64_t defaultHeight,
                 int64_t pixelsPerPosition = 16);

// The reference's renaming of prompts[i] (i >= 1): every literal "{image}" -> "{image<i>}".
std::string renameImageReference(const std::string& prompt, int index);

}  // namespace ace
