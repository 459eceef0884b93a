#pragma once
#include <QMainWindow>

#include "AppSettings.h"
#include "InferenceBackend.h"

class QDockWidget;
class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;
class QUndoStack;

namespace ace {

class CanvasDocument;
class CanvasPanel;
class ChatModel;
class ChatPanel;
class DocumentActions;
class DocumentSession;
class SessionController;
struct SendRequest;

// The application window: the canvas in the centre, the chat and layer panels as docks.
// `backend` creates the inference backend on the worker thread; empty = the engine
// (makeEngineBackend, AceModel + EditSession).
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(BackendFactory backend = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    QDockWidget* chatDock() const { return m_chatDock; }
    QDockWidget* layersDock() const { return m_layersDock; }
    QWidget* canvasArea() const;
    CanvasPanel* canvasPanel() const { return m_canvasPanel; }
    ChatPanel* chatPanel() const { return m_chatPanel; }
    CanvasDocument* document() const { return m_document; }
    SessionController* session() const { return m_session; }
    // Sends a chat message; a layer fusion takes the layer selected in the layer panel as {image1}.
    void sendTurn(const ace::SendRequest& request);
    QUndoStack* undoStack() const { return m_undoStack; }
    // The layered document, its project file, exports and autosave (File menu, layer panel).
    DocumentSession* documentSession() const { return m_documentSession; }
    DocumentActions* documentActions() const { return m_documentActions; }
    // The message shown above the canvas when no usable model is loaded.
    QFrame* modelBanner() const { return m_banner; }
    QString modelBannerText() const;
    const AppSettings& appSettings() const { return m_settings; }
    void applySettings(const AppSettings& settings, bool reloadModel);

public Q_SLOTS:
    void showAbout();
    void showSettings();
    void openImage();
    void saveCanvasAs();
    void loadModel();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createMenus();
    void connectSession();
    void showBanner(const QString& message);
    void readSettings();
    void writeSettings();

    QUndoStack* m_undoStack = nullptr;
    DocumentSession* m_documentSession = nullptr;
    DocumentActions* m_documentActions = nullptr;
    CanvasDocument* m_document = nullptr;
    ChatModel* m_chatModel = nullptr;
    SessionController* m_session = nullptr;
    CanvasPanel* m_canvasPanel = nullptr;
    ChatPanel* m_chatPanel = nullptr;
    QFrame* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QLabel* m_modelStatus = nullptr;
    QProgressBar* m_loadProgress = nullptr;
    QDockWidget* m_chatDock = nullptr;
    QDockWidget* m_layersDock = nullptr;
    AppSettings m_settings;
};

}  // namespace ace
