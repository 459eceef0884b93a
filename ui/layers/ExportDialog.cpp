#include "ExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace ace {

ExportDialog::ExportDialog(const QString& suggestedPath, int selectedLayerIndex, QWidget* parent)
    : QDialog(parent), m_layerIndex(selectedLayerIndex) {
    setObjectName("exportDialog");
    setWindowTitle(tr("Export"));
    m_format = new QComboBox(this);
    m_format->setObjectName("formatCombo");
    m_format->addItem(tr("PNG image"), "png");
    m_format->addItem(tr("JPEG image"), "jpg");
    m_format->addItem(tr("WebP image"), "webp");
    m_format->addItem(tr("OpenRaster (layers)"), "ora");
    m_format->addItem(tr("Photoshop (layers)"), "psd");
    m_source = new QComboBox(this);
    m_source->setObjectName("sourceCombo");
    m_source->addItem(tr("The whole image"));
    m_source->addItem(tr("The selected layer"));
    if (selectedLayerIndex < 0) m_source->setItemData(1, 0, Qt::UserRole - 1);  // disabled
    m_quality = new QSpinBox(this);
    m_quality->setObjectName("qualitySpin");
    m_quality->setRange(1, 100);
    m_quality->setValue(92);
    m_quality->setSuffix(" %");
    m_path = new QLineEdit(suggestedPath, this);
    m_path->setObjectName("pathEdit");
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Export"), m_source);
    form->addRow(tr("Quality"), m_quality);
    form->addRow(tr("File"), pathRow);
    form->addRow(m_buttons);

    const QString suffix = QFileInfo(suggestedPath).suffix().toLower();
    const int known = m_format->findData(suffix == "jpeg" ? "jpg" : suffix);
    if (known >= 0) m_format->setCurrentIndex(known);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString ext = m_format->currentData().toString();
        const QString file = QFileDialog::getSaveFileName(this, tr("Export"), m_path->text(),
                                                          QString("%1 (*.%2)").arg(m_format->currentText(), ext));
        if (!file.isEmpty()) m_path->setText(file);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this,
            [this] { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_path->text().trimmed().isEmpty()); });
    formatChanged();
}

void ExportDialog::formatChanged() {
    const QString ext = m_format->currentData().toString();
    m_quality->setEnabled(ext == "jpg" || ext == "webp");
    m_source->setEnabled(ext != "ora" && ext != "psd");
    // Keep the file name, change its extension.
    QString path = m_path->text();
    if (!path.isEmpty()) {
        const QFileInfo info(path);
        path = info.dir().filePath(info.completeBaseName() + "." + ext);
        m_path->setText(QDir::toNativeSeparators(path));
    }
}

QString ExportDialog::path() const { return QDir::fromNativeSeparators(m_path->text().trimmed()); }

bool ExportDialog::isLayered() const {
    const QString ext = m_format->currentData().toString();
    return ext == "ora" || ext == "psd";
}

FlatExportOptions ExportDialog::flatOptions() const {
    FlatExportOptions o;
    o.quality = m_quality->value();
    o.layerIndex = m_source->currentIndex() == 1 ? m_layerIndex : -1;
    return o;
}

}  // namespace ace
