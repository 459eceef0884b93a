#pragma once
// The deterministic session that autosave_helper paints and tst_autosaverecovery rebuilds: a
// document whose stroke n paints a dab on one layer, with the stroke count in the session.
#include "DocumentTestUtil.h"
#include "ace/document/ProjectFile.h"

namespace ace::test {

inline Project strokeProject() {
    Project p;
    p.document = Document(256, 192);
    p.document.addLayer(Layer::raster("photo", randomRgba(256, 192, 1)));
    p.document.addLayer(Layer::raster("result", randomRgba(200, 150, 2), 20, 10));
    p.document.addLayer(Layer::mask("mask", Image(256, 192, 1)));
    p.assets["history-0"] = randomRgba(64, 64, 3);
    p.session = {{"strokes", 0}};
    return p;
}

// Stroke n (1-based): a 12x12 dab on layer n % 3 at a position and colour given by n.
inline void applyStroke(Project& p, int n) {
    Layer& layer = p.document.layer(n % 3);
    Image& img = layer.image();
    const int cx = (n * 37) % (img.width - 12), cy = (n * 23) % (img.height - 12);
    for (int y = cy; y < cy + 12; ++y)
        for (int x = cx; x < cx + 12; ++x)
            for (int k = 0; k < img.channels; ++k) img.pixel(x, y)[k] = static_cast<std::uint8_t>(n * 7 + k * 50);
    p.session["strokes"] = n;
}

inline Project projectAfter(int strokes) {
    Project p = strokeProject();
    for (int n = 1; n <= strokes; ++n) applyStroke(p, n);
    return p;
}

}  // namespace ace::test
