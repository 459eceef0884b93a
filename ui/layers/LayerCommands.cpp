#include "LayerCommands.h"

#include "LayerModel.h"

namespace ace {

InsertLayerCommand::InsertLayerCommand(LayerModel* model, int stackIndex, Layer layer, const QString& text)
    : QUndoCommand(text), m_model(model), m_index(stackIndex), m_layer(std::move(layer)) {
    // Fix the id now so that redo after undo brings back the same layer id.
    if (m_layer.id == 0 || model->document()->findLayer(m_layer.id)) m_layer.id = model->document()->reserveLayerId();
}

void InsertLayerCommand::redo() { m_model->insertLayerRaw(m_index, m_layer); }

void InsertLayerCommand::undo() { m_model->takeLayerRaw(m_index); }

RemoveLayerCommand::RemoveLayerCommand(LayerModel* model, int stackIndex, const QString& text)
    : QUndoCommand(text), m_model(model), m_index(stackIndex) {}

void RemoveLayerCommand::redo() {
    m_inputBefore = m_model->document()->inputLayer();
    m_layer = m_model->takeLayerRaw(m_index);
    if (m_inputBefore == m_layer.id) m_model->setInputLayerRaw(0);
}

void RemoveLayerCommand::undo() {
    m_model->insertLayerRaw(m_index, std::move(m_layer));
    m_layer = Layer{};
    m_model->setInputLayerRaw(m_inputBefore);
}

MoveLayerCommand::MoveLayerCommand(LayerModel* model, int from, int to)
    : QUndoCommand(QObject::tr("Move layer")), m_model(model), m_from(from), m_to(to) {}

void MoveLayerCommand::redo() { m_model->moveLayerRaw(m_from, m_to); }

void MoveLayerCommand::undo() { m_model->moveLayerRaw(m_to, m_from); }

Layer attributesOf(const Layer& l) {
    Layer a;
    a.versions.clear();
    a.id = l.id;
    a.name = l.name;
    a.kind = l.kind;
    a.visible = l.visible;
    a.opacity = l.opacity;
    a.blendMode = l.blendMode;
    a.locked = l.locked;
    a.currentVersion = l.currentVersion;
    return a;
}

LayerAttributesCommand::LayerAttributesCommand(LayerModel* model, LayerId id, const Layer& before, const Layer& after,
                                               Kind kind, const QString& text)
    : QUndoCommand(text), m_model(model), m_layerId(id), m_before(attributesOf(before)), m_after(attributesOf(after)),
      m_kind(kind) {}

void LayerAttributesCommand::redo() { m_model->setAttributesRaw(m_layerId, m_after); }

void LayerAttributesCommand::undo() { m_model->setAttributesRaw(m_layerId, m_before); }

bool LayerAttributesCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = dynamic_cast<const LayerAttributesCommand*>(other);
    if (!o || o->m_kind != Opacity || m_kind != Opacity || o->m_layerId != m_layerId) return false;
    m_after = o->m_after;
    return true;
}

ReplaceLayersCommand::ReplaceLayersCommand(LayerModel* model, int stackIndex, std::vector<Layer> before,
                                           std::vector<Layer> after, const QString& text)
    : QUndoCommand(text), m_model(model), m_index(stackIndex), m_before(std::move(before)), m_after(std::move(after)) {}

void ReplaceLayersCommand::swapIn(const std::vector<Layer>& out, const std::vector<Layer>& in) {
    // Layers replaced in place keep their rows (and the panel's selection); the rest are removed
    // or inserted above them.
    const std::size_t common = std::min(out.size(), in.size());
    for (std::size_t i = common; i < out.size(); ++i) m_model->takeLayerRaw(m_index + static_cast<int>(common));
    for (std::size_t i = 0; i < common; ++i) m_model->replaceLayerRaw(m_index + static_cast<int>(i), in[i]);
    for (std::size_t i = common; i < in.size(); ++i) m_model->insertLayerRaw(m_index + static_cast<int>(i), in[i]);
}

void ReplaceLayersCommand::redo() {
    m_inputBefore = m_model->document()->inputLayer();
    swapIn(m_before, m_after);
    // A merged-away input layer hands its role to the merged layer.
    if (m_inputBefore != 0 && !m_model->document()->findLayer(m_inputBefore) && !m_after.empty())
        m_model->setInputLayerRaw(m_after.front().id);
    else m_model->setInputLayerRaw(m_inputBefore);
}

void ReplaceLayersCommand::undo() {
    swapIn(m_after, m_before);
    m_model->setInputLayerRaw(m_inputBefore);
}

SwapDocumentCommand::SwapDocumentCommand(LayerModel* model, Document document, const QString& text)
    : QUndoCommand(text), m_model(model), m_other(std::move(document)) {}

void SwapDocumentCommand::redo() { m_model->swapDocumentRaw(m_other); }

void SwapDocumentCommand::undo() { m_model->swapDocumentRaw(m_other); }

ExtendCanvasCommand::ExtendCanvasCommand(LayerModel* model, int left, int top, int right, int bottom, LayerId maskId,
                                         Image maskAfter, const QString& text)
    : QUndoCommand(text), m_model(model), m_left(left), m_top(top), m_right(right), m_bottom(bottom), m_maskId(maskId),
      m_maskAfter(std::move(maskAfter)) {
    if (const Layer* mask = model->document()->findLayer(maskId)) m_maskBefore = mask->image();
}

void ExtendCanvasCommand::redo() {
    const Document& d = *m_model->document();
    m_model->resizeCanvasRaw(d.width() + m_left + m_right, d.height() + m_top + m_bottom, m_left, m_top);
    // The mask layer moved with the others; it covers the grown canvas again from (0, 0).
    if (Layer* mask = m_model->document()->findLayer(m_maskId)) {
        mask->x = mask->y = 0;
        m_model->setLayerImageRaw(m_maskId, m_maskAfter);
    }
}

void ExtendCanvasCommand::undo() {
    const Document& d = *m_model->document();
    m_model->resizeCanvasRaw(d.width() - m_left - m_right, d.height() - m_top - m_bottom, -m_left, -m_top);
    if (Layer* mask = m_model->document()->findLayer(m_maskId)) {
        mask->x = mask->y = 0;
        m_model->setLayerImageRaw(m_maskId, m_maskBefore);
    }
}

SetInputLayerCommand::SetInputLayerCommand(LayerModel* model, LayerId before, LayerId after, const QString& text)
    : QUndoCommand(text), m_model(model), m_before(before), m_after(after) {}

void SetInputLayerCommand::redo() { m_model->setInputLayerRaw(m_after); }

void SetInputLayerCommand::undo() { m_model->setInputLayerRaw(m_before); }

}  // namespace ace
