#pragma once
// Help > Keyboard Shortcuts: every action and button of a window that has a shortcut, with where
// it lives (menu, panel) and its key sequence, searchable.
#include <QDialog>

class QLineEdit;
class QTableWidget;

namespace ace {

class ShortcutsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget* window, QWidget* parent = nullptr);

    struct Entry {
        QString where;
        QString what;
        QKeySequence keys;
    };
    // Collected from `window`'s actions (with their menus) and buttons, sorted by place and name.
    static QList<Entry> collect(QWidget* window);

    QTableWidget* table() const { return m_table; }
    QLineEdit* filter() const { return m_filter; }

private:
    void applyFilter(const QString& text);
    QTableWidget* m_table;
    QLineEdit* m_filter;
};

}  // namespace ace
