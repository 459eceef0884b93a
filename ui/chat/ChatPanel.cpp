#include "ChatPanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImageReader>
#include <QImageWriter>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "ChatDelegate.h"
#include "ChatInput.h"

namespace ace {

ChatPanel::ChatPanel(ChatModel* model, QWidget* parent) : QWidget(parent), m_model(model) {
    setObjectName("chatPanel");
    m_contextLabel = new QLabel(this);
    m_contextLabel->setObjectName("contextLabel");
    m_contextLabel->setWordWrap(true);

    m_view = new QListView(this);
    m_view->setObjectName("chatView");
    m_view->setModel(model);
    m_view->setItemDelegate(new ChatDelegate(m_view));
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setUniformItemSizes(false);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setWordWrap(true);
    connect(m_view, &QListView::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid()) return;
        QMenu* menu = createContextMenu(index);
        menu->exec(m_view->viewport()->mapToGlobal(pos));
        menu->deleteLater();
    });
    connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.data(ChatModel::KindRole).toInt() == ChatModel::ResultRow &&
            index.data(ChatModel::StatusRole).toInt() == static_cast<int>(TurnStatus::Done))
            Q_EMIT useAsCanvasRequested(index.data(ChatModel::TurnIdRole).toInt());
    });
    // Follow the conversation as it grows.
    connect(model, &QAbstractItemModel::rowsInserted, m_view, [this] { m_view->scrollToBottom(); });

    m_strip = new QListWidget(this);
    m_strip->setObjectName("imageStrip");
    m_strip->setViewMode(QListView::IconMode);
    m_strip->setFlow(QListView::LeftToRight);
    m_strip->setWrapping(false);
    m_strip->setIconSize(QSize(56, 56));
    m_strip->setFixedHeight(96);
    m_strip->setMovement(QListView::Static);
    m_strip->setToolTip(tr("The images of the next turn and their names in the instruction. "
                           "Delete removes an attachment."));
    m_strip->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* removeAction = new QAction(tr("Remove attachment"), m_strip);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_strip->addAction(removeAction);
    connect(removeAction, &QAction::triggered, this, [this] {
        const int row = m_strip->currentRow();
        const int offset = usesCanvas(task(), !m_canvasImage.isNull()) ? 1 : 0;
        if (row - offset >= 0) removeAttachment(row - offset);
    });

    m_task = new QComboBox(this);
    m_task->setObjectName("taskBox");
    m_task->setToolTip(tr("What the turn does; inpainting blanks the masked area before the model sees it, "
                          "text to image ignores the canvas"));
    for (TaskKind t : {TaskKind::Automatic, TaskKind::Inpainting, TaskKind::Outpainting, TaskKind::ReferenceGuided,
                       TaskKind::TryOn, TaskKind::TextToImage})
        m_task->addItem(taskDisplayName(t), static_cast<int>(t));
    connect(m_task, &QComboBox::currentIndexChanged, this, &ChatPanel::refreshImageMapping);

    m_pasteBack = new QCheckBox(tr("Keep unmasked pixels"), this);
    m_pasteBack->setObjectName("pasteBackBox");
    m_pasteBack->setChecked(true);
    m_pasteBack->setToolTip(tr("Paste the pixels outside the mask back from the input, feathered at the edge, "
                               "so repeated edits do not drift"));

    m_attach = new QPushButton(tr("Attach…"), this);
    m_attach->setObjectName("attachButton");
    connect(m_attach, &QPushButton::clicked, this, &ChatPanel::attachFromDialog);
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName("sendButton");
    m_send->setDefault(true);
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
    options->addWidget(new QLabel(tr("Task"), this));
    options->addWidget(m_task, 1);
    options->addWidget(m_pasteBack);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_attach);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_contextLabel);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_strip);
    layout->addLayout(options);
    layout->addWidget(m_input);
    layout->addLayout(buttons);
    refreshImageMapping();
    setContext({}, 5);
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
    m_strip->clear();
    QStringList labels;
    const bool canvas = usesCanvas(task(), !m_canvasImage.isNull());
    auto addItem = [this, &labels](const QImage& image, const QImage& mask, const QString& source) {
        const QString label = imageLabel(static_cast<int>(labels.size()));
        labels << label;
        QImage icon = image.scaled(112, 112, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                          .convertToFormat(QImage::Format_ARGB32_Premultiplied);
        if (!mask.isNull()) {
            QPainter p(&icon);
            QImage tint(mask.size(), QImage::Format_ARGB32_Premultiplied);
            tint.fill(Qt::transparent);
            for (int y = 0; y < mask.height(); ++y)
                for (int x = 0; x < mask.width(); ++x)
                    if (mask.pixelColor(x, y).value() > 128) tint.setPixel(x, y, qRgba(150, 24, 36, 150));
            p.drawImage(icon.rect(), tint);
        }
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(icon)), label + "\n" + source, m_strip);
        item->setData(Qt::UserRole, label);
        item->setToolTip(tr("%1 in the instruction is %2").arg(label, source));
    };
    if (canvas) {
        const QString source = m_canvasSource.isEmpty() ? tr("canvas") : m_canvasSource;
        addItem(m_canvasImage, m_canvasMask, m_canvasMask.isNull() ? source : tr("%1 + mask").arg(source));
    }
    for (const ChatImage& a : std::as_const(m_attachments)) addItem(a.image, a.mask, a.source);
    m_input->setImageLabels(labels);
    m_strip->setVisible(!labels.isEmpty());
}

void ChatPanel::setBusy(bool busy) { m_cancel->setEnabled(busy); }

void ChatPanel::setContext(const QList<int>& turnIds, int historyLength) {
    QStringList numbers;
    for (int id : turnIds) numbers << QString::number(id);
    m_contextLabel->setText(turnIds.isEmpty()
                                ? tr("Context: no earlier turns yet (keeps up to %1)").arg(historyLength)
                                : tr("Context: turns %1 (green bar), up to %2").arg(numbers.join(", ")).arg(historyLength));
    m_contextLabel->setToolTip(tr("The earlier turns the next request carries as history, as the reference's "
                                  "chatbot does: each turn's instruction and its first input image."));
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
    const ChatTurn* turn = m_model->turn(turnId);
    if (!turn) return menu;
    const bool done = turn->status == TurnStatus::Done && !turn->result.isNull();
    if (index.data(ChatModel::KindRole).toInt() == ChatModel::ResultRow) {
        QAction* use = menu->addAction(tr("Use as canvas image"), this, [this, turnId] { Q_EMIT useAsCanvasRequested(turnId); });
        use->setObjectName("actionUseAsCanvas");
        use->setEnabled(done);
        QAction* again = menu->addAction(tr("Regenerate with a new seed"), this,
                                         [this, turnId] { Q_EMIT regenerateRequested(turnId); });
        again->setObjectName("actionRegenerate");
        again->setEnabled(turn->status != TurnStatus::Queued && turn->status != TurnStatus::Running);
        QAction* copy = menu->addAction(tr("Copy image"), this, [this, turnId] {
            if (const ChatTurn* t = m_model->turn(turnId)) QApplication::clipboard()->setImage(t->result);
        });
        copy->setObjectName("actionCopyResult");
        copy->setEnabled(done);
        QAction* save = menu->addAction(tr("Save image as…"), this, [this, turnId] { saveResult(turnId); });
        save->setObjectName("actionSaveResult");
        save->setEnabled(done);
    } else {
        QAction* edit = menu->addAction(tr("Edit and resend"), this, [this, turnId] { editTurn(turnId); });
        edit->setObjectName("actionEditResend");
        QAction* context = menu->addAction(turn->excluded ? tr("Put back into the context") : tr("Remove from the context"),
                                           this, [this, turnId, excluded = !turn->excluded] {
                                               Q_EMIT excludeRequested(turnId, excluded);
                                           });
        context->setObjectName("actionToggleContext");
    }
    return menu;
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
