#pragma once
// The canvas tools. CanvasView maps mouse events to image coordinates and forwards them to the
// current tool; tools change the document only through undo commands.
#include <QMargins>
#include <QPointF>
#include <QRectF>
#include <QString>

#include "ace/document/Layer.h"

class QPainter;
class QTransform;

namespace ace {

class CanvasDocument;

class CanvasTool {
public:
    virtual ~CanvasTool() = default;
    virtual QString name() const = 0;
    virtual void press(CanvasDocument* document, const QPointF& imagePos) = 0;
    virtual void move(CanvasDocument* document, const QPointF& imagePos) = 0;
    virtual void release(CanvasDocument* document, const QPointF& imagePos) = 0;
    // What the tool draws over the canvas while used or hovered (brush outline, shape, new area).
    virtual void paintOverlay(QPainter&, const QTransform& /*imageToWidget*/, const QPointF& /*hoverImagePos*/,
                              const CanvasDocument* /*document*/) const {}
};

// Paints the mask with round dabs: `size` = diameter in image pixels, `hardness` 0..1 = the part of
// the radius at full strength before a smooth fall-off. Each mouse move is one MaskEditCommand;
// the segments of one stroke merge into one undo step.
class BrushTool : public CanvasTool {
public:
    QString name() const override;
    void press(CanvasDocument* document, const QPointF& imagePos) override;
    void move(CanvasDocument* document, const QPointF& imagePos) override;
    void release(CanvasDocument* document, const QPointF& imagePos) override;
    void paintOverlay(QPainter& painter, const QTransform& imageToWidget, const QPointF& hoverImagePos,
                      const CanvasDocument* document) const override;

    double size() const { return m_size; }
    void setSize(double size) { m_size = qBound(1.0, size, 1024.0); }
    double hardness() const { return m_hardness; }
    void setHardness(double hardness) { m_hardness = qBound(0.0, hardness, 1.0); }

protected:
    virtual bool erases() const { return false; }

private:
    void strokeTo(CanvasDocument* document, const QPointF& to, bool first);

    double m_size = 40.0;
    double m_hardness = 0.8;
    QPointF m_last;
    double m_carry = 0.0;  // distance walked since the last dab
    int m_strokeId = 0;
    LayerId m_layer = 0;  // the mask layer the stroke paints
    bool m_active = false;
};

class EraserTool final : public BrushTool {
public:
    QString name() const override;

protected:
    bool erases() const override { return true; }
};

// Rectangle or ellipse mask, drawn by dragging its bounding box.
class ShapeTool final : public CanvasTool {
public:
    explicit ShapeTool(bool ellipse) : m_ellipse(ellipse) {}
    QString name() const override;
    void press(CanvasDocument* document, const QPointF& imagePos) override;
    void move(CanvasDocument* document, const QPointF& imagePos) override;
    void release(CanvasDocument* document, const QPointF& imagePos) override;
    void paintOverlay(QPainter& painter, const QTransform& imageToWidget, const QPointF& hoverImagePos,
                      const CanvasDocument* document) const override;

private:
    bool m_ellipse;
    bool m_active = false;
    QPointF m_start, m_end;
};

// Fills the connected region of the mask under the click.
class FillTool final : public CanvasTool {
public:
    QString name() const override;
    void press(CanvasDocument* document, const QPointF& imagePos) override;
    void move(CanvasDocument*, const QPointF&) override {}
    void release(CanvasDocument*, const QPointF&) override {}
};

// Outpainting: drag from an edge of the image outwards to add canvas on that side (or from a
// corner for two sides). The new area becomes the mask.
class ExtendCanvasTool final : public CanvasTool {
public:
    QString name() const override;
    void press(CanvasDocument* document, const QPointF& imagePos) override;
    void move(CanvasDocument* document, const QPointF& imagePos) override;
    void release(CanvasDocument* document, const QPointF& imagePos) override;
    void paintOverlay(QPainter& painter, const QTransform& imageToWidget, const QPointF& hoverImagePos,
                      const CanvasDocument* document) const override;
    QMargins pending() const { return m_margins; }

private:
    QMargins marginsFor(const CanvasDocument* document, const QPointF& imagePos) const;

    bool m_active = false;
    Qt::Edges m_edges;
    QPointF m_start;
    QMargins m_margins;
};

}  // namespace ace
