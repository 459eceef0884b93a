#pragma once
// Colours and fonts the chat's painted parts share (the conversation's rows and the context bar),
// so that a turn in the context looks the same in both.
#include <QColor>
#include <QFont>

#include <algorithm>

namespace ace::chatstyle {

// The green of "the next request carries this turn": the bar beside a bubble, a history chip's edge.
inline QColor contextGreen() { return QColor(46, 160, 96); }

// The blue of an {imageN} name, readable on light and dark backgrounds.
inline QColor imageLabelColor(bool dark) { return dark ? QColor(120, 180, 255) : QColor(30, 110, 200); }

// Secondary text (headers, captions, seeds): 85% of the font.
inline QFont smallFont(const QFont& font) {
    QFont small = font;
    if (small.pointSizeF() > 0) small.setPointSizeF(small.pointSizeF() * 0.85);
    else small.setPixelSize(std::max(9, small.pixelSize() * 85 / 100));
    return small;
}

}  // namespace ace::chatstyle
