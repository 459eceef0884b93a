#include "ace/document/Document.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "ace/common/Error.h"
#include "ace/document/Compositor.h"

namespace ace {
namespace {

constexpr std::array<std::pair<BlendMode, std::string_view>, 7> kBlendNames{{
    {BlendMode::Normal, "normal"},
    {BlendMode::Multiply, "multiply"},
    {BlendMode::Screen, "screen"},
    {BlendMode::Overlay, "overlay"},
    {BlendMode::Darken, "darken"},
    {BlendMode::Lighten, "lighten"},
    {BlendMode::Difference, "difference"},
}};

}  // namespace

std::string_view blendModeName(BlendMode mode) {
    for (const auto& [m, n] : kBlendNames)
        if (m == mode) return n;
    return "normal";
}

std::optional<BlendMode> blendModeFromName(std::string_view name) {
    for (const auto& [m, n] : kBlendNames)
        if (n == name) return m;
    return std::nullopt;
}

std::string_view layerKindName(LayerKind kind) { return kind == LayerKind::Mask ? "mask" : "raster"; }

std::optional<LayerKind> layerKindFromName(std::string_view name) {
    if (name == "raster") return LayerKind::Raster;
    if (name == "mask") return LayerKind::Mask;
    return std::nullopt;
}

nlohmann::json provenanceToJson(const Provenance& p) {
    return {{"instruction", p.instruction}, {"referencedImages", p.referencedImages},
            {"mask", p.mask},               {"task", p.task},
            {"seed", p.seed},               {"turn", p.turn},
            {"settings", p.settings}};
}

Provenance provenanceFromJson(const nlohmann::json& j) {
    if (!j.is_object()) throw Error("provenance: expected an object");
    Provenance p;
    auto str = [&](const char* key, std::string& out) {
        if (!j.contains(key)) return;
        if (!j[key].is_string()) throw Error(std::string("provenance: '") + key + "' is not a string");
        out = j[key].get<std::string>();
    };
    str("instruction", p.instruction);
    str("mask", p.mask);
    str("task", p.task);
    if (j.contains("referencedImages")) {
        const auto& refs = j["referencedImages"];
        if (!refs.is_array()) throw Error("provenance: 'referencedImages' is not a list");
        for (const auto& r : refs) {
            if (!r.is_string()) throw Error("provenance: 'referencedImages' holds a non-string");
            p.referencedImages.push_back(r.get<std::string>());
        }
    }
    if (j.contains("seed")) {
        if (!j["seed"].is_number_integer()) throw Error("provenance: 'seed' is not an integer");
        p.seed = j["seed"].get<std::int64_t>();
    }
    if (j.contains("turn")) {
        if (!j["turn"].is_number_integer()) throw Error("provenance: 'turn' is not an integer");
        const auto t = j["turn"].get<std::int64_t>();
        if (t < -1 || t > 1'000'000) throw Error("provenance: 'turn' is out of range");
        p.turn = static_cast<int>(t);
    }
    if (j.contains("settings")) {
        if (!j["settings"].is_object()) throw Error("provenance: 'settings' is not an object");
        p.settings = j["settings"];
    }
    return p;
}

Image toRgba(const Image& image) {
    if (image.channels == 4 || image.isNull()) return image;
    Image out(image.width, image.height, 4);
    const std::size_t n = static_cast<std::size_t>(image.width) * image.height;
    const int c = image.channels;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* s = image.data.data() + i * c;
        std::uint8_t* d = out.data.data() + i * 4;
        if (c == 1) d[0] = d[1] = d[2] = s[0];
        else d[0] = s[0], d[1] = s[1], d[2] = s[2];
        d[3] = 255;
    }
    return out;
}

Image toMask(const Image& image) {
    if (image.channels == 1 || image.isNull()) return image;
    Image out(image.width, image.height, 1);
    const std::size_t n = static_cast<std::size_t>(image.width) * image.height;
    const int c = image.channels;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* s = image.data.data() + i * c;
        // Rec. 601 luma of the colour; with alpha, transparent means "not masked".
        const int grey = (299 * s[0] + 587 * s[1] + 114 * s[2] + 500) / 1000;
        out.data[i] = static_cast<std::uint8_t>(c == 4 ? (grey * s[3] + 127) / 255 : grey);
    }
    return out;
}

Layer Layer::raster(std::string name, const Image& image, int x, int y) {
    Layer layer;
    layer.name = std::move(name);
    layer.kind = LayerKind::Raster;
    layer.versions = {LayerVersion{toRgba(image), std::nullopt}};
    layer.x = x;
    layer.y = y;
    return layer;
}

Layer Layer::mask(std::string name, const Image& mask, int x, int y) {
    Layer layer;
    layer.name = std::move(name);
    layer.kind = LayerKind::Mask;
    layer.versions = {LayerVersion{toMask(mask), std::nullopt}};
    layer.x = x;
    layer.y = y;
    return layer;
}

void Layer::addVersion(Image image, std::optional<Provenance> provenance) {
    versions.push_back({kind == LayerKind::Mask ? toMask(image) : toRgba(image), std::move(provenance)});
    currentVersion = static_cast<int>(versions.size()) - 1;
}

Document::Document(int width, int height) : m_width(width), m_height(height) {
    if (width <= 0 || height <= 0 || width > 65535 || height > 65535)
        throw Error("document size " + std::to_string(width) + "x" + std::to_string(height) + " is out of range");
    markAllDirty();
}

void Document::resize(int width, int height) {
    if (width <= 0 || height <= 0 || width > 65535 || height > 65535)
        throw Error("document size " + std::to_string(width) + "x" + std::to_string(height) + " is out of range");
    m_width = width;
    m_height = height;
    markAllDirty();
}

void Document::resizeCanvas(int width, int height, int dx, int dy) {
    resize(width, height);
    for (Layer& layer : m_layers) {
        layer.x += dx;
        layer.y += dy;
    }
}

int Document::editMaskIndex() const {
    for (int i = layerCount() - 1; i >= 0; --i) {
        const Layer& l = m_layers[static_cast<std::size_t>(i)];
        if (l.kind == LayerKind::Mask && l.bounds() == bounds()) return i;
    }
    return -1;
}

bool Document::hasRasterLayer() const {
    return std::any_of(m_layers.begin(), m_layers.end(), [](const Layer& l) { return l.kind == LayerKind::Raster; });
}

int Document::indexOf(LayerId id) const {
    for (std::size_t i = 0; i < m_layers.size(); ++i)
        if (m_layers[i].id == id) return static_cast<int>(i);
    return -1;
}

const Layer* Document::findLayer(LayerId id) const {
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_layers[static_cast<std::size_t>(i)];
}

Layer* Document::findLayer(LayerId id) {
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_layers[static_cast<std::size_t>(i)];
}

LayerId Document::insertLayer(int index, Layer layer) {
    if (index < 0 || index > layerCount()) throw std::out_of_range("Document::insertLayer: index out of range");
    if (layer.versions.empty()) throw Error("layer '" + layer.name + "' has no pixels");
    if (layer.currentVersion < 0 || layer.currentVersion >= static_cast<int>(layer.versions.size()))
        throw Error("layer '" + layer.name + "' shows a version it does not have");
    if (layer.id == 0 || findLayer(layer.id)) layer.id = m_nextId;
    m_nextId = std::max(m_nextId, layer.id + 1);
    const Rect area = layer.bounds();
    m_layers.insert(m_layers.begin() + index, std::move(layer));
    markDirty(area);
    return m_layers[static_cast<std::size_t>(index)].id;
}

Layer Document::takeLayer(int index) {
    if (index < 0 || index >= layerCount()) throw std::out_of_range("Document::takeLayer: index out of range");
    Layer layer = std::move(m_layers[static_cast<std::size_t>(index)]);
    m_layers.erase(m_layers.begin() + index);
    markDirty(layer.bounds());
    if (m_inputLayer == layer.id) m_inputLayer = 0;
    return layer;
}

void Document::moveLayer(int from, int to) {
    if (from < 0 || from >= layerCount() || to < 0 || to >= layerCount())
        throw std::out_of_range("Document::moveLayer: index out of range");
    if (from == to) return;
    Layer layer = std::move(m_layers[static_cast<std::size_t>(from)]);
    m_layers.erase(m_layers.begin() + from);
    m_layers.insert(m_layers.begin() + to, std::move(layer));
    markLayerDirty(to);
}

LayerId Document::mergeDown(int index) {
    if (index <= 0 || index >= layerCount()) throw Error("there is no layer below to merge into");
    const Layer& upper = layer(index);
    const Layer& lower = layer(index - 1);
    if (upper.kind != LayerKind::Raster || lower.kind != LayerKind::Raster)
        throw Error("only raster layers can be merged");
    // Composite the two layers alone on a canvas covering both, then place it where they were.
    const Rect area = upper.bounds().united(lower.bounds());
    Document pair(area.width, area.height);
    Layer lo = lower, up = upper;
    lo.visible = up.visible = true;
    lo.blendMode = BlendMode::Normal;
    lo.x -= area.x, lo.y -= area.y, up.x -= area.x, up.y -= area.y;
    if (!lower.visible) lo.opacity = 0.0f;
    if (!upper.visible) up.opacity = 0.0f;
    pair.addLayer(std::move(lo));
    pair.addLayer(std::move(up));
    Layer merged = Layer::raster(lower.name, composite(pair), area.x, area.y);
    merged.id = lower.id;
    merged.locked = lower.locked;
    if (m_inputLayer == upper.id) m_inputLayer = lower.id;
    m_layers.erase(m_layers.begin() + index);
    m_layers[static_cast<std::size_t>(index - 1)] = std::move(merged);
    markDirty(area);
    return m_layers[static_cast<std::size_t>(index - 1)].id;
}

}  // namespace ace
