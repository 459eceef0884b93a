#include "lcu/PillowResize.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "ace/common/Error.h"

// The coefficients must be rounded exactly as Pillow's C code rounds them: no fused multiply-add.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace ace {
namespace {

constexpr int kPrecisionBits = 32 - 8 - 2;  // Pillow's PRECISION_BITS: 8 bits result, 2 overflow
constexpr double kBicubicSupport = 2.0;

void checkInput(const Image& src, int width, int height, const char* what) {
    if (src.isNull())
        throw Error(std::string(what) + ": the image is empty");
    if (src.data.size() != src.byteSize())
        throw Error(std::string(what) + ": the image holds " + std::to_string(src.data.size()) + " bytes, expected " +
                    std::to_string(src.byteSize()) + " for " + std::to_string(src.width) + "x" +
                    std::to_string(src.height) + "x" + std::to_string(src.channels));
    if (width < 1 || height < 1)
        throw Error(std::string(what) + ": cannot resize to " + std::to_string(width) + "x" + std::to_string(height));
}

// Pillow's cubic convolution kernel with a = -0.5, evaluated in the same order of operations.
double bicubicFilter(double x) {
    constexpr double a = -0.5;
    if (x < 0.0)
        x = -x;
    if (x < 1.0)
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0)
        return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

// One output position's taps: input index of the first tap, and fixed-point weights.
struct Taps {
    std::vector<int> first;               // [outSize]
    std::vector<int> count;               // [outSize]
    std::vector<std::int32_t> weights;    // [outSize * kernelSize]
    int kernelSize = 0;
};

// Pillow's precompute_coeffs + normalize_coeffs_8bpc for the box [0, inSize).
Taps bicubicTaps(int inSize, int outSize) {
    const double scale = static_cast<double>(static_cast<float>(inSize) - 0.0f) / outSize;
    const double filterScale = std::max(scale, 1.0);
    const double support = kBicubicSupport * filterScale;
    Taps taps;
    taps.kernelSize = static_cast<int>(std::ceil(support)) * 2 + 1;
    taps.first.resize(outSize);
    taps.count.resize(outSize);
    taps.weights.assign(static_cast<size_t>(outSize) * taps.kernelSize, 0);
    std::vector<double> k(taps.kernelSize);
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = 0.0 + (xx + 0.5) * scale;
        const double invScale = 1.0 / filterScale;
        // (int) truncates towards zero, as in C.
        int xmin = static_cast<int>(center - support + 0.5);
        if (xmin < 0)
            xmin = 0;
        int xmax = static_cast<int>(center + support + 0.5);
        if (xmax > inSize)
            xmax = inSize;
        xmax -= xmin;
        double sum = 0.0;
        for (int x = 0; x < xmax; ++x) {
            const double w = bicubicFilter((x + xmin - center + 0.5) * invScale);
            k[x] = w;
            sum += w;
        }
        std::int32_t* fixed = &taps.weights[static_cast<size_t>(xx) * taps.kernelSize];
        for (int x = 0; x < xmax; ++x) {
            double w = k[x];
            if (sum != 0.0)
                w /= sum;
            fixed[x] = w < 0 ? static_cast<std::int32_t>(-0.5 + w * (1 << kPrecisionBits))
                             : static_cast<std::int32_t>(0.5 + w * (1 << kPrecisionBits));
        }
        taps.first[xx] = xmin;
        taps.count[xx] = xmax;
    }
    return taps;
}

// Pillow's clip8: the accumulator (which starts at half a unit) shifted down, clipped to 0..255.
// Pillow uses 32-bit ints; 64 bits give the same value wherever Pillow does not overflow.
inline std::uint8_t clip8(std::int64_t acc) {
    const std::int64_t v = acc >> kPrecisionBits;
    return static_cast<std::uint8_t>(std::clamp<std::int64_t>(v, 0, 255));
}

Image resampleHorizontal(const Image& src, int width) {
    const Taps taps = bicubicTaps(src.width, width);
    const int c = src.channels;
    Image out(width, src.height, c);
    for (int y = 0; y < src.height; ++y) {
        const std::uint8_t* row = src.pixel(0, y);
        std::uint8_t* dst = out.pixel(0, y);
        for (int xx = 0; xx < width; ++xx) {
            const std::int32_t* k = &taps.weights[static_cast<size_t>(xx) * taps.kernelSize];
            const std::uint8_t* in = row + static_cast<size_t>(taps.first[xx]) * c;
            for (int ch = 0; ch < c; ++ch) {
                std::int64_t acc = std::int64_t{1} << (kPrecisionBits - 1);
                for (int x = 0; x < taps.count[xx]; ++x)
                    acc += static_cast<std::int64_t>(in[static_cast<size_t>(x) * c + ch]) * k[x];
                dst[static_cast<size_t>(xx) * c + ch] = clip8(acc);
            }
        }
    }
    return out;
}

Image resampleVertical(const Image& src, int height) {
    const Taps taps = bicubicTaps(src.height, height);
    const size_t stride = src.stride();
    Image out(src.width, height, src.channels);
    for (int yy = 0; yy < height; ++yy) {
        const std::int32_t* k = &taps.weights[static_cast<size_t>(yy) * taps.kernelSize];
        const std::uint8_t* in = src.data.data() + static_cast<size_t>(taps.first[yy]) * stride;
        std::uint8_t* dst = out.pixel(0, yy);
        for (size_t i = 0; i < stride; ++i) {
            std::int64_t acc = std::int64_t{1} << (kPrecisionBits - 1);
            for (int y = 0; y < taps.count[yy]; ++y)
                acc += static_cast<std::int64_t>(in[static_cast<size_t>(y) * stride + i]) * k[y];
            dst[i] = clip8(acc);
        }
    }
    return out;
}

// Pillow's ImagingScaleAffine source positions: the coordinate starts at half a step and is
// advanced by repeated addition of the step in double precision, then truncated.
std::vector<int> nearestIndices(int inSize, int outSize) {
    const double step = static_cast<double>(static_cast<float>(inSize) - 0.0f) / outSize;
    std::vector<int> index(outSize);
    double pos = 0.0 + step * 0.5;
    for (int i = 0; i < outSize; ++i) {
        const int v = pos < 0.0 ? -1 : static_cast<int>(pos);
        // Positions at or beyond the edge cannot occur for a plain resize; clamp defensively.
        index[i] = std::clamp(v, 0, inSize - 1);
        pos += step;
    }
    return index;
}

}  // namespace

Image resizeBicubicPillow(const Image& src, int width, int height) {
    checkInput(src, width, height, "bicubic resize");
    if (width == src.width && height == src.height)
        return src;
    // Rows outside the vertical filter's reach are never needed; Pillow skips them, which only
    // saves time, so both passes run over the whole image here.
    if (width == src.width)
        return resampleVertical(src, height);
    Image horizontal = resampleHorizontal(src, width);
    if (height == src.height)
        return horizontal;
    return resampleVertical(horizontal, height);
}

Image resizeNearestPillow(const Image& src, int width, int height) {
    checkInput(src, width, height, "nearest resize");
    if (width == src.width && height == src.height)
        return src;
    const std::vector<int> xs = nearestIndices(src.width, width);
    const std::vector<int> ys = nearestIndices(src.height, height);
    const int c = src.channels;
    Image out(width, height, c);
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* row = src.pixel(0, ys[y]);
        std::uint8_t* dst = out.pixel(0, y);
        for (int x = 0; x < width; ++x)
            std::copy_n(row + static_cast<size_t>(xs[x]) * c, c, dst + static_cast<size_t>(x) * c);
    }
    return out;
}

}  // namespace ace
