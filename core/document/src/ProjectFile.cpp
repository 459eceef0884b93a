#include "ace/document/ProjectFile.h"

#include <cmath>

#include "LayerPixels.h"
#include "ProjectImageDecoder.h"
#include "ProjectImageEntries.h"
#include "ace/common/Error.h"
#include "ace/document/AtomicFile.h"
#include "ace/document/Zip.h"

namespace ace {
namespace {

constexpr const char* kFormatName = "ace-desktop-project";
constexpr std::uint64_t kMaxProjectBytes = 4ULL << 30;
constexpr long long kMaxTotalPixels = 1LL << 30;

bool validAssetName(const std::string& name) {
    if (name.empty() || name.size() > 64 || name == "." || name == "..") return false;
    for (unsigned char c : name)
        if (!std::isalnum(c) && c != '.' && c != '_' && c != '-') return false;
    return true;
}

// Typed access to project.json that names the offending field.
class Fields {
public:
    Fields(const nlohmann::json& j, std::string where, const std::filesystem::path& origin)
        : m_j(j), m_where(std::move(where)), m_origin(origin) {
        if (!j.is_object()) fail("is not an object");
    }
    [[noreturn]] void fail(const std::string& problem) const {
        throw Error(m_origin, "project.json: " + m_where + " " + problem);
    }
    const nlohmann::json& at(const char* key) const {
        const auto it = m_j.find(key);
        if (it == m_j.end()) fail(std::string("has no '") + key + "'");
        return *it;
    }
    bool has(const char* key) const { return m_j.contains(key); }
    std::int64_t integer(const char* key, std::int64_t lo, std::int64_t hi) const {
        const auto& v = at(key);
        if (!v.is_number_integer()) fail(std::string("'") + key + "' is not an integer");
        std::int64_t i;
        if (v.is_number_unsigned()) {
            const auto u = v.get<std::uint64_t>();
            if (u > static_cast<std::uint64_t>(hi)) fail(std::string("'") + key + "' is out of range");
            i = static_cast<std::int64_t>(u);
        } else {
            i = v.get<std::int64_t>();
        }
        if (i < lo || i > hi) fail(std::string("'") + key + "' is out of range");
        return i;
    }
    double number(const char* key, double lo, double hi) const {
        const auto& v = at(key);
        if (!v.is_number()) fail(std::string("'") + key + "' is not a number");
        const double d = v.get<double>();
        if (!std::isfinite(d) || d < lo || d > hi) fail(std::string("'") + key + "' is out of range");
        return d;
    }
    bool boolean(const char* key) const {
        const auto& v = at(key);
        if (!v.is_boolean()) fail(std::string("'") + key + "' is not true or false");
        return v.get<bool>();
    }
    std::string string(const char* key) const {
        const auto& v = at(key);
        if (!v.is_string()) fail(std::string("'") + key + "' is not a string");
        return v.get<std::string>();
    }
    const nlohmann::json& array(const char* key) const {
        const auto& v = at(key);
        if (!v.is_array()) fail(std::string("'") + key + "' is not a list");
        return v;
    }

private:
    const nlohmann::json& m_j;
    std::string m_where;
    const std::filesystem::path& m_origin;
};

// The layer kinds' channels: masks are read as grey, raster layers as RGBA.
int channelsOf(LayerKind kind) { return kind == LayerKind::Mask ? 1 : 4; }

// Every picture the layers and assets name, for the decoder: the fields it needs are checked as
// the full read checks them, so their errors read the same.
void requestPictures(const Fields& top, const std::filesystem::path& origin, ProjectImageDecoder& pictures) {
    const auto& layers = top.array("layers");
    if (layers.size() > 10'000) throw Error(origin, "project.json: too many layers");
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const Fields f(layers[i], "layer " + std::to_string(i), origin);
        const auto kind = layerKindFromName(f.string("kind"));
        if (!kind) f.fail("has an unknown kind");
        const auto& versions = f.array("versions");
        if (versions.empty() || versions.size() > 1000) f.fail("has no versions or too many");
        for (std::size_t v = 0; v < versions.size(); ++v) {
            const Fields vf(versions[v], "layer " + std::to_string(i) + " version " + std::to_string(v), origin);
            pictures.request(vf.string("image"), channelsOf(*kind));
        }
    }
    const auto& assets = top.array("assets");
    for (std::size_t i = 0; i < assets.size(); ++i) {
        const Fields f(assets[i], "asset " + std::to_string(i), origin);
        const auto channels = f.integer("channels", 1, 4);
        if (channels == 2) f.fail("has 2 channels");
        pictures.request(f.string("image"), static_cast<int>(channels));
    }
}

}  // namespace

std::vector<std::uint8_t> serializeProject(const Project& project, const ProjectWriteOptions& options) {
    const Document& doc = project.document;
    ZipWriter zip;
    zip.add("mimetype", std::string(kProjectMimeType), ZipWriter::Method::Stored);
    ProjectImageEntries images(zip, options.pngCache);
    nlohmann::json layers = nlohmann::json::array();
    for (const Layer& layer : doc.layers()) {
        nlohmann::json versions = nlohmann::json::array();
        for (std::size_t v = 0; v < layer.versions.size(); ++v) {
            const LayerVersion& version = layer.versions[v];
            const std::string entry = "layers/" + std::to_string(layer.id) + "/" + std::to_string(v) + ".png";
            versions.push_back({{"image", images.entryFor(version.image, entry)},
                                {"provenance", version.provenance ? provenanceToJson(*version.provenance) : nlohmann::json()}});
        }
        layers.push_back({{"id", layer.id},
                          {"name", layer.name},
                          {"kind", layerKindName(layer.kind)},
                          {"visible", layer.visible},
                          {"locked", layer.locked},
                          {"opacity", layer.opacity},
                          {"blendMode", blendModeName(layer.blendMode)},
                          {"x", layer.x},
                          {"y", layer.y},
                          {"currentVersion", layer.currentVersion},
                          {"versions", std::move(versions)}});
    }
    nlohmann::json assets = nlohmann::json::array();
    for (const auto& [name, image] : project.assets) {
        if (!validAssetName(name)) throw Error("asset name '" + name + "' is not allowed");
        const std::string entry = "assets/" + name + ".png";
        assets.push_back({{"name", name}, {"image", images.entryFor(image, entry)}, {"channels", image.get().channels}});
    }
    nlohmann::json root = {{"format", kFormatName},
                           {"version", kProjectFormatVersion},
                           {"canvas", {{"width", doc.width()}, {"height", doc.height()}}},
                           {"inputLayer", doc.inputLayer()},
                           {"nextLayerId", doc.nextLayerId()},
                           {"layers", std::move(layers)},
                           {"assets", std::move(assets)},
                           {"session", project.session}};
    const std::filesystem::path& autosaveOf = options.autosaveOf ? *options.autosaveOf : project.autosaveOf;
    if (!autosaveOf.empty()) root["autosaveOf"] = autosaveOf.string();
    // dump() with replacement keeps invalid UTF-8 in the session from throwing at save time.
    zip.add("project.json", root.dump(1, ' ', false, nlohmann::json::error_handler_t::replace));
    return zip.finish();
}

void saveProject(const std::filesystem::path& file, const Project& project, const ProjectWriteOptions& options) {
    std::vector<std::uint8_t> bytes;
    try {
        bytes = serializeProject(project, options);
    } catch (const Error& e) {
        throw Error(file, e.what());
    }
    writeFileAtomically(file, bytes);
}

Project parseProject(std::vector<std::uint8_t> bytes, const std::filesystem::path& origin) {
    ZipLimits limits;
    limits.maxEntries = 20'000;
    const ZipReader zip(std::move(bytes), origin, limits);
    if (!zip.contains("mimetype") || zip.readText("mimetype") != kProjectMimeType)
        throw Error(origin, "not an ACE Desktop project (the mimetype entry is missing or wrong)");
    if (!zip.contains("project.json")) throw Error(origin, "the project has no project.json");
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(zip.readText("project.json"));
    } catch (const nlohmann::json::exception& e) {
        throw Error(origin, std::string("project.json is not valid JSON: ") + e.what());
    }
    const Fields top(root, "the top level", origin);
    if (top.string("format") != kFormatName) throw Error(origin, "project.json: not an ACE Desktop project");
    const auto version = top.integer("version", 0, INT32_MAX);
    if (version > kProjectFormatVersion)
        throw Error(origin, "the project was written by a newer ACE Desktop (format version " + std::to_string(version) +
                                "); this version reads format " + std::to_string(kProjectFormatVersion));
    if (version < 1) throw Error(origin, "project.json: unknown format version " + std::to_string(version));

    Project project;
    const Fields canvas(top.at("canvas"), "canvas", origin);
    project.document = Document(static_cast<int>(canvas.integer("width", 1, 65535)),
                                static_cast<int>(canvas.integer("height", 1, 65535)));
    ProjectImageDecoder pictures(zip, origin, kMaxTotalPixels);
    requestPictures(top, origin, pictures);
    pictures.decodeAll();
    const auto& layers = top.array("layers");
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const Fields f(layers[i], "layer " + std::to_string(i), origin);
        Layer layer;
        layer.id = static_cast<LayerId>(f.integer("id", 1, INT64_MAX));
        if (project.document.findLayer(layer.id)) f.fail("repeats layer id " + std::to_string(layer.id));
        layer.name = f.string("name");
        const auto kind = layerKindFromName(f.string("kind"));
        if (!kind) f.fail("has an unknown kind");
        layer.kind = *kind;
        layer.visible = f.boolean("visible");
        layer.locked = f.boolean("locked");
        layer.opacity = static_cast<float>(f.number("opacity", 0.0, 1.0));
        const auto mode = blendModeFromName(f.string("blendMode"));
        if (!mode) f.fail("has an unknown blend mode");
        layer.blendMode = *mode;
        layer.x = static_cast<int>(f.integer("x", -1'000'000, 1'000'000));
        layer.y = static_cast<int>(f.integer("y", -1'000'000, 1'000'000));
        const auto& versions = f.array("versions");
        if (versions.empty() || versions.size() > 1000) f.fail("has no versions or too many");
        layer.versions.clear();
        for (std::size_t v = 0; v < versions.size(); ++v) {
            const Fields vf(versions[v], "layer " + std::to_string(i) + " version " + std::to_string(v), origin);
            LayerVersion version;
            version.image = pictures.image(vf.string("image"), channelsOf(layer.kind));
            if (vf.has("provenance") && !vf.at("provenance").is_null()) {
                try {
                    version.provenance = provenanceFromJson(vf.at("provenance"));
                } catch (const Error& e) {
                    vf.fail(e.what());
                }
            }
            layer.versions.push_back(std::move(version));
        }
        layer.currentVersion = static_cast<int>(f.integer("currentVersion", 0, static_cast<std::int64_t>(versions.size()) - 1));
        project.document.addLayer(std::move(layer));
    }
    const auto input = top.integer("inputLayer", 0, INT64_MAX);
    if (input != 0 && !project.document.findLayer(static_cast<LayerId>(input)))
        throw Error(origin, "project.json: the input layer does not exist");
    project.document.setInputLayer(static_cast<LayerId>(input));
    // Older files lack it: ids then continue after the highest one present.
    if (top.has("nextLayerId"))
        project.document.setNextLayerId(static_cast<LayerId>(top.integer("nextLayerId", 1, INT64_MAX)));

    const auto& assets = top.array("assets");
    for (std::size_t i = 0; i < assets.size(); ++i) {
        const Fields f(assets[i], "asset " + std::to_string(i), origin);
        const std::string name = f.string("name");
        if (!validAssetName(name)) f.fail("has a bad name");
        if (project.assets.count(name)) f.fail("repeats the name '" + name + "'");
        const auto channels = f.integer("channels", 1, 4);
        project.assets[name] = pictures.image(f.string("image"), static_cast<int>(channels));
    }
    const auto& session = top.at("session");
    if (!session.is_object()) throw Error(origin, "project.json: 'session' is not an object");
    project.session = session;
    if (top.has("autosaveOf")) project.autosaveOf = top.string("autosaveOf");
    project.document.takeDirty();
    project.document.markAllDirty();
    return project;
}

Project loadProject(const std::filesystem::path& file) {
    return parseProject(readFileBytes(file, kMaxProjectBytes), file);
}

}  // namespace ace
