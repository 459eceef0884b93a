#pragma once
// Settings: the model (folder, device, precision) and the generation defaults (steps, guidance,
// guide-rescale, seed, text-to-image size, how many earlier turns each request carries).
#include <QDialog>

#include "AppSettings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ace {

class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings& settings, QWidget* parent = nullptr);
    AppSettings settings() const;

private:
    void browse();
    void validateFolder();

    QLineEdit* m_folder;
    QLabel* m_folderStatus;
    QComboBox* m_device;
    QComboBox* m_precision;
    QSpinBox* m_steps;
    QDoubleSpinBox* m_guide;
    QDoubleSpinBox* m_rescale;
    QCheckBox* m_randomSeed;
    QSpinBox* m_seed;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QSpinBox* m_history;
    QDoubleSpinBox* m_feather;
};

}  // namespace ace
