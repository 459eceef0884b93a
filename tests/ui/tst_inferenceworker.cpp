// InferenceWorker on its own thread through SessionController's wiring pattern: loading with
// progress and actionable failures, runs off the GUI thread with one progress signal per step,
// requests queued in order, cancel within one step (running) or before start (queued), and the
// longest GUI-thread stall while a run goes.
#include <QtTest>

#include <QThread>

#include <atomic>

#include "ImageConvert.h"
#include "InferenceWorker.h"
#include "StallMeter.h"
#include "support/TestBackends.h"
#include "support/UiTestSupport.h"

using namespace ace;

class TestInferenceWorker : public QObject {
    Q_OBJECT

    QThread m_thread;
    InferenceWorker* m_worker = nullptr;

    // Queued calls into the worker's thread, as the GUI makes them.
    void load(const QString& folder) {
        const bool ok = QMetaObject::invokeMethod(m_worker, "loadModel", Qt::QueuedConnection, Q_ARG(QString, folder),
                                  Q_ARG(ace::ModelLoadOptions, ModelLoadOptions{}));
        QVERIFY(ok);
    }
    void submit(const InferenceJob& job) {
        QMetaObject::invokeMethod(m_worker, "submit", Qt::QueuedConnection, Q_ARG(ace::InferenceJob, job));
    }
    static InferenceJob editJob(quint64 id, int steps) {
        InferenceJob job;
        job.id = id;
        const Image input = toAceImage(test::makeScene(320, 240, static_cast<unsigned>(id)), 3);
        job.request.current.instruction = "make {image} brighter";
        job.request.current.images.push_back({input, {}, ""});
        job.request.options.steps = steps;
        job.target = input;
        return job;
    }

private Q_SLOTS:
    void initTestCase() {
        m_worker = new InferenceWorker(test::testBackend());
        m_worker->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread.start();
    }
    void cleanupTestCase() {
        m_thread.quit();
        m_thread.wait();
    }

    void runWithoutModelFailsWithAdvice() {
        QSignalSpy failed(m_worker, &InferenceWorker::failed);
        submit(editJob(1, 2));
        QVERIFY(test::waitFor(failed, 10000));
        QCOMPARE(failed.first().at(0).value<quint64>(), quint64(1));
        QVERIFY2(failed.first().at(1).toString().contains("Settings"), qPrintable(failed.first().at(1).toString()));
    }

    void brokenModelFailsWithTheFileAndWhatToDo() {
        QSignalSpy failed(m_worker, &InferenceWorker::loadFailed);
        load(test::brokenModelFolder());
        QVERIFY(test::waitFor(failed, 30000));
        const QString message = failed.first().at(0).toString();
        QVERIFY2(message.contains(test::brokenModelFolder()), qPrintable(message));
        QVERIFY2(message.contains("Settings"), qPrintable(message));
    }

    void loadsWithProgress() {
        QSignalSpy progress(m_worker, &InferenceWorker::loadProgress);
        QSignalSpy loaded(m_worker, &InferenceWorker::modelLoaded);
        load(test::workingModelFolder());
        QVERIFY(test::waitFor(loaded, 120000));
        QVERIFY(progress.count() >= 1);
        double last = 0.0;
        for (const QList<QVariant>& p : progress) {
            const double fraction = p.at(1).toDouble();
            QVERIFY2(fraction >= last && fraction <= 1.0, qPrintable(QString::number(fraction)));
            last = fraction;
        }
    }

    void runsOffTheGuiThreadWithProgressAndNoStall() {
        QSignalSpy progress(m_worker, &InferenceWorker::progress);
        QSignalSpy finished(m_worker, &InferenceWorker::finished);
        std::atomic<QThread*> stepThread{nullptr};
        const auto probe = connect(m_worker, &InferenceWorker::progress, m_worker,
                                   [&stepThread] { stepThread = QThread::currentThread(); }, Qt::DirectConnection);
        StallMeter meter(5);
        meter.start();
        const InferenceJob job = editJob(10, 5);
        submit(job);
        QVERIFY(test::waitFor(finished, 120000));
        meter.stop();
        QCOMPARE(progress.count(), 5);
        for (int i = 0; i < progress.count(); ++i) {
            QCOMPARE(progress.at(i).at(1).toInt(), i + 1);
            QCOMPARE(progress.at(i).at(2).toInt(), 5);
            QVERIFY(!progress.at(i).at(3).value<QImage>().isNull());
        }
        disconnect(probe);
        QVERIFY(stepThread.load() == &m_thread);  // the engine's step callback runs on the worker's thread
        const JobOutcome outcome = finished.first().at(1).value<JobOutcome>();
        // Registered back onto the input's geometry from the engine's multiple-of-16 size.
        QCOMPARE(outcome.image.size(), QSize(320, 240));
        QVERIFY(outcome.engineSize.width() % 16 == 0 && outcome.engineSize.height() % 16 == 0);
        QCOMPARE(outcome.steps, 5);
        qInfo("%s", qPrintable(meter.report("GUI thread during a 5-step run")));
        QVERIFY2(meter.maxBusyMs() < 50.0, qPrintable(QString::number(meter.maxBusyMs())));
        QVERIFY2(meter.maxGapMs() < 250.0, qPrintable(QString::number(meter.maxGapMs())));
    }

    void queuedRequestsRunInOrder() {
        QSignalSpy started(m_worker, &InferenceWorker::jobStarted);
        QSignalSpy finished(m_worker, &InferenceWorker::finished);
        for (quint64 id : {21, 22, 23}) submit(editJob(id, 2));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 120000);
        QCOMPARE(started.count(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(started.at(i).at(0).value<quint64>(), quint64(21 + i));
            QCOMPARE(finished.at(i).at(0).value<quint64>(), quint64(21 + i));
        }
    }

    void cancelStopsTheRunWithinOneStep() {
        QSignalSpy progress(m_worker, &InferenceWorker::progress);
        QSignalSpy cancelled(m_worker, &InferenceWorker::cancelled);
        QSignalSpy finished(m_worker, &InferenceWorker::finished);
        submit(editJob(30, 50));
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 2, 120000);
        const int stepsAtCancel = progress.count();
        m_worker->cancel(30);
        QVERIFY(test::waitFor(cancelled, 60000));
        QCOMPARE(cancelled.first().at(0).value<quint64>(), quint64(30));
        QCOMPARE(finished.count(), 0);
        // The step running when cancel came may still report; no step after it starts.
        QVERIFY2(progress.count() <= stepsAtCancel + 1, qPrintable(QString("%1 vs %2").arg(progress.count()).arg(stepsAtCancel)));
    }

    void cancelledQueuedJobNeverStarts() {
        QSignalSpy started(m_worker, &InferenceWorker::jobStarted);
        QSignalSpy cancelled(m_worker, &InferenceWorker::cancelled);
        QSignalSpy finished(m_worker, &InferenceWorker::finished);
        submit(editJob(40, 3));
        submit(editJob(41, 3));
        m_worker->cancel(41);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QTRY_COMPARE(cancelled.count(), 1);
        QCOMPARE(cancelled.first().at(0).value<quint64>(), quint64(41));
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.first().at(0).value<quint64>(), quint64(40));
    }
};

QTEST_MAIN(TestInferenceWorker)
#include "tst_inferenceworker.moc"
