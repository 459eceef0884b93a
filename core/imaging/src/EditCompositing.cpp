#include "ace/imaging/EditCompositing.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "ace/common/Error.h"

namespace ace {
namespace {

int matType(int channels) { return CV_MAKETYPE(CV_8U, channels); }

// Views (no copy) of an Image's pixels.
cv::Mat view(Image& image) { return cv::Mat(image.height, image.width, matType(image.channels), image.data.data()); }
cv::Mat view(const Image& image) {
    return cv::Mat(image.height, image.width, matType(image.channels), const_cast<std::uint8_t*>(image.data.data()));
}

Image fromMat(const cv::Mat& mat) {
    Image out(mat.cols, mat.rows, mat.channels());
    cv::Mat dst = view(out);
    mat.copyTo(dst);
    return out;
}

std::string sizeText(const Image& image) {
    return std::to_string(image.width) + "x" + std::to_string(image.height) + "x" + std::to_string(image.channels);
}

}  // namespace

CropRect referenceAspectCrop(int width, int height) {
    CropRect crop{0, 0, width, height};
    if (width <= 0 || height <= 0) return crop;
    // Python's int() truncates; torchvision's centre crop rounds the offset half-to-even, which
    // std::nearbyint does in the default rounding mode.
    if (static_cast<double>(height) / width > 4.0) {
        crop.height = static_cast<int>(4.0 * width);
        crop.y = static_cast<int>(std::nearbyint((height - crop.height) / 2.0));
    } else if (static_cast<double>(width) / height > 4.0) {
        crop.width = static_cast<int>(4.0 * height);
        crop.x = static_cast<int>(std::nearbyint((width - crop.width) / 2.0));
    }
    return crop;
}

Image registerToInput(const Image& result, const Image& input) {
    if (result.isNull() || input.isNull()) throw Error("registerToInput: empty image");
    if (result.channels != input.channels)
        throw Error("registerToInput: the result has " + std::to_string(result.channels) +
                    " channels, the input " + std::to_string(input.channels));
    const CropRect crop = referenceAspectCrop(input.width, input.height);
    if (result.width == input.width && result.height == input.height && crop.width == input.width &&
        crop.height == input.height)
        return result;

    // cv::resize maps pixel centres onto pixel centres (src = (dst + 0.5) * in / out - 0.5), as
    // Pillow's resampler did on the way down, so the content lands where it came from. Upscaling
    // (the usual case: the engine works below the input's resolution) uses bicubic; a result larger
    // than the crop is reduced by area averaging, which does not alias.
    const bool enlarge = crop.width >= result.width && crop.height >= result.height;
    cv::Mat resized;
    cv::resize(view(result), resized, cv::Size(crop.width, crop.height), 0, 0,
               enlarge ? cv::INTER_CUBIC : cv::INTER_AREA);

    Image out = input;
    cv::Mat dst = view(out);
    resized.copyTo(dst(cv::Rect(crop.x, crop.y, crop.width, crop.height)));
    return out;
}

Image featherMaskInside(const Image& mask, double radius) {
    if (mask.isNull() || mask.channels != 1) throw Error("featherMaskInside: the mask must have 1 channel");
    cv::Mat binary;
    cv::threshold(view(mask), binary, 128, 255, cv::THRESH_BINARY);
    if (radius <= 0.0) return fromMat(binary);

    // Distance of every masked pixel to the nearest unmasked one (>= 1 inside, 0 outside): a ramp
    // that starts inside the mask and is exactly 0 outside it.
    cv::Mat distance;
    cv::distanceTransform(binary, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
    cv::Mat soft;
    distance.convertTo(soft, CV_8U, 255.0 / radius);  // saturates at 255 beyond the radius
    return fromMat(soft);
}

Image pasteBack(const Image& input, const Image& result, const Image& mask, const PasteBackOptions& options) {
    if (input.width != result.width || input.height != result.height || input.channels != result.channels)
        throw Error("pasteBack: the result (" + sizeText(result) + ") does not match the input (" + sizeText(input) +
                    "); register it first");
    if (mask.width != input.width || mask.height != input.height || mask.channels != 1)
        throw Error("pasteBack: the mask (" + sizeText(mask) + ") does not match the input (" + sizeText(input) + ")");
    if (!options.enabled) return result;

    const Image alpha = featherMaskInside(mask, options.featherRadius);
    if (cv::countNonZero(view(alpha)) == 0) return result;  // no mask = the reference edits everything

    Image out = input;
    const int channels = input.channels;
    for (int y = 0; y < input.height; ++y) {
        const std::uint8_t* a = alpha.pixel(0, y);
        const std::uint8_t* r = result.pixel(0, y);
        std::uint8_t* o = out.pixel(0, y);
        for (int x = 0; x < input.width; ++x, r += channels, o += channels) {
            const int w = a[x];
            if (w == 0) continue;  // the input's own bytes stay
            if (w == 255) {
                std::copy(r, r + channels, o);
                continue;
            }
            for (int c = 0; c < channels; ++c) o[c] = static_cast<std::uint8_t>((r[c] * w + o[c] * (255 - w) + 127) / 255);
        }
    }
    return out;
}

ExtendedCanvas extendCanvas(const Image& image, const Image& mask, const CanvasExtension& e) {
    if (image.isNull()) throw Error("extendCanvas: no image");
    if (e.left < 0 || e.top < 0 || e.right < 0 || e.bottom < 0) throw Error("extendCanvas: negative extension");
    if (!mask.isNull() && (mask.width != image.width || mask.height != image.height || mask.channels != 1))
        throw Error("extendCanvas: the mask does not match the image");
    const int width = image.width + e.left + e.right;
    const int height = image.height + e.top + e.bottom;
    ExtendedCanvas out{Image(width, height, image.channels, 0), Image(width, height, 1, 255)};
    const cv::Rect old(e.left, e.top, image.width, image.height);
    cv::Mat dstImage = view(out.image);
    view(image).copyTo(dstImage(old));
    cv::Mat dstMask = view(out.mask);
    if (mask.isNull()) dstMask(old).setTo(0);
    else view(mask).copyTo(dstMask(old));
    return out;
}

CanvasExtension extensionFromRatios(int width, int height, double left, double top, double right, double bottom) {
    // The reference: new_h = int(h * (top + bottom + 1)), start_h = int(h * top); likewise for w.
    const int newHeight = static_cast<int>(height * (top + bottom + 1.0));
    const int newWidth = static_cast<int>(width * (left + right + 1.0));
    CanvasExtension e;
    e.top = static_cast<int>(height * top);
    e.left = static_cast<int>(width * left);
    e.bottom = std::max(0, newHeight - e.top - height);
    e.right = std::max(0, newWidth - e.left - width);
    return e;
}

}  // namespace ace

namespace ace {

MaskRect floodFillMask(Image& mask, int x, int y, std::uint8_t value) {
    if (mask.channels != 1) throw Error("floodFillMask: the mask must have 1 channel");
    if (x < 0 || y < 0 || x >= mask.width || y >= mask.height || mask.pixel(x, y)[0] == value) return {};
    cv::Mat m = view(mask);
    cv::Rect box;
    cv::floodFill(m, cv::Point(x, y), cv::Scalar(value), &box, cv::Scalar(0), cv::Scalar(0), 4);
    return {box.x, box.y, box.width, box.height};
}

}  // namespace ace
