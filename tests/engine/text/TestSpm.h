#pragma once
// Trains the tests' SentencePiece model at test time from the committed corpus
// (tests/data/text/spm_corpus.txt), T5-like: unigram, pad 0, eos 1, unk 2, no bos, nmt_nfkc. One
// thread, fixed seed, relative paths (the model stores its input and prefix), so the file is
// byte-identical to the one the goldens were made with; its MD5 is in tokenizer_golden.json.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

namespace ace::test {

inline QString trainTestSpm(const QString& dir, QString* error) {
    const QString spmTrain = QStandardPaths::findExecutable("spm_train");
    if (spmTrain.isEmpty()) {
        *error = "spm_train not found (Debian package 'sentencepiece')";
        return {};
    }
    const QString corpus = QDir(dir).filePath("spm_corpus.txt");
    QFile::remove(corpus);
    if (!QFile::copy(ACE_TEST_DATA_DIR "/text/spm_corpus.txt", corpus)) {
        *error = "cannot copy the corpus";
        return {};
    }
    QProcess train;
    train.setWorkingDirectory(dir);
    train.setProcessChannelMode(QProcess::MergedChannels);
    train.start(spmTrain, {"--input=spm_corpus.txt", "--model_prefix=tiny", "--vocab_size=300", "--model_type=unigram", "--pad_id=0",
                           "--eos_id=1", "--unk_id=2", "--bos_id=-1", "--character_coverage=1.0", "--num_threads=1", "--random_seed=1"});
    if (!train.waitForFinished(120000) || train.exitCode() != 0) {
        *error = "spm_train failed: " + QString::fromUtf8(train.readAll());
        return {};
    }
    return QDir(dir).filePath("tiny.model");
}

inline QString md5Of(const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Md5).toHex());
}

}  // namespace ace::test
