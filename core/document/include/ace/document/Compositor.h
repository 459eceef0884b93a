#pragma once
// Compositing of a Document's visible raster layers, bottom to top, onto a transparent canvas.
//
// For each pixel, with straight source colour Cs and alpha as = layer alpha x opacity, and the
// backdrop so far (premultiplied colour cb' = ab x Cb, alpha ab), per the W3C compositing spec:
//   Cs'  = (1 - ab) Cs + ab B(Cb, Cs)          (blend, then source-over)
//   co'  = as Cs' + (1 - as) cb'               (premultiplied result)
//   ao   = as + ab (1 - as)
// with B = Cs (normal), Cb Cs (multiply), Cb + Cs - Cb Cs (screen), HardLight(Cs, Cb) (overlay),
// min (darken), max (lighten), |Cb - Cs| (difference). Arithmetic is in float; the result is
// rounded once to straight-alpha RGBA8. Any rectangle is computed independently of the rest, so
// recompositing a dirty rectangle gives exactly the bytes of a full recomposite.
#include "ace/document/Document.h"

namespace ace {

// Recomposites `area` (clipped to the canvas) of `target`, an RGBA8 image of the canvas size
// (reallocated when it is not).
void compositeInto(const Document& document, const Rect& area, Image& target);
// The whole canvas, RGBA8 straight alpha.
Image composite(const Document& document);
// The composite over an opaque background colour, RGB8: what ACE sees as the flattened image.
Image flattenToRgb(const Document& document, std::uint8_t r = 255, std::uint8_t g = 255, std::uint8_t b = 255);
// One layer alone on the canvas (its offset, opacity applied, blend mode ignored), RGBA8.
Image renderLayer(const Document& document, int index);

}  // namespace ace
