#pragma once
// Pixel helpers shared by the file formats.
#include <cstdint>
#include <span>
#include <string>

#include "ace/common/Image.h"

namespace ace::detail {

// A 1-channel mask as a white RGBA layer whose alpha is the mask: how masks travel in layered
// formats that have no mask layers of their own (toMask() turns it back).
inline Image maskToRgba(const Image& mask) {
    Image out(mask.width, mask.height, 4, 255);
    for (std::size_t i = 0; i < mask.data.size(); ++i) out.data[i * 4 + 3] = mask.data[i];
    return out;
}

// Box-filtered reduction so that the longer side is at most maxSide (thumbnails).
inline Image thumbnail(const Image& rgba, int maxSide) {
    const int longer = std::max(rgba.width, rgba.height);
    if (longer <= maxSide) return rgba;
    const int w = std::max(1, static_cast<int>(static_cast<long long>(rgba.width) * maxSide / longer));
    const int h = std::max(1, static_cast<int>(static_cast<long long>(rgba.height) * maxSide / longer));
    Image out(w, h, 4);
    for (int ty = 0; ty < h; ++ty) {
        const int y0 = static_cast<int>(static_cast<long long>(ty) * rgba.height / h);
        const int y1 = std::max(y0 + 1, static_cast<int>(static_cast<long long>(ty + 1) * rgba.height / h));
        for (int tx = 0; tx < w; ++tx) {
            const int x0 = static_cast<int>(static_cast<long long>(tx) * rgba.width / w);
            const int x1 = std::max(x0 + 1, static_cast<int>(static_cast<long long>(tx + 1) * rgba.width / w));
            // Alpha-weighted so that transparent pixels do not darken the colour.
            double sum[4] = {0, 0, 0, 0};
            for (int y = y0; y < y1; ++y)
                for (int x = x0; x < x1; ++x) {
                    const std::uint8_t* p = rgba.pixel(x, y);
                    for (int k = 0; k < 3; ++k) sum[k] += p[k] * p[3];
                    sum[3] += p[3];
                }
            std::uint8_t* o = out.pixel(tx, ty);
            const double count = static_cast<double>(x1 - x0) * (y1 - y0);
            for (int k = 0; k < 3; ++k) o[k] = static_cast<std::uint8_t>(sum[3] > 0 ? sum[k] / sum[3] + 0.5 : 0);
            o[3] = static_cast<std::uint8_t>(sum[3] / count + 0.5);
        }
    }
    return out;
}

inline std::span<const std::uint8_t> bytesOf(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace ace::detail
