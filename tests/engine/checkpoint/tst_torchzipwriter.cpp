// TorchZipWriter: checkpoints in torch.save's format and sharded Hugging Face folders, read back
// through the engine's own readers (TorchZipReader, ShardedCheckpoint) tensor for tensor.
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "ace/common/Error.h"
#include "checkpoint/KeyMap.h"
#include "checkpoint/ShardedCheckpoint.h"
#include "checkpoint/StateDict.h"
#include "checkpoint/TorchZipReader.h"
#include "checkpoint/TorchZipWriter.h"

namespace fs = std::filesystem;
using ace::ckpt::StreamedTensor;

namespace {

StreamedTensor streamed(const std::string& name, const torch::Tensor& t) {
    return {name, t.scalar_type(), t.sizes().vec(), [t] { return t; }};
}

}  // namespace

class TestTorchZipWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripsEveryDtype_data() {
        QTest::addColumn<int>("dtype");
        for (auto d : {torch::kFloat32, torch::kFloat16, torch::kBFloat16, torch::kFloat64, torch::kInt64, torch::kInt32,
                       torch::kInt16, torch::kInt8, torch::kUInt8, torch::kBool})
            QTest::newRow(c10::toString(d)) << static_cast<int>(d);
    }
    void roundTripsEveryDtype() {
        QFETCH(int, dtype);
        const auto d = static_cast<torch::Dtype>(dtype);
        torch::manual_seed(5);
        const torch::Tensor big = (torch::randn({70, 33}) * 100).to(d);          // > 255 elements, odd sizes
        const torch::Tensor vector = (torch::randn({3}) * 100).to(d);
        const torch::Tensor empty = torch::zeros({0, 4}, torch::TensorOptions().dtype(d));
        const torch::Tensor wide = (torch::randn({2, 3, 4, 5}) * 100).to(d);
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "state.pth";
        ace::ckpt::writeTorchCheckpoint(file, {streamed("a.weight", big), streamed("a.bias", vector),
                                               streamed("empty", empty), streamed("blocks.0.conv.weight", wide)});
        QVERIFY(ace::ckpt::TorchZipReader::sniff(file));
        const ace::ckpt::TorchZipReader reader(file);
        QCOMPARE(reader.keys(), (std::vector<std::string>{"a.weight", "a.bias", "empty", "blocks.0.conv.weight"}));
        for (const auto& [key, t] : std::vector<std::pair<std::string, torch::Tensor>>{
                 {"a.weight", big}, {"a.bias", vector}, {"empty", empty}, {"blocks.0.conv.weight", wide}}) {
            const torch::Tensor back = reader.load(key);
            QCOMPARE(back.scalar_type(), d);
            QCOMPARE(back.sizes().vec(), t.sizes().vec());
            QVERIFY2(torch::equal(back, t), key.c_str());
        }
    }

    // A declared shape that the producer does not keep is refused, and nothing is left behind.
    void producerMismatchIsRefused() {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "bad.pth";
        StreamedTensor lie{"x", torch::kFloat32, {4}, [] { return torch::zeros({5}); }};
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::ckpt::writeTorchCheckpoint(file, {lie}));
        StreamedTensor complex{"z", torch::kComplexFloat, {2}, [] { return torch::zeros({2}, torch::kComplexFloat); }};
        QVERIFY_THROWS_EXCEPTION(ace::Error, ace::ckpt::writeTorchCheckpoint(file, {complex}));
    }

    // Shards of a bounded size with save_pretrained's names and index; the T5 encoder filter
    // opens only the shards holding encoder tensors.
    void shardsWithIndex() {
        torch::manual_seed(9);
        std::vector<std::pair<std::string, torch::Tensor>> tensors = {
            {"shared.weight", torch::randn({16, 8})},
            {"encoder.block.0.layer.0.SelfAttention.q.weight", torch::randn({8, 8})},
            {"encoder.final_layer_norm.weight", torch::randn({8})},
            {"decoder.block.0.layer.0.SelfAttention.q.weight", torch::randn({8, 8})},
            {"decoder.block.0.layer.2.DenseReluDense.wo.weight", torch::randn({8, 32})},
            {"lm_head.weight", torch::randn({16, 8})},
        };
        std::vector<StreamedTensor> list;
        for (const auto& [k, t] : tensors) list.push_back(streamed(k, t));
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        const fs::path index = ace::ckpt::writeShardedTorchCheckpoint(folder, "pytorch_model", list, 800);
        QCOMPARE(index.filename().string(), std::string("pytorch_model.bin.index.json"));
        // 512 + 256 + 32 | 256 | 1024 | 512 bytes with an 800-byte bound: 4 shards, the 1 KiB
        // tensor alone in its own; the encoder's tensors all in the first.
        for (const char* f : {"pytorch_model-00001-of-00004.bin", "pytorch_model-00002-of-00004.bin",
                              "pytorch_model-00003-of-00004.bin", "pytorch_model-00004-of-00004.bin"})
            QVERIFY2(fs::exists(folder / f), f);
        std::ifstream in(index);
        const auto j = nlohmann::json::parse(in);
        QCOMPARE(j["metadata"]["total_size"].get<uint64_t>(), uint64_t(512 + 256 + 32 + 256 + 1024 + 512));
        QCOMPARE(j["weight_map"]["lm_head.weight"].get<std::string>(), std::string("pytorch_model-00004-of-00004.bin"));

        const auto sharded = std::make_shared<ace::ckpt::ShardedCheckpoint>(index);
        for (const auto& [k, t] : tensors) QVERIFY2(torch::equal(sharded->load(k), t), k.c_str());

        const auto encoderOnly = std::make_shared<ace::ckpt::ShardedCheckpoint>(index);
        const auto source = ace::ckpt::selectT5EncoderKeys(ace::ckpt::sourceFromReader(
            std::shared_ptr<const ace::ckpt::CheckpointReader>(encoderOnly), ace::ckpt::isT5EncoderKey));
        QCOMPARE(source.size(), size_t(3));
        for (const auto& [k, lt] : source) (void)lt.load();
        const auto opened = encoderOnly->openedShards();
        QCOMPARE(opened, (std::vector<std::string>{"pytorch_model-00001-of-00004.bin"}));
    }
};

QTEST_GUILESS_MAIN(TestTorchZipWriter)
#include "tst_torchzipwriter.moc"
