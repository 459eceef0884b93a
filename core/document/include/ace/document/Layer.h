#pragma once
// One layer of a Document: pixels placed at an offset on the canvas, with the attributes that
// designers' tools exchange (name, visibility, opacity, blend mode, lock), and, for results of
// ACE turns, where the pixels came from (Provenance). Regenerations of a result are kept as
// versions of the same layer instead of overwriting it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ace/common/Image.h"
#include "ace/document/SharedImage.h"
#include "ace/document/Geometry.h"

namespace ace {

// Separable blend modes of the W3C "Compositing and Blending Level 1" spec (the same formulas as
// Photoshop's modes of these names), applied with source-over alpha compositing.
enum class BlendMode { Normal, Multiply, Screen, Overlay, Darken, Lighten, Difference };

// Raster layers hold RGBA8 pixels (straight alpha). Mask layers hold 1-channel masks (255 =
// edit here) for ACE's inpainting; they are drawn by the canvas as an overlay and are not part
// of the composite.
enum class LayerKind { Raster, Mask };

using LayerId = std::uint64_t;

// Stable names used in files: "normal", "multiply", ... and "raster", "mask".
std::string_view blendModeName(BlendMode mode);
std::optional<BlendMode> blendModeFromName(std::string_view name);
std::string_view layerKindName(LayerKind kind);
std::optional<LayerKind> layerKindFromName(std::string_view name);

// How a result layer was made: enough to re-run the turn with the same or a new seed.
struct Provenance {
    std::string instruction;                   // the turn's instruction, with {image}/{imageN} references
    std::vector<std::string> referencedImages; // what each reference was (layer names, "flattened", file names)
    std::string mask;                          // the mask used ("" = none): a mask layer's name
    std::string task;                          // ACE task string ("" = automatic, "inpainting", ...)
    std::int64_t seed = -1;                    // the seed actually used
    int turn = -1;                             // index of the conversation turn, -1 = unknown
    nlohmann::json settings = nlohmann::json::object();  // steps, guidance, sampler, model, ...

    bool operator==(const Provenance&) const = default;
};

nlohmann::json provenanceToJson(const Provenance& p);
// Throws ace::Error (without a file) naming the bad field.
Provenance provenanceFromJson(const nlohmann::json& j);

struct LayerVersion {
    SharedImage image;                     // RGBA8 (raster) or 1 channel (mask); copy on write
    std::optional<Provenance> provenance;  // none for imported or painted layers
    bool operator==(const LayerVersion&) const = default;
};

struct Layer {
    LayerId id = 0;  // unique within a document; 0 = assign on insertion
    std::string name;
    LayerKind kind = LayerKind::Raster;
    bool visible = true;
    bool locked = false;
    float opacity = 1.0f;  // 0..1
    BlendMode blendMode = BlendMode::Normal;
    int x = 0;  // offset of the layer's top-left pixel on the canvas (may be negative)
    int y = 0;
    std::vector<LayerVersion> versions = {LayerVersion{}};  // never empty
    int currentVersion = 0;

    // A raster layer (image converted to RGBA) or a mask layer (image converted to 1 channel).
    static Layer raster(std::string name, const Image& image, int x = 0, int y = 0);
    static Layer mask(std::string name, const Image& mask, int x = 0, int y = 0);

    const Image& image() const { return versions[static_cast<std::size_t>(currentVersion)].image.get(); }
    // For writing: no longer shared with a copy of the document (see SharedImage). Fetch it for
    // each change rather than keep the reference: a copy made meanwhile would share the pixels.
    Image& image() { return versions[static_cast<std::size_t>(currentVersion)].image.edit(); }
    const std::optional<Provenance>& provenance() const {
        return versions[static_cast<std::size_t>(currentVersion)].provenance;
    }
    // The layer's pixels on the canvas.
    Rect bounds() const { return {x, y, image().width, image().height}; }

    // Keeps the current pixels as an alternative and shows the new version (a regeneration).
    void addVersion(Image image, std::optional<Provenance> provenance);

    bool operator==(const Layer&) const = default;
};

// Converts any 1/3/4-channel image to RGBA8 (opaque alpha when there is none).
Image toRgba(const Image& image);
// Converts any 1/3/4-channel image to 1 channel (a 4-channel mask uses its alpha times grey).
Image toMask(const Image& image);

}  // namespace ace
