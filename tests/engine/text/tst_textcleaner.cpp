// TextCleaner against the reference chain (ftfy.fix_text, html.unescape twice, strip, \s+ -> ' ')
// run in Python on tricky strings: tests/data/text/cleaning.json.
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>

#include "text/TextCleaner.h"

namespace {

nlohmann::json loadCases() {
    std::ifstream in(ACE_TEST_DATA_DIR "/text/cleaning.json");
    return nlohmann::json::parse(in);
}

QString printable(const std::string& s) {
    QString out;
    for (const QChar c : QString::fromStdString(s))
        out += (c.unicode() < 0x20 || (c.unicode() >= 0x7F && c.unicode() < 0xA0)) ? QString("\\x%1").arg(c.unicode(), 2, 16, QChar('0')) : QString(c);
    return out;
}

}  // namespace

class TestTextCleaner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesReference_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        const nlohmann::json meta = loadCases();
        QVERIFY(meta.at("cases").size() > 100);
        int i = 0;
        for (const auto& c : meta.at("cases")) {
            const std::string in = c.at("input").get<std::string>();
            QTest::newRow(qPrintable(QString("%1: %2").arg(i++).arg(printable(in).left(40))))
                << QByteArray::fromStdString(in) << QByteArray::fromStdString(c.at("expected").get<std::string>());
        }
    }
    void matchesReference() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const std::string actual = ace::cleanText(input.toStdString());
        QVERIFY2(actual == expected.toStdString(),
                 qPrintable(QString("got '%1', want '%2'").arg(printable(actual), printable(expected.toStdString()))));
    }

    // Mojibake and NFC are the documented deviations: the port must give the reference chain's
    // result with ftfy's fix_encoding and NFC turned off, and the reference must differ (else the
    // case belongs to the list above).
    void documentedDeviations_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QByteArray>("reference");
        const nlohmann::json meta = loadCases();
        QVERIFY(!meta.at("deviations").empty());
        int i = 0;
        for (const auto& c : meta.at("deviations")) {
            const std::string in = c.at("input").get<std::string>();
            QTest::newRow(qPrintable(QString("%1: %2").arg(i++).arg(printable(in).left(40))))
                << QByteArray::fromStdString(in) << QByteArray::fromStdString(c.at("expected").get<std::string>())
                << QByteArray::fromStdString(c.at("reference").get<std::string>());
        }
    }
    void documentedDeviations() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QFETCH(QByteArray, reference);
        QVERIFY(expected != reference);
        QCOMPARE(QByteArray::fromStdString(ace::cleanText(input.toStdString())), expected);
    }

    void invalidUtf8BecomesReplacementCharacters() {
        QCOMPARE(QByteArray::fromStdString(ace::cleanText("a\xff" "b\xc3")), QByteArray("a\xef\xbf\xbd" "b\xef\xbf\xbd"));
        // An overlong '/' and an encoded surrogate are not decoded.
        QCOMPARE(QByteArray::fromStdString(ace::cleanText("\xc0\xaf")), QByteArray("\xef\xbf\xbd\xef\xbf\xbd"));
        QCOMPARE(QByteArray::fromStdString(ace::cleanText("\xed\xa0\x80")), QByteArray("\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"));
    }

    void htmlUnescapeSteps() {
        QCOMPARE(QString::fromStdString(ace::text::htmlUnescape("&amp;amp; &lt &notit; &#x41;&#66")), QString("&amp; < \u00ACit; AB"));
        QCOMPARE(QString::fromStdString(ace::text::htmlUnescape("no entities")), QString("no entities"));
    }
};

QTEST_GUILESS_MAIN(TestTextCleaner)
#include "tst_textcleaner.moc"
