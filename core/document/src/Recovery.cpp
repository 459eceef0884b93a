#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>

#include "ace/common/Error.h"
#include "ace/document/Autosave.h"
#include "ace/document/Zip.h"

namespace ace {
namespace {

constexpr const char* kPrefix = "autosave-";

bool processAlive(long pid) {
    if (pid <= 0) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// autosave-<pid>-<token>.aceproj -> pid, or -1 for other names.
long pidOf(const std::filesystem::path& file) {
    const std::string name = file.filename().string();
    if (name.rfind(kPrefix, 0) != 0 || file.extension() != kProjectExtension) return -1;
    const std::string rest = name.substr(std::char_traits<char>::length(kPrefix));
    const auto dash = rest.find('-');
    if (dash == std::string::npos || dash == 0) return -1;
    long pid = 0;
    for (std::size_t i = 0; i < dash; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(rest[i])) || pid > 100'000'000) return -1;
        pid = pid * 10 + (rest[i] - '0');
    }
    return pid;
}

}  // namespace

AutosaveStore::AutosaveStore(std::filesystem::path folder) : m_folder(std::move(folder)) {
    std::error_code ec;
    std::filesystem::create_directories(m_folder, ec);
    if (ec) throw Error(m_folder, "cannot create the autosave folder: " + ec.message());
    const auto token = std::chrono::duration_cast<std::chrono::microseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    m_file = m_folder / (kPrefix + std::to_string(::getpid()) + "-" + std::to_string(token) + kProjectExtension);
}

void AutosaveStore::autosave(const Project& project, const std::filesystem::path& projectFile) {
    ProjectWriteOptions options;
    options.pngCache = &m_pngCache;
    options.autosaveOf = projectFile;
    saveProject(m_file, project, options);
    m_pngCache.dropUnused();
}

void AutosaveStore::discard() {
    std::error_code ec;
    std::filesystem::remove(m_file, ec);
}

std::vector<RecoveryCandidate> AutosaveStore::findRecoverable() const {
    std::vector<RecoveryCandidate> found;
    std::error_code ec;
    std::vector<std::filesystem::path> staleTemporaries;
    for (const auto& entry : std::filesystem::directory_iterator(m_folder, ec)) {
        const auto& path = entry.path();
        const std::string name = path.filename().string();
        // ".autosave-<pid>-<token>.aceproj.XXXXXX": the temporary file of a write that a kill
        // interrupted; its process is gone, so nobody will finish or remove it.
        if (name.rfind(std::string(".") + kPrefix, 0) == 0) {
            const auto dot = name.rfind('.');
            const long owner = pidOf(std::filesystem::path(name.substr(1, dot - 1)));
            if (owner > 0 && !processAlive(owner)) staleTemporaries.push_back(path);
            continue;
        }
        const long pid = pidOf(path);
        if (pid < 0 || path == m_file || processAlive(pid)) continue;
        RecoveryCandidate c;
        c.autosaveFile = path;
        c.savedAt = std::filesystem::last_write_time(path, ec);
        try {
            // Only project.json is read here; pixels wait for recover().
            const ZipReader zip = ZipReader::open(path);
            const auto root = nlohmann::json::parse(zip.readText("project.json"));
            if (root.is_object() && root.contains("autosaveOf") && root["autosaveOf"].is_string())
                c.projectFile = root["autosaveOf"].get<std::string>();
        } catch (const std::exception&) {
            // Listed anyway: recover() reports what is wrong with it.
        }
        found.push_back(std::move(c));
    }
    for (const auto& path : staleTemporaries) std::filesystem::remove(path, ec);
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.savedAt > b.savedAt; });
    return found;
}

Project AutosaveStore::recover(const RecoveryCandidate& candidate) { return loadProject(candidate.autosaveFile); }

void AutosaveStore::discard(const RecoveryCandidate& candidate) {
    std::error_code ec;
    std::filesystem::remove(candidate.autosaveFile, ec);
}

}  // namespace ace
