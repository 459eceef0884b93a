#include "MainWindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QVBoxLayout>

#include "AboutDialog.h"

namespace ace {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName("MainWindow");
    setWindowTitle(tr("ACE Desktop"));
    setWindowIcon(QIcon(":/icons/ace-desktop.svg"));

    m_canvasArea = new QWidget(this);
    m_canvasArea->setObjectName("canvasArea");
    m_canvasArea->setAccessibleName(tr("Canvas"));
    m_canvasArea->setMinimumSize(320, 240);
    setCentralWidget(m_canvasArea);

    createDocks();
    createMenus();
    readSettings();
}

void MainWindow::createDocks() {
    m_chatDock = new QDockWidget(tr("Chat"), this);
    m_chatDock->setObjectName("chatDock");
    m_chatDock->setWidget(new QWidget(m_chatDock));
    addDockWidget(Qt::LeftDockWidgetArea, m_chatDock);

    m_layersDock = new QDockWidget(tr("Layers"), this);
    m_layersDock->setObjectName("layersDock");
    m_layersDock->setWidget(new QWidget(m_layersDock));
    addDockWidget(Qt::RightDockWidgetArea, m_layersDock);
}

void MainWindow::createMenus() {
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName("actionQuit");

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_chatDock->toggleViewAction());
    viewMenu->addAction(m_layersDock->toggleViewAction());

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About ACE Desktop"), this, &MainWindow::showAbout);
    about->setObjectName("actionAbout");
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    writeSettings();
    event->accept();
}

void MainWindow::readSettings() {
    QSettings settings;
    const QByteArray geometry = settings.value("mainWindow/geometry").toByteArray();
    if (geometry.isEmpty()) resize(1280, 800);
    else restoreGeometry(geometry);
    restoreState(settings.value("mainWindow/state").toByteArray());
}

void MainWindow::writeSettings() {
    QSettings settings;
    settings.setValue("mainWindow/geometry", saveGeometry());
    settings.setValue("mainWindow/state", saveState());
}

}  // namespace ace
