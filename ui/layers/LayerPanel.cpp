#include "LayerPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include "LayerModel.h"

namespace ace {
namespace {

QString blendModeLabel(BlendMode mode) {
    switch (mode) {
    case BlendMode::Normal: return LayerPanel::tr("Normal");
    case BlendMode::Multiply: return LayerPanel::tr("Multiply");
    case BlendMode::Screen: return LayerPanel::tr("Screen");
    case BlendMode::Overlay: return LayerPanel::tr("Overlay");
    case BlendMode::Darken: return LayerPanel::tr("Darken");
    case BlendMode::Lighten: return LayerPanel::tr("Lighten");
    case BlendMode::Difference: return LayerPanel::tr("Difference");
    }
    return {};
}

}  // namespace

QString LayerPanel::provenanceText(const Layer& layer) {
    const auto& p = layer.provenance();
    if (!p) return {};
    QStringList lines;
    lines << tr("“%1”").arg(QString::fromStdString(p->instruction));
    QStringList facts;
    if (p->turn > 0) facts << tr("turn %1").arg(p->turn);
    facts << tr("seed %1").arg(p->seed);
    if (p->settings.contains("steps") && p->settings["steps"].is_number_integer())
        facts << tr("%1 steps").arg(p->settings["steps"].get<int>());
    if (p->settings.contains("guideScale") && p->settings["guideScale"].is_number())
        facts << tr("guidance %1").arg(p->settings["guideScale"].get<double>());
    if (!p->task.empty()) facts << QString::fromStdString(p->task);
    lines << facts.join(QStringLiteral(" · "));
    QStringList inputs;
    for (const std::string& r : p->referencedImages) inputs << QString::fromStdString(r);
    if (!p->mask.empty()) inputs << tr("mask: %1").arg(QString::fromStdString(p->mask));
    if (!inputs.isEmpty()) lines << inputs.join(QStringLiteral("; "));
    return lines.join('\n');
}

LayerPanel::LayerPanel(LayerModel* model, QWidget* parent) : QWidget(parent), m_model(model) {
    setObjectName("layerPanel");
    m_list = new QListView(this);
    m_list->setObjectName("layerList");
    m_list->setAccessibleName(tr("Layers"));
    m_list->setModel(model);
    m_list->setIconSize(QSize(48, 48));
    m_list->setSpacing(1);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setDragDropOverwriteMode(false);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    // Long names (a turn's instruction) wrap to the panel's width instead of scrolling sideways.
    m_list->setResizeMode(QListView::Adjust);
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setObjectName("opacitySlider");
    m_opacity->setRange(0, 100);
    m_opacity->setPageStep(10);
    m_opacity->setAccessibleName(tr("Opacity"));
    m_opacityValue = new QLabel(this);
    m_opacityValue->setMinimumWidth(fontMetrics().horizontalAdvance("100 %"));
    m_blend = new QComboBox(this);
    m_blend->setObjectName("blendModeCombo");
    m_blend->setAccessibleName(tr("Blend mode"));
    for (BlendMode m : {BlendMode::Normal, BlendMode::Multiply, BlendMode::Screen, BlendMode::Overlay, BlendMode::Darken,
                        BlendMode::Lighten, BlendMode::Difference})
        m_blend->addItem(blendModeLabel(m), static_cast<int>(m));
    m_lock = new QCheckBox(tr("Lock"), this);
    m_lock->setObjectName("lockCheck");
    m_version = new QComboBox(this);
    m_version->setObjectName("versionCombo");
    m_version->setAccessibleName(tr("Version"));
    m_provenance = new QLabel(this);
    m_provenance->setObjectName("provenanceLabel");
    m_provenance->setWordWrap(true);
    m_provenance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_provenance->setForegroundRole(QPalette::PlaceholderText);
    m_input = new QComboBox(this);
    m_input->setObjectName("inputCombo");
    m_input->setAccessibleName(tr("Input of the next turn"));

    m_raise = makeButton("raiseButton", tr("Raise"), tr("Move the layer up"), QKeySequence(Qt::CTRL | Qt::Key_BracketRight));
    m_lower = makeButton("lowerButton", tr("Lower"), tr("Move the layer down"), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft));
    m_duplicate = makeButton("duplicateButton", tr("Duplicate"), tr("Duplicate the layer"), QKeySequence(Qt::CTRL | Qt::Key_J));
    m_delete = makeButton("deleteButton", tr("Delete"), tr("Delete the layer"), QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    m_mergeDown = makeButton("mergeDownButton", tr("Merge down"), tr("Merge the layer into the one below"),
                             QKeySequence(Qt::CTRL | Qt::Key_E));
    m_rerun = makeButton("rerunButton", tr("Re-run"), tr("Run this layer's turn again with the same seed"), {});
    m_rerunNewSeed = makeButton("rerunNewSeedButton", tr("New seed"), tr("Run this layer's turn again with a new seed"), {});

    auto* buttons = new QHBoxLayout;
    for (QToolButton* b : {m_raise, m_lower, m_duplicate, m_delete, m_mergeDown}) buttons->addWidget(b);
    buttons->addStretch();
    auto* rerun = new QHBoxLayout;
    rerun->addWidget(m_rerun);
    rerun->addWidget(m_rerunNewSeed);
    rerun->addStretch();
    auto* opacityRow = new QHBoxLayout;
    opacityRow->addWidget(m_opacity);
    opacityRow->addWidget(m_opacityValue);
    auto* form = new QFormLayout;
    form->addRow(tr("Opacity"), opacityRow);
    form->addRow(tr("Blend"), m_blend);
    form->addRow(tr("Version"), m_version);
    form->addRow(QString(), m_lock);
    form->addRow(tr("Next turn uses"), m_input);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addLayout(form);
    layout->addWidget(m_provenance);
    layout->addLayout(rerun);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateControls();
        Q_EMIT currentLayerChanged(currentLayerId());
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &LayerPanel::updateControls);
    connect(model, &QAbstractItemModel::dataChanged, this, &LayerPanel::rebuildInputChoices);
    const auto structureChanged = [this] {
        updateControls();
        rebuildInputChoices();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, structureChanged);
    connect(model, &QAbstractItemModel::rowsRemoved, this, structureChanged);
    connect(model, &QAbstractItemModel::rowsMoved, this, structureChanged);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0) setCurrentRow(0);
        updateControls();
        rebuildInputChoices();
    });
    connect(model, &LayerModel::inputLayerChanged, this, &LayerPanel::rebuildInputChoices);

    connect(m_opacity, &QSlider::valueChanged, this, [this](int v) {
        m_opacityValue->setText(QString("%1 %").arg(v));
        if (!m_updating) m_model->setLayerOpacity(currentRow(), v / 100.0);
    });
    connect(m_blend, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating) m_model->setLayerBlendMode(currentRow(), static_cast<BlendMode>(m_blend->currentData().toInt()));
    });
    connect(m_lock, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_updating) m_model->setLayerLocked(currentRow(), on);
    });
    connect(m_version, &QComboBox::currentIndexChanged, this, [this](int v) {
        if (!m_updating && v >= 0) m_model->showVersion(currentRow(), v);
    });
    connect(m_input, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating) m_model->setInputLayer(m_input->currentData().toULongLong());
    });
    connect(m_raise, &QToolButton::clicked, this, [this] {
        const int row = currentRow();
        if (m_model->moveLayer(row, row - 1)) setCurrentRow(row - 1);
    });
    connect(m_lower, &QToolButton::clicked, this, [this] {
        const int row = currentRow();
        if (m_model->moveLayer(row, row + 1)) setCurrentRow(row + 1);
    });
    connect(m_duplicate, &QToolButton::clicked, this, [this] {
        const int row = currentRow();
        if (m_model->duplicateLayer(row)) setCurrentRow(row);  // the copy lands above: same row
    });
    connect(m_delete, &QToolButton::clicked, this, [this] {
        const int row = currentRow();
        if (m_model->deleteLayer(row)) setCurrentRow(std::min(row, m_model->rowCount() - 1));
    });
    connect(m_mergeDown, &QToolButton::clicked, this, [this] {
        const int row = currentRow();
        if (m_model->mergeDown(row)) setCurrentRow(row);
    });
    connect(m_rerun, &QToolButton::clicked, this, [this] { Q_EMIT rerunRequested(currentLayerId(), false); });
    connect(m_rerunNewSeed, &QToolButton::clicked, this, [this] { Q_EMIT rerunRequested(currentLayerId(), true); });

    if (model->rowCount() > 0) setCurrentRow(0);
    rebuildInputChoices();
    updateControls();
}

QToolButton* LayerPanel::makeButton(const QString& objectName, const QString& text, const QString& tip, const QKeySequence& key) {
    auto* b = new QToolButton(this);
    b->setObjectName(objectName);
    b->setText(text);
    b->setAccessibleName(text);
    if (!key.isEmpty()) {
        b->setShortcut(key);
        b->setToolTip(QString("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    } else {
        b->setToolTip(tip);
    }
    return b;
}

int LayerPanel::currentRow() const {
    const QModelIndex i = m_list->currentIndex();
    return i.isValid() ? i.row() : -1;
}

LayerId LayerPanel::currentLayerId() const { return m_model->idForRow(currentRow()); }

void LayerPanel::setCurrentRow(int row) {
    if (row < 0 || row >= m_model->rowCount()) return;
    m_list->setCurrentIndex(m_model->index(row));
}

void LayerPanel::updateControls() {
    m_updating = true;
    const int row = currentRow();
    const bool has = row >= 0;
    const QModelIndex i = has ? m_model->index(row) : QModelIndex();
    const bool raster = has && i.data(LayerModel::KindRole).toInt() == static_cast<int>(LayerKind::Raster);
    for (QWidget* w : std::initializer_list<QWidget*>{m_opacity, m_blend, m_lock, m_duplicate, m_delete}) w->setEnabled(has);
    m_blend->setEnabled(raster);
    m_raise->setEnabled(has && row > 0);
    m_lower->setEnabled(has && row < m_model->rowCount() - 1);
    m_mergeDown->setEnabled(raster && row < m_model->rowCount() - 1 &&
                            m_model->index(row + 1).data(LayerModel::KindRole).toInt() == static_cast<int>(LayerKind::Raster));
    const bool provenance = has && i.data(LayerModel::HasProvenanceRole).toBool();
    m_rerun->setEnabled(provenance);
    m_rerunNewSeed->setEnabled(provenance);
    if (has) {
        const int percent = static_cast<int>(std::lround(i.data(LayerModel::OpacityRole).toDouble() * 100));
        m_opacity->setValue(percent);
        m_opacityValue->setText(QString("%1 %").arg(percent));
        m_blend->setCurrentIndex(m_blend->findData(i.data(LayerModel::BlendModeRole)));
        m_lock->setChecked(i.data(LayerModel::LockedRole).toBool());
        const int versions = i.data(LayerModel::VersionCountRole).toInt();
        const Layer* layer = m_model->document()->findLayer(currentLayerId());
        m_version->clear();
        for (int v = 0; v < versions; ++v) {
            const auto& p = layer->versions[static_cast<std::size_t>(v)].provenance;
            m_version->addItem(p ? tr("%1 of %2 (seed %3)").arg(v + 1).arg(versions).arg(p->seed)
                                 : tr("%1 of %2").arg(v + 1).arg(versions));
        }
        m_version->setCurrentIndex(i.data(LayerModel::VersionRole).toInt());
        m_version->setEnabled(versions > 1);
        m_provenance->setText(provenanceText(*layer));
    } else {
        m_version->clear();
        m_version->setEnabled(false);
        m_provenance->clear();
    }
    m_provenance->setVisible(!m_provenance->text().isEmpty());
    m_updating = false;
}

void LayerPanel::rebuildInputChoices() {
    m_updating = true;
    m_input->clear();
    m_input->addItem(tr("Flattened image"), QVariant::fromValue<quint64>(0));
    const LayerId input = m_model->document()->inputLayer();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex i = m_model->index(row);
        if (i.data(LayerModel::KindRole).toInt() != static_cast<int>(LayerKind::Raster)) continue;
        m_input->addItem(i.data().toString(), i.data(LayerModel::IdRole));
        if (i.data(LayerModel::IdRole).toULongLong() == input) m_input->setCurrentIndex(m_input->count() - 1);
    }
    m_updating = false;
}

}  // namespace ace
