#pragma once
// The app's icons, drawn as vector shapes with QPainter: the canvas tools and the chat's action
// buttons. Drawn rather than loaded because the Qt build may lack the SVG plugin and the system
// may lack an icon theme; painted at the requested size and device pixel ratio, they stay crisp
// on every screen and take the palette's text colour (dark and light themes alike).
#include <QColor>
#include <QIcon>
#include <QRectF>

class QPainter;

namespace ace {

enum class Glyph {
    // Canvas tools and mask actions.
    Brush,
    Eraser,
    Rectangle,
    Ellipse,
    Fill,
    Extend,
    Invert,
    ClearMask,
    Eye,
    EyeOff,
    Fit,
    ActualSize,
    // Chat actions.
    UseAsCanvas,
    Regenerate,
    Copy,
    Save,
    Edit,
    Remove,
};

// Draws `glyph` centred in `rect` (square part of it) with strokes and fills of `color`.
void paintGlyph(QPainter& painter, Glyph glyph, const QRectF& rect, const QColor& color);
// An icon that paints `glyph` in the palette's button text colour (greyed when disabled).
QIcon glyphIcon(Glyph glyph);

}  // namespace ace
