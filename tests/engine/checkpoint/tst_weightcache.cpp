// WeightCache: a source converted once to a bf16/fp16 safetensors file (streamed, atomic,
// with progress), reused while the origin files and layout are unchanged, rebuilt when stale,
// truncated, corrupt or of another dtype; a failed conversion leaves no file behind.
#include <QtTest>

#include <fstream>
#include <thread>

#include <torch/types.h>

#include "GoldenData.h"
#include "SourceCompare.h"
#include "ace/common/Error.h"
#include "checkpoint/KeyMap.h"
#include "checkpoint/SafetensorsReader.h"
#include "checkpoint/TorchZipReader.h"
#include "checkpoint/WeightCache.h"

using namespace ace;

namespace {

struct Conversion {
    std::vector<double> steps;
    std::function<void(double)> callback() {
        return [this](double f) { steps.push_back(f); };
    }
};

std::filesystem::file_time_type mtimeOf(const std::filesystem::path& f) { return std::filesystem::last_write_time(f); }

}  // namespace

class TestWeightCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void convertsOnceThenReuses() {
        test::GoldenData golden;
        const auto origin = golden.file("dit_tiny_legacy.pth");
        auto reader = std::make_shared<ckpt::TorchZipReader>(origin);
        const auto source = ckpt::mapDitKeys(ckpt::sourceFromReader(reader));
        QTemporaryDir dir;
        const auto cacheFile = std::filesystem::path(dir.path().toStdString()) / "sub" / "dit.bf16.safetensors";

        Conversion first;
        const auto cached = ckpt::cachedSource(source, {origin}, cacheFile, torch::kBFloat16, first.callback());
        QCOMPARE(first.steps.size(), source.size());
        QVERIFY(std::is_sorted(first.steps.begin(), first.steps.end()));
        QCOMPARE(first.steps.back(), 1.0);
        QVERIFY(std::filesystem::exists(cacheFile));
        QCOMPARE(int(std::distance(std::filesystem::directory_iterator(cacheFile.parent_path()),
                                   std::filesystem::directory_iterator())),
                 1);  // no temporary left
        QCOMPARE(cached.size(), source.size());
        for (const auto& [key, lt] : source) {
            const auto& c = cached.at(key);
            QCOMPARE(c.shape, lt.shape);
            QCOMPARE(c.dtype, torch::kBFloat16);
            QVERIFY2(torch::equal(c.load(), lt.load().to(torch::kBFloat16)), key.c_str());
        }
        // bf16 halves the fp32 size.
        QVERIFY(std::filesystem::file_size(cacheFile) < std::filesystem::file_size(origin) * 6 / 10);

        const auto stamp = mtimeOf(cacheFile);
        Conversion second;
        const auto reused = ckpt::cachedSource(source, {origin}, cacheFile, torch::kBFloat16, second.callback());
        QVERIFY(second.steps.empty());
        QCOMPARE(mtimeOf(cacheFile), stamp);
        const std::string diff = test::diffSources(reused, cached);
        QVERIFY2(diff.empty(), diff.c_str());
    }

    void nonFloatTensorsKeepTheirDtype() {
        const auto origin = std::filesystem::path(ACE_TEST_DATA_DIR) / "checkpoint" / "module_state.pth";
        auto reader = std::make_shared<ckpt::TorchZipReader>(origin);
        QTemporaryDir dir;
        const auto cacheFile = std::filesystem::path(dir.path().toStdString()) / "m.safetensors";
        const auto cached = ckpt::cachedSource(ckpt::sourceFromReader(reader), {origin}, cacheFile, torch::kFloat16);
        QCOMPARE(cached.at("1.num_batches_tracked").dtype, torch::kInt64);
        QCOMPARE(cached.at("0.weight").dtype, torch::kFloat16);
        QVERIFY(torch::equal(cached.at("1.num_batches_tracked").load(), reader->load("1.num_batches_tracked")));
    }

    // What the model keeps in another dtype (fp32 norms in a half model) is stored so, exactly;
    // a cache made with other kept keys is rebuilt.
    void keptTensorsKeepTheirDtype() {
        test::GoldenData golden;
        const auto origin = golden.file("dit_tiny_legacy.pth");
        auto reader = std::make_shared<ckpt::TorchZipReader>(origin);
        const auto source = ckpt::mapDitKeys(ckpt::sourceFromReader(reader));
        QTemporaryDir dir;
        const auto cacheFile = std::filesystem::path(dir.path().toStdString()) / "dit.safetensors";
        const std::map<std::string, torch::Dtype> keep{{"blocks.0.scale_shift_table", torch::kFloat32},
                                                       {"blocks.0.attn.norm_q.weight", torch::kFloat32}};
        Conversion first;
        const auto cached = ckpt::cachedSource(source, {origin}, cacheFile, torch::kFloat16, first.callback(), keep);
        QVERIFY(!first.steps.empty());
        for (const auto& [key, dtype] : keep) {
            QCOMPARE(cached.at(key).dtype, dtype);
            QVERIFY2(torch::equal(cached.at(key).load(), source.at(key).load()), key.c_str());
        }
        QCOMPARE(cached.at("blocks.0.attn.q.weight").dtype, torch::kFloat16);
        Conversion same;
        ckpt::cachedSource(source, {origin}, cacheFile, torch::kFloat16, same.callback(), keep);
        QVERIFY(same.steps.empty());
        Conversion other;
        const auto plain = ckpt::cachedSource(source, {origin}, cacheFile, torch::kFloat16, other.callback());
        QVERIFY(!other.steps.empty());
        QCOMPARE(plain.at("blocks.0.scale_shift_table").dtype, torch::kFloat16);
    }

    void rebuildsWhenStaleOrBroken_data() {
        QTest::addColumn<QString>("change");
        QTest::newRow("origin modified") << "touch";
        QTest::newRow("origin grew") << "append";
        QTest::newRow("cache truncated") << "truncate";
        QTest::newRow("cache garbage") << "garbage";
        QTest::newRow("other dtype") << "dtype";
        QTest::newRow("other layout") << "layout";
        QTest::newRow("other origin list") << "origins";
    }
    void rebuildsWhenStaleOrBroken() {
        QFETCH(QString, change);
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        const auto origin = root / "views.pth";
        std::filesystem::copy_file(std::filesystem::path(ACE_TEST_DATA_DIR) / "checkpoint" / "views.pth", origin);
        const auto cacheFile = root / "views.cache.safetensors";
        auto makeSource = [&] { return ckpt::openSource(origin); };
        ckpt::cachedSource(makeSource(), {origin}, cacheFile, torch::kBFloat16);

        torch::Dtype dtype = torch::kBFloat16;
        std::vector<std::filesystem::path> origins = {origin};
        auto source = makeSource();
        if (change == "touch") {
            std::filesystem::last_write_time(origin, mtimeOf(origin) + std::chrono::seconds(5));
        } else if (change == "append") {
            std::ofstream(origin, std::ios::app | std::ios::binary) << "x";
        } else if (change == "truncate") {
            std::filesystem::resize_file(cacheFile, std::filesystem::file_size(cacheFile) - 10);
        } else if (change == "garbage") {
            std::ofstream(cacheFile, std::ios::trunc) << "not a safetensors file";
        } else if (change == "dtype") {
            dtype = torch::kFloat16;
        } else if (change == "layout") {
            source.erase("row");
        } else if (change == "origins") {
            origins.push_back(std::filesystem::path(ACE_TEST_DATA_DIR) / "checkpoint" / "dtypes.pth");
        }
        Conversion rebuild;
        const auto cached = ckpt::cachedSource(source, origins, cacheFile, dtype, rebuild.callback());
        QCOMPARE(rebuild.steps.size(), source.size());
        QCOMPARE(cached.size(), source.size());
        for (const auto& [key, lt] : source) QVERIFY(torch::equal(cached.at(key).load(), lt.load().to(dtype)));
        // And the rebuilt cache is reused from now on.
        Conversion again;
        ckpt::cachedSource(source, origins, cacheFile, dtype, again.callback());
        QVERIFY(again.steps.empty());
    }

    void failedConversionLeavesNothing() {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        const auto origin = std::filesystem::path(ACE_TEST_DATA_DIR) / "checkpoint" / "views.pth";
        auto source = ckpt::openSource(origin);
        source["zz_broken"] = ckpt::LazyTensor{{2}, torch::kFloat32,
                                               []() -> torch::Tensor { throw Error("broken.pth", "cannot read"); },
                                               "broken.pth:zz_broken"};
        const auto cacheFile = root / "c.safetensors";
        QVERIFY_THROWS_EXCEPTION(Error, ckpt::cachedSource(source, {origin}, cacheFile, torch::kBFloat16));
        QVERIFY(std::filesystem::is_empty(root));
    }

    void missingOriginFileThrows() {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        const auto source = ckpt::openSource(std::filesystem::path(ACE_TEST_DATA_DIR) / "checkpoint" / "views.pth");
        try {
            ckpt::cachedSource(source, {root / "gone.pth"}, root / "c.safetensors", torch::kBFloat16);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("gone.pth"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestWeightCache)
#include "tst_weightcache.moc"
