#pragma once
// Autosave and crash recovery. Each running instance writes its autosaves (atomically) to
// <folder>/autosave-<pid>-<start time>.aceproj and deletes them on a clean close; files left by
// an instance that is no longer running are what a later start offers to recover.
#include <filesystem>
#include <vector>

#include "ace/document/PngCache.h"
#include "ace/document/ProjectFile.h"

namespace ace {

struct RecoveryCandidate {
    std::filesystem::path autosaveFile;
    std::filesystem::path projectFile;  // the project it belongs to; empty for an untitled session
    std::filesystem::file_time_type savedAt;
};

class AutosaveStore {
public:
    // Creates the folder when needed; throws ace::Error when it cannot.
    explicit AutosaveStore(std::filesystem::path folder);

    const std::filesystem::path& folder() const { return m_folder; }
    std::filesystem::path autosaveFile() const { return m_file; }

    // Writes the session's autosave (atomic: a kill at any moment leaves the previous one).
    // Only the images that changed since the previous autosave are encoded again.
    void autosave(const Project& project, const std::filesystem::path& projectFile);
    // The PNGs of the last autosave; a save of the same project reuses them (thread-safe).
    PngCache& pngCache() { return m_pngCache; }
    const PngCache& pngCache() const { return m_pngCache; }
    // After a clean save or close: nothing to recover any more.
    void discard();

    // Autosaves of instances that are no longer running, newest first. Unreadable ones are listed
    // too (recover() reports why). Removes the temporary files of their interrupted writes.
    std::vector<RecoveryCandidate> findRecoverable() const;
    static Project recover(const RecoveryCandidate& candidate);
    static void discard(const RecoveryCandidate& candidate);

private:
    std::filesystem::path m_folder;
    std::filesystem::path m_file;
    PngCache m_pngCache;
};

}  // namespace ace
