#include "ace/document/Compositor.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace ace {
namespace {

constexpr float kUnit = 1.0f / 255.0f;

// One span of a layer's row composited onto the premultiplied accumulator `acc` ([n * 4]: r g b a).
// Every blend term ab * B(Cb, Cs) is written with the premultiplied backdrop cb' = ab * Cb, so
// that no mode divides by the backdrop alpha. The loop has no branches (as = 0 leaves the
// accumulator exactly as it was), so GCC vectorises it.
template <BlendMode M>
void blendSpan(float* __restrict acc, const std::uint8_t* __restrict src, int n, float opacity) {
    const float alphaScale = opacity * kUnit;
    for (int i = 0; i < n; ++i) {
        float* a = acc + 4 * i;
        const std::uint8_t* s = src + 4 * i;
        const float as = static_cast<float>(s[3]) * alphaScale;
        const float ab = a[3];
        const float ias = 1.0f - as;
        for (int k = 0; k < 3; ++k) {
            const float cs = static_cast<float>(s[k]) * kUnit;
            const float cb = a[k];  // premultiplied backdrop ab * Cb
            float mixed;            // (1 - ab) Cs + ab B(Cb, Cs)
            if constexpr (M == BlendMode::Normal) {
                mixed = cs;
            } else {
                float abB;  // ab * B(Cb, Cs)
                if constexpr (M == BlendMode::Multiply) abB = cb * cs;
                else if constexpr (M == BlendMode::Screen) abB = cb + ab * cs - cb * cs;
                else if constexpr (M == BlendMode::Overlay) {
                    // Overlay(Cb, Cs) = HardLight(Cs, Cb): multiply(2Cb, Cs) for Cb <= 1/2, else
                    // screen(2Cb - 1, Cs); multiplied out by ab.
                    const float t = 2.0f * cb - ab;  // ab * (2Cb - 1)
                    abB = 2.0f * cb <= ab ? 2.0f * cs * cb : t + ab * cs - cs * t;
                } else if constexpr (M == BlendMode::Darken) abB = std::min(cb, ab * cs);
                else if constexpr (M == BlendMode::Lighten) abB = std::max(cb, ab * cs);
                else abB = std::fabs(cb - ab * cs);  // Difference
                mixed = (1.0f - ab) * cs + abB;
            }
            a[k] = as * mixed + ias * cb;
        }
        a[3] = as + ab * ias;
    }
}

using SpanFn = void (*)(float*, const std::uint8_t*, int, float);

SpanFn spanFor(BlendMode mode) {
    switch (mode) {
    case BlendMode::Normal: return &blendSpan<BlendMode::Normal>;
    case BlendMode::Multiply: return &blendSpan<BlendMode::Multiply>;
    case BlendMode::Screen: return &blendSpan<BlendMode::Screen>;
    case BlendMode::Overlay: return &blendSpan<BlendMode::Overlay>;
    case BlendMode::Darken: return &blendSpan<BlendMode::Darken>;
    case BlendMode::Lighten: return &blendSpan<BlendMode::Lighten>;
    case BlendMode::Difference: return &blendSpan<BlendMode::Difference>;
    }
    return &blendSpan<BlendMode::Normal>;
}

inline std::uint8_t toByte(float v) {
    return static_cast<std::uint8_t>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f);
}

// Premultiplied float -> straight RGBA8.
void storeRow(const float* __restrict acc, std::uint8_t* __restrict out, int n) {
    for (int i = 0; i < n; ++i) {
        const float a = acc[4 * i + 3];
        const float inv = a > 0.0f ? 1.0f / a : 0.0f;
        out[4 * i + 0] = toByte(acc[4 * i + 0] * inv);
        out[4 * i + 1] = toByte(acc[4 * i + 1] * inv);
        out[4 * i + 2] = toByte(acc[4 * i + 2] * inv);
        out[4 * i + 3] = toByte(a);
    }
}

struct ActiveLayer {
    const Layer* layer;
    Rect bounds;
    float opacity;
    SpanFn span;
};

void compositeLayers(const std::vector<ActiveLayer>& active, const Rect& area, Image& target) {
    std::vector<float> acc(static_cast<std::size_t>(area.width) * 4);
    for (int y = area.y; y < area.bottom(); ++y) {
        std::fill(acc.begin(), acc.end(), 0.0f);
        for (const ActiveLayer& a : active) {
            if (y < a.bounds.y || y >= a.bounds.bottom()) continue;
            const int x0 = std::max(area.x, a.bounds.x), x1 = std::min(area.right(), a.bounds.right());
            if (x1 <= x0) continue;
            const Image& img = a.layer->image();
            a.span(acc.data() + static_cast<std::size_t>(x0 - area.x) * 4, img.pixel(x0 - a.bounds.x, y - a.bounds.y),
                   x1 - x0, a.opacity);
        }
        storeRow(acc.data(), target.pixel(area.x, y), area.width);
    }
}

bool opaqueOver(const Layer& layer, const Rect& bounds, const Rect& area) {
    if (layer.blendMode != BlendMode::Normal || layer.opacity < 1.0f) return false;
    if (bounds.intersected(area) != area) return false;
    const Image& img = layer.image();
    for (int y = area.y; y < area.bottom(); ++y) {
        const std::uint8_t* p = img.pixel(area.x - bounds.x, y - bounds.y);
        std::uint8_t all = 255;
        for (int x = 0; x < area.width; ++x) all &= p[4 * x + 3];
        if (all != 255) return false;
    }
    return true;
}

void ensureTarget(const Document& document, Image& target) {
    if (target.width != document.width() || target.height != document.height() || target.channels != 4)
        target = Image(document.width(), document.height(), 4);
}

}  // namespace

void compositeInto(const Document& document, const Rect& area, Image& target) {
    ensureTarget(document, target);
    const Rect clipped = area.intersected(document.bounds());
    if (clipped.isEmpty()) return;
    std::vector<ActiveLayer> active;
    for (const Layer& layer : document.layers()) {
        if (!layer.visible || layer.kind != LayerKind::Raster || layer.opacity <= 0.0f) continue;
        if (layer.image().channels != 4) continue;
        const Rect b = layer.bounds();
        if (b.intersected(clipped).isEmpty()) continue;
        // A normal, fully opaque layer covering the whole area replaces everything below it
        // exactly (as = 1: co = Cs, ao = 1), so the layers below need not be blended at all:
        // a turn's result over a deep stack recomposites as one layer.
        if (opaqueOver(layer, b, clipped)) active.clear();
        active.push_back({&layer, b, std::clamp(layer.opacity, 0.0f, 1.0f), spanFor(layer.blendMode)});
    }
    compositeLayers(active, clipped, target);
}

Image composite(const Document& document) {
    Image out;
    compositeInto(document, document.bounds(), out);
    return out;
}

Image flattenToRgb(const Document& document, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    const Image rgba = composite(document);
    Image out(rgba.width, rgba.height, 3);
    const std::array<int, 3> bg{r, g, b};
    const std::size_t n = static_cast<std::size_t>(rgba.width) * rgba.height;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* s = rgba.data.data() + i * 4;
        for (int k = 0; k < 3; ++k)
            out.data[i * 3 + k] = static_cast<std::uint8_t>((s[k] * s[3] + bg[static_cast<std::size_t>(k)] * (255 - s[3]) + 127) / 255);
    }
    return out;
}

Image renderLayer(const Document& document, int index) {
    const Layer& layer = document.layer(index);
    Image out(document.width(), document.height(), 4);
    if (layer.kind != LayerKind::Raster) return out;
    const Rect b = layer.bounds();
    std::vector<ActiveLayer> active{{&layer, b, std::clamp(layer.opacity, 0.0f, 1.0f), spanFor(BlendMode::Normal)}};
    compositeLayers(active, b.intersected(document.bounds()), out);
    return out;
}

}  // namespace ace
