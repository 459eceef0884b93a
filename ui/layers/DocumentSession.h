#pragma once
// The open session as the UI sees it: the project (layered document, assets, the app's session
// JSON), its file, the layer model over it, save/open/recent files, exports, and autosave with
// crash recovery. All document changes go through the shared QUndoStack; its clean state is
// "saved".
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <future>
#include <memory>

#include "ace/document/Autosave.h"
#include "ace/document/Export.h"
#include "ace/document/ProjectFile.h"

class QUndoStack;

namespace ace {

class LayerModel;

class DocumentSession final : public QObject {
    Q_OBJECT
public:
    explicit DocumentSession(QUndoStack* undoStack, QObject* parent = nullptr);
    ~DocumentSession() override;

    Project& project() { return m_project; }
    Document& document() { return m_project.document; }
    LayerModel* layerModel() const { return m_layers; }
    QUndoStack* undoStack() const { return m_undoStack; }
    QString filePath() const { return m_filePath; }
    bool isModified() const;

    // What the app adds to saves: the conversation/LCU history/settings JSON, and the transcript
    // embedded in layered exports. Called at save/export time.
    void setSessionProvider(std::function<nlohmann::json()> provider) { m_sessionProvider = std::move(provider); }
    void setTranscriptProvider(std::function<std::string()> provider) { m_transcriptProvider = std::move(provider); }

    void newDocument(int width, int height);
    // .aceproj opens the project; .ora/.psd import as a new untitled session; images open as a
    // one-layer document. On failure returns false and sets *error (the document is unchanged).
    bool open(const QString& path, QString* error);
    bool save(QString* error);  // to filePath(); false without a path
    // Reuses the PNGs of the last autosave (taken 1.5 s after each change), so saving re-encodes
    // only what changed since.
    bool saveAs(const QString& path, QString* error);
    bool exportFlat(const QString& path, const FlatExportOptions& options, QString* error);
    bool exportLayered(const QString& path, QString* error);  // .ora or .psd
    bool exportAllResults(const QString& folder, QString* error, const QString& baseName = "result");

    QStringList recentFiles() const;
    void clearRecentFiles();

    // Autosave: into `folder` (default: the app's data folder/autosave), every `intervalMs` while
    // there are unsaved changes, and shortly after each change (so a crash loses at most the
    // last stroke); those run on a worker thread over a snapshot of the project, so encoding
    // large layers does not stall the window. autosaveNow() writes at once (after each turn).
    void setAutosaveFolder(const QString& folder);
    void setAutosaveInterval(int intervalMs);
    void setAutosaveDelay(int delayMs);
    QString autosaveFile() const;
    // The encoded pictures autosaves and saves share (null before the first autosave).
    const PngCache* pngCache() const;
    bool autosaveNow(QString* error = nullptr);
    // Starts an autosave on the worker thread now (after each finished turn) without waiting for it.
    void requestAutosave() { autosaveInBackground(); }
    std::vector<RecoveryCandidate> recoverable() const;
    bool recover(const RecoveryCandidate& candidate, QString* error);
    void discardRecovery(const RecoveryCandidate& candidate);
    // After a clean close: removes this session's autosave.
    void discardAutosave();

    static bool isProjectFile(const QString& path);
    static bool isOpenable(const QString& path);  // project, layered or image file

Q_SIGNALS:
    // The whole project was replaced (new, open, recover): read project().session again.
    void projectReplaced();
    void filePathChanged(const QString& path);
    void recentFilesChanged();
    void autosaved(const QString& file);

private:
    void replaceProject(Project project, const QString& path);
    void ensureAutosaveStore();
    void autosaveInBackground();
    void waitForBackgroundAutosave();
    void addRecentFile(const QString& path);
    Project snapshot() const;

    QUndoStack* m_undoStack;
    Project m_project;
    LayerModel* m_layers;
    QString m_filePath;
    std::function<nlohmann::json()> m_sessionProvider;
    std::function<std::string()> m_transcriptProvider;
    std::unique_ptr<AutosaveStore> m_autosave;
    QTimer m_autosaveTimer;   // periodic
    QTimer m_autosaveDelay;   // after a change
    int m_autosavedIndex = -1;
    std::future<void> m_backgroundAutosave;
};

}  // namespace ace
