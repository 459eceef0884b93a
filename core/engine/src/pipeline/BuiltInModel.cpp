#include "ace/engine/BuiltInModel.h"

#include <cstdlib>
#include <system_error>
#include <vector>

#include "pipeline/ModelFolder.h"

namespace ace {
namespace fs = std::filesystem;

bool isBuiltInModelFolder(const fs::path& folder) {
    std::error_code ec;
    if (folder.empty() || !fs::is_directory(folder, ec)) return false;
    try {
        return readModelSettings(locateModelFolder(folder)).builtIn;
    } catch (const std::exception&) {
        return false;  // incomplete or unreadable: not a usable built-in model
    }
}

fs::path findBuiltInModel(const fs::path& executableDir) {
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("ACE_BUILTIN_MODEL"); env && *env) candidates.emplace_back(env);
    if (!executableDir.empty()) candidates.push_back(executableDir / ".." / "share" / "ace-desktop" / "models" / "builtin");
#ifdef ACE_SOURCE_DIR
    candidates.push_back(fs::path(ACE_SOURCE_DIR) / "resources" / "models" / "builtin");
#endif
    for (const fs::path& c : candidates) {
        if (isBuiltInModelFolder(c)) {
            std::error_code ec;
            const fs::path canonical = fs::weakly_canonical(c, ec);
            return ec ? c : canonical;
        }
    }
    return {};
}

}  // namespace ace
