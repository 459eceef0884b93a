#pragma once
// The layer panel: the stack with thumbnails (drag to reorder, check to show/hide, double-click
// or F2 to rename), the selected layer's opacity, blend mode, lock and shown version, buttons to
// raise, lower, duplicate, delete and merge down, the choice of the next turn's input (a layer or
// the flattened image), and re-running a result layer with the same or a new seed.
#include <QWidget>

#include "ace/document/Layer.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QListView;
class QSlider;
class QToolButton;

namespace ace {

class LayerModel;

class LayerPanel final : public QWidget {
    Q_OBJECT
public:
    explicit LayerPanel(LayerModel* model, QWidget* parent = nullptr);

    LayerModel* model() const { return m_model; }
    QListView* list() const { return m_list; }
    LayerId currentLayerId() const;
    int currentRow() const;
    void setCurrentRow(int row);
    QComboBox* versionCombo() const { return m_version; }
    QComboBox* inputCombo() const { return m_input; }
    QToolButton* rerunButton() const { return m_rerun; }
    QToolButton* rerunNewSeedButton() const { return m_rerunNewSeed; }
    // The shown version's provenance in words (instruction, turn, seed, steps, inputs); empty without.
    static QString provenanceText(const Layer& layer);

Q_SIGNALS:
    void currentLayerChanged(quint64 id);
    // The integrator re-runs the turn recorded in the layer's provenance and adds the result as
    // a new version (LayerModel::addVersion).
    void rerunRequested(quint64 id, bool newSeed);

private:
    void updateControls();
    void rebuildInputChoices();
    QToolButton* makeButton(const QString& objectName, const QString& text, const QString& tip, const QKeySequence& key);

    LayerModel* m_model;
    QListView* m_list;
    QSlider* m_opacity;
    QLabel* m_opacityValue;
    QComboBox* m_blend;
    QCheckBox* m_lock;
    QComboBox* m_version;
    QComboBox* m_input;
    QLabel* m_provenance;
    QToolButton* m_raise;
    QToolButton* m_lower;
    QToolButton* m_duplicate;
    QToolButton* m_delete;
    QToolButton* m_mergeDown;
    QToolButton* m_rerun;
    QToolButton* m_rerunNewSeed;
    bool m_updating = false;
};

}  // namespace ace
