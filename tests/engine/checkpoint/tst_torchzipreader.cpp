// TorchZipReader + RestrictedUnpickler: PyTorch zip checkpoints as torch.save writes them (golden
// DiT/VAE files, every storage dtype, views sharing a storage, wrappers, module state dicts with
// _metadata, parameters, pickle protocol 4, ZIP64) read value for value; refused inputs (foreign
// globals, compressed/encrypted records, the legacy format) and damaged copies throw ace::Error
// naming the file.
#include <QtTest>

#include <QTemporaryDir>

#include <fstream>
#include <random>

#include <torch/types.h>

#include "GoldenData.h"
#include "SourceCompare.h"
#include "ace/common/Error.h"
#include "checkpoint/RestrictedUnpickler.h"
#include "checkpoint/SafetensorsReader.h"
#include "checkpoint/TorchZipReader.h"

using namespace ace;
using ace::ckpt::TensorInfo;

namespace {

const std::filesystem::path kData = std::filesystem::path(ACE_TEST_DATA_DIR) / "checkpoint";

std::vector<char> readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const std::filesystem::path& file, const char* data, size_t n) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(data, static_cast<std::streamsize>(n));
}

// Opening and loading every tensor must either succeed or throw ace::Error naming the file.
// Returns false (with the message) for any other outcome.
bool opensOrFailsCleanly(const std::filesystem::path& file, QString& problem) {
    try {
        ckpt::TorchZipReader reader(file);
        for (const auto& key : reader.keys()) reader.load(key);
        return true;
    } catch (const Error& e) {
        if (QString(e.what()).contains(QString::fromStdString(file.string()))) return true;
        problem = QString("error without the file name: ") + e.what();
    } catch (const std::exception& e) {
        problem = QString("non-ace exception: ") + e.what();
    }
    return false;
}

}  // namespace

class TestTorchZipReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void goldenFilesEqualTheirSafetensorsTwins_data() {
        QTest::addColumn<QString>("pth");
        QTest::addColumn<QString>("safetensors");
        QTest::addColumn<int>("count");
        QTest::newRow("dit legacy") << "dit_tiny_legacy.pth" << "dit_tiny_legacy.safetensors" << 53;
        QTest::newRow("vae ldm") << "vae_tiny_ldm.bin" << "vae_tiny_ldm.safetensors" << 124;
    }
    void goldenFilesEqualTheirSafetensorsTwins() {
        QFETCH(QString, pth);
        QFETCH(QString, safetensors);
        QFETCH(int, count);
        test::GoldenData golden;
        QVERIFY(ckpt::TorchZipReader::sniff(golden.file(pth.toStdString())));
        auto reader = std::make_shared<ckpt::TorchZipReader>(golden.file(pth.toStdString()));
        QCOMPARE(int(reader->keys().size()), count);
        QCOMPARE(reader->bytesRead(), uint64_t(0));  // opening reads data.pkl only
        ckpt::SafetensorsReader twin(golden.file(safetensors.toStdString()));
        const std::string diff = test::diffSources(ckpt::sourceFromReader(reader), ckpt::sourceFromReader(twin));
        QVERIFY2(diff.empty(), diff.c_str());
        // Indexing cost (central directory, data.pkl, local headers), reported for the estimate of
        // the full-size files (715 DiT tensors, ~250 per T5 shard).
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 20; ++i) ckpt::TorchZipReader again(golden.file(pth.toStdString()));
        qInfo("opening %s: %.1f us per tensor", qPrintable(pth), timer.nsecsElapsed() / 1e3 / 20 / count);
        // Through openCheckpoint too.
        auto opened = ckpt::openCheckpoint(golden.file(pth.toStdString()));
        QVERIFY(dynamic_cast<ckpt::TorchZipReader*>(opened.get()) != nullptr);
    }

    void loadReadsOnlyThatTensor() {
        test::GoldenData golden;
        ckpt::TorchZipReader reader(golden.file("dit_tiny_legacy.pth"));
        const auto t = reader.load("blocks.1.attn.qkv.weight");
        QCOMPARE(reader.bytesRead(), uint64_t(t.numel() * 4));
    }

    // loadInto gives what load() gives, read straight into the destination when it is a
    // contiguous CPU tensor of the file's dtype, converted otherwise; views and every dtype included.
    void loadIntoEqualsLoad_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("torch zip, every dtype") << "dtypes.pth";
        QTest::newRow("torch zip, views sharing a storage") << "views.pth";
        QTest::newRow("safetensors, every dtype") << "dtypes.safetensors";
        QTest::newRow("safetensors, views") << "views.safetensors";
    }
    void loadIntoEqualsLoad() {
        QFETCH(QString, name);
        const auto reader = ckpt::openCheckpoint(kData / name.toStdString());
        for (const auto& key : reader->keys()) {
            const torch::Tensor expected = reader->load(key);
            torch::Tensor same = torch::full(expected.sizes(), 7, expected.options());
            reader->loadInto(key, same);
            QVERIFY2(torch::equal(same, expected), key.c_str());
            if (expected.is_floating_point()) {
                torch::Tensor wider = torch::empty(expected.sizes(), torch::kFloat64);
                reader->loadInto(key, wider);
                QVERIFY2(torch::equal(wider, expected.to(torch::kFloat64)), key.c_str());
            }
            if (expected.numel() > 0) {
                torch::Tensor wrong = torch::empty({expected.numel() + 1}, expected.options());
                try {
                    reader->loadInto(key, wrong);
                    QFAIL(("a destination of another shape was accepted for " + key).c_str());
                } catch (const Error& e) {
                    QVERIFY2(QString(e.what()).contains(name), e.what());
                }
            }
        }
    }

    // A safetensors file whose data is not aligned for its dtype (a header of odd length) is read
    // through a copy, since the copy kernels assume aligned elements.
    void loadIntoMisalignedSafetensors() {
        QTemporaryDir dir;
        std::string header = R"({"t":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}})";
        if (header.size() % 2 == 0) header += ' ';
        const std::filesystem::path file = dir.filePath("odd.safetensors").toStdString();
        std::string bytes(8, '\0');
        for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((header.size() >> (8 * i)) & 0xff);
        const float values[6] = {1.5f, -2.f, 3.25f, 0.f, 1e-3f, 7.f};
        bytes += header + std::string(reinterpret_cast<const char*>(values), sizeof values);
        writeAll(file, bytes.data(), bytes.size());
        ckpt::SafetensorsReader reader(file);
        torch::Tensor dst = torch::empty({2, 3});
        reader.loadInto("t", dst);
        QVERIFY(torch::equal(dst, torch::from_blob(const_cast<float*>(values), {2, 3}).clone()));
        QVERIFY(torch::equal(dst, reader.load("t")));
    }

    // A direct read reads exactly the tensor's bytes, as load() does.
    void loadIntoReadsOnlyThatTensor() {
        test::GoldenData golden;
        ckpt::TorchZipReader reader(golden.file("dit_tiny_legacy.pth"));
        const TensorInfo info = reader.info("blocks.1.attn.qkv.weight");
        torch::Tensor dst = torch::empty(info.shape, info.dtype);
        reader.loadInto("blocks.1.attn.qkv.weight", dst);
        QCOMPARE(reader.bytesRead(), uint64_t(info.numel() * 4));
        QVERIFY(torch::equal(dst, reader.load("blocks.1.attn.qkv.weight")));
    }

    void smallFilesEqualTheirTwins_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("twin");
        QTest::newRow("every dtype") << "dtypes.pth" << "dtypes.safetensors";
        QTest::newRow("views sharing a storage") << "views.pth" << "views.safetensors";
        QTest::newRow("zip64 archive") << "zip64_views.pth" << "views.safetensors";
        QTest::newRow("state_dict wrapper, nested, non-tensor leaves") << "wrapped.pth" << "wrapped.safetensors";
        QTest::newRow("module state dict with _metadata") << "module_state.pth" << "module_state.safetensors";
        QTest::newRow("nn.Parameter values") << "parameters.pth" << "parameters.safetensors";
        QTest::newRow("pickle protocol 4") << "protocol4.pth" << "dtypes.safetensors";
    }
    void smallFilesEqualTheirTwins() {
        QFETCH(QString, name);
        QFETCH(QString, twin);
        ckpt::TorchZipReader reader(kData / name.toStdString());
        ckpt::SafetensorsReader expected(kData / twin.toStdString());
        const std::string diff = test::diffSources(ckpt::sourceFromReader(reader), ckpt::sourceFromReader(expected));
        QVERIFY2(diff.empty(), diff.c_str());
    }

    void keysKeepPickleOrder() {
        ckpt::TorchZipReader reader(kData / "dtypes.pth");
        const std::vector<std::string> expected = {"f32", "f16", "bf16", "f64", "i64",  "i32",
                                                   "i16", "i8",  "u8",   "bool", "scalar", "empty"};
        QCOMPARE(reader.keys(), expected);
        QCOMPARE(reader.info("bf16").dtype, torch::kBFloat16);
        QCOMPARE(reader.info("scalar").shape, std::vector<int64_t>{});
        QCOMPARE(reader.info("empty").shape, (std::vector<int64_t>{0, 3}));
    }

    void refusedFiles_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("os.system global") << "malicious_os_system.pth" << "global 'posix.system' is not allowed";
        QTest::newRow("builtins.eval global") << "malicious_eval.pth" << "global '__builtin__.eval' is not allowed";
        QTest::newRow("deflated records") << "compressed.pth" << "is compressed";
        QTest::newRow("encrypted records") << "encrypted.pth" << "is encrypted";
        QTest::newRow("legacy format") << "legacy_format.pth" << "legacy pre-1.6 format";
    }
    void refusedFiles() {
        QFETCH(QString, name);
        QFETCH(QString, message);
        const auto file = kData / name.toStdString();
        try {
            ckpt::openCheckpoint(file);
            QFAIL("opened");
        } catch (const Error& e) {
            const QString what = e.what();
            QVERIFY2(what.contains(message) && what.contains(QString::fromStdString(file.string())), e.what());
        }
        QVERIFY(!std::filesystem::exists("/tmp/ckpt_pwned"));
    }

    void missingTensorNamesTheFile() {
        ckpt::TorchZipReader reader(kData / "views.pth");
        QVERIFY_THROWS_EXCEPTION(Error, reader.load("nope"));
        QVERIFY_THROWS_EXCEPTION(Error, reader.info("nope"));
    }

    // Every cut of a real checkpoint, at 300 offsets across the file plus every byte of its
    // first and last 256, is refused with an ace::Error naming the file.
    void truncatedCopiesThrow() {
        test::GoldenData golden;
        const auto bytes = readAll(golden.file("dit_tiny_legacy.pth"));
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "cut.pth";
        std::vector<size_t> cuts;
        for (size_t i = 0; i < 300; ++i) cuts.push_back(bytes.size() * i / 300);
        for (size_t i = 0; i < 256; ++i) {
            cuts.push_back(i);
            cuts.push_back(bytes.size() - 1 - i);
        }
        for (size_t cut : cuts) {
            writeAll(file, bytes.data(), cut);
            try {
                ckpt::TorchZipReader reader(file);
                QFAIL(qPrintable(QString("a copy cut at %1 of %2 bytes opened").arg(cut).arg(bytes.size())));
            } catch (const Error& e) {
                QVERIFY2(QString(e.what()).contains(QString::fromStdString(file.string())), e.what());
            }
        }
    }

    // Flipped bytes anywhere (pickle, headers, central directory, data) never crash: the reader
    // opens and loads, or throws ace::Error naming the file.
    void corruptedCopiesNeverCrash() {
        test::GoldenData golden;
        for (const char* name : {"vae_tiny_ldm.bin", "dit_tiny_legacy.pth"}) {
            const auto original = readAll(golden.file(name));
            QTemporaryDir dir;
            const auto file = std::filesystem::path(dir.path().toStdString()) / "flipped.pth";
            std::mt19937 rng(1234);
            // Structure-heavy regions get most of the flips: the pickle at the start and the
            // central directory at the end.
            std::vector<size_t> positions;
            for (size_t i = 0; i < 250; ++i) positions.push_back(i * 23 % 6000);
            for (size_t i = 0; i < 250; ++i) positions.push_back(original.size() - 1 - (i * 47 % 12000));
            for (size_t i = 0; i < 100; ++i) positions.push_back(rng() % original.size());
            for (size_t pos : positions) {
                auto bytes = original;
                bytes[pos] = static_cast<char>(bytes[pos] ^ (1 << (rng() % 8)));
                writeAll(file, bytes.data(), bytes.size());
                QString problem;
                QVERIFY2(opensOrFailsCleanly(file, problem), qPrintable(QString("flip at %1: ").arg(pos) + problem));
            }
        }
    }

    // The CRC guards data.pkl inside an archive, so the unpickler gets damaged pickles directly:
    // every truncation and many flips of real pickles end in success or ace::Error.
    void damagedPicklesNeverCrash() {
        for (const char* name : {"wrapped.pth", "module_state.pth", "protocol4.pth", "views.pth"}) {
            ckpt::ZipArchive zip(kData / name);
            const ckpt::ZipArchive::Record* record = nullptr;
            for (const auto& r : zip.records())
                if (r.name.size() > 9 && r.name.compare(r.name.size() - 9, 9, "/data.pkl") == 0) record = &r;
            QVERIFY(record);
            std::vector<uint8_t> pickle(record->size);
            zip.read(zip.dataOffset(*record), pickle.data(), pickle.size());
            QVERIFY(!ckpt::unpickleStateDict(pickle, "intact.pkl").empty());
            std::mt19937 rng(99);
            for (size_t cut = 0; cut < pickle.size(); ++cut) {
                try {
                    ckpt::unpickleStateDict(std::span(pickle.data(), cut), "cut.pkl");
                    QFAIL(qPrintable(QString("%1 cut at %2 parsed").arg(name).arg(cut)));
                } catch (const Error& e) {
                    QVERIFY2(QString(e.what()).startsWith("cut.pkl: data.pkl: "), e.what());
                }
            }
            for (int i = 0; i < 3000; ++i) {
                auto bytes = pickle;
                bytes[rng() % bytes.size()] = static_cast<uint8_t>(rng());
                try {
                    ckpt::unpickleStateDict(bytes, "flipped.pkl");
                } catch (const Error& e) {
                    QVERIFY2(QString(e.what()).startsWith("flipped.pkl: "), e.what());
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTorchZipReader)
#include "tst_torchzipreader.moc"
