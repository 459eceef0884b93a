#include "MaskCommands.h"

#include <cstring>

#include "CanvasDocument.h"

namespace ace {

void copyGrey(QImage& dst, const QPoint& at, const QImage& src) {
    const QRect target = QRect(at, src.size()).intersected(dst.rect());
    for (int y = target.top(); y <= target.bottom(); ++y)
        std::memcpy(dst.scanLine(y) + target.left(), src.constScanLine(y - at.y()) + (target.left() - at.x()),
                    static_cast<size_t>(target.width()));
}

MaskEditCommand::MaskEditCommand(CanvasDocument* document, LayerId layer, const QRect& rect, const QImage& before,
                                 int strokeId, const QString& text)
    : m_document(document),
      m_layer(layer),
      m_rect(rect),
      m_before(before),
      m_after(document->maskRect(layer, rect)),
      m_strokeId(strokeId) {
    setText(text);
}

void MaskEditCommand::undo() { m_document->setMaskRect(m_layer, m_rect, m_before); }

// The first redo() runs when the command is pushed: the mask holds m_after already, so this only
// re-applies the same pixels.
void MaskEditCommand::redo() { m_document->setMaskRect(m_layer, m_rect, m_after); }

bool MaskEditCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const MaskEditCommand*>(other);
    if (m_strokeId == 0 || next->m_strokeId != m_strokeId || next->m_document != m_document || next->m_layer != m_layer)
        return false;
    const QRect united = m_rect.united(next->m_rect);
    // Before = the next segment's "before" where only it touched the mask, ours where we did
    // (ours is older, so it is the true original there).
    QImage before(united.size(), QImage::Format_Grayscale8);
    copyGrey(before, next->m_rect.topLeft() - united.topLeft(), next->m_before);
    copyGrey(before, m_rect.topLeft() - united.topLeft(), m_before);
    // Pixels of the united rectangle touched by neither segment are unchanged: take them from now.
    const QImage now = m_document->maskRect(m_layer, united);
    const QRect ours = m_rect.translated(-united.topLeft()), theirs = next->m_rect.translated(-united.topLeft());
    for (int y = 0; y < united.height(); ++y) {
        uchar* b = before.scanLine(y);
        const uchar* n = now.constScanLine(y);
        for (int x = 0; x < united.width(); ++x)
            if (!ours.contains(x, y) && !theirs.contains(x, y)) b[x] = n[x];
    }
    m_rect = united;
    m_before = before;
    m_after = now;
    return true;
}

}  // namespace ace
