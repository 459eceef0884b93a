#pragma once
// The canvas: the document's image with its mask overlay and, while a turn runs, the live preview
// over it. Zoom by wheel, keys (+, -, 0 = fit, 1 = 100%), pan with the middle button or space+drag.
// Paints only the visible part: from a cached, smoothly scaled pixmap at the screen's device pixel
// ratio (rebuilt shortly after zooming stops) while that stays below 12 Mpx, else from the visible
// source rectangle of the image.
#include <QElapsedTimer>
#include <QBrush>
#include <QImage>
#include <QPixmap>
#include <QTimer>
#include <QWidget>

class QPainter;

namespace ace {

class CanvasDocument;
class CanvasTool;


class CanvasView final : public QWidget {
    Q_OBJECT
public:
    explicit CanvasView(CanvasDocument* document, QWidget* parent = nullptr);

    CanvasDocument* document() const { return m_document; }
    void setTool(CanvasTool* tool);
    CanvasTool* tool() const { return m_tool; }

    double zoom() const { return m_zoom; }
    void setZoom(double zoom, const QPointF& anchorWidgetPos);
    // Image pixel -> widget (logical pixels) and back.
    QTransform imageToWidget() const;
    QPointF widgetToImage(const QPointF& widgetPos) const;
    QPointF imageToWidget(const QPointF& imagePos) const;
    bool maskVisible() const { return m_maskVisible; }
    void setRunStatus(const QString& status);

    QSize sizeHint() const override { return {800, 600}; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void actualSize();
    void setMaskVisible(bool visible);

Q_SIGNALS:
    void zoomChanged(double zoom);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void onImageChanged();
    void onImageAreaChanged(const QRect& rect);
    void onMaskChanged(const QRect& rect);
    void updateOverlay(const QRect& rect);
    void rebuildScaledCache();
    void updateCursor();
    void drawRunStatus(QPainter& painter) const;

    CanvasDocument* m_document;
    CanvasTool* m_tool = nullptr;
    double m_zoom = 1.0;
    QPointF m_origin;  // widget position of the image's top-left corner
    bool m_fit = true;
    bool m_maskVisible = true;
    bool m_spaceDown = false;
    bool m_panning = false;
    bool m_toolActive = false;
    QPointF m_lastPan;
    QPointF m_hover{-1e9, -1e9};
    QImage m_overlay;  // the mask tinted, premultiplied ARGB at image resolution
    QPixmap m_scaled;  // the image at m_scaledZoom x device pixel ratio
    double m_scaledZoom = 0.0;
    qreal m_scaledDpr = 0.0;
    QTimer m_rescaleTimer;
    QString m_runStatus;
    QBrush m_checker;
};

}  // namespace ace
