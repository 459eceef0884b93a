#include "TestBackends.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "SlowBackend.h"

namespace ace::test {
namespace {
QString makeFolder(const QString& name, const QByteArray& ditMarker) {
    static QTemporaryDir root;
    const QString folder = root.path() + "/" + name;
    for (const char* part : {"dit", "vae", "text_encoder/t5-v1_1-xxl", "tokenizer/t5-v1_1-xxl"})
        QDir().mkpath(folder + "/models/" + part);
    QFile marker(folder + "/models/dit/test-model.txt");
    marker.open(QIODevice::WriteOnly);
    marker.write(ditMarker);
    return folder;
}
}  // namespace

BackendFactory testBackend() {
    return [] { return std::make_unique<SlowBackend>(40); };
}

QString workingModelFolder() {
    static const QString folder = makeFolder("tiny", "6");
    return folder;
}

QString brokenModelFolder() {
    static const QString folder = makeFolder("broken", "not a checkpoint");
    return folder;
}

}  // namespace ace::test
