#pragma once
#include <QDialog>

namespace ace {

// Shows the application's version and what it runs on: LibTorch, CUDA and devices, Qt, OpenCV,
// SentencePiece.
class AboutDialog final : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The text of the versions block, also used by tests.
    static QString versionsText();
};

}  // namespace ace
