#pragma once
// Draws the chat's rows: the user's messages as bubbles on the right (turn number, task,
// instruction, the images with their {imageN} names and masks, a bar when the turn is in the next
// request's context), results on the left (thumbnail, seed, steps and time; progress while
// running; the error when it failed). Under each bubble a row of small buttons holds its actions
// (results: use as canvas, regenerate, copy, save as; messages: edit and resend, take out of or
// put back into the context). The buttons are hit-tested here (editorEvent), highlight under the
// mouse and explain themselves in tooltips; turns left out of the context are drawn dimmed. From
// the keyboard, Tab walks the current row's usable buttons (the view asks; see keyboardButton) and
// the focused one is drawn with a focus ring.
#include <QKeySequence>
#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

namespace ace {

enum class ChatAction { UseAsCanvas, Regenerate, Copy, SaveAs, EditResend, ToggleContext };

class ChatDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    struct Button {
        ChatAction action;
        QRect rect;  // in the view's viewport coordinates
    };

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The actions a row offers as buttons, in drawing order (results: the four result actions once
    // done, "run again" after a failure or cancel; messages: edit, and the context toggle unless it
    // re-runs another turn), and whether each is usable now.
    static QList<ChatAction> rowActions(const QModelIndex& index);
    static bool isAvailable(ChatAction action, const QModelIndex& index);
    // The button's text for menus and tooltips, which depends on the row's state.
    static QString actionText(ChatAction action, const QModelIndex& index);
    // The key that runs the action on the chat's current turn (empty: none; the menu has it).
    static QKeySequence actionShortcut(ChatAction action);
    // The buttons drawn for `index` laid out in `option.rect`.
    QList<Button> buttons(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    // Forgets the button under the mouse (the view calls it when the mouse leaves the rows).
    void clearHover(QAbstractItemView* view);

    // The button of `index` the keyboard is on (an index into buttons(); -1: the row itself), and
    // moving it. The view keeps it on its current row.
    int keyboardButton(const QModelIndex& index) const;
    void setKeyboardButton(QAbstractItemView* view, const QModelIndex& index, int button);
    // Runs `index`'s button `button` as a click would, when its action is usable now.
    void trigger(const QModelIndex& index, int button);

    static constexpr int kThumbHeight = 72;
    static constexpr int kResultMax = 220;
    static constexpr int kButtonSize = 28;

Q_SIGNALS:
    void actionTriggered(ace::ChatAction action, int turnId);

protected:
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

private:
    void setHover(const QModelIndex& index, int button, QWidget* view);

    QPersistentModelIndex m_hoverIndex;
    int m_hoverButton = -1;  // index into buttons(), -1: none
    QPersistentModelIndex m_pressIndex;
    int m_pressButton = -1;
    QPersistentModelIndex m_keyboardIndex;
    int m_keyboardButton = -1;
};

}  // namespace ace

Q_DECLARE_METATYPE(ace::ChatAction)
