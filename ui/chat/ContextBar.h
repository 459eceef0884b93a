#pragma once
// The strip above the message box that shows what the next request (ACE's long-context condition
// unit) will carry: the earlier turns in its history (as chips: the turn's first input image and
// number, up to the history length, oldest first; turns still queued or running are drawn with a
// dashed edge, as they join once they succeed) and the images of the turn itself with the
// name the instruction uses for each ({image}, {image1}, ...). Click a history chip to find the
// turn in the conversation; an attachment's × (or Delete when it has the focus) removes it.
// Arrow keys move between chips when the bar has the keyboard focus.
#include <QImage>
#include <QList>
#include <QWidget>

namespace ace {

class ContextBar final : public QWidget {
    Q_OBJECT
public:
    struct HistoryItem {
        int turnId = 0;
        QImage image;  // the turn's first input image (the one the history carries)
        QString instruction;
        bool pending = false;  // queued or running: it joins the context once it succeeds
    };
    struct ImageItem {
        QString label;   // "{image}", "{image1}", ...
        QString source;  // "canvas", "canvas + mask", a file name
        QImage image;    // with the mask drawn in, if any
        int attachment = -1;  // index among the attachments (removable), -1 for the canvas
    };

    explicit ContextBar(QWidget* parent = nullptr);

    // `applies`: whether the next turn takes history at all (the reference pairs it with
    // single-image turns only); when not, the chips are shown struck through with the reason.
    void setHistory(const QList<HistoryItem>& items, int historyLength, bool applies);
    void setImages(const QList<ImageItem>& items);

    QList<int> historyTurns() const;  // pending ones included
    QList<int> pendingTurns() const;
    int historyLength() const { return m_historyLength; }
    bool historyApplies() const { return m_applies; }
    QStringList imageLabels() const;
    QStringList imageSources() const;
    // The one-line summary at the start of the history row ("History 2 of 5", ...).
    QString historySummary() const;
    // Rectangles in widget coordinates, for tests and tooltips (empty when there is no such chip).
    QRect historyChipRect(int i) const;
    QRect imageChipRect(int i) const;
    QRect removeButtonRect(int i) const;  // the × of image chip i (attachments only)

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void historyTurnClicked(int turnId);
    void removeAttachmentRequested(int attachment);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Chip {
        bool history;
        int index;
        QRect rect;
    };
    struct Layout {
        QRect historyCaption, imagesCaption, summary;
        QList<Chip> chips;
        int chipLeft = 0;  // where the chips (or the row's note) start
        int height = 0;
    };
    Layout layoutFor(int width) const;
    void relayout();
    int chipAt(const QPoint& pos) const;
    QString chipToolTip(const Chip& chip) const;
    void activateChip(int chip);
    QRect removeRectOf(const QRect& chipRect) const;

    QList<HistoryItem> m_history;
    QList<ImageItem> m_images;
    QList<QImage> m_historyThumbs, m_imageThumbs;
    int m_historyLength = 5;
    bool m_applies = true;
    Layout m_layout;
    int m_hoverChip = -1;
    bool m_hoverRemove = false;
    int m_focusChip = -1;
};

}  // namespace ace
