#include "SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ace {

SettingsDialog::SettingsDialog(const AppSettings& s, QWidget* parent) : QDialog(parent) {
    setObjectName("SettingsDialog");
    setWindowTitle(tr("Settings"));

    auto* model = new QGroupBox(tr("Model"), this);
    auto* modelForm = new QFormLayout(model);
    m_folder = new QLineEdit(s.modelFolder, this);
    m_folder->setObjectName("modelFolder");
    m_folder->setPlaceholderText(builtInModelFolder().isEmpty()
                                     ? tr("Folder of ACE-0.6B-512px or ACE-0.6B-1024px")
                                     : tr("Empty: the built-in model; or the folder of ACE-0.6B-512px/1024px"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browse);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    modelForm->addRow(tr("Model folder"), folderRow);
    m_folderStatus = new QLabel(this);
    m_folderStatus->setObjectName("modelFolderStatus");
    m_folderStatus->setWordWrap(true);
    modelForm->addRow(QString(), m_folderStatus);
    connect(m_folder, &QLineEdit::textChanged, this, &SettingsDialog::validateFolder);

    m_device = new QComboBox(this);
    m_device->setObjectName("device");
    m_device->addItem(tr("Automatic (GPU when available)"), static_cast<int>(Device::Auto));
    m_device->addItem(tr("CPU"), static_cast<int>(Device::Cpu));
    m_device->addItem(tr("GPU (CUDA)"), static_cast<int>(Device::Cuda));
    m_device->setCurrentIndex(m_device->findData(static_cast<int>(s.device)));
    modelForm->addRow(tr("Device"), m_device);
    m_precision = new QComboBox(this);
    m_precision->setObjectName("precision");
    m_precision->addItem(tr("Automatic (half on the GPU, float32 on the CPU)"), static_cast<int>(Precision::Auto));
    m_precision->addItem(tr("float32"), static_cast<int>(Precision::Float32));
    m_precision->addItem(tr("float16"), static_cast<int>(Precision::Float16));
    m_precision->addItem(tr("bfloat16"), static_cast<int>(Precision::BFloat16));
    m_precision->setCurrentIndex(m_precision->findData(static_cast<int>(s.precision)));
    modelForm->addRow(tr("Precision"), m_precision);

    const GenerationSettings& g = s.generation;
    auto* generation = new QGroupBox(tr("Generation"), this);
    auto* form = new QFormLayout(generation);
    m_steps = new QSpinBox(this);
    m_steps->setObjectName("steps");
    m_steps->setRange(0, 200);
    m_steps->setSpecialValueText(tr("Model default"));
    m_steps->setValue(g.steps);
    form->addRow(tr("Steps"), m_steps);
    m_guide = new QDoubleSpinBox(this);
    m_guide->setObjectName("guideScale");
    // The minimum stands for the model's default (guidance must be above 1 to guide at all).
    m_guide->setRange(1.0, 20.0);
    m_guide->setSingleStep(0.5);
    m_guide->setSpecialValueText(tr("Model default"));
    m_guide->setValue(g.guideScale > 1.0 ? g.guideScale : 1.0);
    form->addRow(tr("Guidance scale"), m_guide);
    m_rescale = new QDoubleSpinBox(this);
    m_rescale->setObjectName("guideRescale");
    m_rescale->setRange(0.0, 1.0);
    m_rescale->setSingleStep(0.05);
    m_rescale->setValue(g.guideRescale);
    form->addRow(tr("Guide rescale"), m_rescale);
    m_randomSeed = new QCheckBox(tr("New random seed each turn"), this);
    m_randomSeed->setObjectName("randomSeed");
    m_randomSeed->setChecked(g.randomSeed);
    m_seed = new QSpinBox(this);
    m_seed->setObjectName("seed");
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(static_cast<int>(g.seed));
    m_seed->setEnabled(!g.randomSeed);
    connect(m_randomSeed, &QCheckBox::toggled, m_seed, [this](bool random) { m_seed->setEnabled(!random); });
    auto* seedRow = new QHBoxLayout;
    seedRow->addWidget(m_randomSeed);
    seedRow->addWidget(new QLabel(tr("Fixed seed"), this));
    seedRow->addWidget(m_seed);
    form->addRow(tr("Seed"), seedRow);
    m_width = new QSpinBox(this);
    m_width->setObjectName("outputWidth");
    m_height = new QSpinBox(this);
    m_height->setObjectName("outputHeight");
    for (QSpinBox* box : {m_width, m_height}) {
        box->setRange(0, 2048);  // 0: the model's default (64 px for the built-in model, 512 or 1024 for the release)
        box->setSingleStep(16);
        box->setSuffix(tr(" px"));
        box->setSpecialValueText(tr("Model default"));
    }
    m_width->setValue(g.outputWidth);
    m_height->setValue(g.outputHeight);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    form->addRow(tr("Text-to-image size"), sizeRow);
    m_history = new QSpinBox(this);
    m_history->setObjectName("historyLength");
    m_history->setRange(0, 9);
    m_history->setValue(g.historyLength);
    m_history->setToolTip(tr("How many earlier turns each request carries as context (the reference's chatbot keeps 5)"));
    form->addRow(tr("History length"), m_history);
    m_feather = new QDoubleSpinBox(this);
    m_feather->setObjectName("featherRadius");
    m_feather->setRange(0.0, 64.0);
    m_feather->setSuffix(tr(" px"));
    m_feather->setValue(g.featherRadius);
    m_feather->setToolTip(tr("Width of the blend inside the mask edge when unmasked pixels are kept"));
    form->addRow(tr("Mask edge feather"), m_feather);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(model);
    layout->addWidget(generation);
    layout->addWidget(buttons);
    validateFolder();
}

AppSettings SettingsDialog::settings() const {
    AppSettings s;
    s.modelFolder = m_folder->text().trimmed();
    s.device = static_cast<Device>(m_device->currentData().toInt());
    s.precision = static_cast<Precision>(m_precision->currentData().toInt());
    GenerationSettings& g = s.generation;
    g.steps = m_steps->value();
    g.guideScale = m_guide->value() > 1.0 ? m_guide->value() : 0.0;
    g.guideRescale = m_rescale->value();
    g.randomSeed = m_randomSeed->isChecked();
    g.seed = m_seed->value();
    g.outputWidth = m_width->value() / 16 * 16;
    g.outputHeight = m_height->value() / 16 * 16;
    g.historyLength = m_history->value();
    g.featherRadius = m_feather->value();
    return s;
}

void SettingsDialog::browse() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Model folder"), m_folder->text());
    if (!folder.isEmpty()) m_folder->setText(QDir::toNativeSeparators(folder));
}

void SettingsDialog::validateFolder() {
    const QString text = m_folder->text().trimmed();
    if (text.isEmpty() && !builtInModelFolder().isEmpty()) {
        m_folderStatus->setText(tr("The built-in model is used: small and quick, trained on simple synthetic scenes. "
                                   "For real images choose the folder of ACE-0.6B-512px or -1024px."));
        m_folderStatus->setStyleSheet(QStringLiteral("color: #2a6a9a;"));
        return;
    }
    const QString problem = checkModelFolder(text);
    m_folderStatus->setText(problem.isEmpty() ? tr("Looks like an ACE model folder.") : problem);
    m_folderStatus->setStyleSheet(problem.isEmpty() ? QStringLiteral("color: #2a8a4a;") : QStringLiteral("color: #c03030;"));
}

}  // namespace ace
