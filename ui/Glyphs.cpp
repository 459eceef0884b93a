#include "Glyphs.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <cmath>
#include <utility>

namespace ace {
namespace {

// Shapes are designed on a 24 x 24 grid with 1.75-unit strokes, the weight of common UI icon sets.
constexpr double kGrid = 24.0;
constexpr double kStroke = 1.75;

void arrowHead(QPainter& p, QPointF tip, QPointF direction, double size) {
    const double len = std::hypot(direction.x(), direction.y());
    if (len <= 0) return;
    const QPointF d = direction / len, n(-d.y(), d.x());
    QPainterPath head;
    head.moveTo(tip);
    head.lineTo(tip - d * size + n * size * 0.75);
    head.lineTo(tip - d * size - n * size * 0.75);
    head.closeSubpath();
    p.save();
    p.setPen(Qt::NoPen);
    p.drawPath(head);
    p.restore();
}

// The outline of a selection: 2-unit dashes with `gap` between them.
QPen dashed(QPen pen, double gap) {
    pen.setDashPattern({2.0, gap});
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

void drawGlyph(QPainter& p, Glyph glyph, const QColor& color) {
    QPen pen(color, kStroke, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const QBrush solid(color);
    switch (glyph) {
    case Glyph::Brush: {
        // A round brush: the handle up to the right, the ferrule, the tip with a stroke of paint.
        p.drawLine(QPointF(20.5, 3.5), QPointF(12.5, 11.5));
        QPainterPath tip;
        tip.moveTo(13.5, 12.5);
        tip.cubicTo(12.5, 17.0, 9.0, 18.0, 4.0, 20.0);
        tip.cubicTo(5.5, 15.5, 6.5, 12.0, 11.5, 10.5);
        tip.closeSubpath();
        p.setBrush(solid);
        p.drawPath(tip);
        break;
    }
    case Glyph::Eraser: {
        p.save();
        p.translate(12, 12);
        p.rotate(-45);
        p.drawRoundedRect(QRectF(-8.5, -4.5, 17, 9), 2, 2);
        p.setBrush(solid);
        p.drawRoundedRect(QRectF(-8.5, -4.5, 7, 9), 2, 2);
        p.restore();
        p.drawLine(QPointF(10, 20.5), QPointF(20, 20.5));
        break;
    }
    case Glyph::Rectangle: {
        p.setPen(dashed(pen, 1.6));
        p.drawRect(QRectF(3.5, 5.5, 17, 13));
        break;
    }
    case Glyph::Ellipse: {
        p.setPen(dashed(pen, 1.6));
        p.drawEllipse(QRectF(3.5, 5, 17, 14));
        break;
    }
    case Glyph::Fill: {
        // A tipped bucket pouring a drop.
        p.save();
        p.translate(10, 12.5);
        p.rotate(-40);
        QPainterPath bucket;
        bucket.moveTo(-6, -3);
        bucket.lineTo(6, -3);
        bucket.lineTo(5, 7);
        bucket.lineTo(-5, 7);
        bucket.closeSubpath();
        p.drawPath(bucket);
        p.drawArc(QRectF(-4, -9, 8, 10), 0, 180 * 16);
        p.restore();
        QPainterPath drop;
        drop.moveTo(19.5, 12.5);
        drop.cubicTo(21.5, 16.0, 22.0, 18.0, 19.5, 19.5);
        drop.cubicTo(17.0, 18.0, 17.5, 16.0, 19.5, 12.5);
        p.setBrush(solid);
        p.drawPath(drop);
        break;
    }
    case Glyph::Extend: {
        // The image in the middle, dashed new canvas around it, arrows outwards.
        p.setBrush(solid);
        p.drawRect(QRectF(8.5, 8.5, 7, 7));
        p.setBrush(Qt::NoBrush);
        QPen thin = dashed(pen, 2.0);
        thin.setWidthF(1.25);
        p.setPen(thin);
        p.drawRect(QRectF(2.5, 2.5, 19, 19));
        p.setPen(pen);
        p.setBrush(solid);
        for (const auto& [from, to] : {std::pair{QPointF(12, 7), QPointF(12, 4.5)}, {QPointF(12, 17), QPointF(12, 19.5)},
                                       {QPointF(7, 12), QPointF(4.5, 12)}, {QPointF(17, 12), QPointF(19.5, 12)}})
            arrowHead(p, to, to - from, 2.4);
        break;
    }
    case Glyph::Invert: {
        p.drawEllipse(QRectF(3.5, 3.5, 17, 17));
        QPainterPath half;
        half.moveTo(12, 3.5);
        half.arcTo(QRectF(3.5, 3.5, 17, 17), 90, -180);
        half.closeSubpath();
        p.setBrush(solid);
        p.drawPath(half);
        break;
    }
    case Glyph::ClearMask: {
        p.setPen(dashed(pen, 1.6));
        p.drawRoundedRect(QRectF(3.5, 3.5, 17, 17), 2, 2);
        p.setPen(pen);
        p.drawLine(QPointF(8.5, 8.5), QPointF(15.5, 15.5));
        p.drawLine(QPointF(15.5, 8.5), QPointF(8.5, 15.5));
        break;
    }
    case Glyph::Eye:
    case Glyph::EyeOff: {
        const QLineF slash(QPointF(4.5, 3.5), QPointF(19.5, 20.5));
        p.save();
        if (glyph == Glyph::EyeOff) {
            // Leave a gap along the slash so it reads over the filled pupil too.
            QPainterPath line;
            line.moveTo(slash.p1());
            line.lineTo(slash.p2());
            QPainterPathStroker stroker;
            stroker.setWidth(kStroke * 2.8);
            stroker.setCapStyle(Qt::RoundCap);
            QPainterPath outside;
            outside.addRect(QRectF(0, 0, kGrid, kGrid));
            p.setClipPath(outside.subtracted(stroker.createStroke(line)));
        }
        QPainterPath eye;
        eye.moveTo(2.5, 12);
        eye.quadTo(12, 2.5, 21.5, 12);
        eye.quadTo(12, 21.5, 2.5, 12);
        p.drawPath(eye);
        p.setBrush(solid);
        p.drawEllipse(QPointF(12, 12), 3.0, 3.0);
        p.restore();
        if (glyph == Glyph::EyeOff) p.drawLine(slash);
        break;
    }
    case Glyph::Fit: {
        // Four corners: fit the picture to the window.
        for (const QPointF& c : {QPointF(3.5, 3.5), QPointF(20.5, 3.5), QPointF(20.5, 20.5), QPointF(3.5, 20.5)}) {
            const double sx = c.x() < 12 ? 1 : -1, sy = c.y() < 12 ? 1 : -1;
            p.drawPolyline(QPolygonF({c + QPointF(0, 6 * sy), c, c + QPointF(6 * sx, 0)}));
        }
        p.setBrush(solid);
        p.setPen(Qt::NoPen);
        p.drawRect(QRectF(8, 9, 8, 6));
        break;
    }
    case Glyph::ActualSize: {
        QFont font = QGuiApplication::font();
        font.setPixelSize(10);
        font.setBold(true);
        p.setFont(font);
        p.drawRoundedRect(QRectF(2.5, 4.5, 19, 15), 2, 2);
        p.drawText(QRectF(2.5, 4.5, 19, 15), Qt::AlignCenter, QStringLiteral("1:1"));
        break;
    }
    case Glyph::UseAsCanvas: {
        // A picture with an arrow into it: the result goes onto the canvas.
        p.drawRoundedRect(QRectF(9.5, 4.5, 12, 15), 1.5, 1.5);
        QPainterPath hill;
        hill.moveTo(11, 18);
        hill.lineTo(15, 13);
        hill.lineTo(17.5, 16);
        hill.lineTo(20, 14);
        hill.lineTo(20, 18);
        hill.closeSubpath();
        p.setBrush(solid);
        p.setPen(Qt::NoPen);
        p.drawPath(hill);
        p.setPen(pen);
        p.drawLine(QPointF(2.5, 9.5), QPointF(11.5, 9.5));
        arrowHead(p, QPointF(14, 9.5), QPointF(1, 0), 3.2);
        break;
    }
    case Glyph::Regenerate: {
        p.drawArc(QRectF(4.5, 4.5, 15, 15), 100 * 16, 290 * 16);
        // The arrow at the arc's start, pointing along it (counter-clockwise).
        p.setBrush(solid);
        arrowHead(p, QPointF(11.0, 3.4), QPointF(-1.0, -0.15), 4.0);
        break;
    }
    case Glyph::Copy: {
        p.drawRoundedRect(QRectF(8.5, 8.5, 12, 12), 2, 2);
        QPainterPath back;
        back.moveTo(5.5, 15.5);
        back.lineTo(4.5, 15.5);
        back.quadTo(3.5, 15.5, 3.5, 14.5);
        back.lineTo(3.5, 4.5);
        back.quadTo(3.5, 3.5, 4.5, 3.5);
        back.lineTo(14.5, 3.5);
        back.quadTo(15.5, 3.5, 15.5, 4.5);
        back.lineTo(15.5, 5.5);
        p.drawPath(back);
        break;
    }
    case Glyph::Save: {
        p.drawLine(QPointF(12, 3.5), QPointF(12, 13));
        p.setBrush(solid);
        arrowHead(p, QPointF(12, 16), QPointF(0, 1), 4.0);
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(QPolygonF({QPointF(3.5, 14.5), QPointF(3.5, 20.5), QPointF(20.5, 20.5), QPointF(20.5, 14.5)}));
        break;
    }
    case Glyph::Edit: {
        p.save();
        p.translate(12, 12);
        p.rotate(45);
        QPainterPath pencil;
        pencil.moveTo(-2.75, -9.5);
        pencil.lineTo(2.75, -9.5);
        pencil.lineTo(2.75, 5.5);
        pencil.lineTo(0, 9.5);
        pencil.lineTo(-2.75, 5.5);
        pencil.closeSubpath();
        p.drawPath(pencil);
        p.drawLine(QPointF(-2.75, -6), QPointF(2.75, -6));
        p.restore();
        p.drawLine(QPointF(13, 20.5), QPointF(20.5, 20.5));
        break;
    }
    case Glyph::Remove: {
        p.drawLine(QPointF(6.5, 6.5), QPointF(17.5, 17.5));
        p.drawLine(QPointF(17.5, 6.5), QPointF(6.5, 17.5));
        break;
    }
    }
}

class GlyphIconEngine final : public QIconEngine {
public:
    explicit GlyphIconEngine(Glyph glyph) : m_glyph(glyph) {}

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override {
        paintGlyph(*painter, m_glyph, rect, colorFor(mode));
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
        return scaledPixmap(size, mode, state, 1.0);
    }
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State, qreal scale) override {
        QPixmap pixmap(size * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        paintGlyph(p, m_glyph, QRectF(QPointF(0, 0), QSizeF(size)), colorFor(mode));
        return pixmap;
    }
    QIconEngine* clone() const override { return new GlyphIconEngine(m_glyph); }
    QString key() const override { return QStringLiteral("ace-glyph"); }

private:
    static QColor colorFor(QIcon::Mode mode) {
        const QPalette palette = QGuiApplication::palette();
        if (mode == QIcon::Disabled) return palette.color(QPalette::Disabled, QPalette::ButtonText);
        if (mode == QIcon::Selected) return palette.color(QPalette::HighlightedText);
        return palette.color(QPalette::ButtonText);
    }

    Glyph m_glyph;
};

}  // namespace

void paintGlyph(QPainter& painter, Glyph glyph, const QRectF& rect, const QColor& color) {
    const double side = std::min(rect.width(), rect.height());
    if (side <= 0) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(rect.center() - QPointF(side / 2, side / 2));
    painter.scale(side / kGrid, side / kGrid);
    drawGlyph(painter, glyph, color);
    painter.restore();
}

QIcon glyphIcon(Glyph glyph) { return QIcon(new GlyphIconEngine(glyph)); }

}  // namespace ace
