#include "ShortcutsDialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ace {
namespace {

QString plain(QString text) {
    text.remove(QRegularExpression("&(?!&)"));
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}

QString placeOf(const QAction* action) {
    for (const QObject* o : action->associatedObjects())
        if (const auto* menu = qobject_cast<const QMenu*>(o)) return plain(menu->title());
    for (const QObject* p = action->parent(); p; p = p->parent())
        if (const auto* w = qobject_cast<const QWidget*>(p); w && !w->accessibleName().isEmpty()) return w->accessibleName();
    return ShortcutsDialog::tr("Window");
}

}  // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::collect(QWidget* window) {
    QList<Entry> entries;
    for (const QAction* a : window->findChildren<QAction*>()) {
        if (a->shortcut().isEmpty() || a->isSeparator()) continue;
        entries.push_back({placeOf(a), plain(a->text().isEmpty() ? a->toolTip() : a->text()), a->shortcut()});
    }
    for (const QAbstractButton* b : window->findChildren<QAbstractButton*>()) {
        if (b->shortcut().isEmpty()) continue;
        QString where = tr("Window");
        for (const QWidget* p = b->parentWidget(); p; p = p->parentWidget())
            if (!p->windowTitle().isEmpty() && p != window) {
                where = plain(p->windowTitle());
                break;
            }
        entries.push_back({where, plain(b->text()), b->shortcut()});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) {
        return x.where != y.where ? x.where.localeAwareCompare(y.where) < 0 : x.what.localeAwareCompare(y.what) < 0;
    });
    return entries;
}

ShortcutsDialog::ShortcutsDialog(QWidget* window, QWidget* parent) : QDialog(parent) {
    setObjectName("shortcutsDialog");
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName("shortcutFilter");
    m_filter->setPlaceholderText(tr("Search"));
    m_filter->setClearButtonEnabled(true);
    m_table = new QTableWidget(this);
    m_table->setObjectName("shortcutTable");
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Where"), tr("Action"), tr("Shortcut")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    const auto entries = collect(window);
    m_table->setRowCount(static_cast<int>(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(entries[row].where));
        m_table->setItem(row, 1, new QTableWidgetItem(entries[row].what));
        m_table->setItem(row, 2, new QTableWidgetItem(entries[row].keys.toString(QKeySequence::NativeText)));
    }
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->resizeColumnToContents(0);
    m_table->resizeColumnToContents(2);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(560, 520);
}

void ShortcutsDialog::applyFilter(const QString& text) {
    for (int row = 0; row < m_table->rowCount(); ++row) {
        bool match = text.isEmpty();
        for (int c = 0; c < 3 && !match; ++c) match = m_table->item(row, c)->text().contains(text, Qt::CaseInsensitive);
        m_table->setRowHidden(row, !match);
    }
}

}  // namespace ace
