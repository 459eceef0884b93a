#pragma once
// What the canvas shows and edits: a view over the session's layered ace::Document (through its
// LayerModel, so every change is an undo command on the one QUndoStack and the layer panel sees
// it at once). There is one document:
//  - image(): the composite of the visible raster layers (opacity, blend modes, offsets), kept up
//    to date by recompositing only the dirty rectangles LayerModel reports;
//  - mask(): the document's edit mask, a mask layer at the canvas's size (Document::editMaskIndex);
//    mask tools paint it in place and record MaskEditCommands;
//  - the input of the next turn: the layer chosen in the layer panel (Document::inputLayer) or the
//    composite;
//  - the live preview of a running turn, drawn over the canvas and not part of the document.
#include <QImage>
#include <QMargins>
#include <QObject>
#include <QTimer>

#include <optional>

#include "CompositeImage.h"
#include "ace/document/Layer.h"

class QUndoStack;

namespace ace {

class Document;
class LayerModel;

class CanvasDocument final : public QObject {
    Q_OBJECT
public:
    explicit CanvasDocument(LayerModel* layers, QObject* parent = nullptr);

    LayerModel* layers() const { return m_layers; }
    Document& document() const;
    QUndoStack* undoStack() const;

    // True when the document has a raster layer: something to edit.
    bool hasImage() const { return m_hasImage; }
    QSize size() const { return m_hasImage ? m_image.size() : QSize(); }
    // The composite flattened over black, Format_RGB32: what ACE sees as the flattened image
    // (black is what the reference pads outpainting areas with).
    const QImage& image() const { return m_image; }
    // The composite with its transparency, Format_ARGB32_Premultiplied, for the view.
    const QImage& display() const { return m_display; }
    // True when no pixel of the composite is transparent (the view then draws no checkerboard).
    bool isOpaque() const { return m_transparentPixels == 0; }

    // The edit mask (Grayscale8 at the canvas's size, 255 = edit here; all zero without a mask layer).
    QImage mask() const;
    // The same without a copy, for reading only (valid until the document changes; null without
    // a mask layer).
    QImage maskView() const;
    QImage maskRect(const QRect& rect) const;
    // True when a pixel is above 128: what the reference binarises as "masked".
    bool hasMask() const;
    // The edit mask layer (0: none yet) and whether its overlay is shown (the layer's visibility).
    LayerId maskLayerId() const;
    bool maskLayerVisible() const;
    QString maskLayerName() const;

    // The image the next turn edits ({image}), Format_RGB32 at the canvas's size: the input layer
    // alone (its opacity applied, over black) or, with no input layer chosen, image().
    QImage inputImage() const;
    // What that image is, for the chat's context display: a layer's name or "flattened image".
    QString inputName() const;
    LayerId inputLayerId() const;
    // A layer alone at the canvas's size, as inputImage() shows the input layer (null: no such layer).
    QImage layerImage(LayerId id) const;

    // Undoable edits, one command each.
    // A new document of the image's size holding it as one layer (`layerName`) and an empty mask.
    void openImage(const QImage& image, const QString& actionText, const QString& layerName = QString());
    // Adds `image` as a new raster layer: as a new document when there is no image yet, at (0, 0)
    // when it has the canvas's size, else centred. With `aboveLayer` the layer goes right above
    // that one, else on top of the stack. Returns the new layer's id.
    LayerId addResultLayer(const QImage& image, const QString& name, const std::optional<Provenance>& provenance,
                           const QString& actionText, LayerId aboveLayer = 0);
    // The same with the layer's RGBA8 pixels already converted (off the GUI thread).
    LayerId addResultLayer(const Image& rgba, const QString& name, const std::optional<Provenance>& provenance,
                           const QString& actionText, LayerId aboveLayer = 0);
    void applyResult(const QImage& result, const QString& actionText);  // a plain new layer
    void clearMask();
    void invertMask();
    void fillMaskAt(const QPoint& imagePos, bool erase);
    void paintMaskShape(const QRect& rect, bool ellipse, bool erase);
    void extendCanvas(const QMargins& margins);

    // For the mask tools: the edit mask layer, created (one undo step) when there is none yet;
    // 0 without an image or when the mask layer is locked.
    LayerId beginMaskEdit();
    // The edit mask's pixels to paint in place (valid until the document changes), then
    // notifyMaskChanged() and a MaskEditCommand.
    QImage writableMask();
    void notifyMaskChanged(const QRect& rect);
    // A tool finished an edit (the mouse was released): emits editFinished().
    void notifyEditFinished() { Q_EMIT editFinished(); }
    // For the undo commands: puts `patch` into mask layer `id` at rect.topLeft().
    void setMaskRect(LayerId id, const QRect& rect, const QImage& patch);
    QImage maskRect(LayerId id, const QRect& rect) const;

    // Live preview of the running turn (at the engine's resolution; drawn scaled over the canvas).
    const QImage& preview() const { return m_preview; }
    // Where the preview shows (Grayscale8 at the image's size, 255 = preview): the mask of a turn
    // whose unmasked pixels will be kept, so the preview looks like the result will. Null: everywhere.
    const QImage& previewClip() const { return m_previewClip; }
    // Whether the running turn edits this image (the preview covers it) or makes a new one (the
    // preview is shown on its own, fitted to the view).
    bool previewOverImage() const { return m_previewOverImage; }
    void setPreview(const QImage& preview, const QImage& clip = QImage(), bool overImage = true);
    void clearPreview();

Q_SIGNALS:
    void imageChanged();                     // size, everything, or the edit mask layer changed
    void imageAreaChanged(const QRect& rect);  // the composite changed inside rect
    void maskChanged(const QRect& rect);
    void previewChanged();
    void inputChanged();  // the input of the next turn may have changed (choice or pixels)
    void editFinished();  // a stroke or shape is complete: a good moment to autosave
    // openImage replaced the document with another picture; emitted inside the open's undo macro,
    // so commands a receiver pushes (directly connected) undo and redo with the open.
    void pictureOpened();

private:
    void onCompositeChanged(const QRect& area);
    void syncMaskLayer();
    void pushMaskEdit(LayerId id, const QRect& rect, const QImage& before, const QString& text);
    const Layer* maskLayer() const;

    LayerModel* m_layers;
    CompositeImage m_composite;
    bool m_hasImage = false;
    bool m_reset = true;
    QImage m_image;
    QImage m_display;
    qint64 m_transparentPixels = 0;  // pixels of m_display with alpha < 255
    LayerId m_maskId = 0;
    const void* m_maskPixels = nullptr;
    bool m_maskVisible = true;
    QTimer m_maskThumbnail;  // refreshes the mask layer's thumbnail once a stroke settles
    QImage m_preview;
    QImage m_previewClip;
    bool m_previewOverImage = true;
};

}  // namespace ace
