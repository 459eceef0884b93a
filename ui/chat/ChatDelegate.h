#pragma once
// Draws the chat's rows: the user's messages as bubbles on the right (task, instruction, the
// images with their {imageN} names and masks, a bar when the turn is in the next request's
// context), results on the left (thumbnail, seed, steps and time; progress while running; the
// error when it failed).
#include <QStyledItemDelegate>

namespace ace {

class ChatDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static constexpr int kThumbHeight = 72;
    static constexpr int kResultMax = 220;
};

}  // namespace ace
