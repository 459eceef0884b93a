#include "ContextBar.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

#include "ChatStyle.h"
#include "Glyphs.h"

namespace ace {
namespace {

using chatstyle::contextGreen;
using chatstyle::smallFont;

constexpr int kPad = 4;
constexpr int kChipH = 38;
constexpr int kNoteH = 30;  // a row without chips: its caption and a note
constexpr int kThumb = 30;  // thumbnail height inside a chip
constexpr int kThumbMaxW = 44;
constexpr int kChipGap = 4;
constexpr int kRowGap = 4;
constexpr int kRemove = 16;  // the × of an attachment chip
constexpr int kSourceMaxW = 150;  // longer sources (file names) are elided in the middle

QImage chipThumbnail(const QImage& image) {
    if (image.isNull()) return {};
    // Scaled once here, drawn at its own size: a thumbnail per chip and device pixel.
    return image.scaled(kThumbMaxW * 2, kThumb * 2, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

QSize thumbSize(const QImage& thumb) {
    if (thumb.isNull()) return {kThumb, kThumb};
    return thumb.size().scaled(kThumbMaxW, kThumb, Qt::KeepAspectRatio).expandedTo(QSize(8, 8));
}

}  // namespace

ContextBar::ContextBar(QWidget* parent) : QWidget(parent) {
    setObjectName("contextBar");
    setAccessibleName(tr("Context of the next turn"));
    setMouseTracking(true);
    setFocusPolicy(Qt::TabFocus);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    relayout();
}

void ContextBar::setHistory(const QList<HistoryItem>& items, int historyLength, bool applies) {
    // Called on every change of the conversation (each step of a run): only a real change of
    // what is shown re-scales the thumbnails and lays the bar out again.
    const auto same = [](const HistoryItem& a, const HistoryItem& b) {
        return a.turnId == b.turnId && a.pending == b.pending && a.image.cacheKey() == b.image.cacheKey() &&
               a.instruction == b.instruction;
    };
    if (historyLength == m_historyLength && applies == m_applies &&
        std::equal(items.cbegin(), items.cend(), m_history.cbegin(), m_history.cend(), same))
        return;
    m_history = items;
    m_historyLength = historyLength;
    m_applies = applies;
    m_historyThumbs.clear();
    for (const HistoryItem& item : items) m_historyThumbs << chipThumbnail(item.image);
    relayout();
}

void ContextBar::setImages(const QList<ImageItem>& items) {
    m_images = items;
    m_imageThumbs.clear();
    for (const ImageItem& item : items) m_imageThumbs << chipThumbnail(item.image);
    relayout();
}

QList<int> ContextBar::historyTurns() const {
    QList<int> ids;
    for (const HistoryItem& item : m_history) ids << item.turnId;
    return ids;
}

QList<int> ContextBar::pendingTurns() const {
    QList<int> ids;
    for (const HistoryItem& item : m_history)
        if (item.pending) ids << item.turnId;
    return ids;
}

QStringList ContextBar::imageLabels() const {
    QStringList labels;
    for (const ImageItem& item : m_images) labels << item.label;
    return labels;
}

QStringList ContextBar::imageSources() const {
    QStringList sources;
    for (const ImageItem& item : m_images) sources << item.source;
    return sources;
}

QString ContextBar::historySummary() const {
    if (!m_applies) return tr("not used");
    if (m_historyLength <= 0) return tr("off");
    return tr("%1 of %2").arg(m_history.size()).arg(m_historyLength);
}

ContextBar::Layout ContextBar::layoutFor(int width) const {
    Layout l;
    const QFontMetrics fm(font());
    const QFontMetrics smallFm(smallFont(font()));
    const int captionW = std::max({fm.horizontalAdvance(tr("History")), fm.horizontalAdvance(tr("Images")),
                                   smallFm.horizontalAdvance(historySummary())}) + 10;
    const int x0 = kPad + captionW;
    l.chipLeft = x0;
    const int right = std::max(x0 + 80, width - kPad);
    int y = kPad;

    auto placeRow = [&](bool history, int count, auto chipWidth) {
        int x = x0;
        const int top = y;
        for (int i = 0; i < count; ++i) {
            const int w = std::min(chipWidth(i), right - x0);
            if (x + w > right && x > x0) {
                x = x0;
                y += kChipH + kChipGap;
            }
            l.chips << Chip{history, i, QRect(x, y, w, kChipH)};
            x += w + kChipGap;
        }
        y += kChipH;
        return top;
    };

    const bool showHistoryChips = m_applies && !m_history.isEmpty();
    const int historyTop = showHistoryChips
                               ? placeRow(true, static_cast<int>(m_history.size()),
                                          [&](int i) {
                                              return 10 + thumbSize(m_historyThumbs[i]).width() + 6 +
                                                     fm.horizontalAdvance(tr("#%1").arg(m_history[i].turnId)) + 8;
                                          })
                               : (y += kNoteH, y - kNoteH);
    const int historyH = showHistoryChips ? kChipH : kNoteH;
    l.historyCaption = QRect(kPad, historyTop, captionW, historyH);
    if (!showHistoryChips) l.summary = QRect(x0, historyTop, right - x0, historyH);
    y += kRowGap;

    const int imagesTop = m_images.isEmpty()
                              ? (y += kNoteH, y - kNoteH)
                              : placeRow(false, static_cast<int>(m_images.size()), [&](int i) {
                                    const ImageItem& item = m_images[i];
                                    QFont bold = smallFont(font());
                                    bold.setBold(true);
                                    // A few pixels of slack so that a text that fits is never elided.
                                    const int text = std::max(QFontMetrics(bold).horizontalAdvance(item.label),
                                                              std::min(kSourceMaxW, smallFm.horizontalAdvance(item.source))) + 4;
                                    return 6 + thumbSize(m_imageThumbs[i]).width() + 6 + text + 6 +
                                           (item.attachment >= 0 ? kRemove + 2 : 0);
                                });
    l.imagesCaption = QRect(kPad, imagesTop, captionW, m_images.isEmpty() ? kNoteH : kChipH);
    l.height = y + kPad;
    return l;
}

void ContextBar::relayout() {
    m_layout = layoutFor(width() > 0 ? width() : sizeHint().width());
    m_hoverChip = -1;
    if (m_focusChip >= m_layout.chips.size()) m_focusChip = static_cast<int>(m_layout.chips.size()) - 1;
    updateGeometry();
    update();
}

int ContextBar::heightForWidth(int width) const { return layoutFor(width).height; }

QSize ContextBar::sizeHint() const { return {320, layoutFor(width() > 0 ? width() : 320).height}; }

QSize ContextBar::minimumSizeHint() const { return {160, layoutFor(160).height}; }

void ContextBar::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const int before = m_layout.height;
    m_layout = layoutFor(width());
    if (m_layout.height != before) updateGeometry();
}

QRect ContextBar::historyChipRect(int i) const {
    for (const Chip& c : m_layout.chips)
        if (c.history && c.index == i) return c.rect;
    return {};
}

QRect ContextBar::imageChipRect(int i) const {
    for (const Chip& c : m_layout.chips)
        if (!c.history && c.index == i) return c.rect;
    return {};
}

QRect ContextBar::removeRectOf(const QRect& chip) const {
    return QRect(chip.right() - kRemove - 3, chip.top() + 3, kRemove, kRemove);
}

QRect ContextBar::removeButtonRect(int i) const {
    if (i < 0 || i >= m_images.size() || m_images[i].attachment < 0) return {};
    const QRect chip = imageChipRect(i);
    return chip.isNull() ? QRect() : removeRectOf(chip);
}

int ContextBar::chipAt(const QPoint& pos) const {
    for (int i = 0; i < m_layout.chips.size(); ++i)
        if (m_layout.chips[i].rect.contains(pos)) return i;
    return -1;
}

QString ContextBar::chipToolTip(const Chip& chip) const {
    if (chip.history) {
        const HistoryItem& item = m_history[chip.index];
        if (item.pending)
            return tr("Turn #%1: “%2” is still to finish; once it succeeds, its first input image and its "
                      "instruction go with the next request.")
                .arg(item.turnId)
                .arg(item.instruction);
        return tr("Turn #%1: “%2”. Its first input image and its instruction go with the next request. "
                  "Click to find it in the conversation.")
            .arg(item.turnId)
            .arg(item.instruction);
    }
    const ImageItem& item = m_images[chip.index];
    QString text = tr("%1 in the instruction is %2").arg(item.label, item.source);
    if (item.attachment >= 0) text += tr(" (× or Delete removes it)");
    return text;
}

void ContextBar::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const QPalette& pal = palette();
    const QFont small = smallFont(font());
    const QFontMetrics fm(font()), smallFm(small);
    QColor dim = pal.color(QPalette::WindowText);
    dim.setAlpha(165);
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    const QColor labelColor = chatstyle::imageLabelColor(dark);

    // Captions: what each row is, with the history's fill level under it.
    auto caption = [&](const QRect& r, const QString& title, const QString& sub) {
        p.setPen(pal.color(QPalette::WindowText));
        p.setFont(font());
        if (sub.isEmpty()) {
            p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, title);
            return;
        }
        p.drawText(QRect(r.left(), r.top() + 1, r.width(), r.height() / 2), Qt::AlignLeft | Qt::AlignBottom, title);
        p.setFont(small);
        p.setPen(dim);
        p.drawText(QRect(r.left(), r.center().y() + 1, r.width(), r.height() / 2), Qt::AlignLeft | Qt::AlignTop, sub);
    };
    caption(m_layout.historyCaption, tr("History"), historySummary());
    caption(m_layout.imagesCaption, tr("Images"), QString());

    p.setFont(small);
    p.setPen(dim);
    if (!m_layout.summary.isNull()) {
        QString why;
        if (!m_applies && m_images.isEmpty()) why = tr("Not used: a turn without an input image starts fresh.");
        else if (!m_applies) why = tr("Not used: ACE takes history only with a single input image.");
        else if (m_historyLength <= 0) why = tr("History is off (Settings).");
        else why = tr("No earlier turns yet; up to %1 will go with each request.").arg(m_historyLength);
        p.drawText(m_layout.summary, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, why);
    }
    if (m_images.isEmpty()) {
        const QRect r(m_layout.chipLeft, m_layout.imagesCaption.top(), width() - m_layout.chipLeft - kPad,
                      m_layout.imagesCaption.height());
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                   tr("None: the turn creates a new image from the text."));
    }

    for (int i = 0; i < m_layout.chips.size(); ++i) {
        const Chip& c = m_layout.chips[i];
        const QRectF box = QRectF(c.rect).adjusted(0.5, 0.5, -0.5, -0.5);
        const bool hover = i == m_hoverChip;
        p.setPen(QPen(hover || (hasFocus() && i == m_focusChip) ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid),
                      hasFocus() && i == m_focusChip ? 2 : 1));
        p.setBrush(pal.color(QPalette::Base));
        p.drawRoundedRect(box, 6, 6);
        const QImage& thumb = c.history ? m_historyThumbs[c.index] : m_imageThumbs[c.index];
        const int lead = c.history ? 10 : 6;
        const QSize ts = thumbSize(thumb);
        const QRect thumbRect(c.rect.left() + lead, c.rect.top() + (kChipH - ts.height()) / 2, ts.width(), ts.height());
        if (!thumb.isNull()) p.drawImage(thumbRect, thumb);
        p.setPen(QPen(pal.color(QPalette::Mid), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(thumbRect).adjusted(0.5, 0.5, -0.5, -0.5));
        const int textLeft = thumbRect.right() + 7;
        if (c.history) {
            if (m_history[c.index].pending) {
                // Not in yet: a dashed edge over the chip's outline.
                QPen dash(pal.color(QPalette::Base), 1.5, Qt::DashLine);
                p.setPen(dash);
                p.setBrush(Qt::NoBrush);
                p.drawRoundedRect(box, 6, 6);
            }
            p.setPen(Qt::NoPen);
            p.setBrush(m_history[c.index].pending ? pal.color(QPalette::Mid) : contextGreen());
            p.drawRoundedRect(QRectF(c.rect.left() + 3, c.rect.top() + 6, 3.5, kChipH - 12), 1.5, 1.5);
            p.setFont(font());
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QRect(textLeft, c.rect.top(), c.rect.right() - textLeft - 4, kChipH), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("#%1").arg(m_history[c.index].turnId));
            continue;
        }
        const ImageItem& item = m_images[c.index];
        const int textRight = c.rect.right() - 5 - (item.attachment >= 0 ? kRemove + 2 : 0);
        QFont bold = small;
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(labelColor);
        p.drawText(QRect(textLeft, c.rect.top() + 3, textRight - textLeft, kChipH / 2 - 2), Qt::AlignLeft | Qt::AlignBottom,
                   item.label);
        p.setFont(small);
        p.setPen(dim);
        p.drawText(QRect(textLeft, c.rect.center().y() + 1, textRight - textLeft, kChipH / 2 - 3),
                   Qt::AlignLeft | Qt::AlignTop, smallFm.elidedText(item.source, Qt::ElideMiddle, textRight - textLeft));
        if (item.attachment >= 0) {
            // The × is always there, quiet until the chip is hovered or focused.
            const QRect x = removeRectOf(c.rect);
            const bool active = hover || (hasFocus() && i == m_focusChip);
            if (hover && m_hoverRemove) {
                p.setPen(Qt::NoPen);
                p.setBrush(pal.color(QPalette::Button));
                p.drawEllipse(x);
            }
            QColor glyph = pal.color(QPalette::Text);
            glyph.setAlphaF(hover && m_hoverRemove ? 1.0 : active ? 0.7 : 0.35);
            paintGlyph(p, Glyph::Remove, QRectF(x).adjusted(2, 2, -2, -2), glyph);
        }
    }
}

bool ContextBar::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int chip = chipAt(help->pos());
        if (chip >= 0) {
            const Chip& c = m_layout.chips[chip];
            const bool remove = !c.history && m_images[c.index].attachment >= 0 && removeRectOf(c.rect).contains(help->pos());
            QToolTip::showText(help->globalPos(), remove ? tr("Remove this attachment") : chipToolTip(c), this, c.rect);
        } else if (m_layout.historyCaption.contains(help->pos()) || m_layout.summary.contains(help->pos())) {
            QToolTip::showText(help->globalPos(),
                               tr("The earlier turns the next request carries, oldest first, as the reference's chatbot "
                                  "does: each turn's instruction with its first input image, up to the history length "
                                  "of the settings (%1).")
                                   .arg(m_historyLength),
                               this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void ContextBar::mouseMoveEvent(QMouseEvent* event) {
    const int chip = chipAt(event->position().toPoint());
    bool remove = false;
    if (chip >= 0 && !m_layout.chips[chip].history && m_images[m_layout.chips[chip].index].attachment >= 0)
        remove = removeRectOf(m_layout.chips[chip].rect).contains(event->position().toPoint());
    if (chip != m_hoverChip || remove != m_hoverRemove) {
        m_hoverChip = chip;
        m_hoverRemove = remove;
        const bool clickable = chip >= 0 && (m_layout.chips[chip].history || remove);
        setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void ContextBar::leaveEvent(QEvent*) {
    m_hoverChip = -1;
    m_hoverRemove = false;
    unsetCursor();
    update();
}

void ContextBar::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    const int chip = chipAt(event->position().toPoint());
    if (chip < 0) return;
    const Chip c = m_layout.chips[chip];
    if (c.history) {
        Q_EMIT historyTurnClicked(m_history[c.index].turnId);
    } else if (m_images[c.index].attachment >= 0 && removeRectOf(c.rect).contains(event->position().toPoint())) {
        Q_EMIT removeAttachmentRequested(m_images[c.index].attachment);
    }
}

void ContextBar::activateChip(int chip) {
    if (chip < 0 || chip >= m_layout.chips.size()) return;
    const Chip c = m_layout.chips[chip];
    if (c.history) Q_EMIT historyTurnClicked(m_history[c.index].turnId);
}

void ContextBar::keyPressEvent(QKeyEvent* event) {
    const int count = static_cast<int>(m_layout.chips.size());
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
        if (count == 0) break;
        m_focusChip = m_focusChip < 0 ? 0 : (m_focusChip + (event->key() == Qt::Key_Right ? 1 : count - 1)) % count;
        update();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space: activateChip(m_focusChip); return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (m_focusChip >= 0 && m_focusChip < count && !m_layout.chips[m_focusChip].history) {
            const int attachment = m_images[m_layout.chips[m_focusChip].index].attachment;
            if (attachment >= 0) Q_EMIT removeAttachmentRequested(attachment);
        }
        return;
    default: break;
    }
    QWidget::keyPressEvent(event);
}

void ContextBar::contextMenuEvent(QContextMenuEvent* event) {
    const int chip = chipAt(event->pos());
    if (chip < 0) return;
    const Chip c = m_layout.chips[chip];
    QMenu menu(this);
    if (c.history) {
        const int id = m_history[c.index].turnId;
        menu.addAction(tr("Show turn #%1").arg(id), this, [this, id] { Q_EMIT historyTurnClicked(id); });
    } else if (m_images[c.index].attachment >= 0) {
        const int attachment = m_images[c.index].attachment;
        menu.addAction(tr("Remove attachment"), this, [this, attachment] { Q_EMIT removeAttachmentRequested(attachment); });
    }
    if (!menu.isEmpty()) menu.exec(event->globalPos());
}

}  // namespace ace
