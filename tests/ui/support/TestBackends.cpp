#include "TestBackends.h"

#include <QTemporaryDir>

#include <filesystem>

#include "EngineBackend.h"
#include "ace/engine/ModelFactory.h"

namespace ace::test {
namespace {
namespace fs = std::filesystem;

const QTemporaryDir& root() {
    static QTemporaryDir dir;
    return dir;
}

QString makeTinyModel(const QString& name, std::uint64_t seed) {
    const QString folder = root().filePath(name);
    RandomModelSpec spec;
    spec.name = name.toStdString();
    spec.seed = seed;
    createRandomModel(folder.toStdString(), spec);
    return folder;
}
}  // namespace

// The real engine (AceModel + EditSession) behind the worker, no doubles.
BackendFactory testBackend() {
    return [] { return makeEngineBackend(); };
}

QString workingModelFolder() {
    static const QString folder = makeTinyModel("tiny", 7);
    return folder;
}

QString brokenModelFolder() {
    static const QString folder = [] {
        const QString f = makeTinyModel("broken", 8);
        // Cut the DiT checkpoint short: the loader must refuse it and name the file.
        for (const auto& entry : fs::directory_iterator(fs::path(f.toStdString()) / "models" / "dit"))
            if (entry.is_regular_file()) fs::resize_file(entry.path(), fs::file_size(entry.path()) / 2);
        return f;
    }();
    return folder;
}

}  // namespace ace::test
