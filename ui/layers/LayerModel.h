#pragma once
// The layer stack of an ace::Document as a Qt list model for the layer panel: row 0 is the top
// layer. Every change a user makes goes through the undo stack (LayerCommands.h); the raw
// mutators below are what those commands call, and they emit the model signals and
// documentChanged() with the canvas area to recomposite.
#include <QAbstractListModel>
#include <QHash>
#include <QPixmap>
#include <QRect>

#include <functional>

#include "ace/document/Document.h"

class QUndoStack;

namespace ace {

class LayerModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        OpacityRole,    // double 0..1
        BlendModeRole,  // int (ace::BlendMode)
        LockedRole,     // bool
        KindRole,       // int (ace::LayerKind)
        IsInputRole,    // bool: this layer feeds the next turn
        VersionRole,    // int: shown version
        VersionCountRole,
        HasProvenanceRole,
    };

    LayerModel(Document* document, QUndoStack* undoStack, QObject* parent = nullptr);

    Document* document() const { return m_document; }
    QUndoStack* undoStack() const { return m_undoStack; }
    // Call after replacing the whole document (open, import, recovery).
    void resetDocument(Document* document);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column, const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column, const QModelIndex& parent) override;

    // Row <-> stack index (0 = bottom) <-> id.
    int rowForIndex(int stackIndex) const { return m_document->layerCount() - 1 - stackIndex; }
    int indexForRow(int row) const { return m_document->layerCount() - 1 - row; }
    int rowForId(LayerId id) const;
    LayerId idForRow(int row) const;

    // Undoable user operations (push a command; return false when nothing can be done).
    bool renameLayer(int row, const QString& name);
    bool setLayerVisible(int row, bool visible);
    bool setLayerOpacity(int row, double opacity);  // consecutive changes of one layer merge
    bool setLayerBlendMode(int row, BlendMode mode);
    bool setLayerLocked(int row, bool locked);
    bool moveLayer(int fromRow, int toRow);
    bool duplicateLayer(int row);
    bool deleteLayer(int row);
    bool mergeDown(int row);
    bool setInputLayer(LayerId id);  // 0 = the flattened image
    bool showVersion(int row, int version);
    // A new layer at `stackIndex` (-1: the top) (import, a turn's result); returns its id.
    LayerId addLayer(Layer layer, const QString& actionText, int stackIndex = -1);
    // A regeneration of a result layer: kept as a new version that is shown.
    bool addVersion(LayerId id, const Image& image, const Provenance& provenance);

    // Raw mutators for the undo commands.
    LayerId insertLayerRaw(int stackIndex, Layer layer);
    Layer takeLayerRaw(int stackIndex);
    void moveLayerRaw(int fromStackIndex, int toStackIndex);
    void replaceLayerRaw(int stackIndex, Layer layer);  // same id; pixels or versions changed
    void setAttributesRaw(LayerId id, const Layer& attributes);  // name, visibility, opacity, blend, lock, version
    void setInputLayerRaw(LayerId id);
    // Exchanges the whole document with `other` (an opened image replacing the document, and its
    // undo): a model reset, then documentChanged() over the whole canvas.
    void swapDocumentRaw(Document& other);
    // A new canvas size with every layer moved by (dx, dy) (outpainting's extension and its undo).
    void resizeCanvasRaw(int width, int height, int dx, int dy);
    // Replaces the shown pixels of a layer (same id, same version count).
    void setLayerImageRaw(LayerId id, Image image);
    // Pixels of a layer changed outside the model (a stroke): refresh its thumbnail.
    void notifyPixelsChanged(LayerId id, const QRect& canvasArea);
    // A mask layer's pixels changed in place: refreshes its thumbnail only (masks are not part
    // of the composite, so nothing needs recompositing).
    void notifyMaskPixelsChanged(LayerId id);

    static QImage toQImage(const Image& image);  // RGBA8 or grey -> QImage (deep copy)
    static QPixmap thumbnail(const Layer& layer, int size);

Q_SIGNALS:
    // The canvas area whose composite changed (empty = nothing visible changed).
    void documentChanged(const QRect& area);
    void inputLayerChanged(quint64 id);

private:
    // Pushes a LayerAttributesCommand when `change` (applied to a copy) changes something.
    bool pushAttributeChange(int row, int kind, const QString& text, const std::function<bool(Layer&)>& change);
    void emitRowChanged(LayerId id, const QRect& area);

    Document* m_document;
    QUndoStack* m_undoStack;
    mutable QHash<LayerId, QPixmap> m_thumbnails;
};

}  // namespace ace
