#include "ChatPanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImageReader>
#include <QImageWriter>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMouseEvent>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <functional>
#include <memory>

#include "ChatDelegate.h"
#include "ChatInput.h"
#include "ContextBar.h"
#include "Glyphs.h"

namespace ace {
namespace {

// The conversation list; while it is empty it says what will appear in it and how to start.
// Tab and Shift+Tab walk the current row's usable buttons before they leave the list, and Enter
// or Space runs the focused button, so every button is reachable without the mouse.
class ConversationView final : public QListView {
public:
    using QListView::QListView;
    // Asked for a row's menu: by the mouse for the row under it, from the keyboard (Menu key,
    // Shift+F10) for the current row, shown at that row.
    std::function<void(const QModelIndex&, const QPoint& globalPos)> menuRequested;

protected:
    bool focusNextPrevChild(bool next) override {
        ChatDelegate* delegate = chatDelegate();
        const QModelIndex current = currentIndex();
        if (delegate && hasFocus() && current.isValid()) {
            QList<int> usable;  // the buttons Tab stops at, in drawing order
            const QList<ChatAction> actions = ChatDelegate::rowActions(current);
            for (int i = 0; i < actions.size(); ++i)
                if (ChatDelegate::isAvailable(actions[i], current)) usable << i;
            const int at = usable.indexOf(delegate->keyboardButton(current));  // -1: on the row
            const int to = next ? at + 1 : at - 1;
            if ((next && to < usable.size()) || (!next && at >= 0)) {
                delegate->setKeyboardButton(this, current, to >= 0 ? usable[to] : -1);
                return true;
            }
            delegate->setKeyboardButton(this, current, -1);
        }
        return QListView::focusNextPrevChild(next);
    }

    bool event(QEvent* event) override {
        // On a focused button, Enter and Space press it rather than run the row's shortcuts.
        if (event->type() == QEvent::ShortcutOverride && isButtonKey(static_cast<QKeyEvent*>(event)) &&
            focusedButton() >= 0) {
            event->accept();
            return true;
        }
        return QListView::event(event);
    }

    void keyPressEvent(QKeyEvent* event) override {
        if (isButtonKey(event) && focusedButton() >= 0) {
            chatDelegate()->trigger(currentIndex(), focusedButton());
            return;
        }
        QListView::keyPressEvent(event);
    }

    void currentChanged(const QModelIndex& current, const QModelIndex& previous) override {
        if (ChatDelegate* delegate = chatDelegate(); delegate && delegate->keyboardButton(previous) >= 0)
            delegate->setKeyboardButton(this, previous, -1);
        QListView::currentChanged(current, previous);
    }

    void focusOutEvent(QFocusEvent* event) override {
        // A menu or another window keeps the place; anything else starts again from the row.
        if (event->reason() != Qt::PopupFocusReason && event->reason() != Qt::ActiveWindowFocusReason)
            if (ChatDelegate* delegate = chatDelegate()) delegate->setKeyboardButton(this, currentIndex(), -1);
        QListView::focusOutEvent(event);
    }

    bool viewportEvent(QEvent* event) override {
        // The delegate only hears of the mouse over rows: off them, no button is under it.
        auto* delegate = qobject_cast<ChatDelegate*>(itemDelegate());
        if (delegate && (event->type() == QEvent::Leave ||
                         (event->type() == QEvent::MouseMove &&
                          !indexAt(static_cast<QMouseEvent*>(event)->position().toPoint()).isValid())))
            delegate->clearHover(this);
        return QListView::viewportEvent(event);
    }

    ChatDelegate* chatDelegate() const { return qobject_cast<ChatDelegate*>(itemDelegate()); }
    int focusedButton() const {
        const ChatDelegate* delegate = chatDelegate();
        return delegate ? delegate->keyboardButton(currentIndex()) : -1;
    }
    static bool isButtonKey(const QKeyEvent* event) {
        const bool plain = event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier;
        return plain && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space);
    }

    void contextMenuEvent(QContextMenuEvent* event) override {
        const bool mouse = event->reason() == QContextMenuEvent::Mouse;
        const QModelIndex index = mouse ? indexAt(event->pos()) : currentIndex();
        if (!index.isValid() || !menuRequested) return;
        menuRequested(index, mouse ? event->globalPos() : viewport()->mapToGlobal(visualRect(index).center()));
    }

    void paintEvent(QPaintEvent* event) override {
        QListView::paintEvent(event);
        if (!model() || model()->rowCount() > 0) return;
        QPainter p(viewport());
        QColor dim = palette().color(QPalette::Text);
        dim.setAlpha(140);
        p.setPen(dim);
        p.drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                   ChatPanel::tr("Your turns with ACE appear here.\n\n"
                                 "Describe an edit of the canvas image (paint a mask to say where) "
                                 "or a new image, then press Enter."));
    }
};

}  // namespace

ChatPanel::ChatPanel(ChatModel* model, QWidget* parent) : QWidget(parent), m_model(model) {
    setObjectName("chatPanel");
    m_view = new ConversationView(this);
    m_view->setObjectName("chatView");
    m_view->setAccessibleName(tr("Conversation"));
    m_view->setModel(model);
    m_delegate = new ChatDelegate(m_view);
    m_view->setItemDelegate(m_delegate);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setUniformItemSizes(false);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(true);
    m_view->setMouseTracking(true);  // the delegate highlights the button under the mouse
    connect(m_delegate, &ChatDelegate::actionTriggered, this, &ChatPanel::triggerAction);
    static_cast<ConversationView*>(m_view)->menuRequested = [this](const QModelIndex& index, const QPoint& globalPos) {
        std::unique_ptr<QMenu> menu(createContextMenu(index));
        menu->exec(globalPos);
    };
    connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.data(ChatModel::KindRole).toInt() == ChatModel::ResultRow &&
            ChatDelegate::isAvailable(ChatAction::UseAsCanvas, index))
            Q_EMIT useAsCanvasRequested(index.data(ChatModel::TurnIdRole).toInt());
    });
    // Follow the conversation as it grows; the context chips follow the turns' images.
    connect(model, &QAbstractItemModel::rowsInserted, m_view, [this] { m_view->scrollToBottom(); });
    createKeyActions();

    m_contextBar = new ContextBar(this);
    connect(model, &QAbstractItemModel::modelReset, this, &ChatPanel::refreshHistory);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ChatPanel::refreshHistory);
    connect(model, &QAbstractItemModel::dataChanged, this, &ChatPanel::refreshHistory);
    connect(m_contextBar, &ContextBar::historyTurnClicked, this, &ChatPanel::showTurn);
    connect(m_contextBar, &ContextBar::removeAttachmentRequested, this, &ChatPanel::removeAttachment);

    m_task = new QComboBox(this);
    m_task->setObjectName("taskBox");
    m_task->setToolTip(tr("What the turn does; inpainting blanks the masked area before the model sees it, "
                          "text to image ignores the canvas"));
    for (TaskKind t : {TaskKind::Automatic, TaskKind::Inpainting, TaskKind::Outpainting, TaskKind::ReferenceGuided,
                       TaskKind::TryOn, TaskKind::TextToImage, TaskKind::LayerDecouple, TaskKind::LayerFusion})
        m_task->addItem(taskDisplayName(t), static_cast<int>(t));
    m_task->setItemData(m_task->findData(int(TaskKind::LayerDecouple)),
                        tr("Separates the subject of the input layer ({image}) from its background; the result is a new layer"),
                        Qt::ToolTipRole);
    m_task->setItemData(m_task->findData(int(TaskKind::LayerFusion)),
                        tr("Fuses the layer selected in the layer panel ({image1}) into the input layer ({image}); "
                           "the result is a new layer"),
                        Qt::ToolTipRole);
    connect(m_task, &QComboBox::currentIndexChanged, this, &ChatPanel::refreshImageMapping);
    // A layer task starts from its instruction template (the message box keeps what the user typed).
    connect(m_task, &QComboBox::currentIndexChanged, this, [this] {
        const QString text = m_input->toPlainText().trimmed();
        bool isTemplate = text.isEmpty();
        for (int i = 0; i < m_task->count(); ++i)
            if (!taskTemplate(TaskKind(m_task->itemData(i).toInt())).isEmpty() &&
                text == taskTemplate(TaskKind(m_task->itemData(i).toInt())))
                isTemplate = true;
        if (isTemplate) m_input->setPlainText(taskTemplate(task()));
    });

    m_pasteBack = new QCheckBox(tr("Keep unmasked pixels"), this);
    m_pasteBack->setObjectName("pasteBackBox");
    m_pasteBack->setChecked(true);
    m_pasteBack->setToolTip(tr("Paste the pixels outside the mask back from the input, feathered at the edge, "
                               "so repeated edits do not drift"));

    m_attach = new QPushButton(tr("Attach…"), this);
    m_attach->setObjectName("attachButton");
    m_attach->setToolTip(tr("Attach images to the next turn: they become {image1}, {image2}, … after the canvas "
                            "(dropping or pasting them into the message box works too)"));
    connect(m_attach, &QPushButton::clicked, this, &ChatPanel::attachFromDialog);
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName("sendButton");
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send the instruction (Enter)"));
    connect(m_send, &QPushButton::clicked, this, &ChatPanel::send);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName("cancelButton");
    m_cancel->setEnabled(false);
    m_cancel->setToolTip(tr("Stop the running turn (within one step) and drop the queued ones (Esc)"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_cancel, &QPushButton::clicked, this, &ChatPanel::cancelRequested);

    m_input = new ChatInput(this);
    connect(m_input, &ChatInput::sendRequested, this, &ChatPanel::send);
    connect(m_input, &ChatInput::imagesAttached, this, &ChatPanel::addAttachments);

    auto* options = new QHBoxLayout;
    auto* taskLabel = new QLabel(tr("Task"), this);
    taskLabel->setBuddy(m_task);
    options->addWidget(taskLabel);
    options->addWidget(m_task, 1);
    options->addWidget(m_pasteBack);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_attach);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_view, 1);
    layout->addLayout(options);
    layout->addWidget(m_contextBar);
    layout->addWidget(m_input);
    layout->addLayout(buttons);
    m_input->setMinimumHeight(m_input->fontMetrics().lineSpacing() * 3 + 12);
    m_input->setMaximumHeight(m_input->fontMetrics().lineSpacing() * 7 + 12);
    refreshImageMapping();
    setContext({}, 5);
}

void ChatPanel::createKeyActions() {
    // Keys on the conversation act on the current turn; they are listed in the shortcut overview.
    struct Key {
        ChatAction action;
        const char* name;
        const char* text;
    };
    const Key keys[] = {
        {ChatAction::UseAsCanvas, "chatUseAsCanvas", QT_TR_NOOP("Use the result as canvas image")},
        {ChatAction::Regenerate, "chatRegenerate", QT_TR_NOOP("Regenerate with a new seed")},
        {ChatAction::Copy, "chatCopy", QT_TR_NOOP("Copy the result image")},
        {ChatAction::EditResend, "chatEditResend", QT_TR_NOOP("Edit and resend")},
        {ChatAction::ToggleContext, "chatToggleContext", QT_TR_NOOP("Remove from or put back into the context")},
    };
    for (const Key& key : keys) {
        auto* action = new QAction(tr(key.text), m_view);
        action->setObjectName(key.name);
        QList<QKeySequence> shortcuts{ChatDelegate::actionShortcut(key.action)};
        if (key.action == ChatAction::UseAsCanvas) shortcuts << QKeySequence(Qt::Key_Enter);
        action->setShortcuts(shortcuts);
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
        const ChatAction which = key.action;
        connect(action, &QAction::triggered, this, [this, which] {
            const QModelIndex current = m_view->currentIndex();
            if (!current.isValid()) return;
            const int turnId = current.data(ChatModel::TurnIdRole).toInt();
            const bool turnAction = which == ChatAction::EditResend || which == ChatAction::ToggleContext;
            const QModelIndex row = turnAction ? m_model->userIndex(turnId) : m_model->resultIndex(turnId);
            if (ChatDelegate::isAvailable(which, row)) triggerAction(which, turnId);
        });
    }
}

TaskKind ChatPanel::task() const { return static_cast<TaskKind>(m_task->currentData().toInt()); }

void ChatPanel::setTask(TaskKind task) { m_task->setCurrentIndex(m_task->findData(static_cast<int>(task))); }

void ChatPanel::addAttachments(const QList<QImage>& images, const QStringList& names) {
    for (int i = 0; i < images.size(); ++i) {
        if (images[i].isNull()) continue;
        if (m_attachments.size() >= 9) break;  // the reference names at most {image}..{image9}
        m_attachments << ChatImage{images[i], QImage(), QString(), names.value(i, tr("image"))};
    }
    refreshImageMapping();
}

void ChatPanel::removeAttachment(int index) {
    if (index < 0 || index >= m_attachments.size()) return;
    m_attachments.removeAt(index);
    refreshImageMapping();
}

void ChatPanel::clearAttachments() {
    m_attachments.clear();
    refreshImageMapping();
}

void ChatPanel::setCanvasImage(const QImage& image, const QImage& maskOrNull, const QString& source) {
    m_canvasSource = source;
    m_canvasImage = image.isNull() ? QImage() : image.scaled(112, 112, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    m_canvasMask = maskOrNull.isNull() || image.isNull() ? QImage() : maskOrNull.scaled(m_canvasImage.size());
    refreshImageMapping();
}

void ChatPanel::refreshImageMapping() {
    QStringList labels;
    QList<ContextBar::ImageItem> items;
    auto add = [&](const QImage& image, const QImage& mask, const QString& source, int attachment) {
        const QString label = imageLabel(static_cast<int>(labels.size()));
        labels << label;
        items << ContextBar::ImageItem{label, source, maskedThumbnail(image, mask, 112), attachment};
    };
    if (usesCanvas(task(), !m_canvasImage.isNull())) {
        const QString source = m_canvasSource.isEmpty() ? tr("canvas") : m_canvasSource;
        add(m_canvasImage, m_canvasMask, m_canvasMask.isNull() ? source : tr("%1 + mask").arg(source), -1);
    }
    for (int i = 0; i < m_attachments.size(); ++i) add(m_attachments[i].image, m_attachments[i].mask, m_attachments[i].source, i);
    m_input->setImageLabels(labels);
    m_contextBar->setImages(items);
    refreshHistory();  // whether the history applies depends on the number of images
}

void ChatPanel::setBusy(bool busy) { m_cancel->setEnabled(busy); }

void ChatPanel::setContext(const QList<int>& turnIds, int historyLength) {
    m_contextTurns = turnIds;
    m_historyLength = historyLength;
    refreshHistory();
}

void ChatPanel::refreshHistory() {
    QList<ContextBar::HistoryItem> items;
    int last = 0;
    for (int id : std::as_const(m_contextTurns)) {
        const ChatTurn* turn = m_model->turn(id);
        if (!turn) continue;
        // The history carries each turn's first input image with its instruction.
        items << ContextBar::HistoryItem{id, turn->images.isEmpty() ? QImage() : turn->images.front().image,
                                         turn->instruction, false};
        last = std::max(last, id);
    }
    // A turn sent now waits behind the queued and running ones, which by then are in its history
    // if they succeed: the bar shows them as pending (the controller's rule for what counts:
    // an input image, no re-run, not left out).
    for (int id : m_model->turnIds()) {
        const ChatTurn* turn = m_model->turn(id);
        if (id <= last || !turn || turn->excluded || turn->regenerationOf != 0 || turn->images.isEmpty()) continue;
        if (turn->status != TurnStatus::Queued && turn->status != TurnStatus::Running) continue;
        items << ContextBar::HistoryItem{id, turn->images.front().image, turn->instruction, true};
    }
    if (items.size() > std::max(0, m_historyLength)) items = items.mid(items.size() - std::max(0, m_historyLength));
    m_contextBar->setHistory(items, m_historyLength, historyApplies(static_cast<int>(m_contextBar->imageLabels().size())));
}

void ChatPanel::showTurn(int turnId) {
    const QModelIndex index = m_model->userIndex(turnId);
    if (!index.isValid()) return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void ChatPanel::send() {
    const QString text = m_input->toPlainText().trimmed();
    if (text.isEmpty()) {
        m_input->setFocus();
        return;
    }
    SendRequest request;
    request.text = text;
    request.task = task();
    request.pasteBack = m_pasteBack->isChecked();
    request.attachments = m_attachments;
    m_input->clear();
    m_attachments.clear();
    refreshImageMapping();
    Q_EMIT sendRequested(request);
}

void ChatPanel::attachFromDialog() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Attach images"), QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        tr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)"));
    QList<QImage> images;
    QStringList names;
    for (const QString& file : files) {
        QImageReader reader(file);
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        if (image.isNull()) {
            QMessageBox::warning(this, tr("Attach images"),
                                 tr("Cannot read %1:\n%2.").arg(QDir::toNativeSeparators(file), reader.errorString()));
            continue;
        }
        images << image;
        names << QFileInfo(file).fileName();
    }
    addAttachments(images, names);
}

QMenu* ChatPanel::createContextMenu(const QModelIndex& index) {
    auto* menu = new QMenu(this);
    const int turnId = index.data(ChatModel::TurnIdRole).toInt();
    if (!m_model->turn(turnId)) return menu;
    struct Entry {
        ChatAction action;
        const char* name;
        Glyph glyph;
    };
    const bool result = index.data(ChatModel::KindRole).toInt() == ChatModel::ResultRow;
    const QList<Entry> entries =
        result ? QList<Entry>{{ChatAction::UseAsCanvas, "actionUseAsCanvas", Glyph::UseAsCanvas},
                              {ChatAction::Regenerate, "actionRegenerate", Glyph::Regenerate},
                              {ChatAction::Copy, "actionCopyResult", Glyph::Copy},
                              {ChatAction::SaveAs, "actionSaveResult", Glyph::Save}}
               : QList<Entry>{{ChatAction::EditResend, "actionEditResend", Glyph::Edit},
                              {ChatAction::ToggleContext, "actionToggleContext",
                               index.data(ChatModel::ExcludedRole).toBool() ? Glyph::EyeOff : Glyph::Eye}};
    for (const Entry& e : entries) {
        const ChatAction which = e.action;
        QAction* action = menu->addAction(glyphIcon(e.glyph), ChatDelegate::actionText(which, index), this,
                                          [this, which, turnId] { triggerAction(which, turnId); });
        action->setObjectName(e.name);
        action->setEnabled(ChatDelegate::isAvailable(which, index));
        // Shown as a hint only: the keys themselves live on the conversation view.
        const QKeySequence keys = ChatDelegate::actionShortcut(which);
        if (!keys.isEmpty()) {
            action->setShortcut(keys);
            action->setShortcutContext(Qt::WidgetShortcut);
            action->setShortcutVisibleInContextMenu(true);
        }
    }
    return menu;
}

QRect ChatPanel::actionButtonRect(const QModelIndex& index, ChatAction action) const {
    if (!index.isValid()) return {};
    QStyleOptionViewItem option;
    option.initFrom(m_view->viewport());
    option.rect = m_view->visualRect(index);
    option.font = m_view->font();
    option.widget = m_view;
    for (const ChatDelegate::Button& b : m_delegate->buttons(option, index))
        if (b.action == action) return b.rect;
    return {};
}

void ChatPanel::triggerAction(ChatAction action, int turnId) {
    const ChatTurn* turn = m_model->turn(turnId);
    if (!turn) return;
    switch (action) {
    case ChatAction::UseAsCanvas: Q_EMIT useAsCanvasRequested(turnId); break;
    case ChatAction::Regenerate: Q_EMIT regenerateRequested(turnId); break;
    case ChatAction::Copy: copyResult(turnId); break;
    case ChatAction::SaveAs: saveResult(turnId); break;
    case ChatAction::EditResend: editTurn(turnId); break;
    case ChatAction::ToggleContext: Q_EMIT excludeRequested(turnId, !turn->excluded); break;
    }
}

void ChatPanel::copyResult(int turnId) {
    if (const ChatTurn* turn = m_model->turn(turnId); turn && !turn->result.isNull())
        QApplication::clipboard()->setImage(turn->result);
}

void ChatPanel::editTurn(int turnId) {
    const ChatTurn* turn = m_model->turn(turnId);
    if (!turn) return;
    m_input->setPlainText(turn->instruction);
    setTask(turn->task);
    m_attachments.clear();
    for (const ChatImage& image : turn->images)
        if (image.source != QLatin1String("canvas")) m_attachments << image;
    refreshImageMapping();
    m_input->setFocus();
    m_input->moveCursor(QTextCursor::End);
}

void ChatPanel::saveResult(int turnId) {
    const ChatTurn* turn = m_model->turn(turnId);
    if (!turn || turn->result.isNull()) return;
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Save image as"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)).filePath(tr("ace-turn-%1.png").arg(turnId)),
        tr("PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)"));
    if (file.isEmpty()) return;
    QImageWriter writer(file);
    if (!writer.write(turn->result))
        QMessageBox::warning(this, tr("Save image as"),
                             tr("Cannot write file %1:\n%2.").arg(QDir::toNativeSeparators(file), writer.errorString()));
}

}  // namespace ace
