#include "ProjectImageEntries.h"

#include <functional>

#include "ace/document/PngCache.h"
#include "ace/document/Zip.h"
#include "ace/imaging/ImageIo.h"

namespace ace {
namespace {

bool isOpaque(const Image& rgba) {
    for (std::size_t i = 3; i < rgba.data.size(); i += 4)
        if (rgba.data[i] != 255) return false;
    return true;
}

// The colour channels a picture is compared on: 1 for masks, 3 for RGB and RGBA.
int colourChannels(const Image& image) { return image.channels == 1 ? 1 : 3; }

// Size, colour channels and up to ~4096 sampled pixels' colours (FNV-1a): equal for the same
// picture whether it is held as RGB or as opaque RGBA.
std::uint64_t sampleKey(const Image& image) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    const auto add = [&h](std::uint64_t v) {
        h ^= v;
        h *= 0x100000001b3ULL;
    };
    add(static_cast<std::uint64_t>(image.width));
    add(static_cast<std::uint64_t>(image.height));
    add(static_cast<std::uint64_t>(colourChannels(image)));
    const std::size_t pixels = static_cast<std::size_t>(image.width) * image.height;
    const std::size_t step = std::max<std::size_t>(1, pixels / 4096);
    for (std::size_t p = 0; p < pixels; p += step)
        for (int c = 0; c < colourChannels(image); ++c) add(image.data[p * image.channels + c]);
    return h;
}

// What is written for an opaque RGBA image: RGB (its alpha says nothing, and readers asking for
// RGBA get 255 back).
Image rgbOf(const Image& rgba) {
    Image rgb(rgba.width, rgba.height, 3);
    const std::size_t pixels = static_cast<std::size_t>(rgba.width) * rgba.height;
    for (std::size_t p = 0; p < pixels; ++p)
        for (int c = 0; c < 3; ++c) rgb.data[p * 3 + c] = rgba.data[p * 4 + c];
    return rgb;
}

}  // namespace

bool ProjectImageEntries::samePicture(const Image& a, const Image& b) {
    if (a.width != b.width || a.height != b.height) return false;
    if (a.channels == b.channels) return a.data == b.data;
    if (colourChannels(a) != colourChannels(b)) return false;
    const Image& rgb = a.channels == 3 ? a : b;
    const Image& rgba = a.channels == 3 ? b : a;
    const std::size_t pixels = static_cast<std::size_t>(a.width) * a.height;
    for (std::size_t p = 0; p < pixels; ++p) {
        const std::uint8_t* x = rgb.data.data() + p * 3;
        const std::uint8_t* y = rgba.data.data() + p * 4;
        if (x[0] != y[0] || x[1] != y[1] || x[2] != y[2] || y[3] != 255) return false;
    }
    return true;
}

std::string ProjectImageEntries::entryFor(const Image& image, const std::string& entry) {
    const std::uint64_t key = sampleKey(image);
    const auto [first, last] = m_written.equal_range(key);
    for (auto it = first; it != last; ++it)
        if (samePicture(*it->second.image, image)) return it->second.entry;

    const bool asRgb = image.channels == 4 && isOpaque(image);
    if (m_cache) {
        std::function<Image()> storedForm;
        if (asRgb) storedForm = [&image] { return rgbOf(image); };
        m_zip.add(entry, *m_cache->encode(image, entry, storedForm), ZipWriter::Method::Stored);
    } else {
        m_zip.add(entry, encodeImage(asRgb ? rgbOf(image) : image, ".png", {}, entry), ZipWriter::Method::Stored);
    }
    m_written.emplace(key, Written{&image, entry});
    return entry;
}

}  // namespace ace
