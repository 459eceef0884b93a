#pragma once
// Undo commands for the edit mask (Qt's undoframework pattern: one command per user action,
// commands act on the document, not on widgets). Layer operations, opening an image and
// extending the canvas are in LayerCommands.h.
#include <QImage>
#include <QUndoCommand>

#include "ace/document/Layer.h"

namespace ace {

class CanvasDocument;

// Copies a Grayscale8 image into another at `at` (clipped).
void copyGrey(QImage& dst, const QPoint& at, const QImage& src);

// A change of a mask layer inside one rectangle, stored as the pixels before and after. Segments
// of one brush stroke share a stroke id and merge into a single command, so one stroke is one undo.
class MaskEditCommand final : public QUndoCommand {
public:
    // Mask layer `layer` already holds the new pixels in `rect`; `before` is what was there.
    MaskEditCommand(CanvasDocument* document, LayerId layer, const QRect& rect, const QImage& before, int strokeId,
                    const QString& text);
    void undo() override;
    void redo() override;
    int id() const override { return 0x41434d; }
    bool mergeWith(const QUndoCommand* other) override;
    int strokeId() const { return m_strokeId; }

private:
    CanvasDocument* m_document;
    LayerId m_layer;
    QRect m_rect;
    QImage m_before;
    QImage m_after;
    int m_strokeId;  // 0: never merges
};


}  // namespace ace
