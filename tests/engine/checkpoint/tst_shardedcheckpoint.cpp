// ShardedCheckpoint: a Hugging Face index over torch zip shards of a T5-like encoder-decoder
// (tied embeddings sharing one storage). The encoder selection opens and reads no decoder-only
// shard (proved with that shard truncated or its tensor bytes destroyed); a missing shard is
// reported naming the shard and the index.
#include <QtTest>

#include <algorithm>
#include <fstream>

#include <torch/types.h>

#include "SourceCompare.h"
#include "ace/common/Error.h"
#include "checkpoint/KeyMap.h"
#include "checkpoint/SafetensorsReader.h"
#include "checkpoint/ShardedCheckpoint.h"
#include "checkpoint/TorchZipReader.h"

using namespace ace;

namespace {

const std::filesystem::path kShards = std::filesystem::path(ACE_TEST_DATA_DIR) / "checkpoint" / "t5_sharded";
const std::string kIndex = "pytorch_model.bin.index.json";
const std::string kDecoderShard = "pytorch_model-00003-of-00003.bin";

// A writable copy of the shard folder.
struct ShardCopy {
    QTemporaryDir dir;
    std::filesystem::path path() const { return dir.path().toStdString(); }
    ShardCopy() {
        for (const auto& entry : std::filesystem::directory_iterator(kShards))
            std::filesystem::copy_file(entry.path(), path() / entry.path().filename());
    }
    std::filesystem::path index() const { return path() / kIndex; }
};

// The encoder tensors the way the T5 encoder loads them, checked against the expected values.
std::string encoderDiff(const ckpt::TensorSource& encoder) {
    ckpt::SafetensorsReader expected(std::filesystem::path(ACE_TEST_DATA_DIR) / "checkpoint" /
                                     "t5_full_expected.safetensors");
    return test::diffSources(encoder, ckpt::selectT5EncoderKeys(ckpt::sourceFromReader(expected)));
}

}  // namespace

class TestShardedCheckpoint : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsEveryTensorThroughTheIndex() {
        auto reader = ckpt::openCheckpoint(kShards / kIndex);
        auto* sharded = dynamic_cast<ckpt::ShardedCheckpoint*>(reader.get());
        QVERIFY(sharded);
        QCOMPARE(int(sharded->keys().size()), 11);
        QCOMPARE(QString::fromStdString(sharded->keys().front()), QString("shared.weight"));
        QCOMPARE(int(sharded->shardNames().size()), 3);
        QVERIFY(sharded->openedShards().empty());  // nothing opened until asked
        ckpt::SafetensorsReader expected(std::filesystem::path(ACE_TEST_DATA_DIR) / "checkpoint" /
                                         "t5_full_expected.safetensors");
        const std::string diff = test::diffSources(ckpt::sourceFromReader(*reader), ckpt::sourceFromReader(expected));
        QVERIFY2(diff.empty(), diff.c_str());
        QCOMPARE(int(sharded->openedShards().size()), 3);
    }

    void encoderSelectionNeverOpensDecoderShard() {
        ShardCopy copy;
        // The decoder-only shard cut to a few bytes: opening it would fail.
        std::filesystem::resize_file(copy.path() / kDecoderShard, 100);
        auto reader = std::shared_ptr<const ckpt::CheckpointReader>(ckpt::openCheckpoint(copy.index()));
        const auto encoder = ckpt::selectT5EncoderKeys(ckpt::sourceFromReader(reader, ckpt::isT5EncoderKey));
        QCOMPARE(int(encoder.size()), 5);
        const std::string diff = encoderDiff(encoder);
        QVERIFY2(diff.empty(), diff.c_str());
        const auto opened = dynamic_cast<const ckpt::ShardedCheckpoint&>(*reader).openedShards();
        QCOMPARE(int(opened.size()), 2);
        QVERIFY(std::find(opened.begin(), opened.end(), kDecoderShard) == opened.end());
        // Without the filter the damaged shard is reported by name.
        try {
            ckpt::sourceFromReader(reader);
            QFAIL("the truncated shard opened");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains(QString::fromStdString(kDecoderShard)), e.what());
        }
    }

    void encoderSelectionReadsNoDecoderBytes() {
        ShardCopy copy;
        // Destroy the tensor bytes of the decoder-only shard, keeping its pickle and directory.
        const auto shard = copy.path() / kDecoderShard;
        {
            ckpt::ZipArchive zip(shard);
            std::fstream io(shard, std::ios::binary | std::ios::in | std::ios::out);
            int destroyed = 0;
            for (const auto& r : zip.records()) {
                if (r.name.find("/data/") == std::string::npos || r.name.find("/.data/") != std::string::npos) continue;
                io.seekp(static_cast<std::streamoff>(zip.dataOffset(r)));
                const std::string garbage(r.size, '\xff');
                io.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
                ++destroyed;
            }
            QCOMPARE(destroyed, 4);
        }
        auto sharded = std::make_shared<ckpt::ShardedCheckpoint>(copy.index());
        // All shards opened (their shapes are known), the decoder's bytes never read.
        const auto encoder = ckpt::selectT5EncoderKeys(ckpt::sourceFromReader(sharded));
        QCOMPARE(int(sharded->openedShards().size()), 3);
        const std::string diff = encoderDiff(encoder);
        QVERIFY2(diff.empty(), diff.c_str());
        QCOMPARE(sharded->shardBytesRead(kDecoderShard), uint64_t(0));
        uint64_t encoderBytes = 0;
        for (const auto& [key, lt] : encoder) encoderBytes += uint64_t(torch::zeros(lt.shape).numel()) * 4;
        QCOMPARE(sharded->bytesRead(), encoderBytes);
        // The destroyed bytes are really there: the decoder tensors now differ.
        QVERIFY(!torch::isfinite(sharded->load("lm_head.weight")).all().item<bool>());
    }

    void missingShardNamesShardAndIndex() {
        ShardCopy copy;
        std::filesystem::remove(copy.path() / "pytorch_model-00002-of-00003.bin");
        auto reader = ckpt::openCheckpoint(copy.index());
        try {
            reader->info("encoder.final_layer_norm.weight");
            QFAIL("no error");
        } catch (const Error& e) {
            const QString what = e.what();
            QVERIFY2(what.contains("pytorch_model-00002-of-00003.bin") && what.contains(QString::fromStdString(kIndex)) &&
                         what.contains("missing"),
                     e.what());
        }
        // Tensors of the other shards still load.
        QCOMPARE(reader->info("shared.weight").shape, (std::vector<int64_t>{12, 4}));
    }

    void invalidIndexes_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << "{\"weight_map\": {" << "not JSON";
        QTest::newRow("no weight_map") << "{\"metadata\": {}}" << "no \"weight_map\"";
        QTest::newRow("shard not a string") << "{\"weight_map\": {\"a\": 3}}" << "not a file name";
        QTest::newRow("escaping path") << "{\"weight_map\": {\"a\": \"../x.bin\"}}" << "inside the index's folder";
        QTest::newRow("absolute path") << "{\"weight_map\": {\"a\": \"/etc/passwd\"}}" << "inside the index's folder";
        QTest::newRow("empty") << "{\"weight_map\": {}}" << "no tensors";
    }
    void invalidIndexes() {
        QFETCH(QString, json);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "model.bin.index.json";
        std::ofstream(file) << json.toStdString();
        try {
            ckpt::openCheckpoint(file);
            QFAIL("opened");
        } catch (const Error& e) {
            const QString what = e.what();
            QVERIFY2(what.contains(message) && what.contains("model.bin.index.json"), e.what());
        }
    }

    void shardLackingItsTensorIsReported() {
        ShardCopy copy;
        std::ifstream in(copy.index());
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        // Claim lm_head is in the first shard.
        const std::string from = "\"lm_head.weight\": \"pytorch_model-00003-of-00003.bin\"";
        const auto pos = text.find(from);
        QVERIFY(pos != std::string::npos);
        text.replace(pos, from.size(), "\"lm_head.weight\": \"pytorch_model-00001-of-00003.bin\"");
        std::ofstream(copy.index(), std::ios::trunc) << text;
        auto reader = ckpt::openCheckpoint(copy.index());
        try {
            reader->load("lm_head.weight");
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("lm_head.weight") && QString(e.what()).contains("00001"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestShardedCheckpoint)
#include "tst_shardedcheckpoint.moc"
