#pragma once
// Input preparation of one condition image, as the reference's process_edit_image
// (ace-reference.md §1): aspect crop to at most 4:1, downscale to the token budget in multiples of
// 16 px (Pillow bicubic for the image, Pillow nearest for the mask), binarise the mask (an
// all-zero mask means "everything": all ones), normalise to [-1, 1] and, for the inpainting
// tasks, blank the masked pixels to -1.
#include <cstdint>
#include <string>
#include <vector>

#include <torch/types.h>

#include "ace/common/Image.h"

namespace ace {

struct PreparedImage {
    torch::Tensor image;  // [3, H, W] float32 in [-1, 1]
    torch::Tensor mask;   // [1, H, W] float32, 0 or 1
};

// Where an input of width x height pixels ends up: the centre crop (aspect ratio <= 4) and the
// size after the resize. Exposed for tests and for showing the working size in the UI.
struct ImageGeometry {
    int cropLeft = 0, cropTop = 0, cropWidth = 0, cropHeight = 0;
    int width = 0, height = 0;  // after the resize: multiples of 16, never larger than the crop
};

// Throws ace::Error when a side would become smaller than 16 px (the reference crashes there).
// `label` names the image in the message.
ImageGeometry planImageGeometry(int width, int height, int64_t maxSeqLen, const std::string& label = "input image");

// The tasks whose masked pixels are blanked to -1 before encoding (the reference's exact,
// case-sensitive list).
bool isInpaintingTask(const std::string& task);

// The task strings ACE was trained with (the reference demo's task names, plus "" = automatic and
// the lower-case "inpainting"/"outpainting" the chat app uses). Other strings are refused.
const std::vector<std::string>& knownTasks();
bool isKnownTask(const std::string& task);

// rgb: 3 channels (1 = grey, replicated; 4 = RGBA, alpha dropped as Pillow's convert('RGB')).
// mask: 1 channel of the same size, or null (= no mask). Throws ace::Error, naming `label`, for
// empty or inconsistent images, a mask of another size or channel count, an unknown task, a
// token budget < 1 or an image too small to keep a 16 px side.
PreparedImage prepareImage(const Image& rgb, const Image& mask, const std::string& task, int64_t maxSeqLen,
                           const std::string& label = "input image");

// Latent-size mask: F.interpolate(mask, scale_factor=1/8, mode='nearest-exact'), i.e. pixel
// (8i+4, 8j+4). mask: [1, H, W] -> [1, H/8, W/8] (same dtype and device).
torch::Tensor downsampleMask(const torch::Tensor& mask);

}  // namespace ace
