// OpenRaster (https://www.openraster.org/): a zip whose first entry is the stored "mimetype",
// with stack.xml describing the layers top to bottom.
#include <array>
#include <charconv>
#include <cmath>
#include <sstream>

#include "LayerPixels.h"
#include "Xml.h"
#include "ace/common/Error.h"
#include "ace/document/AtomicFile.h"
#include "ace/document/Compositor.h"
#include "ace/document/Export.h"
#include "ace/document/Zip.h"
#include "ace/imaging/ImageIo.h"

namespace ace {
namespace {

constexpr const char* kMime = "image/openraster";
constexpr const char* kTranscriptEntry = "ace/transcript.txt";
constexpr const char* kAceNamespace = "https://ace-desktop.org/ns/openraster/1";

constexpr std::array<std::pair<BlendMode, const char*>, 7> kOps{{
    {BlendMode::Normal, "svg:src-over"},
    {BlendMode::Multiply, "svg:multiply"},
    {BlendMode::Screen, "svg:screen"},
    {BlendMode::Overlay, "svg:overlay"},
    {BlendMode::Darken, "svg:darken"},
    {BlendMode::Lighten, "svg:lighten"},
    {BlendMode::Difference, "svg:difference"},
}};

const char* opName(BlendMode mode) {
    for (const auto& [m, n] : kOps)
        if (m == mode) return n;
    return "svg:src-over";
}

BlendMode opFromName(const std::string& name) {
    for (const auto& [m, n] : kOps)
        if (name == n) return m;
    return BlendMode::Normal;  // other tools' modes (krita:burn, ...) fall back to normal
}

std::string formatOpacity(float opacity) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", static_cast<double>(std::clamp(opacity, 0.0f, 1.0f)));
    return buf;
}

int parseInt(const std::string& text, const std::filesystem::path& file, const char* what, int lo, int hi) {
    // Some writers emit "12.0"; accept a number, round it, and range-check it.
    double v = 0;
    const char* begin = text.data();
    const auto [end, ec] = std::from_chars(begin, begin + text.size(), v);
    if (ec != std::errc() || end != begin + text.size() || !std::isfinite(v) || v < lo || v > hi)
        throw Error(file, std::string("stack.xml: bad ") + what + " '" + text + "'");
    return static_cast<int>(std::lround(v));
}

struct PendingLayer {
    const xml::Element* element;
    bool visible;
    float opacity;
};

void collectLayers(const xml::Element& stack, bool visible, float opacity, std::vector<PendingLayer>& out,
                   const std::filesystem::path& file, int depth) {
    if (depth > 32) throw Error(file, "stack.xml: stacks nested too deeply");
    for (const auto& child : stack.children) {
        bool v = visible;
        float o = opacity;
        if (const auto* vis = child->attribute("visibility")) v = v && *vis != "hidden";
        if (const auto* op = child->attribute("opacity")) {
            double d = 1.0;
            const auto [end, ec] = std::from_chars(op->data(), op->data() + op->size(), d);
            if (ec != std::errc() || end != op->data() + op->size() || !std::isfinite(d))
                throw Error(file, "stack.xml: bad opacity '" + *op + "'");
            o *= static_cast<float>(std::clamp(d, 0.0, 1.0));
        }
        if (child->name == "layer") out.push_back({child.get(), v, o});
        else if (child->name == "stack") collectLayers(*child, v, o, out, file, depth + 1);
    }
}

}  // namespace

void writeOpenRaster(const std::filesystem::path& file, const Document& document, const std::string& transcript) {
    if (document.width() <= 0) throw Error(file, "the document is empty");
    ZipWriter zip;
    zip.add("mimetype", std::string(kMime), ZipWriter::Method::Stored);

    std::ostringstream xmlText;
    xmlText << "<?xml version='1.0' encoding='UTF-8'?>\n"
            << "<image version=\"0.0.5\" w=\"" << document.width() << "\" h=\"" << document.height()
            << "\" xres=\"72\" yres=\"72\" xmlns:ace=\"" << kAceNamespace << "\">\n <stack>\n";
    // stack.xml lists the topmost layer first.
    for (int i = document.layerCount() - 1; i >= 0; --i) {
        const Layer& layer = document.layer(i);
        const std::string src = "data/layer" + std::to_string(i) + ".png";
        const Image pixels = layer.kind == LayerKind::Mask ? detail::maskToRgba(layer.image()) : layer.image();
        zip.add(src, encodeImage(pixels, ".png", {}, file), ZipWriter::Method::Stored);
        xmlText << "  <layer name=\"" << xml::escape(layer.name) << "\" src=\"" << src << "\" x=\"" << layer.x
                << "\" y=\"" << layer.y << "\" opacity=\"" << formatOpacity(layer.opacity) << "\" visibility=\""
                << (layer.visible ? "visible" : "hidden") << "\" composite-op=\"" << opName(layer.blendMode) << "\"";
        if (layer.locked) xmlText << " edit-locked=\"true\"";
        if (layer.kind == LayerKind::Mask) xmlText << " ace:kind=\"mask\"";
        xmlText << "/>\n";
    }
    xmlText << " </stack>\n</image>\n";
    zip.add("stack.xml", xmlText.str());

    const Image merged = composite(document);
    zip.add("mergedimage.png", encodeImage(merged, ".png", {}, file), ZipWriter::Method::Stored);
    zip.add("Thumbnails/thumbnail.png", encodeImage(detail::thumbnail(merged, 256), ".png", {}, file),
            ZipWriter::Method::Stored);
    if (!transcript.empty()) zip.add(kTranscriptEntry, transcript);
    const auto bytes = zip.finish();
    writeFileAtomically(file, bytes);
}

LayeredFile readOpenRaster(const std::filesystem::path& file) {
    const ZipReader zip = ZipReader::open(file);
    if (!zip.contains("mimetype") || zip.readText("mimetype") != kMime)
        throw Error(file, "not an OpenRaster file (the mimetype entry is missing or wrong)");
    if (!zip.contains("stack.xml")) throw Error(file, "not an OpenRaster file (no stack.xml)");
    const auto root = xml::parse(zip.readText("stack.xml"), file.string() + ": stack.xml");
    if (root->name != "image") throw Error(file, "stack.xml: the root element is not <image>");
    const auto* w = root->attribute("w");
    const auto* h = root->attribute("h");
    if (!w || !h) throw Error(file, "stack.xml: the image has no size");
    LayeredFile result;
    result.document = Document(parseInt(*w, file, "width", 1, 65535), parseInt(*h, file, "height", 1, 65535));
    const xml::Element* stack = root->child("stack");
    if (!stack) throw Error(file, "stack.xml: no <stack>");

    std::vector<PendingLayer> pending;
    collectLayers(*stack, true, 1.0f, pending, file, 0);
    const ImageReadLimits limits;
    long long totalPixels = 0;
    for (auto it = pending.rbegin(); it != pending.rend(); ++it) {
        const xml::Element& e = *it->element;
        const auto* src = e.attribute("src");
        if (!src) throw Error(file, "stack.xml: a layer has no src");
        if (!zip.contains(*src)) throw Error(file, "stack.xml: layer source '" + *src + "' is missing");
        const auto png = zip.read(*src);
        const Image rgba = decodeImage(png.data(), png.size(), 4, file.string() + ":" + *src, limits);
        totalPixels += static_cast<long long>(rgba.width) * rgba.height;
        if (totalPixels > limits.maxPixels) throw Error(file, "the layers hold too many pixels");
        const auto* name = e.attribute("name");
        const auto* kind = e.attribute("ace:kind");
        const bool isMask = kind && *kind == "mask";
        const int x = e.attribute("x") ? parseInt(*e.attribute("x"), file, "x", -1'000'000, 1'000'000) : 0;
        const int y = e.attribute("y") ? parseInt(*e.attribute("y"), file, "y", -1'000'000, 1'000'000) : 0;
        Layer layer = isMask ? Layer::mask(name ? *name : "", toMask(rgba), x, y) : Layer::raster(name ? *name : "", rgba, x, y);
        layer.visible = it->visible;
        layer.opacity = it->opacity;
        if (const auto* op = e.attribute("composite-op")) layer.blendMode = opFromName(*op);
        if (const auto* locked = e.attribute("edit-locked")) layer.locked = *locked == "true";
        result.document.addLayer(std::move(layer));
    }
    if (zip.contains(kTranscriptEntry)) result.transcript = zip.readText(kTranscriptEntry);
    result.document.takeDirty();
    result.document.markAllDirty();
    return result;
}

}  // namespace ace
