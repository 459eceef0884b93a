#include "ChatDelegate.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include "ChatModel.h"
#include "ChatStyle.h"
#include "Glyphs.h"

namespace ace {
namespace {

using chatstyle::contextGreen;
using chatstyle::smallFont;

constexpr int kPad = 10;
constexpr int kGap = 6;
constexpr int kLabelH = 16;
constexpr int kSide = 14;         // distance of a bubble from the view's edge
constexpr int kRowSpacing = 10;   // below each row
constexpr int kButtonGap = 2;     // between two buttons
constexpr int kButtonsTop = 3;    // between a bubble and its buttons
constexpr double kExcludedOpacity = 0.42;

struct RowLayout {
    QRect bubble;
    QRect header;
    QRect text;
    QList<QRect> thumbs;
    QRect result;
    QRect footer;
    QRect progress;
    QList<ChatDelegate::Button> buttons;
};

bool isUserRow(const QModelIndex& index) { return index.data(ChatModel::KindRole).toInt() == ChatModel::UserRow; }
TurnStatus statusOf(const QModelIndex& index) { return static_cast<TurnStatus>(index.data(ChatModel::StatusRole).toInt()); }

QString headerText(const QModelIndex& index) {
    const int id = index.data(ChatModel::TurnIdRole).toInt();
    if (!isUserRow(index)) return ChatDelegate::tr("ACE · #%1").arg(id);
    const int original = index.data(ChatModel::RegenerationOfRole).toInt();
    if (original != 0) return ChatDelegate::tr("You · #%1 · #%2 with a new seed").arg(id).arg(original);
    QString header = ChatDelegate::tr("You · #%1 · %2").arg(id).arg(index.data(ChatModel::TaskRole).toString());
    if (index.data(ChatModel::ExcludedRole).toBool()) header += ChatDelegate::tr(" · left out of the context");
    else if (index.data(ChatModel::InNextContextRole).toBool()) header += ChatDelegate::tr(" · in the context");
    return header;
}

QString statusText(const QModelIndex& index) {
    switch (statusOf(index)) {
    case TurnStatus::Queued: return ChatDelegate::tr("Queued: waits for the turn before it");
    case TurnStatus::Running: {
        const int step = index.data(ChatModel::StepRole).toInt(), total = index.data(ChatModel::TotalStepsRole).toInt();
        return total > 0 ? ChatDelegate::tr("Running: step %1 of %2").arg(step).arg(total) : ChatDelegate::tr("Starting…");
    }
    case TurnStatus::Done:
        return ChatDelegate::tr("seed %1 · %2 steps · %3 s")
            .arg(index.data(ChatModel::SeedRole).toLongLong())
            .arg(index.data(ChatModel::StepsRole).toInt())
            .arg(index.data(ChatModel::SecondsRole).toDouble(), 0, 'f', 1);
    case TurnStatus::Failed: return index.data(ChatModel::ErrorRole).toString();
    case TurnStatus::Cancelled: return ChatDelegate::tr("Cancelled: the canvas was left as it was");
    }
    return {};
}

RowLayout layoutRow(const QStyleOptionViewItem& option, const QModelIndex& index) {
    RowLayout l;
    const QFontMetrics fm(option.font);
    const QFontMetrics smallFm(smallFont(option.font));
    const int maxWidth = std::max(160, option.rect.width() - 2 * kSide - 24);
    const int inner = maxWidth - 2 * kPad;
    const bool user = isUserRow(index);
    int y = kPad;
    const QString header = headerText(index);
    // Measured widths get a little slack: a wrapped text that measures exactly its advance can
    // still break its last word onto a line the rectangle has no room for.
    constexpr int kSlack = 3;
    int width = std::min(inner, smallFm.horizontalAdvance(header) + kSlack);
    const QRect headerBox = smallFm.boundingRect(QRect(0, 0, inner, 100000), Qt::TextWordWrap, header);
    l.header = QRect(kPad, y, inner, headerBox.height());
    y += headerBox.height() + 3;
    if (user) {
        const QString text = index.data(ChatModel::InstructionRole).toString();
        const QRect textRect = fm.boundingRect(QRect(0, 0, inner, 100000), Qt::TextWordWrap, text);
        l.text = QRect(kPad, y, inner, textRect.height());
        width = std::max(width, textRect.width() + kSlack);
        y += textRect.height();
        const auto thumbs = index.data(ChatModel::ThumbnailsRole).value<QList<QImage>>();
        int x = kPad;
        if (!thumbs.isEmpty()) y += kGap;
        for (const QImage& t : thumbs) {
            const int w = t.isNull() ? ChatDelegate::kThumbHeight
                                     : std::clamp(t.width() * ChatDelegate::kThumbHeight / std::max(1, t.height()), 24,
                                                  inner);
            if (x + w > kPad + inner && x > kPad) {
                x = kPad;
                y += ChatDelegate::kThumbHeight + kLabelH + kGap;
            }
            l.thumbs << QRect(x, y, w, ChatDelegate::kThumbHeight);
            x += w + kGap;
            width = std::max(width, x - kGap - kPad);
        }
        if (!thumbs.isEmpty()) y += ChatDelegate::kThumbHeight + kLabelH;
    } else {
        const QImage result = index.data(ChatModel::ResultImageRole).value<QImage>();
        if (!result.isNull()) {
            const int side = std::min(ChatDelegate::kResultMax, inner);
            const QSize s = result.size().scaled(side, side, Qt::KeepAspectRatio);
            l.result = QRect(kPad, y, s.width(), s.height());
            y += s.height() + kGap;
            width = std::max(width, s.width());
        }
        const TurnStatus status = statusOf(index);
        const QFontMetrics& footerFm = status == TurnStatus::Done ? smallFm : fm;
        const QRect footer = footerFm.boundingRect(QRect(0, 0, inner, 100000), Qt::TextWordWrap, statusText(index));
        l.footer = QRect(kPad, y, inner, footer.height());
        width = std::max({width, footer.width() + kSlack, std::min(inner, 200)});
        y += footer.height();
        if (status == TurnStatus::Running) {
            l.progress = QRect(kPad, y + 5, std::min(inner, 220), 6);
            y += 12;
        }
    }
    y += kPad;
    width = std::min(inner, width) + 2 * kPad;
    l.bubble = QRect(0, 0, width, y);
    for (QRect* r : {&l.header, &l.text, &l.footer, &l.progress}) r->setWidth(std::min(r->width(), width - 2 * kPad));
    // Users' turns sit on the right, results on the left; their buttons under them on the same side.
    const int left = user ? option.rect.right() - kSide - width : option.rect.left() + kSide;
    const QPoint offset(left, option.rect.top() + 4);
    for (QRect* r : {&l.bubble, &l.header, &l.text, &l.result, &l.footer, &l.progress}) r->translate(offset);
    for (QRect& t : l.thumbs) t.translate(offset);

    const QList<ChatAction> actions = ChatDelegate::rowActions(index);
    // A lone button (run a failed or cancelled turn again) says what it does in words too.
    const bool labelled = actions.size() == 1 && actions.front() == ChatAction::Regenerate;
    const int labelledWidth =
        labelled ? ChatDelegate::kButtonSize + smallFm.horizontalAdvance(ChatDelegate::actionText(actions.front(), index)) + 8
                 : 0;
    const int stripWidth = labelled ? labelledWidth
                                    : static_cast<int>(actions.size()) * (ChatDelegate::kButtonSize + kButtonGap) - kButtonGap;
    int x = user ? l.bubble.right() + 1 - stripWidth : l.bubble.left();
    const int top = l.bubble.bottom() + 1 + kButtonsTop;
    for (ChatAction a : actions) {
        const int w = labelled ? labelledWidth : ChatDelegate::kButtonSize;
        l.buttons << ChatDelegate::Button{a, QRect(x, top, w, ChatDelegate::kButtonSize)};
        x += w + kButtonGap;
    }
    return l;
}

Glyph glyphFor(ChatAction action, const QModelIndex& index) {
    switch (action) {
    case ChatAction::UseAsCanvas: return Glyph::UseAsCanvas;
    case ChatAction::Regenerate: return Glyph::Regenerate;
    case ChatAction::Copy: return Glyph::Copy;
    case ChatAction::SaveAs: return Glyph::Save;
    case ChatAction::EditResend: return Glyph::Edit;
    case ChatAction::ToggleContext: return index.data(ChatModel::ExcludedRole).toBool() ? Glyph::EyeOff : Glyph::Eye;
    }
    return Glyph::Remove;
}

int hitButton(const QList<ChatDelegate::Button>& buttons, const QPoint& pos) {
    for (int i = 0; i < buttons.size(); ++i)
        if (buttons[i].rect.contains(pos)) return i;
    return -1;
}

// The text of the button the keyboard is on ("" on the row) as the view's accessible description.
// The buttons are drawn, not widgets, so assistive technology learns of the focused one this way:
// setAccessibleDescription sends DescriptionChanged, which screen readers read out on the focused
// widget.
void announceKeyboardButton(QAbstractItemView* view, const QString& text) {
    if (view->accessibleDescription() != text) view->setAccessibleDescription(text);
}

}  // namespace

QList<ChatAction> ChatDelegate::rowActions(const QModelIndex& index) {
    if (!index.isValid()) return {};
    if (isUserRow(index)) {
        if (index.data(ChatModel::RegenerationOfRole).toInt() != 0) return {ChatAction::EditResend};
        return {ChatAction::EditResend, ChatAction::ToggleContext};
    }
    switch (statusOf(index)) {
    case TurnStatus::Done:
        if (index.data(ChatModel::ResultImageRole).value<QImage>().isNull()) return {ChatAction::Regenerate};
        return {ChatAction::UseAsCanvas, ChatAction::Regenerate, ChatAction::Copy, ChatAction::SaveAs};
    case TurnStatus::Failed:
    case TurnStatus::Cancelled:
        // A turn that never reached the worker has nothing to run again; edit and resend it instead.
        if (index.data(ChatModel::StartedRole).toBool()) return {ChatAction::Regenerate};
        return {};
    case TurnStatus::Queued:
    case TurnStatus::Running: return {};
    }
    return {};
}

bool ChatDelegate::isAvailable(ChatAction action, const QModelIndex& index) {
    if (!index.isValid()) return false;
    const TurnStatus status = statusOf(index);
    const bool done = status == TurnStatus::Done && !index.data(ChatModel::ResultImageRole).value<QImage>().isNull();
    switch (action) {
    case ChatAction::UseAsCanvas:
    case ChatAction::Copy:
    case ChatAction::SaveAs: return done;
    case ChatAction::Regenerate:
        return status != TurnStatus::Queued && status != TurnStatus::Running && index.data(ChatModel::StartedRole).toBool();
    case ChatAction::EditResend: return true;
    case ChatAction::ToggleContext: return index.data(ChatModel::RegenerationOfRole).toInt() == 0;
    }
    return false;
}

QString ChatDelegate::actionText(ChatAction action, const QModelIndex& index) {
    switch (action) {
    case ChatAction::UseAsCanvas: return tr("Use as canvas image");
    case ChatAction::Regenerate:
        return statusOf(index) == TurnStatus::Done ? tr("Regenerate with a new seed") : tr("Run again with a new seed");
    case ChatAction::Copy: return tr("Copy image");
    case ChatAction::SaveAs: return tr("Save image as…");
    case ChatAction::EditResend: return tr("Edit and resend");
    case ChatAction::ToggleContext:
        return index.data(ChatModel::ExcludedRole).toBool() ? tr("Put back into the context") : tr("Remove from the context");
    }
    return {};
}

QList<ChatDelegate::Button> ChatDelegate::buttons(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    return layoutRow(option, index).buttons;
}

QSize ChatDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const RowLayout l = layoutRow(option, index);
    const int bottom = l.buttons.isEmpty() ? l.bubble.bottom() : l.buttons.first().rect.bottom();
    return {option.rect.width(), bottom + 1 - option.rect.top() + kRowSpacing};
}

void ChatDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const RowLayout l = layoutRow(option, index);
    const bool user = isUserRow(index);
    const QPalette& pal = option.palette;
    const bool excluded = index.data(ChatModel::ExcludedRole).toBool();
    const bool inContext = index.data(ChatModel::InNextContextRole).toBool();
    const TurnStatus status = statusOf(index);
    const bool selected = option.state & QStyle::State_Selected;
    const bool dark = pal.color(QPalette::Base).lightness() < 128;

    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    // A turn left out of the context fades, buttons excepted: putting it back is one click away.
    if (excluded) p->setOpacity(kExcludedOpacity);
    QColor fill = user ? pal.color(QPalette::Highlight).lighter(185) : pal.color(QPalette::AlternateBase);
    if (user && dark) fill = pal.color(QPalette::Highlight).darker(220);
    if (!user && fill == pal.color(QPalette::Base)) fill = pal.color(QPalette::Window);
    p->setPen(selected ? QPen(pal.color(QPalette::Highlight), 2) : QPen(pal.color(QPalette::Mid), 1));
    p->setBrush(fill);
    p->drawRoundedRect(QRectF(l.bubble).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);
    if (user && inContext) {
        // The bar says "the next request carries this turn", as the context bar's chips do.
        p->setPen(Qt::NoPen);
        p->setBrush(contextGreen());
        p->drawRoundedRect(QRect(l.bubble.left() - 8, l.bubble.top() + 4, 4, l.bubble.height() - 8), 2, 2);
    }

    const QFont small = smallFont(option.font);
    const QColor textColor = pal.color(QPalette::Text);
    QColor dim = textColor;
    dim.setAlpha(165);
    p->setFont(small);
    p->setPen(dim);
    p->drawText(l.header, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, headerText(index));

    p->setFont(option.font);
    if (user) {
        p->setPen(textColor);
        p->drawText(l.text, Qt::TextWordWrap, index.data(ChatModel::InstructionRole).toString());
        const auto thumbs = index.data(ChatModel::ThumbnailsRole).value<QList<QImage>>();
        const QStringList labels = index.data(ChatModel::ImageLabelsRole).toStringList();
        p->setFont(small);
        p->setRenderHint(QPainter::SmoothPixmapTransform);
        const QColor labelColor = chatstyle::imageLabelColor(dark);
        for (int i = 0; i < l.thumbs.size() && i < thumbs.size(); ++i) {
            p->drawImage(l.thumbs[i], thumbs[i]);
            p->setPen(dim);
            p->setBrush(Qt::NoBrush);
            p->drawRect(QRectF(l.thumbs[i]).adjusted(0.5, 0.5, -0.5, -0.5));
            p->setPen(labelColor);
            if (i < labels.size())
                p->drawText(QRect(l.thumbs[i].left(), l.thumbs[i].bottom() + 1, std::max(l.thumbs[i].width(), 60), kLabelH),
                            Qt::AlignLeft | Qt::AlignVCenter, labels[i]);
        }
    } else {
        const QImage result = index.data(ChatModel::ResultImageRole).value<QImage>();
        if (!result.isNull()) {
            p->setRenderHint(QPainter::SmoothPixmapTransform);
            p->drawImage(l.result, result);
        }
        p->setFont(status == TurnStatus::Done ? small : option.font);
        const QColor error = dark ? QColor(255, 120, 110) : QColor(190, 30, 30);
        p->setPen(status == TurnStatus::Failed ? error : (status == TurnStatus::Done ? dim : textColor));
        p->drawText(l.footer, Qt::TextWordWrap, statusText(index));
        if (!l.progress.isNull()) {
            const int step = index.data(ChatModel::StepRole).toInt();
            const int total = std::max(1, index.data(ChatModel::TotalStepsRole).toInt());
            p->setPen(Qt::NoPen);
            p->setBrush(pal.color(QPalette::Mid));
            p->drawRoundedRect(l.progress, 3, 3);
            p->setBrush(pal.color(QPalette::Highlight));
            p->drawRoundedRect(QRect(l.progress.topLeft(), QSize(l.progress.width() * step / total, l.progress.height())), 3, 3);
        }
    }

    p->setOpacity(1.0);
    const bool hoverRow = (option.state & QStyle::State_MouseOver) && m_hoverIndex == index;
    const bool keyboardRow = (option.state & QStyle::State_HasFocus) && m_keyboardIndex == index;
    for (int i = 0; i < l.buttons.size(); ++i) {
        const Button& b = l.buttons[i];
        const bool available = isAvailable(b.action, index);
        const bool focused = keyboardRow && m_keyboardButton == i;
        const bool hovered = (hoverRow && m_hoverButton == i && available) || focused;
        const bool pressed = hovered && m_pressIndex == index && m_pressButton == i;
        if (hovered) {
            p->setPen(focused ? QPen(pal.color(QPalette::Highlight), 2) : QPen(pal.color(QPalette::Mid), 1));
            p->setBrush(pressed ? pal.color(QPalette::Mid) : pal.color(QPalette::Button));
            p->drawRoundedRect(QRectF(b.rect).adjusted(1, 1, -1, -1), 6, 6);
        }
        QColor glyph = textColor;
        glyph.setAlphaF(!available ? 0.3 : hovered ? 1.0 : 0.62);
        if (b.action == ChatAction::ToggleContext && !excluded && inContext && !hovered) glyph = contextGreen();
        const QRect icon(b.rect.topLeft(), QSize(kButtonSize, kButtonSize));
        paintGlyph(*p, glyphFor(b.action, index), QRectF(icon).adjusted(6, 6, -6, -6), glyph);
        if (b.rect.width() > kButtonSize) {
            p->setFont(small);
            p->setPen(glyph);
            p->drawText(b.rect.adjusted(kButtonSize - 2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, actionText(b.action, index));
        }
    }
    p->restore();
}

void ChatDelegate::setHover(const QModelIndex& index, int button, QWidget* view) {
    if (m_hoverIndex == index && m_hoverButton == button) return;
    auto* itemView = qobject_cast<QAbstractItemView*>(view);
    if (itemView && m_hoverIndex.isValid()) itemView->update(m_hoverIndex);
    m_hoverIndex = index;
    m_hoverButton = button;
    if (!itemView) return;
    if (index.isValid()) itemView->update(index);
    // A hand over the buttons says they are clickable.
    if (button >= 0) itemView->viewport()->setCursor(Qt::PointingHandCursor);
    else itemView->viewport()->unsetCursor();
}

void ChatDelegate::clearHover(QAbstractItemView* view) { setHover(QModelIndex(), -1, view); }

int ChatDelegate::keyboardButton(const QModelIndex& index) const {
    return index.isValid() && m_keyboardIndex == index ? m_keyboardButton : -1;
}

void ChatDelegate::setKeyboardButton(QAbstractItemView* view, const QModelIndex& index, int button) {
    if (m_keyboardIndex.isValid()) view->update(m_keyboardIndex);
    m_keyboardIndex = button >= 0 ? QPersistentModelIndex(index) : QPersistentModelIndex();
    m_keyboardButton = button >= 0 ? button : -1;
    if (button < 0) {
        QToolTip::hideText();
        announceKeyboardButton(view, QString());
        return;
    }
    view->update(index);
    // What the focused button does, where a mouse user would read it.
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.rect = view->visualRect(index);
    option.font = view->font();
    option.widget = view;
    const QList<Button> bs = buttons(option, index);
    if (button >= bs.size()) return;
    QString text = actionText(bs[button].action, index);
    const QKeySequence keys = actionShortcut(bs[button].action);
    if (!keys.isEmpty()) text += QStringLiteral(" (%1)").arg(keys.toString(QKeySequence::NativeText));
    QToolTip::showText(view->viewport()->mapToGlobal(bs[button].rect.bottomLeft()), text, view->viewport(), bs[button].rect);
    announceKeyboardButton(view, text);
}

void ChatDelegate::trigger(const QModelIndex& index, int button) {
    const QList<ChatAction> actions = rowActions(index);
    if (button < 0 || button >= actions.size() || !isAvailable(actions[button], index)) return;
    Q_EMIT actionTriggered(actions[button], index.data(ChatModel::TurnIdRole).toInt());
}

bool ChatDelegate::editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                               const QModelIndex& index) {
    switch (event->type()) {
    case QEvent::MouseMove: {
        const auto* e = static_cast<QMouseEvent*>(event);
        setHover(index, hitButton(buttons(option, index), e->position().toPoint()), const_cast<QWidget*>(option.widget));
        return false;
    }
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick: {
        const auto* e = static_cast<QMouseEvent*>(event);
        const int hit = hitButton(buttons(option, index), e->position().toPoint());
        if (hit < 0 || e->button() != Qt::LeftButton) return false;
        // Swallowed, so a double click on a button does not also act on the row.
        m_pressIndex = index;
        m_pressButton = hit;
        setHover(index, hit, const_cast<QWidget*>(option.widget));
        if (auto* view = qobject_cast<QAbstractItemView*>(const_cast<QWidget*>(option.widget))) view->update(index);
        return true;
    }
    case QEvent::MouseButtonRelease: {
        const auto* e = static_cast<QMouseEvent*>(event);
        if (m_pressButton < 0) return false;
        const QList<Button> bs = buttons(option, index);
        const int hit = hitButton(bs, e->position().toPoint());
        const bool same = m_pressIndex == index && hit == m_pressButton;
        m_pressIndex = QPersistentModelIndex();
        m_pressButton = -1;
        if (auto* view = qobject_cast<QAbstractItemView*>(const_cast<QWidget*>(option.widget))) view->update(index);
        if (same && isAvailable(bs[hit].action, index))
            Q_EMIT actionTriggered(bs[hit].action, index.data(ChatModel::TurnIdRole).toInt());
        return true;
    }
    default: break;
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool ChatDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                             const QModelIndex& index) {
    if (event && event->type() == QEvent::ToolTip) {
        const QList<Button> bs = buttons(option, index);
        const int hit = hitButton(bs, event->pos());
        if (hit >= 0) {
            QString text = actionText(bs[hit].action, index);
            const QKeySequence keys = actionShortcut(bs[hit].action);
            if (!keys.isEmpty()) text += QStringLiteral(" (%1)").arg(keys.toString(QKeySequence::NativeText));
            QToolTip::showText(event->globalPos(), text, view->viewport(), bs[hit].rect);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

QKeySequence ChatDelegate::actionShortcut(ChatAction action) {
    switch (action) {
    case ChatAction::UseAsCanvas: return QKeySequence(Qt::Key_Return);
    case ChatAction::Regenerate: return QKeySequence(Qt::CTRL | Qt::Key_R);
    case ChatAction::Copy: return QKeySequence(QKeySequence::Copy);
    case ChatAction::SaveAs: return {};
    case ChatAction::EditResend: return QKeySequence(Qt::Key_F2);
    case ChatAction::ToggleContext: return QKeySequence(Qt::Key_Delete);
    }
    return {};
}

}  // namespace ace
