#include "DocumentSession.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QUndoStack>

#include "LayerModel.h"
#include "ace/common/Error.h"
#include "ace/imaging/ImageIo.h"

namespace ace {
namespace {

constexpr int kMaxRecent = 10;

std::filesystem::path fsPath(const QString& path) { return std::filesystem::path(path.toStdString()); }

QString suffixOf(const QString& path) { return QFileInfo(path).suffix().toLower(); }

}  // namespace

DocumentSession::DocumentSession(QUndoStack* undoStack, QObject* parent)
    : QObject(parent), m_undoStack(undoStack), m_layers(nullptr) {
    m_project.document = Document(1024, 1024);
    m_layers = new LayerModel(&m_project.document, undoStack, this);
    m_autosaveTimer.setInterval(3 * 60 * 1000);
    m_autosaveDelay.setSingleShot(true);
    m_autosaveDelay.setInterval(1500);
    connect(&m_autosaveTimer, &QTimer::timeout, this, [this] {
        if (m_undoStack->index() != m_autosavedIndex) autosaveInBackground();
    });
    connect(&m_autosaveDelay, &QTimer::timeout, this, &DocumentSession::autosaveInBackground);
    connect(m_undoStack, &QUndoStack::indexChanged, this, [this] { m_autosaveDelay.start(); });
    m_autosaveTimer.start();
}

DocumentSession::~DocumentSession() { waitForBackgroundAutosave(); }

void DocumentSession::waitForBackgroundAutosave() {
    if (m_backgroundAutosave.valid()) m_backgroundAutosave.wait();
}

void DocumentSession::ensureAutosaveStore() {
    if (m_autosave) return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/autosave";
    m_autosave = std::make_unique<AutosaveStore>(fsPath(folder));
}

void DocumentSession::autosaveInBackground() {
    if (m_project.document.layerCount() == 0) return;
    if (m_backgroundAutosave.valid() &&
        m_backgroundAutosave.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        m_autosaveDelay.start();  // one is still being written: try again shortly
        return;
    }
    try {
        ensureAutosaveStore();
    } catch (const Error&) {
        return;  // no autosave folder; the periodic timer tries again
    }
    // The worker gets a copy; the document may change while it writes.
    auto snapshotCopy = std::make_shared<Project>(snapshot());
    AutosaveStore* store = m_autosave.get();
    const std::filesystem::path projectFile = fsPath(m_filePath);
    const int index = m_undoStack->index();
    m_backgroundAutosave = std::async(std::launch::async, [this, store, snapshotCopy, projectFile, index] {
        try {
            store->autosave(*snapshotCopy, projectFile);
        } catch (const Error&) {
            return;  // disk full or the like: the next autosave tries again
        }
        // Back on the GUI thread; dropped if the session is gone by then.
        QMetaObject::invokeMethod(
            this,
            [this, index] {
                m_autosavedIndex = index;
                Q_EMIT autosaved(autosaveFile());
            },
            Qt::QueuedConnection);
    });
}

bool DocumentSession::isModified() const {
    // An empty layer stack has nothing worth saving, whatever else the shared undo stack holds.
    return !m_undoStack->isClean() && m_project.document.layerCount() > 0;
}

void DocumentSession::replaceProject(Project project, const QString& path) {
    m_project = std::move(project);
    m_undoStack->clear();
    m_undoStack->setClean();
    m_layers->resetDocument(&m_project.document);
    m_filePath = path;
    Q_EMIT filePathChanged(path);
    Q_EMIT projectReplaced();
}

void DocumentSession::newDocument(int width, int height) {
    Project p;
    p.document = Document(width, height);
    replaceProject(std::move(p), {});
}

bool DocumentSession::isProjectFile(const QString& path) { return suffixOf(path) == "aceproj"; }

bool DocumentSession::isOpenable(const QString& path) {
    static const QStringList known = {"aceproj", "ora", "psd", "png", "jpg", "jpeg", "webp", "bmp", "tif", "tiff"};
    return known.contains(suffixOf(path));
}

bool DocumentSession::open(const QString& path, QString* error) {
    try {
        const QString suffix = suffixOf(path);
        if (suffix == "aceproj") {
            Project p = loadProject(fsPath(path));
            p.autosaveOf.clear();
            replaceProject(std::move(p), path);
        } else if (suffix == "ora" || suffix == "psd") {
            LayeredFile layered = importLayered(fsPath(path));
            Project p;
            p.document = std::move(layered.document);
            if (!layered.transcript.empty()) p.session["importedTranscript"] = layered.transcript;
            replaceProject(std::move(p), {});
        } else {
            const Image image = readImage(fsPath(path), 4);
            Project p;
            p.document = Document(image.width, image.height);
            p.document.addLayer(Layer::raster(QFileInfo(path).completeBaseName().toStdString(), image));
            replaceProject(std::move(p), {});
        }
        addRecentFile(path);
        return true;
    } catch (const Error& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

Project DocumentSession::snapshot() const {
    // The provider first: it may add the images the conversation refers to to the assets.
    nlohmann::json session = m_sessionProvider ? m_sessionProvider() : m_project.session;
    Project p = m_project;
    p.session = std::move(session);
    return p;
}

bool DocumentSession::save(QString* error) {
    if (m_filePath.isEmpty()) {
        if (error) *error = tr("The session has no file yet.");
        return false;
    }
    return saveAs(m_filePath, error);
}

bool DocumentSession::saveAs(const QString& path, QString* error) {
    try {
        Project p = snapshot();
        p.autosaveOf.clear();
        ProjectWriteOptions options;
        if (m_autosave) options.pngCache = &m_autosave->pngCache();
        saveProject(fsPath(path), p, options);
        m_project.session = p.session;
    } catch (const Error& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    m_undoStack->setClean();
    if (m_filePath != path) {
        m_filePath = path;
        Q_EMIT filePathChanged(path);
    }
    addRecentFile(path);
    discardAutosave();
    return true;
}

bool DocumentSession::exportFlat(const QString& path, const FlatExportOptions& options, QString* error) {
    try {
        ace::exportFlat(fsPath(path), m_project.document, options);
        return true;
    } catch (const Error& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

bool DocumentSession::exportLayered(const QString& path, QString* error) {
    try {
        const std::string transcript = m_transcriptProvider ? m_transcriptProvider() : std::string();
        const QString suffix = suffixOf(path);
        if (suffix == "ora") writeOpenRaster(fsPath(path), m_project.document, transcript);
        else if (suffix == "psd") writePsd(fsPath(path), m_project.document, transcript);
        else throw Error(fsPath(path), "unknown layered format (use .ora or .psd)");
        return true;
    } catch (const Error& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

bool DocumentSession::exportAllResults(const QString& folder, QString* error, const QString& baseName) {
    try {
        ace::exportAllResults(fsPath(folder), m_project.document, baseName.toStdString());
        return true;
    } catch (const Error& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

QStringList DocumentSession::recentFiles() const { return QSettings().value("recentFiles").toStringList(); }

void DocumentSession::clearRecentFiles() {
    QSettings().remove("recentFiles");
    Q_EMIT recentFilesChanged();
}

void DocumentSession::addRecentFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecent) files.removeLast();
    QSettings().setValue("recentFiles", files);
    Q_EMIT recentFilesChanged();
}

void DocumentSession::setAutosaveFolder(const QString& folder) {
    waitForBackgroundAutosave();
    if (m_autosave) m_autosave->discard();
    m_autosave = std::make_unique<AutosaveStore>(fsPath(folder));
}

void DocumentSession::setAutosaveInterval(int intervalMs) { m_autosaveTimer.setInterval(intervalMs); }

void DocumentSession::setAutosaveDelay(int delayMs) { m_autosaveDelay.setInterval(delayMs); }

const PngCache* DocumentSession::pngCache() const { return m_autosave ? &m_autosave->pngCache() : nullptr; }

QString DocumentSession::autosaveFile() const {
    return m_autosave ? QString::fromStdString(m_autosave->autosaveFile().string()) : QString();
}

bool DocumentSession::autosaveNow(QString* error) {
    try {
        waitForBackgroundAutosave();
        ensureAutosaveStore();
        m_autosave->autosave(snapshot(), fsPath(m_filePath));
        m_autosavedIndex = m_undoStack->index();
        Q_EMIT autosaved(autosaveFile());
        return true;
    } catch (const Error& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

std::vector<RecoveryCandidate> DocumentSession::recoverable() const {
    if (m_autosave) return m_autosave->findRecoverable();
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/autosave";
    if (!QDir(folder).exists()) return {};
    return AutosaveStore(fsPath(folder)).findRecoverable();
}

bool DocumentSession::recover(const RecoveryCandidate& candidate, QString* error) {
    try {
        Project p = AutosaveStore::recover(candidate);
        const QString original = QString::fromStdString(p.autosaveOf.string());
        p.autosaveOf.clear();
        replaceProject(std::move(p), original);
        // Recovered work is unsaved until the user saves it.
        m_undoStack->resetClean();
        AutosaveStore::discard(candidate);
        autosaveNow();
        return true;
    } catch (const Error& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

void DocumentSession::discardRecovery(const RecoveryCandidate& candidate) { AutosaveStore::discard(candidate); }

void DocumentSession::discardAutosave() {
    m_autosaveDelay.stop();
    waitForBackgroundAutosave();  // else it could write the file again after it is removed
    if (m_autosave) m_autosave->discard();
    m_autosavedIndex = m_undoStack->index();
}

}  // namespace ace
