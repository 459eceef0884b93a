// Crash recovery for real: a child process paints and autosaves after every stroke and is killed
// with SIGKILL at random moments (often in the middle of writing an autosave). The autosave left
// behind must load and hold every stroke the child reported as saved: at most the stroke in
// progress is lost.
#include <QtTest>

#include <signal.h>

#include <fstream>
#include <random>

#include "AutosaveStrokes.h"
#include "ace/common/Error.h"
#include "ace/document/Autosave.h"

using namespace ace;

class TestAutosaveRecovery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killDuringAutosave_data() {
        QTest::addColumn<int>("strokesBeforeKill");
        QTest::addColumn<int>("delayUs");
        QTest::newRow("after first") << 1 << 0;
        QTest::newRow("early") << 3 << 700;
        QTest::newRow("mid write 1") << 6 << 2500;
        QTest::newRow("mid write 2") << 9 << 5000;
        QTest::newRow("later") << 14 << 11000;
        QTest::newRow("random") << -1 << -1;
    }
    void killDuringAutosave() {
        QFETCH(int, strokesBeforeKill);
        QFETCH(int, delayUs);
        std::random_device rd;
        std::mt19937 rng(rd());
        if (strokesBeforeKill < 0) strokesBeforeKill = 2 + static_cast<int>(rng() % 10);
        if (delayUs < 0) delayUs = static_cast<int>(rng() % 20000);

        QTemporaryDir dir;
        const auto folder = std::filesystem::path(dir.path().toStdString());
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(ACE_AUTOSAVE_HELPER, {dir.path()});
        QVERIFY(child.waitForStarted(30000));
        int lastReported = 0;
        while (lastReported < strokesBeforeKill) {
            QVERIFY2(child.waitForReadyRead(60000), "the helper stopped reporting");
            while (child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                QVERIFY(line.startsWith("saved "));
                lastReported = line.mid(6).toInt();
            }
        }
        QThread::usleep(static_cast<unsigned long>(delayUs));
        const qint64 pid = child.processId();  // QProcess forgets it once the child is gone
        QCOMPARE(::kill(static_cast<pid_t>(pid), SIGKILL), 0);
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // A later start of the app (another store in the same folder) finds the dead instance's
        // autosave and recovers it, and removes what an interrupted write left behind.
        const std::string leftover = "." + std::string("autosave-") + std::to_string(pid) + "-1.aceproj.Xy12Ab";
        { std::ofstream(folder / leftover) << "partial"; }
        const AutosaveStore next(folder);
        const auto candidates = next.findRecoverable();
        QCOMPARE(candidates.size(), std::size_t(1));
        QCOMPARE(candidates[0].projectFile, std::filesystem::path("/projects/painting.aceproj"));
        const Project recovered = AutosaveStore::recover(candidates[0]);
        const int strokes = recovered.session["strokes"].get<int>();
        qInfo("reported %d strokes saved before the kill (+%d us); recovered %d", lastReported, delayUs, strokes);
        QVERIFY(strokes >= lastReported);
        for (const auto& e : std::filesystem::directory_iterator(folder))
            QVERIFY2(e.path().filename().string()[0] != '.', e.path().c_str());
        Project expected = test::projectAfter(strokes);
        expected.autosaveOf = "/projects/painting.aceproj";
        QVERIFY(recovered.document == expected.document);
        QVERIFY(recovered.assets == expected.assets);
        AutosaveStore::discard(candidates[0]);
        QVERIFY(next.findRecoverable().empty());
    }

    void liveAndOwnAutosavesAreNotOffered() {
        QTemporaryDir dir;
        const auto folder = std::filesystem::path(dir.path().toStdString());
        AutosaveStore mine(folder);
        mine.autosave(test::strokeProject(), {});
        // Our own autosave, and one of a running process (pid 1), are not crash leftovers.
        std::filesystem::copy_file(mine.autosaveFile(), folder / "autosave-1-5.aceproj");
        QVERIFY(AutosaveStore(folder).findRecoverable().empty());
        QVERIFY(mine.findRecoverable().empty());
        mine.discard();
        QVERIFY(!std::filesystem::exists(mine.autosaveFile()));
    }

    void unreadableAutosaveIsListedAndReported() {
        QTemporaryDir dir;
        const auto folder = std::filesystem::path(dir.path().toStdString());
        {
            std::ofstream out(folder / "autosave-999999999-1.aceproj", std::ios::binary);
            out << "not a zip";
        }
        const auto candidates = AutosaveStore(folder).findRecoverable();
        QCOMPARE(candidates.size(), std::size_t(1));
        QVERIFY_THROWS_EXCEPTION(ace::Error, AutosaveStore::recover(candidates[0]));
    }
};

QTEST_GUILESS_MAIN(TestAutosaveRecovery)
#include "tst_autosaverecovery.moc"
