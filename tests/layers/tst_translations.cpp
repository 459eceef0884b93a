// The Simplified Chinese catalogue is compiled into the app, loads, and translates the main
// menu; switching back to English restores the source strings.
#include <QtTest>

#include <QMenuBar>
#include <QXmlStreamReader>

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

    // Every entry of the Chinese catalogue is translated, and keeps the placeholders its source
    // has (a lost %1 would drop a file name or a number from a message).
    void chineseCatalogueIsComplete() {
        QFile file(QStringLiteral(ACE_SOURCE_DIR "/translations/ace_zh_CN.ts"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QXmlStreamReader xml(&file);
        QString context, source;
        int messages = 0;
        const QRegularExpression placeholder(QStringLiteral("%\\d"));
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement()) continue;
            if (xml.name() == QLatin1String("name")) context = xml.readElementText();
            else if (xml.name() == QLatin1String("source")) source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value("type").toString();
                if (type == "vanished" || type == "obsolete") continue;
                const QString where = context + ": " + source;
                QVERIFY2(type != "unfinished", qPrintable("unfinished: " + where));
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                QVERIFY2(!text.trimmed().isEmpty(), qPrintable("empty: " + where));
                QStringList want, have;
                for (auto it = placeholder.globalMatch(source); it.hasNext();) want << it.next().captured();
                for (auto it = placeholder.globalMatch(text); it.hasNext();) have << it.next().captured();
                want.sort();
                have.sort();
                want.removeDuplicates();
                have.removeDuplicates();
                QVERIFY2(want == have, qPrintable("placeholders differ: " + where + " -> " + text));
                ++messages;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 300);
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
