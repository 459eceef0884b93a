#pragma once
// Undo commands on the CanvasDocument (Qt's undoframework pattern: one command per user action,
// commands act on the document, not on widgets).
#include <QImage>
#include <QUndoCommand>

namespace ace {

class CanvasDocument;

// Copies a Grayscale8 image into another at `at` (clipped).
void copyGrey(QImage& dst, const QPoint& at, const QImage& src);

// A change of the mask inside one rectangle, stored as the pixels before and after. Segments of
// one brush stroke share a stroke id and merge into a single command, so one stroke is one undo.
class MaskEditCommand final : public QUndoCommand {
public:
    // The document's mask already holds the new pixels in `rect`; `before` is what was there.
    MaskEditCommand(CanvasDocument* document, const QRect& rect, const QImage& before, int strokeId,
                    const QString& text);
    void undo() override;
    void redo() override;
    int id() const override { return 0x41434d; }
    bool mergeWith(const QUndoCommand* other) override;
    int strokeId() const { return m_strokeId; }

private:
    CanvasDocument* m_document;
    QRect m_rect;
    QImage m_before;
    QImage m_after;
    int m_strokeId;  // 0: never merges
};

// A new image (opened file, a turn's result, an extended canvas) with its mask, and the previous
// pair for undo.
class ReplaceCanvasCommand final : public QUndoCommand {
public:
    ReplaceCanvasCommand(CanvasDocument* document, const QImage& image, const QImage& mask, const QString& text);
    void undo() override;
    void redo() override;

private:
    CanvasDocument* m_document;
    QImage m_beforeImage, m_beforeMask, m_afterImage, m_afterMask;
};

}  // namespace ace
