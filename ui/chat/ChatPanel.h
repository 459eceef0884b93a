#pragma once
// The chat dock: the conversation (ChatModel + ChatDelegate in a list view), what the next turn
// carries (earlier turns in its context, which image each {imageN} is), the task selector, the
// attachments, the message box and Send / Cancel. Right-click a turn for its actions.
#include <QWidget>

#include "ChatModel.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QListView;
class QListWidget;
class QMenu;
class QPushButton;

namespace ace {

class ChatInput;

class ChatPanel final : public QWidget {
    Q_OBJECT
public:
    explicit ChatPanel(ChatModel* model, QWidget* parent = nullptr);

    ChatInput* input() const { return m_input; }
    QListView* view() const { return m_view; }
    QComboBox* taskBox() const { return m_task; }
    QPushButton* sendButton() const { return m_send; }
    QPushButton* cancelButton() const { return m_cancel; }
    QCheckBox* pasteBackBox() const { return m_pasteBack; }
    QListWidget* imageStrip() const { return m_strip; }
    QLabel* contextLabel() const { return m_contextLabel; }

    TaskKind task() const;
    void setTask(TaskKind task);
    const QList<ChatImage>& attachments() const { return m_attachments; }
    void addAttachments(const QList<QImage>& images, const QStringList& names);
    void removeAttachment(int index);
    void clearAttachments();
    // The canvas image as the next turn's {image} (null: no canvas image); `source` says what it
    // is (the layer the next turn uses, or the flattened image), "canvas" when empty.
    void setCanvasImage(const QImage& image, const QImage& maskOrNull, const QString& source = QString());
    QString canvasSource() const { return m_canvasSource; }
    void setBusy(bool busy);
    void setContext(const QList<int>& turnIds, int historyLength);
    // The actions for a row (named actionUseAsCanvas, actionRegenerate, actionCopyResult,
    // actionSaveResult, actionEditResend, actionToggleContext); the caller owns the menu.
    QMenu* createContextMenu(const QModelIndex& index);
    // Puts a turn's text, task and attachments back into the input to edit and send again.
    void editTurn(int turnId);

public Q_SLOTS:
    void send();
    void attachFromDialog();

Q_SIGNALS:
    void sendRequested(const ace::SendRequest& request);
    void cancelRequested();
    void useAsCanvasRequested(int turnId);
    void regenerateRequested(int turnId);
    void excludeRequested(int turnId, bool excluded);

private:
    void refreshImageMapping();
    void saveResult(int turnId);

    ChatModel* m_model;
    QLabel* m_contextLabel;
    QListView* m_view;
    QListWidget* m_strip;
    QComboBox* m_task;
    QCheckBox* m_pasteBack;
    QPushButton* m_attach;
    QPushButton* m_send;
    QPushButton* m_cancel;
    ChatInput* m_input;
    QList<ChatImage> m_attachments;
    QImage m_canvasImage;
    QImage m_canvasMask;
    QString m_canvasSource;
};

}  // namespace ace
