#pragma once
// Pixels as they cross library boundaries: 8 bits per channel, interleaved, row-major, tightly
// packed (stride = width * channels). 1 channel = mask or grey, 3 = RGB, 4 = RGBA.
// No OpenCV, Qt or torch types, so every library can use it.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ace {

struct Image {
    int width = 0;
    int height = 0;
    int channels = 0;
    std::vector<std::uint8_t> data;

    Image() = default;
    Image(int w, int h, int c, std::uint8_t fill = 0)
        : width(w), height(h), channels(c), data(static_cast<std::size_t>(w) * h * c, fill) {}

    bool isNull() const { return width <= 0 || height <= 0 || channels <= 0; }
    std::size_t stride() const { return static_cast<std::size_t>(width) * channels; }
    std::size_t byteSize() const { return stride() * height; }
    std::uint8_t* pixel(int x, int y) { return data.data() + y * stride() + static_cast<std::size_t>(x) * channels; }
    const std::uint8_t* pixel(int x, int y) const {
        return data.data() + y * stride() + static_cast<std::size_t>(x) * channels;
    }
    bool operator==(const Image&) const = default;
};

}  // namespace ace
