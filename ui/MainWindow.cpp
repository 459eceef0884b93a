#include "MainWindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QListView>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QImageReader>
#include <QImageWriter>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include "AboutDialog.h"
#include "CanvasDocument.h"
#include "CanvasPanel.h"
#include "CanvasView.h"
#include "ChatInput.h"
#include "ChatModel.h"
#include "ChatPanel.h"
#include "EngineBackend.h"
#include "SessionController.h"
#include "DocumentActions.h"
#include "DocumentSession.h"
#include "LayerModel.h"
#include "LayerPanel.h"
#include "SettingsDialog.h"
#include "ShortcutsDialog.h"

namespace ace {

MainWindow::MainWindow(BackendFactory backend, QWidget* parent) : QMainWindow(parent) {
    setObjectName("MainWindow");
    setWindowTitle(tr("ACE Desktop"));
    setWindowIcon(QIcon(":/icons/ace-desktop.svg"));

    m_undoStack = new QUndoStack(this);
    m_undoStack->setUndoLimit(100);
    m_documentSession = new DocumentSession(m_undoStack, this);
    // One document: the canvas is a view over the session's layered document.
    m_document = new CanvasDocument(m_documentSession->layerModel(), this);
    m_chatModel = new ChatModel(this);
    if (!backend) backend = makeEngineBackend;
    m_session = new SessionController(m_document, m_chatModel, std::move(backend), this);

    // Centre: the banner for model problems over the canvas.
    auto* centre = new QWidget(this);
    m_banner = new QFrame(centre);
    m_banner->setObjectName("modelBanner");
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setStyleSheet(QStringLiteral("#modelBanner { background: #fff4e5; border: 1px solid #e0a040; }"
                                           "#modelBanner QLabel { color: #5a3a00; }"));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName("modelBannerText");
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* settingsButton = new QPushButton(tr("Settings…"), m_banner);
    connect(settingsButton, &QPushButton::clicked, this, &MainWindow::showSettings);
    auto* retryButton = new QPushButton(tr("Load again"), m_banner);
    connect(retryButton, &QPushButton::clicked, this, &MainWindow::loadModel);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(settingsButton);
    bannerLayout->addWidget(retryButton);
    m_banner->hide();
    m_canvasPanel = new CanvasPanel(m_document, centre);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_banner);
    centreLayout->addWidget(m_canvasPanel, 1);
    setCentralWidget(centre);
    // The canvas's tool options span the window above the docks, as painting programs have them,
    // so however wide the docks are, none of them hides behind an overflow button.
    QToolBar* toolOptions = m_canvasPanel->toolBar();
    toolOptions->setMovable(false);
    addToolBar(Qt::TopToolBarArea, toolOptions);

    m_modelStatus = new QLabel(tr("No model loaded"), this);
    m_modelStatus->setObjectName("modelStatus");
    m_loadProgress = new QProgressBar(this);
    m_loadProgress->setRange(0, 1000);
    m_loadProgress->setMaximumWidth(200);
    m_loadProgress->hide();
    statusBar()->addPermanentWidget(m_loadProgress);
    statusBar()->addPermanentWidget(m_modelStatus);

    createDocks();
    createMenus();
    connectSession();
    readSettings();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::canvasArea() const { return m_canvasPanel; }

void MainWindow::createDocks() {
    m_chatDock = new QDockWidget(tr("Chat"), this);
    m_chatDock->setObjectName("chatDock");
    m_chatPanel = new ChatPanel(m_chatModel, m_chatDock);
    m_chatDock->setWidget(m_chatPanel);
    addDockWidget(Qt::LeftDockWidgetArea, m_chatDock);

    m_layersDock = new QDockWidget(tr("Layers"), this);
    m_layersDock->setObjectName("layersDock");
    m_layersDock->setWidget(new QWidget(m_layersDock));
    addDockWidget(Qt::RightDockWidgetArea, m_layersDock);
}

void MainWindow::createMenus() {
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* open = fileMenu->addAction(tr("&Open Image…"), this, &MainWindow::openImage);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName("actionOpenImage");
    QAction* save = fileMenu->addAction(tr("&Save Canvas As…"), this, &MainWindow::saveCanvasAs);
    save->setShortcut(QKeySequence::SaveAs);
    save->setObjectName("actionSaveCanvas");
    fileMenu->addSeparator();
    QAction* settings = fileMenu->addAction(tr("S&ettings…"), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setObjectName("actionSettings");
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName("actionQuit");

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName("actionUndo");
    QAction* redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName("actionRedo");
    editMenu->addAction(undo);
    editMenu->addAction(redo);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_chatDock->toggleViewAction());
    viewMenu->addAction(m_layersDock->toggleViewAction());
    m_documentActions = new DocumentActions(m_documentSession, this);
    m_documentActions->install(fileMenu, m_layersDock, viewMenu);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About ACE Desktop"), this, &MainWindow::showAbout);
    about->setObjectName("actionAbout");
    QAction* shortcuts = helpMenu->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        ShortcutsDialog dialog(this, this);
        dialog.exec();
    });
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    shortcuts->setObjectName("actionShortcuts");
}

void MainWindow::sendTurn(const SendRequest& request) {
    if (taskLayerInputs(request.task) < 2) {
        m_session->send(request);
        return;
    }
    // {image} is the input layer (or the flattened image), {image1} the layer selected in the panel.
    LayerPanel* panel = m_documentActions->layerPanel();
    const LayerId selected = panel ? panel->currentLayerId() : 0;
    const Layer* layer = selected ? m_document->document().findLayer(selected) : nullptr;
    if (!m_document->hasImage() || !layer || layer->kind != LayerKind::Raster || selected == m_document->inputLayerId()) {
        statusBar()->showMessage(tr("To fuse two layers, choose the layer to fuse into as the next turn's input and "
                                    "select the other one in the layer panel."),
                                 10000);
        m_chatPanel->input()->setPlainText(request.text);  // nothing is lost
        return;
    }
    SendRequest fused = request;
    fused.attachments.prepend(ChatImage{m_document->layerImage(selected), QImage(), imageLabel(1),
                                        QString::fromStdString(layer->name)});
    for (int i = 0; i < fused.attachments.size(); ++i) fused.attachments[i].label = imageLabel(i + 1);
    m_session->send(fused);
}

void MainWindow::connectSession() {
    ChatPanel* chat = m_chatPanel;
    connect(chat, &ChatPanel::sendRequested, this, &MainWindow::sendTurn);
    connect(chat, &ChatPanel::cancelRequested, m_session, &SessionController::cancel);
    connect(chat, &ChatPanel::useAsCanvasRequested, m_session, &SessionController::useResultAsCanvas);
    connect(chat, &ChatPanel::regenerateRequested, m_session, &SessionController::regenerate);
    connect(chat, &ChatPanel::excludeRequested, m_session, &SessionController::setTurnExcluded);
    // Turns that edited another picture would steer the new one's edits as ACE's history (the
    // built-in model left a picture coloured when asked to grey it after turns on other pictures)
    // and set the result's geometry (frame 0 is the oldest history image): a new picture (File >
    // Open Image, a drop) starts a new context. The chat keeps the turns; each can be put back.
    connect(m_document, &CanvasDocument::pictureOpened, m_session, &SessionController::startNewContext);
    connect(m_session, &SessionController::busyChanged, chat, &ChatPanel::setBusy);
    connect(m_session, &SessionController::contextChanged, chat,
            [this](const QList<int>& ids) { m_chatPanel->setContext(ids, m_settings.generation.historyLength); });

    // The chat's {image} is the canvas: a new image shows there at once (what the next turn
    // takes must never look stale), the mask once a stroke settles rather than per dab.
    auto* canvasThumb = new QTimer(this);
    canvasThumb->setSingleShot(true);
    canvasThumb->setInterval(150);
    const auto refreshCanvasThumb = [this, canvasThumb] {
        canvasThumb->stop();
        // {image} is the layer the layer panel chose for the next turn, or the flattened image.
        m_chatPanel->setCanvasImage(m_document->hasImage() ? m_document->inputImage() : QImage(),
                                    m_document->hasMask() ? m_document->mask() : QImage(), m_document->inputName());
    };
    connect(canvasThumb, &QTimer::timeout, this, refreshCanvasThumb);
    connect(m_document, &CanvasDocument::imageChanged, this, refreshCanvasThumb);
    connect(m_document, &CanvasDocument::inputChanged, canvasThumb, qOverload<>(&QTimer::start));
    connect(m_document, &CanvasDocument::maskChanged, canvasThumb, qOverload<>(&QTimer::start));

    // Each result's inputs go into the project's assets, so its layer can be re-run after reopening.
    m_session->setAssetStore(
        [this](const std::string& name, const Image& image) { m_documentSession->project().assets[name] = image; },
        [this](const std::string& name) -> const Image* {
            const auto& assets = m_documentSession->project().assets;
            const auto it = assets.find(name);
            return it == assets.end() ? nullptr : &it->second.get();
        });
    // The conversation is saved with the project (and autosaved) and comes back with it; opening
    // another project replaces it, a failed open leaves it as it is.
    // Layered exports (.ora, .psd) carry the conversation as a plain-text transcript.
    m_documentSession->setTranscriptProvider([this] { return m_chatModel->transcript().toStdString(); });
    m_documentSession->setSessionProvider([this] {
        nlohmann::json session = m_documentSession->project().session;
        session["conversation"] = m_session->conversationJson();
        return session;
    });
    connect(m_documentSession, &DocumentSession::projectReplaced, this, [this] {
        const nlohmann::json& session = m_documentSession->project().session;
        QString error;
        if (!m_session->restoreConversation(session.contains("conversation") ? session["conversation"] : nlohmann::json(),
                                            &error))
            statusBar()->showMessage(error, 10000);
    });
    // "Use as canvas image" picks the turn's result layer: the layer panel shows and selects it.
    connect(m_session, &SessionController::layerRevealRequested, this, [this](quint64 id) {
        LayerPanel* panel = m_documentActions->layerPanel();
        if (!panel) return;
        m_layersDock->show();
        m_layersDock->raise();
        const int row = panel->model()->rowForId(id);
        panel->setCurrentRow(row);
        panel->list()->scrollTo(panel->model()->index(row));
    });
    // Re-running a result layer from the layer panel adds a version of it.
    if (LayerPanel* panel = m_documentActions->layerPanel())
        connect(panel, &LayerPanel::rerunRequested, m_session,
                [this](quint64 id, bool newSeed) { m_session->rerunLayer(id, newSeed); });
    connect(m_session, &SessionController::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    // Each finished turn is autosaved at once (its result layer and provenance).
    connect(m_session, &SessionController::resultLayerAdded, m_documentSession, &DocumentSession::requestAutosave);
    // And each finished stroke, so that a crash loses at most the stroke in progress.
    connect(m_document, &CanvasDocument::editFinished, m_documentSession, &DocumentSession::requestAutosave);

    CanvasView* view = m_canvasPanel->view();
    connect(m_session, &SessionController::turnStarted, view,
            [view](int id) { view->setRunStatus(tr("Turn %1: starting…").arg(id)); });
    connect(m_session->worker(), &InferenceWorker::progress, view, [view](quint64 id, int step, int total, const QImage&) {
        view->setRunStatus(tr("Turn %1: step %2 of %3 (Esc cancels)").arg(id).arg(step).arg(total));
    });
    for (auto signal : {&SessionController::turnFinished, &SessionController::turnCancelled})
        connect(m_session, signal, view, [view](int) { view->setRunStatus(QString()); });
    connect(m_session, &SessionController::turnFailed, this, [this, view](int id, const QString& message) {
        view->setRunStatus(QString());
        statusBar()->showMessage(tr("Turn %1 failed: %2").arg(id).arg(message), 10000);
    });

    connect(m_session, &SessionController::modelLoading, this, [this](const QString& stage, double fraction) {
        m_loadProgress->show();
        m_loadProgress->setValue(static_cast<int>(fraction * 1000));
        m_modelStatus->setText(tr("Loading the model: %1").arg(stage));
    });
    connect(m_session, &SessionController::modelReady, this, [this](const ModelInfo& info) {
        m_loadProgress->hide();
        m_banner->hide();
        if (info.builtIn) {
            // Say plainly that this is the small model that ships with the app, not ACE-0.6B.
            m_modelStatus->setText(tr("Built-in model (%1×%2) on %3")
                                       .arg(info.defaultWidth)
                                       .arg(info.defaultHeight)
                                       .arg(QString::fromStdString(info.device)));
            m_modelStatus->setToolTip(
                tr("The small model that ships with ACE Desktop, trained on simple synthetic scenes so the app "
                   "works without a download. For real images, download ACE-0.6B-512px or -1024px and choose "
                   "its folder in Settings."));
        } else {
            m_modelStatus->setText(tr("%1 on %2 (%3)")
                                       .arg(QString::fromStdString(info.name), QString::fromStdString(info.device),
                                            QString::fromStdString(info.precision)));
            m_modelStatus->setToolTip(QString::fromStdString(info.folder.string()));
        }
    });
    connect(m_session, &SessionController::modelFailed, this, [this](const QString& message) {
        m_loadProgress->hide();
        m_modelStatus->setText(tr("No model loaded"));
        showBanner(message);
    });
}

void MainWindow::showBanner(const QString& message) {
    m_bannerText->setText(message);
    m_banner->show();
}

QString MainWindow::modelBannerText() const { return m_banner->isVisible() ? m_bannerText->text() : QString(); }

void MainWindow::applySettings(const AppSettings& settings, bool reloadModel) {
    m_settings = settings;
    m_session->setSettings(settings.generation);
    m_chatPanel->setContext(m_session->nextContextTurns(), settings.generation.historyLength);
    if (reloadModel) loadModel();
}

void MainWindow::loadModel() {
    const QString folder = m_settings.resolvedModelFolder();
    const QString problem = checkModelFolder(folder);
    if (!problem.isEmpty()) {
        showBanner(problem);
        return;
    }
    m_banner->hide();
    m_loadProgress->setValue(0);
    m_loadProgress->show();
    m_modelStatus->setText(tr("Loading the model…"));
    m_session->loadModel(folder, m_settings.loadOptions());
}

void MainWindow::showSettings() {
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted) return;
    const AppSettings next = dialog.settings();
    const bool reload = next.resolvedModelFolder() != m_settings.resolvedModelFolder() || next.device != m_settings.device ||
                        next.precision != m_settings.precision || !m_session->isModelLoaded();
    next.save();
    applySettings(next, reload);
}

void MainWindow::openImage() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Open Image"),
                                                      QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
                                                      tr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)"));
    if (file.isEmpty()) return;
    QImageReader reader(file);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        QMessageBox::warning(this, tr("Open Image"),
                             tr("Cannot read file %1:\n%2.").arg(QDir::toNativeSeparators(file), reader.errorString()));
        return;
    }
    m_document->openImage(image, tr("Open %1").arg(QFileInfo(file).fileName()), QFileInfo(file).completeBaseName());
}

void MainWindow::saveCanvasAs() {
    if (!m_document->hasImage()) return;
    const QString file = QFileDialog::getSaveFileName(this, tr("Save Canvas As"),
                                                      QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
                                                      tr("PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)"));
    if (file.isEmpty()) return;
    QImageWriter writer(file);
    if (!writer.write(m_document->image()))
        QMessageBox::warning(this, tr("Save Canvas As"),
                             tr("Cannot write file %1:\n%2.").arg(QDir::toNativeSeparators(file), writer.errorString()));
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_documentActions->maybeSave()) {
        event->ignore();
        return;
    }
    m_documentSession->discardAutosave();
    writeSettings();
    event->accept();
}

void MainWindow::readSettings() {
    QSettings settings;
    const QByteArray geometry = settings.value("mainWindow/geometry").toByteArray();
    if (geometry.isEmpty()) resize(1280, 800);
    else restoreGeometry(geometry);
    restoreState(settings.value("mainWindow/state").toByteArray());
    applySettings(AppSettings::load(), false);
    // Start loading at once so the model is ready by the first turn (or say what is missing).
    QTimer::singleShot(0, this, &MainWindow::loadModel);
}

void MainWindow::writeSettings() {
    QSettings settings;
    settings.setValue("mainWindow/geometry", saveGeometry());
    settings.setValue("mainWindow/state", saveState());
}

}  // namespace ace
