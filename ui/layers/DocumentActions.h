#pragma once
// The File menu entries of a session (New, Open…, Open Recent, Save, Save As…, Export…, Export
// all results…), the layer panel and undo history docks, recovery after a crash, and
// drag-and-drop of project and layered files onto the window. Installs itself into a
// QMainWindow so that MainWindow only creates it:
//   auto* actions = new DocumentActions(session, this);
//   actions->install(fileMenu, layersDock, viewMenu);
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QUndoView;

namespace ace {

class DocumentSession;
class LayerPanel;

class DocumentActions final : public QObject {
    Q_OBJECT
public:
    DocumentActions(DocumentSession* session, QMainWindow* window);

    // Adds the actions to `fileMenu` (before its last action, usually Quit), puts the layer
    // panel into `layersDock`, adds a History dock and its toggle to `viewMenu` (may be null).
    void install(QMenu* fileMenu, QDockWidget* layersDock, QMenu* viewMenu);

    LayerPanel* layerPanel() const { return m_panel; }
    QDockWidget* historyDock() const { return m_historyDock; }
    QMenu* recentMenu() const { return m_recentMenu; }
    QAction* openAction() const { return m_open; }
    QAction* saveAction() const { return m_save; }
    QAction* saveAsAction() const { return m_saveAs; }
    QAction* exportAction() const { return m_export; }
    QAction* exportAllAction() const { return m_exportAll; }

public Q_SLOTS:
    bool openFile(const QString& path);  // shows the error in a message box
    void openDialog();
    bool saveFile();
    bool saveFileAs();
    void exportDialog();
    void exportAllResultsDialog();
    // Offers to recover the autosaves of crashed sessions (call once at startup).
    void offerRecovery();
    // For closeEvent: asks to save unsaved changes; false = cancel the close.
    bool maybeSave();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuildRecentMenu();
    void showError(const QString& title, const QString& message);

    DocumentSession* m_session;
    QMainWindow* m_window;
    LayerPanel* m_panel = nullptr;
    QDockWidget* m_historyDock = nullptr;
    QUndoView* m_undoView = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_open = nullptr;
    QAction* m_save = nullptr;
    QAction* m_saveAs = nullptr;
    QAction* m_export = nullptr;
    QAction* m_exportAll = nullptr;
};

}  // namespace ace
