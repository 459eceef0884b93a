#include "CanvasView.h"

#include <QFileInfo>
#include <QImageReader>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "CanvasDocument.h"
#include "MaskTools.h"

namespace ace {
namespace {
constexpr double kMinZoom = 0.02;
constexpr double kMaxZoom = 32.0;
constexpr double kZoomStep = 1.25;
const QColor kMaskTint(255, 40, 60);
}  // namespace

CanvasView::CanvasView(CanvasDocument* document, QWidget* parent) : QWidget(parent), m_document(document) {
    setObjectName("canvasView");
    setAccessibleName(tr("Canvas"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 240);
    setAcceptDrops(true);
    QPixmap checker(16, 16);
    checker.fill(QColor(204, 204, 204));
    {
        QPainter cp(&checker);
        cp.fillRect(0, 0, 8, 8, Qt::white);
        cp.fillRect(8, 8, 8, 8, Qt::white);
    }
    m_checker = QBrush(checker);
    m_rescaleTimer.setSingleShot(true);
    m_rescaleTimer.setInterval(120);
    connect(&m_rescaleTimer, &QTimer::timeout, this, [this] {
        rebuildScaledCache();
        update();
    });
    connect(m_document, &CanvasDocument::imageChanged, this, &CanvasView::onImageChanged);
    connect(m_document, &CanvasDocument::imageAreaChanged, this, &CanvasView::onImageAreaChanged);
    connect(m_document, &CanvasDocument::maskChanged, this, &CanvasView::onMaskChanged);
    connect(m_document, &CanvasDocument::previewChanged, this, qOverload<>(&QWidget::update));
    onImageChanged();
}

void CanvasView::setTool(CanvasTool* tool) {
    m_tool = tool;
    updateCursor();
    update();
}

void CanvasView::setRunStatus(const QString& status) {
    m_runStatus = status;
    update();
}

QTransform CanvasView::imageToWidget() const {
    return QTransform(m_zoom, 0, 0, m_zoom, m_origin.x(), m_origin.y());
}

QPointF CanvasView::widgetToImage(const QPointF& p) const { return (p - m_origin) / m_zoom; }
QPointF CanvasView::imageToWidget(const QPointF& p) const { return p * m_zoom + m_origin; }

void CanvasView::setZoom(double zoom, const QPointF& anchor) {
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    const QPointF imageAnchor = widgetToImage(anchor);
    m_zoom = zoom;
    m_origin = anchor - imageAnchor * m_zoom;  // keep the pixel under the anchor in place
    m_fit = false;
    if (m_scaledZoom != m_zoom) m_rescaleTimer.start();
    Q_EMIT zoomChanged(m_zoom);
    update();
}

void CanvasView::zoomIn() { setZoom(m_zoom * kZoomStep, rect().center()); }
void CanvasView::zoomOut() { setZoom(m_zoom / kZoomStep, rect().center()); }

void CanvasView::fitToWindow() {
    m_fit = true;
    if (!m_document->hasImage()) return;
    const QSizeF image = m_document->size();
    const double margin = 16.0;
    const double zoom = std::min((width() - 2 * margin) / image.width(), (height() - 2 * margin) / image.height());
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    m_origin = QPointF((width() - image.width() * m_zoom) / 2.0, (height() - image.height() * m_zoom) / 2.0);
    rebuildScaledCache();
    Q_EMIT zoomChanged(m_zoom);
    update();
}

void CanvasView::actualSize() {
    // 100% = one image pixel per device pixel, which is what a designer checks detail with.
    setZoom(1.0 / devicePixelRatioF(), rect().center());
}

void CanvasView::setMaskVisible(bool visible) {
    m_maskVisible = visible;
    update();
}

void CanvasView::onImageChanged() {
    const QImage& image = m_document->display();
    if (!m_document->hasImage()) {
        m_overlay = QImage();
        m_scaled = QPixmap();
        update();
        return;
    }
    if (m_overlay.size() != image.size()) m_overlay = QImage(image.size(), QImage::Format_ARGB32_Premultiplied);
    updateOverlay(m_overlay.rect());
    m_scaledZoom = 0.0;
    if (m_fit) fitToWindow();
    else rebuildScaledCache();
    update();
}

void CanvasView::onImageAreaChanged(const QRect& rect) {
    // Drawn from the composite directly until the scaled cache is rebuilt (shortly, once a run of
    // changes settles): a brush-sized change does not rescale the whole image.
    m_scaledZoom = 0.0;
    m_rescaleTimer.start();
    update(imageToWidget().mapRect(QRectF(rect)).toAlignedRect().adjusted(-2, -2, 2, 2));
}

void CanvasView::onMaskChanged(const QRect& rect) {
    updateOverlay(rect);
    update(imageToWidget().mapRect(QRectF(rect)).toAlignedRect().adjusted(-2, -2, 2, 2));
}

void CanvasView::updateOverlay(const QRect& rect) {
    const QImage mask = m_document->maskView();
    if (mask.isNull() || mask.size() != m_overlay.size()) {
        m_overlay.fill(Qt::transparent);
        return;
    }
    const QRect r = rect.intersected(m_overlay.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        const uchar* m = mask.constScanLine(y);
        auto* o = reinterpret_cast<QRgb*>(m_overlay.scanLine(y));
        for (int x = r.left(); x <= r.right(); ++x) {
            const int a = m[x] * 150 / 255;  // the image stays readable under the mask
            o[x] = qRgba(kMaskTint.red() * a / 255, kMaskTint.green() * a / 255, kMaskTint.blue() * a / 255, a);
        }
    }
}

void CanvasView::rebuildScaledCache() {
    const QImage& image = m_document->display();
    const qreal dpr = devicePixelRatioF();
    // Cached whenever the scaled image is of a sensible size (below 12 Mpx): then a repaint is a
    // plain blit. Deep zooms draw the visible source rectangle with nearest-neighbour instead.
    const double scaledPixels = double(image.width()) * image.height() * m_zoom * m_zoom * dpr * dpr;
    if (image.isNull() || scaledPixels > 12e6 || qFuzzyCompare(m_zoom * dpr, 1.0)) {
        m_scaled = QPixmap();
        m_scaledZoom = m_zoom;
        m_scaledDpr = dpr;
        return;
    }
    const QSize target = (QSizeF(image.size()) * m_zoom * dpr).toSize().expandedTo(QSize(1, 1));
    m_scaled = QPixmap::fromImage(image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    m_scaled.setDevicePixelRatio(dpr);
    m_scaledZoom = m_zoom;
    m_scaledDpr = dpr;
}

void CanvasView::paintEvent(QPaintEvent* event) {
    QPainter p(this);
    p.fillRect(event->rect(), palette().color(QPalette::Dark).darker(150));
    const QImage& preview = m_document->preview();
    const auto drawFittedPreview = [&] {
        // A turn that makes a new image (text to image) shows its preview fitted to the view.
        const QSizeF size = QSizeF(preview.size()).scaled(QSizeF(rect().size()) * 0.9, Qt::KeepAspectRatio);
        const QRectF target(QPointF((width() - size.width()) / 2.0, (height() - size.height()) / 2.0), size);
        p.setRenderHint(QPainter::SmoothPixmapTransform, true);
        p.drawImage(target, preview);
    };
    if (!m_document->hasImage()) {
        if (!preview.isNull()) {
            drawFittedPreview();
            drawRunStatus(p);
            return;
        }
        p.setPen(palette().color(QPalette::BrightText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Open or drop an image to edit it,\nor describe an image in the chat to create one."));
        return;
    }
    const QImage& image = m_document->display();
    const QRectF imageRect = imageToWidget().mapRect(QRectF(image.rect()));
    // Only the visible part, in image pixels (one pixel of slack for the interpolation).
    const QRectF visibleWidget = QRectF(event->rect()).intersected(imageRect);
    if (visibleWidget.isEmpty()) return;
    const QRectF visibleImage = QRectF(widgetToImage(visibleWidget.topLeft()), widgetToImage(visibleWidget.bottomRight()))
                                    .adjusted(-1, -1, 1, 1)
                                    .intersected(QRectF(image.rect()));
    const QRect src = visibleImage.toAlignedRect();
    const QRectF dst = imageToWidget().mapRect(QRectF(src));

    // Transparent parts of the composite over a checkerboard, as in every layered editor.
    if (!m_document->isOpaque()) p.fillRect(dst, m_checker);
    const qreal dpr = devicePixelRatioF();
    if (!m_scaled.isNull() && m_scaledZoom == m_zoom && m_scaledDpr == dpr) {
        p.drawPixmap(imageRect.topLeft(), m_scaled);
    } else {
        // Above 200% pixels are shown as squares; between, and while a zoom settles, a fast filter.
        p.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom * dpr < 2.0 && m_zoom * dpr >= 1.0);
        p.drawImage(dst, image, QRectF(src));
    }
    if (m_maskVisible && m_document->maskLayerVisible() && !m_overlay.isNull()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform, false);
        p.drawImage(dst, m_overlay, QRectF(src));
    }
    if (!preview.isNull()) {
        const QImage& clip = m_document->previewClip();
        if (!m_document->previewOverImage()) {
            drawFittedPreview();  // not an edit of this image
        } else if (clip.isNull()) {
            p.setRenderHint(QPainter::SmoothPixmapTransform, true);
            p.drawImage(imageRect, preview);
        } else {
            // Only inside the mask, where the result will change: the visible part, scaled
            // preview, then the mask as alpha (a Grayscale8 row is an Alpha8 row, no copy).
            const QRect area = dst.toAlignedRect().intersected(rect());
            QImage layer(area.size(), QImage::Format_ARGB32_Premultiplied);
            layer.fill(Qt::transparent);
            QPainter lp(&layer);
            lp.translate(-area.topLeft());
            lp.setRenderHint(QPainter::SmoothPixmapTransform, true);
            lp.drawImage(imageRect, preview);
            lp.setCompositionMode(QPainter::CompositionMode_DestinationIn);
            const QImage alpha(clip.constBits(), clip.width(), clip.height(), clip.bytesPerLine(), QImage::Format_Alpha8);
            lp.drawImage(dst, alpha, QRectF(src));
            lp.end();
            p.drawImage(area.topLeft(), layer);
        }
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    if (m_tool && (m_toolActive || rect().contains(imageToWidget(m_hover).toPoint())))
        m_tool->paintOverlay(p, imageToWidget(), m_hover, m_document);
    drawRunStatus(p);
}

void CanvasView::drawRunStatus(QPainter& p) const {
    if (m_runStatus.isEmpty()) return;
    const QFontMetrics fm(font());
    const QRect badge(12, height() - 20 - fm.height(), fm.horizontalAdvance(m_runStatus) + 16, fm.height() + 8);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 0, 0, 170));
    p.drawRoundedRect(badge, 6, 6);
    p.setPen(Qt::white);
    p.drawText(badge, Qt::AlignCenter, m_runStatus);
}

void CanvasView::resizeEvent(QResizeEvent*) {
    if (m_fit) fitToWindow();
}

void CanvasView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0) return;
    setZoom(m_zoom * std::pow(kZoomStep, steps), event->position());
    event->accept();
}

void CanvasView::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceDown)) {
        m_panning = true;
        m_lastPan = event->position();
        updateCursor();
        return;
    }
    if (event->button() == Qt::LeftButton && m_tool && m_document->hasImage()) {
        m_toolActive = true;
        m_hover = widgetToImage(event->position());
        m_tool->press(m_document, m_hover);
        update();
    }
}

void CanvasView::mouseMoveEvent(QMouseEvent* event) {
    if (m_panning) {
        m_origin += event->position() - m_lastPan;
        m_lastPan = event->position();
        m_fit = false;
        update();
        return;
    }
    m_hover = widgetToImage(event->position());
    if (m_toolActive) m_tool->move(m_document, m_hover);
    if (m_tool) update();  // the tool's outline follows the cursor
}

void CanvasView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        updateCursor();
        return;
    }
    if (event->button() == Qt::LeftButton && m_toolActive) {
        m_toolActive = false;
        m_tool->release(m_document, widgetToImage(event->position()));
        m_document->notifyEditFinished();
        update();
    }
}

void CanvasView::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            m_spaceDown = true;
            updateCursor();
        }
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        fitToWindow();
        return;
    case Qt::Key_1:
        actualSize();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void CanvasView::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceDown = false;
        updateCursor();
        return;
    }
    QWidget::keyReleaseEvent(event);
}

void CanvasView::leaveEvent(QEvent*) {
    m_hover = QPointF(-1e9, -1e9);
    update();
}

void CanvasView::dragEnterEvent(QDragEnterEvent* event) {
    const QMimeData* mime = event->mimeData();
    if (mime->hasImage() || (mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().first().isLocalFile()))
        event->acceptProposedAction();
}

// Dropping an image opens it as the canvas image (one undo step).
void CanvasView::dropEvent(QDropEvent* event) {
    const QMimeData* mime = event->mimeData();
    QImage image;
    QString name = tr("dropped image");
    if (mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().first().isLocalFile()) {
        QImageReader reader(mime->urls().first().toLocalFile());
        reader.setAutoTransform(true);
        image = reader.read();
        name = QFileInfo(mime->urls().first().toLocalFile()).fileName();
    } else if (mime->hasImage()) {
        image = qvariant_cast<QImage>(mime->imageData());
    }
    if (image.isNull()) return;
    m_fit = true;
    m_document->openImage(image, tr("Open %1").arg(name), name);
    event->acceptProposedAction();
}

void CanvasView::updateCursor() {
    if (m_panning) setCursor(Qt::ClosedHandCursor);
    else if (m_spaceDown) setCursor(Qt::OpenHandCursor);
    else if (m_tool) setCursor(Qt::CrossCursor);
    else unsetCursor();
}

}  // namespace ace
