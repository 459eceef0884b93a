#pragma once
// Undo commands for layer operations. Each keeps what it needs to restore the document exactly
// (layers are stored whole when they are removed or merged).
#include <QUndoCommand>

#include "ace/document/Document.h"

namespace ace {

class LayerModel;

// A layer's attributes (id, name, kind, visibility, opacity, blend mode, lock, shown version)
// without its pixels.
Layer attributesOf(const Layer& layer);

// Inserts a layer (add, duplicate, import, a turn's result).
class InsertLayerCommand final : public QUndoCommand {
public:
    InsertLayerCommand(LayerModel* model, int stackIndex, Layer layer, const QString& text);
    void redo() override;
    void undo() override;
    LayerId layerId() const { return m_layer.id; }

private:
    LayerModel* m_model;
    int m_index;
    Layer m_layer;
};

class RemoveLayerCommand final : public QUndoCommand {
public:
    RemoveLayerCommand(LayerModel* model, int stackIndex, const QString& text);
    void redo() override;
    void undo() override;

private:
    LayerModel* m_model;
    int m_index;
    Layer m_layer;
    LayerId m_inputBefore = 0;
};

class MoveLayerCommand final : public QUndoCommand {
public:
    MoveLayerCommand(LayerModel* model, int fromStackIndex, int toStackIndex);
    void redo() override;
    void undo() override;

private:
    LayerModel* m_model;
    int m_from, m_to;
};

// Name, visibility, opacity, blend mode, lock or shown version of one layer. Opacity changes of
// the same layer merge into one step (a slider drag is one undo step).
class LayerAttributesCommand final : public QUndoCommand {
public:
    enum Kind { Rename = 1, Visibility, Opacity, Blend, Lock, Version };
    LayerAttributesCommand(LayerModel* model, LayerId id, const Layer& before, const Layer& after, Kind kind,
                           const QString& text);
    void redo() override;
    void undo() override;
    int id() const override { return m_kind == Opacity ? 0x4c4f5041 : -1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    LayerModel* m_model;
    LayerId m_layerId;
    Layer m_before, m_after;  // attributes only; pixels are left empty
    Kind m_kind;
};

// Merge down, and adding a version: the layers before and after, whole.
class ReplaceLayersCommand final : public QUndoCommand {
public:
    // Replaces the layers at [stackIndex, stackIndex + before.size()) by `after`.
    ReplaceLayersCommand(LayerModel* model, int stackIndex, std::vector<Layer> before, std::vector<Layer> after,
                         const QString& text);
    void redo() override;
    void undo() override;

private:
    void swapIn(const std::vector<Layer>& out, const std::vector<Layer>& in);
    LayerModel* m_model;
    int m_index;
    std::vector<Layer> m_before, m_after;
    LayerId m_inputBefore = 0;
};

// Exchanges the whole document (opening an image as the new document keeps the old one here for
// undo, without copying its pixels).
class SwapDocumentCommand final : public QUndoCommand {
public:
    SwapDocumentCommand(LayerModel* model, Document document, const QString& text);
    void redo() override;
    void undo() override;

private:
    LayerModel* m_model;
    Document m_other;
};

// Outpainting's canvas extension: the canvas grows by `margins` (left, top, right, bottom >= 0),
// every layer moves by (left, top), and the edit mask layer `maskId` gets the extended mask (the
// new area masked).
class ExtendCanvasCommand final : public QUndoCommand {
public:
    ExtendCanvasCommand(LayerModel* model, int left, int top, int right, int bottom, LayerId maskId, Image maskAfter,
                        const QString& text);
    void redo() override;
    void undo() override;

private:
    LayerModel* m_model;
    int m_left, m_top, m_right, m_bottom;
    LayerId m_maskId;
    Image m_maskBefore, m_maskAfter;
};

class SetInputLayerCommand final : public QUndoCommand {
public:
    SetInputLayerCommand(LayerModel* model, LayerId before, LayerId after, const QString& text);
    void redo() override;
    void undo() override;

private:
    LayerModel* m_model;
    LayerId m_before, m_after;
};

}  // namespace ace
