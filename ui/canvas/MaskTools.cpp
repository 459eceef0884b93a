#include "MaskTools.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTransform>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

#include "CanvasDocument.h"
#include "MaskCommands.h"

namespace ace {
namespace {

QString trTool(const char* text) { return QCoreApplication::translate("ace::CanvasTool", text); }

// One round dab into the mask; returns the pixels it may have touched.
void paintDab(QImage& mask, const QPointF& centre, double radius, double hardness, bool erase) {
    const QRect box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius).toAlignedRect().intersected(mask.rect());
    const double inner = radius * hardness;
    for (int y = box.top(); y <= box.bottom(); ++y) {
        uchar* row = mask.scanLine(y);
        const double dy = y + 0.5 - centre.y();
        for (int x = box.left(); x <= box.right(); ++x) {
            const double dx = x + 0.5 - centre.x();
            const double d = std::sqrt(dx * dx + dy * dy);
            if (d >= radius) continue;
            double a = 1.0;
            if (d > inner) {
                const double t = (radius - d) / std::max(1e-6, radius - inner);  // 1 at inner, 0 at the rim
                a = t * t * (3.0 - 2.0 * t);
            }
            const int v = static_cast<int>(std::lround(a * 255.0));
            if (erase) row[x] = static_cast<uchar>(std::min<int>(row[x], 255 - v));
            else row[x] = static_cast<uchar>(std::max<int>(row[x], v));
        }
    }
}

int nextStrokeId() {
    static int id = 0;
    return ++id;
}

}  // namespace

QString BrushTool::name() const { return trTool("Brush"); }
QString EraserTool::name() const { return trTool("Eraser"); }

void BrushTool::press(CanvasDocument* document, const QPointF& imagePos) {
    m_layer = document->beginMaskEdit();
    if (!m_layer) return;
    m_active = true;
    m_strokeId = nextStrokeId();
    m_last = imagePos;
    m_carry = 0.0;
    strokeTo(document, imagePos, true);
}

void BrushTool::move(CanvasDocument* document, const QPointF& imagePos) {
    if (m_active) strokeTo(document, imagePos, false);
}

void BrushTool::release(CanvasDocument* document, const QPointF& imagePos) {
    if (!m_active) return;
    strokeTo(document, imagePos, false);
    m_active = false;
}

void BrushTool::strokeTo(CanvasDocument* document, const QPointF& to, bool first) {
    const double radius = m_size / 2.0;
    const double spacing = std::max(0.5, radius * 0.15);
    std::vector<QPointF> dabs;
    if (first) {
        dabs.push_back(to);
    } else {
        const QPointF delta = to - m_last;
        const double length = std::hypot(delta.x(), delta.y());
        double t = spacing - m_carry;
        while (t <= length) {
            dabs.push_back(m_last + delta * (t / length));
            t += spacing;
        }
        m_carry = length - (t - spacing);
        m_last = to;
    }
    if (dabs.empty()) return;
    QRectF bounds;
    for (const QPointF& p : dabs) bounds = bounds.united(QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius));
    const QRect rect = bounds.toAlignedRect().intersected(QRect(QPoint(0, 0), document->size()));
    if (rect.isEmpty()) return;
    // The mask layer may have gone in the middle of a stroke (an undo from the keyboard).
    if (document->maskLayerId() != m_layer) {
        m_active = false;
        return;
    }
    const QImage before = document->maskRect(rect);
    QImage mask = document->writableMask();
    for (const QPointF& p : dabs) paintDab(mask, p, radius, m_hardness, erases());
    document->notifyMaskChanged(rect);
    document->undoStack()->push(new MaskEditCommand(document, m_layer, rect, before, m_strokeId,
                                                    erases() ? trTool("Erase mask") : trTool("Paint mask")));
}

void BrushTool::paintOverlay(QPainter& painter, const QTransform& imageToWidget, const QPointF& hoverImagePos,
                             const CanvasDocument*) const {
    const double r = m_size / 2.0;
    const QRectF outline = imageToWidget.mapRect(QRectF(hoverImagePos.x() - r, hoverImagePos.y() - r, 2 * r, 2 * r));
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0, 0, 0, 160), 2.0));
    painter.drawEllipse(outline);
    painter.setPen(QPen(QColor(255, 255, 255, 220), 1.0));
    painter.drawEllipse(outline);
}

QString ShapeTool::name() const { return m_ellipse ? trTool("Ellipse") : trTool("Rectangle"); }

void ShapeTool::press(CanvasDocument* document, const QPointF& imagePos) {
    if (!document->hasImage()) return;
    m_active = true;
    m_start = m_end = imagePos;
}

void ShapeTool::move(CanvasDocument*, const QPointF& imagePos) {
    if (m_active) m_end = imagePos;
}

void ShapeTool::release(CanvasDocument* document, const QPointF& imagePos) {
    if (!m_active) return;
    m_active = false;
    m_end = imagePos;
    document->paintMaskShape(QRectF(m_start, m_end).normalized().toRect(), m_ellipse, false);
}

void ShapeTool::paintOverlay(QPainter& painter, const QTransform& imageToWidget, const QPointF&,
                             const CanvasDocument*) const {
    if (!m_active) return;
    const QRectF r = imageToWidget.mapRect(QRectF(m_start, m_end).normalized());
    painter.setBrush(QColor(255, 60, 60, 60));
    painter.setPen(QPen(QColor(255, 255, 255, 220), 1.0, Qt::DashLine));
    if (m_ellipse) painter.drawEllipse(r);
    else painter.drawRect(r);
}

QString FillTool::name() const { return trTool("Fill"); }

void FillTool::press(CanvasDocument* document, const QPointF& imagePos) {
    document->fillMaskAt(QPoint(static_cast<int>(std::floor(imagePos.x())), static_cast<int>(std::floor(imagePos.y()))),
                         false);
}

QString ExtendCanvasTool::name() const { return trTool("Extend"); }

void ExtendCanvasTool::press(CanvasDocument* document, const QPointF& imagePos) {
    if (!document->hasImage()) return;
    // The sides the press is nearest to (a third of the image from an edge, or beyond it).
    const QSizeF size = document->size();
    m_edges = {};
    if (imagePos.x() < size.width() / 3.0) m_edges |= Qt::LeftEdge;
    else if (imagePos.x() > size.width() * 2.0 / 3.0) m_edges |= Qt::RightEdge;
    if (imagePos.y() < size.height() / 3.0) m_edges |= Qt::TopEdge;
    else if (imagePos.y() > size.height() * 2.0 / 3.0) m_edges |= Qt::BottomEdge;
    m_active = m_edges != Qt::Edges();
    m_start = imagePos;
    m_margins = {};
}

QMargins ExtendCanvasTool::marginsFor(const CanvasDocument*, const QPointF& imagePos) const {
    const QPointF d = imagePos - m_start;
    QMargins m;
    if (m_edges & Qt::LeftEdge) m.setLeft(std::max(0, static_cast<int>(std::lround(-d.x()))));
    if (m_edges & Qt::RightEdge) m.setRight(std::max(0, static_cast<int>(std::lround(d.x()))));
    if (m_edges & Qt::TopEdge) m.setTop(std::max(0, static_cast<int>(std::lround(-d.y()))));
    if (m_edges & Qt::BottomEdge) m.setBottom(std::max(0, static_cast<int>(std::lround(d.y()))));
    return m;
}

void ExtendCanvasTool::move(CanvasDocument* document, const QPointF& imagePos) {
    if (m_active) m_margins = marginsFor(document, imagePos);
}

void ExtendCanvasTool::release(CanvasDocument* document, const QPointF& imagePos) {
    if (!m_active) return;
    m_active = false;
    const QMargins margins = marginsFor(document, imagePos);
    m_margins = {};
    document->extendCanvas(margins);
}

void ExtendCanvasTool::paintOverlay(QPainter& painter, const QTransform& imageToWidget, const QPointF&,
                                    const CanvasDocument* document) const {
    if (!m_active || m_margins.isNull()) return;
    const QRectF image(QPointF(0, 0), QSizeF(document->size()));
    const QRectF grown = image.marginsAdded(QMarginsF(m_margins));
    QPainterPath area;
    area.addRect(imageToWidget.mapRect(grown));
    area.addRect(imageToWidget.mapRect(image));
    painter.setBrush(QColor(255, 60, 60, 90));
    painter.setPen(QPen(QColor(255, 255, 255, 220), 1.0, Qt::DashLine));
    painter.drawPath(area);
}

}  // namespace ace
