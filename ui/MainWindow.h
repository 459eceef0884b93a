#pragma once
#include <QMainWindow>

class QDockWidget;

namespace ace {

// The application window: the canvas in the centre, the chat and layer panels as docks.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    QDockWidget* chatDock() const { return m_chatDock; }
    QDockWidget* layersDock() const { return m_layersDock; }
    QWidget* canvasArea() const { return m_canvasArea; }

public Q_SLOTS:
    void showAbout();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createMenus();
    void readSettings();
    void writeSettings();

    QWidget* m_canvasArea = nullptr;
    QDockWidget* m_chatDock = nullptr;
    QDockWidget* m_layersDock = nullptr;
};

}  // namespace ace
