// The Simplified Chinese catalogue is compiled into the app, loads, and translates the main
// menu; switching back to English restores the source strings.
#include <QtTest>

#include <QMenuBar>

#include "MainWindow.h"
#include "Translations.h"

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("ACE Desktop Tests");
        QCoreApplication::setApplicationName("tst_translations");
    }

    void catalogues() {
        const QStringList languages = ace::availableLanguages();
        QVERIFY2(languages.contains("zh_CN"), qPrintable(languages.join(',')));
        QVERIFY(languages.contains("en"));
    }

    void chineseMainMenu() {
        QCOMPARE(ace::installTranslations("zh_CN"), QString("zh_CN"));
        {
            ace::MainWindow window;
            QStringList menus;
            for (QAction* a : window.menuBar()->actions()) menus << a->text();
            QVERIFY2(menus.contains(QString("文件(&F)")), qPrintable(menus.join(',')));
            QVERIFY(menus.contains(QString("视图(&V)")));
            QVERIFY(menus.contains(QString("帮助(&H)")));
            QCOMPARE(window.windowTitle(), QString("ACE Desktop"));
        }
        QCOMPARE(ace::installTranslations("en"), QString("en"));
        ace::MainWindow window;
        QCOMPARE(window.menuBar()->actions().first()->text(), QString("&File"));
    }

    void languageFromTheSetting() {
        QSettings().setValue("ui/language", "zh_CN");
        QCOMPARE(ace::installTranslations(), QString("zh_CN"));
        QCOMPARE(QCoreApplication::translate("ace::LayerPanel", "Merge down"), QString("向下合并"));
        QSettings().remove("ui/language");
        ace::installTranslations("en");
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
