#pragma once
// Files that leave the app: flat images (PNG, JPEG, WebP) of the composite or of one layer,
// layered OpenRaster (.ora) and Photoshop (.psd) files with the conversation transcript as
// metadata, their import back into a Document, and "export all results" of a conversation.
#include <filesystem>
#include <string>
#include <vector>

#include "ace/document/Document.h"

namespace ace {

struct FlatExportOptions {
    int quality = 95;     // JPEG and WebP, 1..100 (WebP 100 = lossless)
    int layerIndex = -1;  // -1: the composite; else that layer alone on the canvas
};

// By extension: .png and .webp keep transparency; .jpg/.jpeg is flattened on white.
void exportFlat(const std::filesystem::path& file, const Document& document, const FlatExportOptions& options = {});

struct LayeredFile {
    Document document;
    std::string transcript;  // empty when the file has none
};

// OpenRaster: mimetype (stored, first), stack.xml, data/*.png, Thumbnails/thumbnail.png,
// mergedimage.png, and the transcript in ace/transcript.txt. Mask layers are written as white
// layers whose alpha is the mask, marked ace:kind="mask".
void writeOpenRaster(const std::filesystem::path& file, const Document& document, const std::string& transcript = {});
LayeredFile readOpenRaster(const std::filesystem::path& file);

enum class PsdCompression { Raw, Rle };
// Photoshop document, 8-bit RGB with transparency: one layer record per layer (bottom first) with
// its Pascal and Unicode ('luni') name, opacity, visibility, bounds and blend mode key, the merged
// image, and the transcript in the XMP metadata (image resource 1060).
void writePsd(const std::filesystem::path& file, const Document& document, const std::string& transcript = {},
              PsdCompression compression = PsdCompression::Rle);
// Reads 8-bit RGB PSDs (raw, RLE and ZIP channel data); groups are flattened into their layers.
LayeredFile readPsd(const std::filesystem::path& file);

// Reads .ora or .psd by extension.
LayeredFile importLayered(const std::filesystem::path& file);

// Writes every layer version that has provenance as <baseName>-001.<ext>, ... (in the order of
// the turns) into `folder`, and <baseName>.json listing each file with its instruction,
// referenced images, mask, task, seed and settings. Returns the files written (sidecar last).
std::vector<std::filesystem::path> exportAllResults(const std::filesystem::path& folder, const Document& document,
                                                    const std::string& baseName = "result", const std::string& extension = ".png",
                                                    int quality = 95);

}  // namespace ace
