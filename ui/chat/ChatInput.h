#pragma once
// The message box: Enter sends, Shift+Enter starts a new line. {image}, {image1}, ... are
// completed (type "{" or Ctrl+Space) and highlighted: blue when an image of the turn has that
// name, red when none does. Images dropped or pasted into it become attachments.
#include <QPlainTextEdit>
#include <QSyntaxHighlighter>

class QCompleter;
class QStringListModel;

namespace ace {

// Highlights image references; `known` are the names that map to an image of the turn.
class ImageRefHighlighter final : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit ImageRefHighlighter(QTextDocument* document);
    void setKnownLabels(const QStringList& labels);

protected:
    void highlightBlock(const QString& text) override;

private:
    QStringList m_known;
};

class ChatInput final : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ChatInput(QWidget* parent = nullptr);

    // The names the completer offers and the highlighter accepts, in image order.
    void setImageLabels(const QStringList& labels);
    QStringList imageLabels() const { return m_labels; }
    QCompleter* completer() const { return m_completer; }
    // "{image}", "{image1}", ... found in the text, in order of appearance.
    static QStringList referencedLabels(const QString& text);

Q_SIGNALS:
    void sendRequested();
    void imagesAttached(const QList<QImage>& images, const QStringList& names);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;

private:
    void insertCompletion(const QString& completion);
    QString referencePrefix() const;  // from the last '{' before the cursor, or empty

    ImageRefHighlighter* m_highlighter;
    QCompleter* m_completer;
    QStringListModel* m_completionModel;
    QStringList m_labels;
};

}  // namespace ace
