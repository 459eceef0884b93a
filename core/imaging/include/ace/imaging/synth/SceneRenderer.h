#pragma once
// Rasterises a Scene (Scene.h) with OpenCV behind a plain-buffer API: RGB ace::Image out, masks
// as 1-channel coverage (0..255, anti-aliased edges). Rendering is deterministic: the same Scene
// gives byte-identical pixels, and changing one element leaves every pixel it does not cover
// untouched (edits re-render the scene rather than paint over it).
#include "ace/common/Image.h"
#include "ace/imaging/synth/Scene.h"

namespace ace::synth {

Image renderBackground(const Background& background, int width, int height);
Image renderScene(const Scene& scene);

// Coverage of one shape / text alone (ignores occlusion).
Image shapeCoverage(const Shape& shape, int width, int height);
Image textCoverage(const TextElement& text, int width, int height);
// What remains visible of shape `index` after the shapes and texts drawn above it.
Image visibleCoverage(const Scene& scene, std::size_t index);
// Union (max) of every shape's and text's coverage: the foreground.
Image foregroundCoverage(const Scene& scene);

// Segmentation-like colour map: background black, each shape filled (coverage >= 50%) with its
// kind's class colour (segmentationColour), texts white. No anti-aliasing, so it holds exactly
// those colours.
Image renderSegmentation(const Scene& scene);
std::array<std::uint8_t, 3> segmentationColour(ShapeKind kind);

}  // namespace ace::synth
