#pragma once
// Deterministic test documents for the document tests.
#include <cstdint>
#include <random>

#include "ace/document/Document.h"

namespace ace::test {

// Random RGBA with a mix of opaque, transparent and partly transparent pixels.
inline Image randomRgba(int w, int h, std::uint32_t seed) {
    std::mt19937 rng(seed);
    Image img(w, h, 4);
    for (std::size_t i = 0; i < img.data.size(); i += 4) {
        for (int k = 0; k < 3; ++k) img.data[i + k] = static_cast<std::uint8_t>(rng() & 255);
        const auto r = rng() % 4;
        img.data[i + 3] = r == 0 ? 0 : r == 1 ? 255 : static_cast<std::uint8_t>(rng() & 255);
    }
    return img;
}

inline Image randomMask(int w, int h, std::uint32_t seed) {
    std::mt19937 rng(seed);
    Image img(w, h, 1);
    for (auto& v : img.data) v = static_cast<std::uint8_t>(rng() & 255);
    return img;
}

// A document with one layer of every blend mode, offsets (some beyond the canvas), opacities,
// a hidden layer and a mask layer.
inline Document sampleDocument(int w = 64, int h = 48) {
    Document doc(w, h);
    Layer bg = Layer::raster("Background", randomRgba(w, h, 1));
    for (std::size_t i = 3; i < bg.image().data.size(); i += 4) bg.image().data[i] = 255;
    doc.addLayer(std::move(bg));
    const BlendMode modes[] = {BlendMode::Multiply, BlendMode::Screen,  BlendMode::Overlay,
                               BlendMode::Darken,   BlendMode::Lighten, BlendMode::Difference, BlendMode::Normal};
    int i = 0;
    for (BlendMode m : modes) {
        Layer l = Layer::raster("Layer " + std::to_string(i) + " «" + std::string(blendModeName(m)) + "» 图层",
                                randomRgba(w / 2 + i, h / 2 + 3, 10 + i), -5 + 7 * i, -3 + 5 * i);
        l.blendMode = m;
        l.opacity = 1.0f - 0.1f * static_cast<float>(i);
        doc.addLayer(std::move(l));
        ++i;
    }
    doc.layer(3).visible = false;
    doc.layer(2).locked = true;
    doc.addLayer(Layer::mask("Edit mask", randomMask(w / 3, h / 3, 99), 4, 6));
    return doc;
}

}  // namespace ace::test
