#pragma once
// Image resizing that reproduces Pillow bit for bit, so that the pixels ACE sees match the
// reference (torchvision's TF.resize on PIL images calls Image.resize).
//
// - resizeBicubicPillow: Image.resize((w, h), Image.BICUBIC) for 8-bit L and RGB images:
//   Pillow's convolution resampler (cubic kernel a = -0.5, support widened by the downscale
//   factor, i.e. antialiased), separable with the horizontal pass first, coefficients normalised
//   in double precision and converted to fixed point with 22 fraction bits, rounding and clipping
//   as Pillow's ImagingResample. Every channel is filtered independently (what Pillow does for
//   L, RGB and RGBX; for RGBA, Pillow premultiplies alpha first, which this does not do).
// - resizeNearestPillow: Image.resize((w, h), Image.NEAREST) (also what torchvision's
//   NEAREST_EXACT means for PIL input), including Pillow's accumulated double coordinates.
// Same size in, same size out: a plain copy, as Pillow. No torch types.
#include "ace/common/Image.h"

namespace ace {

// Throws ace::Error for a null/inconsistent image or a target size < 1.
Image resizeBicubicPillow(const Image& src, int width, int height);
Image resizeNearestPillow(const Image& src, int width, int height);

}  // namespace ace
