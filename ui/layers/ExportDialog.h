#pragma once
// File > Export…: format (PNG, JPEG, WebP, OpenRaster, PSD), what to export for flat formats
// (the composite or the selected layer), JPEG/WebP quality, and the file.
#include <QDialog>

#include "ace/document/Export.h"

class QComboBox;
class QLineEdit;
class QSpinBox;
class QDialogButtonBox;

namespace ace {

class ExportDialog final : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const QString& suggestedPath, int selectedLayerIndex, QWidget* parent = nullptr);

    QString path() const;
    bool isLayered() const;            // .ora or .psd
    FlatExportOptions flatOptions() const;

    QComboBox* formatCombo() const { return m_format; }
    QComboBox* sourceCombo() const { return m_source; }
    QSpinBox* qualitySpin() const { return m_quality; }
    QLineEdit* pathEdit() const { return m_path; }

private:
    void formatChanged();
    QComboBox* m_format;
    QComboBox* m_source;
    QSpinBox* m_quality;
    QLineEdit* m_path;
    QDialogButtonBox* m_buttons;
    int m_layerIndex;
};

}  // namespace ace
