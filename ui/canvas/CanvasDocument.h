#pragma once
// What the canvas edits: the image the next turn works on and its mask at the image's resolution
// (8 bit, 255 = edit here), plus the live preview of a running turn, which is not part of the
// document. Every change a user makes goes through the undo stack (see MaskCommands.h); the raw
// setters below are what those commands call.
#include <QImage>
#include <QMargins>
#include <QObject>

class QUndoStack;

namespace ace {

class CanvasDocument final : public QObject {
    Q_OBJECT
public:
    explicit CanvasDocument(QUndoStack* undoStack, QObject* parent = nullptr);

    bool hasImage() const { return !m_image.isNull(); }
    QSize size() const { return m_image.size(); }
    const QImage& image() const { return m_image; }  // Format_RGB32
    const QImage& mask() const { return m_mask; }    // Format_Grayscale8, size() of the image
    // True when a pixel is above 128: what the reference binarises as "masked".
    bool hasMask() const;
    QUndoStack* undoStack() const { return m_undoStack; }

    // Undoable edits, one command each.
    void openImage(const QImage& image, const QString& actionText);  // new image, empty mask
    void applyResult(const QImage& result, const QString& actionText);  // keeps the mask when sizes match
    void clearMask();
    void invertMask();
    void fillMaskAt(const QPoint& imagePos, bool erase);
    void paintMaskShape(const QRect& rect, bool ellipse, bool erase);
    void extendCanvas(const QMargins& margins);

    // Raw state changes for the undo commands; they only signal.
    void setImageAndMask(const QImage& image, const QImage& mask);
    void setMaskRect(const QRect& rect, const QImage& patch);
    QImage maskRect(const QRect& rect) const { return m_mask.copy(rect); }
    // The mask's pixels, for tools that paint in place and then record a command.
    uchar* maskBits() { return m_mask.bits(); }
    void notifyMaskChanged(const QRect& rect) { Q_EMIT maskChanged(rect); }

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
    void imageChanged();  // image, size or the whole mask changed
    void maskChanged(const QRect& rect);
    void previewChanged();

private:
    void pushMaskEdit(const QRect& rect, const QImage& before, const QString& text);

    QUndoStack* m_undoStack;
    QImage m_image;
    QImage m_mask;
    QImage m_preview;
    QImage m_previewClip;
    bool m_previewOverImage = true;
};

}  // namespace ace
