#include "ChatDelegate.h"

#include <QApplication>
#include <QPainter>

#include "ChatModel.h"

namespace ace {
namespace {

constexpr int kPad = 8;
constexpr int kGap = 6;
constexpr int kLabelH = 16;

struct RowLayout {
    QRect bubble;
    QRect header;
    QRect text;
    QList<QRect> thumbs;
    QRect result;
    QRect footer;
    QRect progress;
};

QString statusText(const QModelIndex& index) {
    switch (static_cast<TurnStatus>(index.data(ChatModel::StatusRole).toInt())) {
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
    const int maxWidth = std::max(120, option.rect.width() * 85 / 100);
    const int inner = maxWidth - 2 * kPad;
    const bool user = index.data(ChatModel::KindRole).toInt() == ChatModel::UserRow;
    int y = kPad;
    int width = 0;
    l.header = QRect(kPad, y, inner, fm.height());
    y += fm.height() + 2;
    if (user) {
        width = std::max(width, fm.horizontalAdvance(ChatDelegate::tr("You")) + 160);
        const QString text = index.data(ChatModel::InstructionRole).toString();
        const QRect textRect = fm.boundingRect(QRect(0, 0, inner, 100000), Qt::TextWordWrap, text);
        l.text = QRect(kPad, y, inner, textRect.height());
        width = std::max(width, textRect.width());
        y += textRect.height();
        const auto thumbs = index.data(ChatModel::ThumbnailsRole).value<QList<QImage>>();
        int x = kPad;
        if (!thumbs.isEmpty()) y += kGap;
        for (const QImage& t : thumbs) {
            const int w = t.isNull() ? ChatDelegate::kThumbHeight
                                     : std::max(24, t.width() * ChatDelegate::kThumbHeight / std::max(1, t.height()));
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
            const QSize s = result.size().scaled(ChatDelegate::kResultMax, ChatDelegate::kResultMax, Qt::KeepAspectRatio);
            l.result = QRect(kPad, y, s.width(), s.height());
            y += s.height() + kGap;
            width = std::max(width, s.width());
        }
        const auto status = static_cast<TurnStatus>(index.data(ChatModel::StatusRole).toInt());
        const QRect footer = fm.boundingRect(QRect(0, 0, inner, 100000), Qt::TextWordWrap, statusText(index));
        l.footer = QRect(kPad, y, inner, footer.height());
        width = std::max({width, footer.width(), 200});
        y += footer.height();
        if (status == TurnStatus::Running) {
            l.progress = QRect(kPad, y + 4, std::min(inner, 220), 6);
            y += 10;
        }
    }
    y += kPad;
    width = std::min(inner, width) + 2 * kPad;
    l.bubble = QRect(0, 0, width, y);
    for (QRect* r : {&l.header, &l.text, &l.footer, &l.progress}) r->setWidth(std::min(r->width(), width - 2 * kPad));
    // Users' turns sit on the right, results on the left.
    const int left = user ? option.rect.right() - 12 - width : option.rect.left() + 12;
    const QPoint offset(left, option.rect.top() + 4);
    l.bubble.translate(offset);
    l.header.translate(offset);
    l.text.translate(offset);
    l.result.translate(offset);
    l.footer.translate(offset);
    l.progress.translate(offset);
    for (QRect& t : l.thumbs) t.translate(offset);
    return l;
}

}  // namespace

QSize ChatDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const RowLayout l = layoutRow(option, index);
    return {option.rect.width(), l.bubble.height() + 8};
}

void ChatDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const RowLayout l = layoutRow(option, index);
    const bool user = index.data(ChatModel::KindRole).toInt() == ChatModel::UserRow;
    const QPalette& pal = option.palette;
    const bool excluded = index.data(ChatModel::ExcludedRole).toBool();
    const bool inContext = index.data(ChatModel::InNextContextRole).toBool();
    const auto status = static_cast<TurnStatus>(index.data(ChatModel::StatusRole).toInt());
    const bool selected = option.state & QStyle::State_Selected;

    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    QColor fill = user ? pal.color(QPalette::Highlight).lighter(185) : pal.color(QPalette::AlternateBase);
    if (user && pal.color(QPalette::Window).lightness() < 128) fill = pal.color(QPalette::Highlight).darker(220);
    if (excluded) fill.setAlpha(110);
    p->setPen(selected ? QPen(pal.color(QPalette::Highlight), 2) : QPen(pal.color(QPalette::Mid), 1));
    p->setBrush(fill);
    p->drawRoundedRect(l.bubble, 10, 10);
    if (user && inContext) {
        // The bar says "the next request carries this turn".
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(40, 160, 90));
        p->drawRoundedRect(QRect(l.bubble.left() - 7, l.bubble.top() + 4, 4, l.bubble.height() - 8), 2, 2);
    }

    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QColor textColor = pal.color(QPalette::Text);
    QColor dim = textColor;
    dim.setAlpha(150);
    p->setFont(small);
    p->setPen(dim);
    QString header;
    if (user) {
        header = tr("You · %1").arg(index.data(ChatModel::TaskRole).toString());
        if (excluded) header += tr(" · not in context");
        else if (inContext) header += tr(" · in context");
    } else {
        header = tr("ACE");
    }
    p->drawText(l.header, Qt::AlignLeft | Qt::AlignVCenter, header);

    p->setFont(option.font);
    if (user) {
        p->setPen(excluded ? dim : textColor);
        p->drawText(l.text, Qt::TextWordWrap, index.data(ChatModel::InstructionRole).toString());
        const auto thumbs = index.data(ChatModel::ThumbnailsRole).value<QList<QImage>>();
        const QStringList labels = index.data(ChatModel::ImageLabelsRole).toStringList();
        p->setFont(small);
        for (int i = 0; i < l.thumbs.size() && i < thumbs.size(); ++i) {
            p->drawImage(l.thumbs[i], thumbs[i]);
            p->setPen(dim);
            p->setBrush(Qt::NoBrush);
            p->drawRect(l.thumbs[i]);
            p->setPen(QColor(30, 110, 200));
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
        p->setPen(status == TurnStatus::Failed ? QColor(200, 40, 40) : (status == TurnStatus::Done ? dim : textColor));
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
    p->restore();
}

}  // namespace ace
