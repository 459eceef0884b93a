#pragma once
// The chat dock: the conversation (ChatModel + ChatDelegate in a list view, each turn with its
// action buttons), the task selector, what the next turn carries (ContextBar: the earlier turns in
// its history, which image each {imageN} is), the message box and Attach / Cancel / Send.
// The actions also sit in each row's context menu and on keys acting on the current turn
// (Enter: use as canvas, Ctrl+R: regenerate, Ctrl+C: copy, F2: edit and resend, Delete: take out
// of or put back into the context).
#include <QWidget>

#include "ChatDelegate.h"
#include "ChatModel.h"

class QCheckBox;
class QComboBox;
class QListView;
class QMenu;
class QPushButton;

namespace ace {

class ChatInput;
class ContextBar;

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
    ContextBar* contextBar() const { return m_contextBar; }
    ChatDelegate* delegate() const { return m_delegate; }

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
    // The earlier turns the next request carries (oldest first) and the history length setting.
    void setContext(const QList<int>& turnIds, int historyLength);
    QList<int> contextTurns() const { return m_contextTurns; }
    // The actions for a row (named actionUseAsCanvas, actionRegenerate, actionCopyResult,
    // actionSaveResult, actionEditResend, actionToggleContext); the caller owns the menu.
    QMenu* createContextMenu(const QModelIndex& index);
    // Where the delegate draws `action`'s button for `index`, in the view's viewport coordinates
    // (empty when the row shows no such button).
    QRect actionButtonRect(const QModelIndex& index, ChatAction action) const;
    // Runs an action on a turn, as its button, menu entry or key does.
    void triggerAction(ChatAction action, int turnId);
    // Puts a turn's text, task and attachments back into the input to edit and send again.
    void editTurn(int turnId);
    // Scrolls the conversation to a turn and makes it current.
    void showTurn(int turnId);

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
    void refreshHistory();
    void createKeyActions();
    void copyResult(int turnId);
    void saveResult(int turnId);

    ChatModel* m_model;
    QListView* m_view;
    ChatDelegate* m_delegate;
    ContextBar* m_contextBar;
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
    QList<int> m_contextTurns;
    int m_historyLength = 5;
};

}  // namespace ace
