#include "lcu/ImagePrep.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "ace/common/Error.h"
#include "lcu/PillowResize.h"

namespace ace {
namespace {

constexpr int kMaxAspectRatio = 4;  // process_edit_image's max_aspect_ratio
constexpr int kSideMultiple = 16;   // its d: VAE factor 8 x DiT patch 2

std::string sizeText(int w, int h) { return std::to_string(w) + "x" + std::to_string(h); }

void checkBuffer(const Image& image, const std::string& what) {
    if (image.isNull())
        throw Error(what + " is empty (" + sizeText(image.width, image.height) + ", " + std::to_string(image.channels) +
                    " channels)");
    if (image.data.size() != image.byteSize())
        throw Error(what + " holds " + std::to_string(image.data.size()) + " bytes, but " +
                    sizeText(image.width, image.height) + " with " + std::to_string(image.channels) + " channels needs " +
                    std::to_string(image.byteSize()));
}

// Python's round() of k / 2 for an integer k >= 0: half to even.
int halfRoundHalfEven(int k) {
    const int q = k / 2;
    if (k % 2 == 0)
        return q;
    return q % 2 == 0 ? q : q + 1;
}

Image toRgb(const Image& src) {
    if (src.channels == 3)
        return src;
    Image rgb(src.width, src.height, 3);
    const size_t n = static_cast<size_t>(src.width) * src.height;
    for (size_t i = 0; i < n; ++i) {
        const std::uint8_t* s = src.data.data() + i * src.channels;
        std::uint8_t* d = rgb.data.data() + i * 3;
        if (src.channels == 1)
            d[0] = d[1] = d[2] = s[0];  // Pillow's L -> RGB
        else
            std::copy_n(s, 3, d);  // Pillow's RGBA -> RGB drops alpha
    }
    return rgb;
}

Image crop(const Image& src, int left, int top, int width, int height) {
    if (left == 0 && top == 0 && width == src.width && height == src.height)
        return src;
    Image out(width, height, src.channels);
    for (int y = 0; y < height; ++y)
        std::copy_n(src.pixel(left, top + y), out.stride(), out.pixel(0, y));
    return out;
}

}  // namespace

ImageGeometry planImageGeometry(int width, int height, int64_t maxSeqLen, const std::string& label) {
    if (width < 1 || height < 1)
        throw Error(label + " is empty (" + sizeText(width, height) + ")");
    if (maxSeqLen < 1)
        throw Error("the token budget must be positive, got " + std::to_string(maxSeqLen));
    ImageGeometry g;
    g.cropWidth = width;
    g.cropHeight = height;
    // Python compares true quotients; the cropped side is int(4 * other side).
    if (static_cast<double>(height) / width > kMaxAspectRatio)
        g.cropHeight = kMaxAspectRatio * width;
    else if (static_cast<double>(width) / height > kMaxAspectRatio)
        g.cropWidth = kMaxAspectRatio * height;
    // torchvision's center_crop: int(round((size - crop) / 2)), Python's round is half to even.
    g.cropTop = halfRoundHalfEven(height - g.cropHeight);
    g.cropLeft = halfRoundHalfEven(width - g.cropWidth);

    const double h = g.cropHeight, w = g.cropWidth, d = kSideMultiple;
    const double scale = std::min(1.0, std::sqrt(static_cast<double>(maxSeqLen) / ((h / d) * (w / d))));
    g.height = static_cast<int>(h * scale) / kSideMultiple * kSideMultiple;
    g.width = static_cast<int>(w * scale) / kSideMultiple * kSideMultiple;
    if (g.height < kSideMultiple || g.width < kSideMultiple) {
        std::ostringstream msg;
        msg << label << " (" << sizeText(width, height) << " px";
        if (g.cropWidth != width || g.cropHeight != height)
            msg << ", " << sizeText(g.cropWidth, g.cropHeight) << " after cropping to at most 4:1";
        msg << ") is too small: both sides must be at least " << kSideMultiple << " px";
        if (scale < 1.0)
            msg << " after scaling to the budget of " << maxSeqLen << " tokens";
        throw Error(msg.str());
    }
    return g;
}

bool isInpaintingTask(const std::string& task) {
    return task == "inpainting" || task == "Inpainting" || task == "Try On";
}

const std::vector<std::string>& knownTasks() {
    static const std::vector<std::string> tasks = {
        "",
        "inpainting",
        "outpainting",
        "Inpainting",
        "Outpainting",
        "Try On",
        "Add Object",
        "Remove Object",
        "Remove Text",
        "Render Text",
        "General Editing",
        "Facial Editing",
        "Style Transfer",
        "Controllable Generation",
        "Workflow",
        "Mosaic",
        "Grayscale",
        "Image Denoising",
        "Image Segmentation",
        "Pose Estimation",
        "Depth Estimation",
        "Edge map Extraction",
        "Contour Extraction",
        "Scribble Extraction",
    };
    return tasks;
}

bool isKnownTask(const std::string& task) {
    const auto& tasks = knownTasks();
    return std::find(tasks.begin(), tasks.end(), task) != tasks.end();
}

PreparedImage prepareImage(const Image& rgb, const Image& mask, const std::string& task, int64_t maxSeqLen,
                           const std::string& label) {
    checkBuffer(rgb, label);
    if (rgb.channels != 1 && rgb.channels != 3 && rgb.channels != 4)
        throw Error(label + " has " + std::to_string(rgb.channels) + " channels; expected RGB (3), grey (1) or RGBA (4)");
    const bool hasMask = !(mask.width == 0 && mask.height == 0 && mask.data.empty());
    if (hasMask) {
        checkBuffer(mask, "the mask of " + label);
        if (mask.channels != 1)
            throw Error("the mask of " + label + " has " + std::to_string(mask.channels) +
                        " channels; a mask has one channel");
        if (mask.width != rgb.width || mask.height != rgb.height)
            throw Error("the mask of " + label + " is " + sizeText(mask.width, mask.height) + " px but the image is " +
                        sizeText(rgb.width, rgb.height) + " px; they must have the same size");
    }
    if (!isKnownTask(task)) {
        std::string list;
        for (const auto& t : knownTasks())
            list += (list.empty() ? "\"" : ", \"") + t + "\"";
        throw Error("unsupported task \"" + task + "\" for " + label + "; known tasks: " + list);
    }

    const ImageGeometry g = planImageGeometry(rgb.width, rgb.height, maxSeqLen, label);
    Image pixels = crop(toRgb(rgb), g.cropLeft, g.cropTop, g.cropWidth, g.cropHeight);
    pixels = resizeBicubicPillow(pixels, g.width, g.height);
    Image maskPixels = hasMask ? crop(mask, g.cropLeft, g.cropTop, g.cropWidth, g.cropHeight)
                               : Image(g.cropWidth, g.cropHeight, 1, 0);
    maskPixels = resizeNearestPillow(maskPixels, g.width, g.height);

    const int64_t h = g.height, w = g.width, n = h * w;
    PreparedImage out;
    out.mask = torch::empty({1, h, w}, torch::kFloat32);
    float* m = out.mask.data_ptr<float>();
    bool any = false;
    for (int64_t i = 0; i < n; ++i) {
        m[i] = maskPixels.data[i] > 128 ? 1.0f : 0.0f;
        any = any || m[i] != 0.0f;
    }
    if (!any)
        out.mask.fill_(1.0f);  // a mask that marks nothing means "the whole image"

    // TF.to_tensor then TF.normalize(0.5, 0.5), in float32: (p / 255 - 0.5) / 0.5.
    out.image = torch::empty({3, h, w}, torch::kFloat32);
    float* img = out.image.data_ptr<float>();
    const bool blank = isInpaintingTask(task);
    for (int64_t i = 0; i < n; ++i) {
        for (int64_t c = 0; c < 3; ++c) {
            const float v = static_cast<float>(pixels.data[i * 3 + c]) / 255.0f;
            img[c * n + i] = blank && m[i] == 1.0f ? -1.0f : (v - 0.5f) / 0.5f;
        }
    }
    return out;
}

torch::Tensor downsampleMask(const torch::Tensor& mask) {
    if (mask.dim() != 3 || mask.size(0) != 1 || mask.size(1) < 8 || mask.size(2) < 8) {
        std::ostringstream msg;
        msg << "downsampleMask expects a [1, H, W] mask with H, W >= 8, got " << mask.sizes();
        throw Error(msg.str());
    }
    // nearest-exact with scale 8: source = min(floor((i + 0.5) * 8), size - 1) = 8i + 4.
    auto pick = [&](int64_t size) {
        const int64_t out = size / 8;
        return torch::clamp_max(torch::arange(out, torch::TensorOptions().dtype(torch::kInt64).device(mask.device())) * 8 + 4,
                                size - 1);
    };
    return mask.index_select(1, pick(mask.size(1))).index_select(2, pick(mask.size(2)));
}

}  // namespace ace
