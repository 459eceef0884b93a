#include "ChatInput.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFileInfo>
#include <QImageReader>
#include <QKeyEvent>
#include <QMimeData>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringListModel>

namespace ace {
namespace {
const QRegularExpression& referencePattern() {
    static const QRegularExpression re(QStringLiteral("\\{image\\d?\\}"));
    return re;
}

bool isImageFile(const QUrl& url) {
    if (!url.isLocalFile()) return false;
    return !QImageReader::imageFormat(url.toLocalFile()).isEmpty();
}
}  // namespace

ImageRefHighlighter::ImageRefHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {}

void ImageRefHighlighter::setKnownLabels(const QStringList& labels) {
    if (labels == m_known) return;
    m_known = labels;
    rehighlight();
}

void ImageRefHighlighter::highlightBlock(const QString& text) {
    QTextCharFormat known;
    known.setForeground(QColor(30, 110, 200));
    known.setFontWeight(QFont::Bold);
    QTextCharFormat unknown;
    unknown.setForeground(QColor(200, 40, 40));
    unknown.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    unknown.setUnderlineColor(QColor(200, 40, 40));
    unknown.setToolTip(tr("No image of this turn has this name"));
    auto it = referencePattern().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()),
                  m_known.contains(m.captured()) ? known : unknown);
    }
}

ChatInput::ChatInput(QWidget* parent) : QPlainTextEdit(parent) {
    setObjectName("chatInput");
    setAccessibleName(tr("Instruction"));
    setPlaceholderText(tr("Describe the edit, e.g. “make the sky in {image} a sunset”. "
                          "Enter sends, Shift+Enter adds a line; drop or paste images to attach them."));
    setTabChangesFocus(true);
    m_highlighter = new ImageRefHighlighter(document());
    m_completionModel = new QStringListModel(this);
    m_completer = new QCompleter(m_completionModel, this);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &ChatInput::insertCompletion);
    const QFontMetrics fm(font());
    setMinimumHeight(fm.lineSpacing() * 3 + 12);
    setMaximumHeight(fm.lineSpacing() * 8 + 12);
}

void ChatInput::setImageLabels(const QStringList& labels) {
    m_labels = labels;
    m_completionModel->setStringList(labels);
    m_highlighter->setKnownLabels(labels);
}

QStringList ChatInput::referencedLabels(const QString& text) {
    QStringList out;
    auto it = referencePattern().globalMatch(text);
    while (it.hasNext()) out << it.next().captured();
    return out;
}

QString ChatInput::referencePrefix() const {
    const QTextCursor c = textCursor();
    const QString block = c.block().text().left(c.positionInBlock());
    const int brace = static_cast<int>(block.lastIndexOf('{'));
    if (brace < 0 || block.indexOf('}', brace) >= 0) return {};
    return block.mid(brace);
}

void ChatInput::insertCompletion(const QString& completion) {
    QTextCursor c = textCursor();
    const QString prefix = referencePrefix();
    c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, static_cast<int>(prefix.size()));
    c.insertText(completion);
    setTextCursor(c);
}

void ChatInput::keyPressEvent(QKeyEvent* event) {
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab: event->ignore(); return;  // the completer handles them
        default: break;
        }
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        Q_EMIT sendRequested();
        return;
    }
    if (enter) {
        insertPlainText(QStringLiteral("\n"));
        return;
    }
    const bool forced = event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier);
    if (!forced) QPlainTextEdit::keyPressEvent(event);

    const QString prefix = referencePrefix();
    if ((forced || !prefix.isEmpty()) && !m_labels.isEmpty()) {
        m_completer->setCompletionPrefix(prefix);
        if (m_completer->completionCount() == 0) {
            m_completer->popup()->hide();
            return;
        }
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
        QRect r = cursorRect();
        r.setWidth(m_completer->popup()->sizeHintForColumn(0) + m_completer->popup()->verticalScrollBar()->sizeHint().width());
        m_completer->complete(r);
    } else {
        m_completer->popup()->hide();
    }
}

bool ChatInput::canInsertFromMimeData(const QMimeData* source) const {
    if (source->hasImage()) return true;
    for (const QUrl& url : source->urls())
        if (isImageFile(url)) return true;
    return QPlainTextEdit::canInsertFromMimeData(source);
}

void ChatInput::insertFromMimeData(const QMimeData* source) {
    QList<QImage> images;
    QStringList names;
    for (const QUrl& url : source->urls()) {
        if (!isImageFile(url)) continue;
        QImageReader reader(url.toLocalFile());
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        if (image.isNull()) continue;
        images << image;
        names << QFileInfo(url.toLocalFile()).fileName();
    }
    if (images.isEmpty() && source->hasImage()) {
        images << qvariant_cast<QImage>(source->imageData());
        names << tr("pasted image");
    }
    if (!images.isEmpty()) {
        Q_EMIT imagesAttached(images, names);
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

}  // namespace ace
