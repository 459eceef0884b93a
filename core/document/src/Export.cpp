#include "ace/document/Export.h"

#include <algorithm>
#include <cstdio>

#include "ace/common/Error.h"
#include "ace/document/AtomicFile.h"
#include "ace/document/Compositor.h"
#include "ace/imaging/ImageIo.h"

namespace ace {
namespace {

std::string lowerExtension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

Image onWhite(const Image& rgba) {
    Image out(rgba.width, rgba.height, 3);
    const std::size_t n = static_cast<std::size_t>(rgba.width) * rgba.height;
    for (std::size_t i = 0; i < n; ++i)
        for (int k = 0; k < 3; ++k)
            out.data[i * 3 + k] = static_cast<std::uint8_t>(
                (rgba.data[i * 4 + k] * rgba.data[i * 4 + 3] + 255 * (255 - rgba.data[i * 4 + 3]) + 127) / 255);
    return out;
}

// A mask layer alone on the canvas, as 1 channel.
Image renderMask(const Document& document, const Layer& layer) {
    Image out(document.width(), document.height(), 1);
    const Rect b = layer.bounds().intersected(document.bounds());
    for (int y = b.y; y < b.bottom(); ++y)
        for (int x = b.x; x < b.right(); ++x) *out.pixel(x, y) = *layer.image().pixel(x - layer.x, y - layer.y);
    return out;
}

}  // namespace

void exportFlat(const std::filesystem::path& file, const Document& document, const FlatExportOptions& options) {
    const std::string ext = lowerExtension(file);
    if (ext != ".png" && ext != ".jpg" && ext != ".jpeg" && ext != ".webp")
        throw Error(file, "unknown export format '" + ext + "' (use .png, .jpg or .webp)");
    if (document.width() <= 0) throw Error(file, "the document is empty");
    Image image;
    if (options.layerIndex >= 0) {
        if (options.layerIndex >= document.layerCount()) throw Error(file, "there is no such layer to export");
        const Layer& layer = document.layer(options.layerIndex);
        image = layer.kind == LayerKind::Mask ? renderMask(document, layer) : renderLayer(document, options.layerIndex);
    } else {
        image = composite(document);
    }
    if (image.channels == 4 && (ext == ".jpg" || ext == ".jpeg")) image = onWhite(image);
    const auto bytes = encodeImage(image, ext, {.quality = options.quality}, file);
    writeFileAtomically(file, bytes);
}

LayeredFile importLayered(const std::filesystem::path& file) {
    const std::string ext = lowerExtension(file);
    if (ext == ".ora") return readOpenRaster(file);
    if (ext == ".psd") return readPsd(file);
    throw Error(file, "unknown layered format '" + ext + "' (use .ora or .psd)");
}

std::vector<std::filesystem::path> exportAllResults(const std::filesystem::path& folder, const Document& document,
                                                    const std::string& baseName, const std::string& extension, int quality) {
    struct Result {
        const Layer* layer;
        const LayerVersion* version;
        int versionIndex;
    };
    std::vector<Result> results;
    for (const Layer& layer : document.layers())
        for (std::size_t v = 0; v < layer.versions.size(); ++v)
            if (layer.versions[v].provenance) results.push_back({&layer, &layer.versions[v], static_cast<int>(v)});
    std::stable_sort(results.begin(), results.end(),
                     [](const Result& a, const Result& b) { return a.version->provenance->turn < b.version->provenance->turn; });
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw Error(folder, "cannot create the folder: " + ec.message());

    std::vector<std::filesystem::path> written;
    nlohmann::json sidecar = {{"document", {{"width", document.width()}, {"height", document.height()}}},
                              {"results", nlohmann::json::array()}};
    for (std::size_t i = 0; i < results.size(); ++i) {
        char number[32];
        std::snprintf(number, sizeof number, "-%03zu", i + 1);
        const std::filesystem::path file = folder / (baseName + number + extension);
        Image image = results[i].version->image;
        if (image.channels == 4 && (lowerExtension(file) == ".jpg" || lowerExtension(file) == ".jpeg")) image = onWhite(image);
        writeFileAtomically(file, encodeImage(image, lowerExtension(file), {.quality = quality}, file));
        written.push_back(file);
        nlohmann::json entry = provenanceToJson(*results[i].version->provenance);
        entry["file"] = file.filename().string();
        entry["layer"] = results[i].layer->name;
        entry["version"] = results[i].versionIndex;
        entry["width"] = image.width;
        entry["height"] = image.height;
        sidecar["results"].push_back(std::move(entry));
    }
    const std::filesystem::path json = folder / (baseName + ".json");
    const std::string text = sidecar.dump(2) + "\n";
    writeFileAtomically(json, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
    written.push_back(json);
    return written;
}

}  // namespace ace
