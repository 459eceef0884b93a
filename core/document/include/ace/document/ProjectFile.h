#pragma once
// The project file (.aceproj): one versioned zip holding a whole session — the layered document
// (all versions of every layer with their provenance), the images the session refers to (LCU
// history inputs, imported files) and the app's session JSON (conversation, LCU history,
// settings, seeds). The format is documented in README.md ("Project file format").
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ace/document/Document.h"
#include "ace/document/SharedImage.h"

namespace ace {

// 2: the session holds the conversation ("session.conversation"); version 1 files (no
// conversation) still open, with an empty chat.
inline constexpr int kProjectFormatVersion = 2;
inline constexpr const char* kProjectMimeType = "application/x-ace-desktop-project";
inline constexpr const char* kProjectExtension = ".aceproj";

struct Project {
    Document document;
    // Owned by the app: the conversation, LCU history (referring to assets by name), generation
    // settings and seeds. Stored as it is.
    nlohmann::json session = nlohmann::json::object();
    // Images referred to by name from `session`; names match [A-Za-z0-9._-]{1,64}. Shared with
    // copies of the project like the layers' pixels (copy on write).
    std::map<std::string, SharedImage> assets;
    // For autosaves: the project file the autosave belongs to (empty: an untitled session).
    std::filesystem::path autosaveOf;

    bool operator==(const Project&) const = default;
};

class PngCache;

struct ProjectWriteOptions {
    // The PNGs of earlier saves, reused for the images that did not change (autosaves).
    PngCache* pngCache = nullptr;
    // Written instead of Project::autosaveOf, so an autosave needs no copy of the project.
    std::optional<std::filesystem::path> autosaveOf;
};

// The archive bytes (serialise) and the atomic file write (save). The same picture is written
// once however many layer versions and assets hold it.
std::vector<std::uint8_t> serializeProject(const Project& project, const ProjectWriteOptions& options = {});
void saveProject(const std::filesystem::path& file, const Project& project, const ProjectWriteOptions& options = {});

// Throws ace::Error naming `origin` (or the file) and the problem for anything that is not a
// valid project of a supported version: corrupt, truncated, newer format, bad values.
Project parseProject(std::vector<std::uint8_t> bytes, const std::filesystem::path& origin);
Project loadProject(const std::filesystem::path& file);

}  // namespace ace
