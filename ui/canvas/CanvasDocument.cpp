#include "CanvasDocument.h"

#include <QUndoStack>

#include "ImageConvert.h"
#include "MaskCommands.h"
#include "ace/imaging/EditCompositing.h"

namespace ace {

CanvasDocument::CanvasDocument(QUndoStack* undoStack, QObject* parent) : QObject(parent), m_undoStack(undoStack) {}

bool CanvasDocument::hasMask() const {
    for (int y = 0; y < m_mask.height(); ++y) {
        const uchar* row = m_mask.constScanLine(y);
        for (int x = 0; x < m_mask.width(); ++x)
            if (row[x] > 128) return true;
    }
    return false;
}

namespace {
QImage emptyMask(const QSize& size) {
    QImage mask(size, QImage::Format_Grayscale8);
    mask.fill(0);
    return mask;
}
}  // namespace

void CanvasDocument::openImage(const QImage& image, const QString& actionText) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    m_undoStack->push(new ReplaceCanvasCommand(this, rgb, emptyMask(rgb.size()), actionText));
}

void CanvasDocument::applyResult(const QImage& result, const QString& actionText) {
    const QImage rgb = result.convertToFormat(QImage::Format_RGB32);
    const QImage mask = rgb.size() == m_mask.size() ? m_mask : emptyMask(rgb.size());
    m_undoStack->push(new ReplaceCanvasCommand(this, rgb, mask, actionText));
}

void CanvasDocument::pushMaskEdit(const QRect& rect, const QImage& before, const QString& text) {
    Q_EMIT maskChanged(rect);
    m_undoStack->push(new MaskEditCommand(this, rect, before, 0, text));
}

void CanvasDocument::clearMask() {
    if (!hasImage()) return;
    const QImage before = m_mask;
    m_mask.fill(0);
    pushMaskEdit(m_mask.rect(), before, tr("Clear mask"));
}

void CanvasDocument::invertMask() {
    if (!hasImage()) return;
    const QImage before = m_mask;
    for (int y = 0; y < m_mask.height(); ++y) {
        uchar* row = m_mask.scanLine(y);
        for (int x = 0; x < m_mask.width(); ++x) row[x] = static_cast<uchar>(255 - row[x]);
    }
    pushMaskEdit(m_mask.rect(), before, tr("Invert mask"));
}

void CanvasDocument::fillMaskAt(const QPoint& imagePos, bool erase) {
    if (!hasImage() || !m_mask.rect().contains(imagePos)) return;
    Image mask = toAceImage(m_mask, 1);
    const MaskRect changed = floodFillMask(mask, imagePos.x(), imagePos.y(), erase ? 0 : 255);
    if (changed.isEmpty()) return;
    const QRect rect(changed.x, changed.y, changed.width, changed.height);
    const QImage before = m_mask.copy(rect);
    copyGrey(m_mask, rect.topLeft(), toQImage(mask).copy(rect));
    pushMaskEdit(rect, before, erase ? tr("Erase region") : tr("Fill region"));
}

void CanvasDocument::paintMaskShape(const QRect& shape, bool ellipse, bool erase) {
    const QRect rect = shape.normalized().intersected(m_mask.rect());
    if (rect.isEmpty()) return;
    const QImage before = m_mask.copy(rect);
    const uchar value = erase ? 0 : 255;
    const QRectF r = shape.normalized();
    const double cx = r.center().x(), cy = r.center().y(), rx = r.width() / 2.0, ry = r.height() / 2.0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        uchar* row = m_mask.scanLine(y);
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (ellipse) {
                const double dx = (x + 0.5 - cx) / rx, dy = (y + 0.5 - cy) / ry;
                if (dx * dx + dy * dy > 1.0) continue;
            }
            row[x] = value;
        }
    }
    pushMaskEdit(rect, before, ellipse ? tr("Ellipse mask") : tr("Rectangle mask"));
}

void CanvasDocument::extendCanvas(const QMargins& margins) {
    if (!hasImage() || margins.isNull()) return;
    const CanvasExtension extension{std::max(0, margins.left()), std::max(0, margins.top()),
                                    std::max(0, margins.right()), std::max(0, margins.bottom())};
    const ExtendedCanvas out = ace::extendCanvas(toAceImage(m_image, 3), toAceImage(m_mask, 1), extension);
    m_undoStack->push(new ReplaceCanvasCommand(this, toQImage(out.image).convertToFormat(QImage::Format_RGB32),
                                               toQImage(out.mask), tr("Extend canvas")));
}

void CanvasDocument::setImageAndMask(const QImage& image, const QImage& mask) {
    m_image = image;
    m_mask = mask.isNull() && !image.isNull() ? emptyMask(image.size()) : mask;
    Q_EMIT imageChanged();
}

void CanvasDocument::setMaskRect(const QRect& rect, const QImage& patch) {
    copyGrey(m_mask, rect.topLeft(), patch);
    Q_EMIT maskChanged(rect);
}

void CanvasDocument::setPreview(const QImage& preview, const QImage& clip, bool overImage) {
    m_preview = preview;
    m_previewOverImage = overImage && hasImage();
    m_previewClip = clip.size() == m_image.size() ? clip : QImage();
    Q_EMIT previewChanged();
}

void CanvasDocument::clearPreview() {
    if (m_preview.isNull()) return;
    m_preview = QImage();
    m_previewClip = QImage();
    Q_EMIT previewChanged();
}

}  // namespace ace
