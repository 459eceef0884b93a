// Help > Keyboard Shortcuts lists the window's actions and buttons with their keys, filters
// them, and no two of them share a key sequence (which would make both silent).
#include <QtTest>

#include <QLineEdit>
#include <QTableWidget>

#include "MainWindow.h"
#include "ShortcutsDialog.h"

class TestShortcutsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("ACE Desktop Tests");
        QCoreApplication::setApplicationName("tst_shortcutsdialog");
    }

    void listsAndFilters() {
        ace::MainWindow window;
        const auto entries = ace::ShortcutsDialog::collect(&window);
        auto find = [&](const QString& what) {
            for (const auto& e : entries)
                if (e.what == what) return e.keys;
            return QKeySequence();
        };
        QCOMPARE(find("Save"), QKeySequence(QKeySequence::Save));
        QCOMPARE(find("Undo"), QKeySequence(QKeySequence::Undo));
        QCOMPARE(find("Merge down"), QKeySequence(Qt::CTRL | Qt::Key_E));
        QCOMPARE(find("Keyboard Shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash));

        QMap<QString, QString> owners;
        for (const auto& e : entries) {
            const QString key = e.keys.toString();
            QVERIFY2(!owners.contains(key) || owners[key] == e.what,
                     qPrintable(QString("%1 is used by both '%2' and '%3'").arg(key, owners[key], e.what)));
            owners[key] = e.what;
        }

        ace::ShortcutsDialog dialog(&window);
        QCOMPARE(dialog.table()->rowCount(), entries.size());
        QTest::keyClicks(dialog.filter(), "merge");
        int visible = 0;
        for (int row = 0; row < dialog.table()->rowCount(); ++row)
            if (!dialog.table()->isRowHidden(row)) {
                ++visible;
                QVERIFY(dialog.table()->item(row, 1)->text().contains("Merge", Qt::CaseInsensitive));
            }
        QCOMPARE(visible, 1);
    }
};

QTEST_MAIN(TestShortcutsDialog)
#include "tst_shortcutsdialog.moc"
