#pragma once
// Keeping repeated edits from drifting: an engine result is mapped back onto the exact geometry of
// the image it was computed from, and pixels outside the edit mask are pasted back from that
// input. Also the outpainting canvas extension. Pure pixel work on ace::Image (OpenCV inside).
#include "ace/common/Image.h"

namespace ace {

// The part of an input image that the reference's preparation keeps before resizing it to the
// token budget: a centre crop to an aspect ratio of at most 4 (ace-reference.md §1.2). The crop
// depends only on the input size; the resize after it never moves the image content, because
// both the reference's resampler and ours align pixel centres.
struct CropRect {
    int x = 0, y = 0, width = 0, height = 0;
    bool operator==(const CropRect&) const = default;
};
CropRect referenceAspectCrop(int width, int height);

// Maps an engine output (RGB8, at the engine's resolution: the crop resized to multiples of 16)
// back onto the input's geometry: the output is resampled to the crop's exact size and put at the
// crop's place; pixels outside the crop (only for aspect ratios above 4) come from the input.
// The result has the input's size and never shifts by a pixel, turn after turn.
Image registerToInput(const Image& result, const Image& input);

struct PasteBackOptions {
    bool enabled = true;        // off: the registered result is used as it is
    double featherRadius = 6.0; // px inside the mask over which the result fades into the input; 0 = hard edge
};

// A soft mask (1 channel, 0..255) that is exactly 0 wherever the binarised mask (> 128, as the
// reference binarises) is 0 and rises to 255 over `radius` pixels inside the mask, so feathering
// never touches a pixel outside the mask.
Image featherMaskInside(const Image& mask, double radius);

// out = input outside the mask (bit-identical), result inside, blended along the feathered edge.
// input and result: RGB8 of the same size; mask: 1 channel of that size. A mask with no pixel above
// 128 means "the whole image" to the reference (it edits everything), so the result is returned
// unchanged; so does options.enabled == false. Throws ace::Error on mismatched sizes.
Image pasteBack(const Image& input, const Image& result, const Image& mask, const PasteBackOptions& options = {});

struct CanvasExtension {
    int left = 0, top = 0, right = 0, bottom = 0;  // pixels added on each side, >= 0
    bool isNull() const { return left == 0 && top == 0 && right == 0 && bottom == 0; }
};

// Outpainting as the reference's chatbot prepares it (run_gradio.py, extend_image): the image is
// placed on a larger black canvas and the new area becomes the mask (255); inside the old area the
// existing mask is kept (the reference's is empty there). Empty mask = no mask yet.
struct ExtendedCanvas {
    Image image;
    Image mask;
};
ExtendedCanvas extendCanvas(const Image& image, const Image& mask, const CanvasExtension& extension);

// The extension for the reference's ratio sliders: int(h * ratio) rows on top, etc.
CanvasExtension extensionFromRatios(int width, int height, double left, double top, double right, double bottom);

}  // namespace ace

namespace ace {

struct MaskRect {
    int x = 0, y = 0, width = 0, height = 0;
    bool isEmpty() const { return width <= 0 || height <= 0; }
};

// Flood fill for the mask's fill tool: sets the 4-connected region of pixels equal to the one at
// (x, y) to `value`. Returns the bounding box of what changed (empty when nothing did).
MaskRect floodFillMask(Image& mask, int x, int y, std::uint8_t value);

}  // namespace ace
