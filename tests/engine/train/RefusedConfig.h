#pragma once
// Shared by the trainer's configuration tests: a train_config.json with `json` as its text is
// refused by TrainConfig::load with an error naming the file and `problem`.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <string>

#include "TrainConfig.h"
#include "ace/common/Error.h"

namespace ace::train::test {

inline void verifyConfigRefused(const std::string& json, const QString& problem) {
    QTemporaryDir dir;
    const std::filesystem::path file = std::filesystem::path(dir.path().toStdString()) / "train_config.json";
    std::ofstream(file) << json << "\n";
    try {
        TrainConfig::load(file);
        QFAIL("loaded a configuration it should refuse");
    } catch (const ace::Error& e) {
        const QString message = QString::fromStdString(e.what());
        QVERIFY2(message.contains(QString::fromStdString(file.string())), qPrintable(message));
        QVERIFY2(message.contains(problem), qPrintable(message));
    }
}

}  // namespace ace::train::test
