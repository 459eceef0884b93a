#include "DocumentActions.h"

#include <QAction>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QUndoStack>
#include <QUndoView>

#include "DocumentSession.h"
#include "ExportDialog.h"
#include "LayerModel.h"
#include "LayerPanel.h"

namespace ace {
namespace {

QString projectFilter() { return DocumentActions::tr("ACE Desktop projects (*.aceproj)"); }

QString openFilter() {
    return DocumentActions::tr("All supported files (*.aceproj *.ora *.psd *.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff);;") +
           projectFilter() + ";;" + DocumentActions::tr("Layered images (*.ora *.psd)");
}

// The local files of a drag that the session can open.
QStringList openableFiles(const QMimeData* mime) {
    QStringList files;
    if (!mime || !mime->hasUrls()) return files;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && DocumentSession::isOpenable(url.toLocalFile())) {
            const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
            // Plain images are left to the canvas's own drop handling.
            if (suffix == "aceproj" || suffix == "ora" || suffix == "psd") files << url.toLocalFile();
        }
    return files;
}

}  // namespace

DocumentActions::DocumentActions(DocumentSession* session, QMainWindow* window)
    : QObject(window), m_session(session), m_window(window) {}

void DocumentActions::install(QMenu* fileMenu, QDockWidget* layersDock, QMenu* viewMenu) {
    m_panel = new LayerPanel(m_session->layerModel(), layersDock);
    layersDock->setWidget(m_panel);

    m_historyDock = new QDockWidget(tr("History"), m_window);
    m_historyDock->setObjectName("historyDock");
    m_undoView = new QUndoView(m_session->undoStack(), m_historyDock);
    m_undoView->setObjectName("undoView");
    m_undoView->setEmptyLabel(tr("<original>"));
    m_historyDock->setWidget(m_undoView);
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    if (viewMenu) viewMenu->addAction(m_historyDock->toggleViewAction());

    QAction* before = fileMenu->actions().isEmpty() ? nullptr : fileMenu->actions().last();
    // A shortcut another action of the window already has stays with it: two actions on one key
    // would make both silent.
    const auto taken = [this](const QKeySequence& key) {
        for (const QAction* other : m_window->findChildren<QAction*>())
            if (other->shortcuts().contains(key)) return true;
        return false;
    };
    auto add = [&](const QString& text, const QString& name, const QKeySequence& key, auto slot) {
        auto* a = new QAction(text, m_window);
        a->setObjectName(name);
        if (!key.isEmpty() && !taken(key)) a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        fileMenu->insertAction(before, a);
        return a;
    };
    m_open = add(tr("&Open…"), "actionOpen", QKeySequence::Open, &DocumentActions::openDialog);
    m_recentMenu = new QMenu(tr("Open &Recent"), m_window);
    m_recentMenu->setObjectName("recentMenu");
    fileMenu->insertMenu(before, m_recentMenu);
    m_save = add(tr("&Save"), "actionSave", QKeySequence::Save, &DocumentActions::saveFile);
    m_saveAs = add(tr("Save &As…"), "actionSaveAs", QKeySequence::SaveAs, &DocumentActions::saveFileAs);
    fileMenu->insertSeparator(before);
    m_export = add(tr("&Export…"), "actionExport", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), &DocumentActions::exportDialog);
    m_exportAll = add(tr("Export All &Results…"), "actionExportAll", {}, &DocumentActions::exportAllResultsDialog);
    fileMenu->insertSeparator(before);

    connect(m_session, &DocumentSession::recentFilesChanged, this, &DocumentActions::rebuildRecentMenu);
    rebuildRecentMenu();
    m_window->setAcceptDrops(true);
    m_window->installEventFilter(this);
}

void DocumentActions::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = m_session->recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        QAction* a = m_recentMenu->addAction(QString("&%1 %2").arg(i + 1).arg(QFileInfo(files[i]).fileName()));
        a->setToolTip(files[i]);
        a->setData(files[i]);
        connect(a, &QAction::triggered, this, [this, file = files[i]] { openFile(file); });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear Recent Files"), m_session, &DocumentSession::clearRecentFiles);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void DocumentActions::showError(const QString& title, const QString& message) {
    QMessageBox::warning(m_window, title, message);
}

bool DocumentActions::openFile(const QString& path) {
    if (!maybeSave()) return false;
    QString error;
    if (!m_session->open(path, &error)) {
        showError(tr("Cannot open"), error);
        return false;
    }
    return true;
}

void DocumentActions::openDialog() {
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open"), QString(), openFilter());
    if (!path.isEmpty()) openFile(path);
}

bool DocumentActions::saveFile() {
    if (m_session->filePath().isEmpty()) return saveFileAs();
    QString error;
    if (!m_session->save(&error)) {
        showError(tr("Cannot save"), error);
        return false;
    }
    return true;
}

bool DocumentActions::saveFileAs() {
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save As"), m_session->filePath(), projectFilter());
    if (path.isEmpty()) return false;
    if (QFileInfo(path).suffix().isEmpty()) path += ".aceproj";
    QString error;
    if (!m_session->saveAs(path, &error)) {
        showError(tr("Cannot save"), error);
        return false;
    }
    return true;
}

void DocumentActions::exportDialog() {
    const int row = m_panel ? m_panel->currentRow() : -1;
    const int layerIndex = row >= 0 ? m_session->layerModel()->indexForRow(row) : -1;
    QString suggested = m_session->filePath();
    suggested = suggested.isEmpty() ? tr("untitled.png") : QFileInfo(suggested).dir().filePath(QFileInfo(suggested).completeBaseName() + ".png");
    ExportDialog dialog(suggested, layerIndex, m_window);
    if (dialog.exec() != QDialog::Accepted) return;
    QString error;
    const bool ok = dialog.isLayered() ? m_session->exportLayered(dialog.path(), &error)
                                       : m_session->exportFlat(dialog.path(), dialog.flatOptions(), &error);
    if (!ok) showError(tr("Cannot export"), error);
}

void DocumentActions::exportAllResultsDialog() {
    const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Export all results into"));
    if (folder.isEmpty()) return;
    QString error;
    if (!m_session->exportAllResults(folder, &error)) showError(tr("Cannot export"), error);
}

void DocumentActions::offerRecovery() {
    const auto candidates = m_session->recoverable();
    if (candidates.empty()) return;
    const auto& newest = candidates.front();
    const QString project = newest.projectFile.empty() ? tr("an untitled session")
                                                       : QString::fromStdString(newest.projectFile.string());
    const auto answer = QMessageBox::question(
        m_window, tr("Recover unsaved work"),
        tr("ACE Desktop did not close properly. Recover the autosaved work of %1?").arg(project),
        QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        QString error;
        if (!m_session->recover(newest, &error)) showError(tr("Cannot recover"), error);
    } else if (answer == QMessageBox::Discard) {
        for (const auto& c : candidates) m_session->discardRecovery(c);
    }
}

bool DocumentActions::maybeSave() {
    if (!m_session->isModified()) return true;
    const auto answer = QMessageBox::question(m_window, tr("Unsaved changes"), tr("Save the changes to this session?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                              QMessageBox::Save);
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Save) return saveFile();
    return true;
}

bool DocumentActions::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto* drag = static_cast<QDragMoveEvent*>(event);
            if (!openableFiles(drag->mimeData()).isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto* drop = static_cast<QDropEvent*>(event);
            const QStringList files = openableFiles(drop->mimeData());
            if (!files.isEmpty()) {
                drop->acceptProposedAction();
                openFile(files.front());
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace ace
