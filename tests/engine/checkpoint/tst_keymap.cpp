// KeyMap: legacy DiT names, LDM VAE names and the T5 encoder selection map onto the engine's
// parameter names exactly (golden weights value for value, full-size manifests name for name),
// and lazily (nothing is read until a mapped tensor is loaded; dropped tensors never).
#include <QtTest>

#include <torch/types.h>

#include "GoldenData.h"
#include "SourceCompare.h"
#include "ace/common/Error.h"
#include "checkpoint/KeyMap.h"
#include "checkpoint/SafetensorsReader.h"

using namespace ace;

namespace {

// Resolves the "identical to <other>" notes meta.json uses for manifests it does not repeat.
nlohmann::json manifest(const nlohmann::json& manifests, const std::string& name) {
    nlohmann::json m = manifests.at(name);
    if (m.is_string()) {
        const std::string note = m.get<std::string>();
        const std::string prefix = "identical to ";
        if (note.rfind(prefix, 0) != 0) throw std::runtime_error("manifest " + name + ": " + note);
        return manifests.at(note.substr(prefix.size()));
    }
    return m;
}

ckpt::LazyTensor unreadable(std::vector<int64_t> shape, const std::string& key) {
    return ckpt::LazyTensor{std::move(shape), torch::kFloat32,
                            [key]() -> torch::Tensor { throw std::logic_error("dropped tensor was read: " + key); },
                            "test:" + key};
}

}  // namespace

class TestKeyMap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ditLegacyGoldenEqualsCurrent() {
        test::GoldenData golden;
        ckpt::SafetensorsReader legacy(golden.file("dit_tiny_legacy.safetensors"));
        ckpt::SafetensorsReader current(golden.file("dit_tiny.safetensors"));
        const auto mapped = ckpt::mapDitKeys(ckpt::sourceFromReader(legacy));
        const auto expected = ckpt::sourceFromReader(current);
        QCOMPARE(mapped.size(), expected.size());
        const std::string diff = test::diffSources(mapped, expected);
        QVERIFY2(diff.empty(), diff.c_str());
    }

    void ditCurrentNamesPassUnchanged() {
        test::GoldenData golden;
        ckpt::SafetensorsReader current(golden.file("dit_tiny.safetensors"));
        const auto source = ckpt::sourceFromReader(current);
        const std::string diff = test::diffSources(ckpt::mapDitKeys(source), source);
        QVERIFY2(diff.empty(), diff.c_str());
    }

    void vaeLdmGoldenEqualsScepter() {
        test::GoldenData golden;
        ckpt::SafetensorsReader ldm(golden.file("vae_tiny_ldm.safetensors"));
        ckpt::SafetensorsReader scepter(golden.file("vae_tiny.safetensors"));
        const auto mapped = ckpt::mapVaeKeys(ckpt::sourceFromReader(ldm));
        const std::string diff = test::diffSources(mapped, ckpt::sourceFromReader(scepter));
        QVERIFY2(diff.empty(), diff.c_str());
        // Scepter names are a fixed point.
        const auto again = ckpt::mapVaeKeys(ckpt::sourceFromReader(scepter));
        QVERIFY(test::diffSources(again, ckpt::sourceFromReader(scepter), false).empty());
    }

    void fullSizeManifests_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("count");
        QTest::newRow("dit 512 legacy") << "dit_ace_0.6b_512_legacy_fused_names" << "dit_ace_0.6b_512" << "dit" << 715;
        QTest::newRow("dit 1024 legacy") << "dit_ace_0.6b_512_legacy_fused_names" << "dit_ace_0.6b_1024" << "dit" << 715;
        QTest::newRow("dit 512 current") << "dit_ace_0.6b_512" << "dit_ace_0.6b_512" << "dit" << 715;
        QTest::newRow("vae ldm") << "vae_ldm_names" << "vae_scepter_names" << "vae" << 248;
    }
    void fullSizeManifests() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, kind);
        QFETCH(int, count);
        test::GoldenData golden;
        const auto& manifests = golden.meta().at("manifests");
        const auto source = test::sourceFromManifest(manifest(manifests, from.toStdString()));
        const auto expected = test::sourceFromManifest(manifest(manifests, to.toStdString()));
        // Mapping reads nothing: the manifest sources throw on load.
        const auto mapped = kind == "dit" ? ckpt::mapDitKeys(source) : ckpt::mapVaeKeys(source);
        QCOMPARE(int(mapped.size()), count);
        const std::string diff = test::diffSources(mapped, expected, false);
        QVERIFY2(diff.empty(), diff.c_str());
    }

    void ditFourChannelXEmbedderIsZeroPadded() {
        test::GoldenData golden;
        auto legacy = manifest(golden.meta().at("manifests"), "dit_ace_0.6b_512_legacy_fused_names");
        legacy["x_embedder.proj.weight"][0] = std::vector<int64_t>{1152, 4, 2, 2};
        const auto mapped = ckpt::mapDitKeys(test::sourceFromManifest(legacy));
        QCOMPARE(mapped.at("x_embedder.proj.weight").shape, (std::vector<int64_t>{1152, 5, 2, 2}));

        const auto w = torch::randn({8, 4, 2, 2});
        const auto b = torch::randn({8});
        auto loads = std::make_shared<int>(0);
        const auto small = ckpt::mapDitKeys(
            test::sourceFromTensors({{"x_embedder.proj.weight", w}, {"x_embedder.proj.bias", b}}, loads));
        QCOMPARE(*loads, 0);
        const auto padded = small.at("x_embedder.proj.weight").load();
        QCOMPARE(padded.sizes().vec(), (std::vector<int64_t>{8, 5, 2, 2}));
        QVERIFY(torch::equal(padded.narrow(1, 0, 4), w));
        QVERIFY(torch::equal(padded.select(1, 4), torch::zeros({8, 2, 2})));
        QVERIFY(torch::equal(small.at("x_embedder.proj.bias").load(), b));
        // Only the exact key is padded; a 5-channel weight passes unchanged.
        const auto five = torch::randn({8, 5, 2, 2});
        const auto same = ckpt::mapDitKeys(test::sourceFromTensors({{"x_embedder.proj.weight", five}}));
        QVERIFY(torch::equal(same.at("x_embedder.proj.weight").load(), five));
        const auto other = ckpt::mapDitKeys(test::sourceFromTensors({{"proj.weight", w}}));
        QCOMPARE(other.at("proj.weight").shape, (std::vector<int64_t>{8, 4, 2, 2}));
    }

    void ditFusedSplitsAreLazyAndExact() {
        const auto qkv = torch::arange(6 * 3, torch::kFloat32).reshape({6, 3});
        const auto qkvBias = torch::arange(6, torch::kFloat32);
        const auto kv = torch::arange(4 * 3, torch::kFloat32).reshape({4, 3}) + 100;
        auto loads = std::make_shared<int>(0);
        const auto mapped = ckpt::mapDitKeys(test::sourceFromTensors({{"blocks.3.attn.qkv.weight", qkv},
                                                                      {"blocks.3.attn.qkv.bias", qkvBias},
                                                                      {"blocks.3.cross_attn.kv_linear.weight", kv},
                                                                      {"blocks.3.cross_attn.q_linear.bias", qkvBias},
                                                                      {"blocks.3.cross_attn.proj.weight", kv},
                                                                      {"blocks.3.attn.proj.bias", qkvBias},
                                                                      {"y_embedder.y_proj.fc1.weight", kv}},
                                                                     loads));
        QCOMPARE(*loads, 0);
        QCOMPARE(mapped.size(), size_t(12));
        const char* parts[] = {"q", "k", "v"};
        for (int i = 0; i < 3; ++i) {
            const auto& w = mapped.at(std::string("blocks.3.attn.") + parts[i] + ".weight");
            QCOMPARE(w.shape, (std::vector<int64_t>{2, 3}));
            QVERIFY(torch::equal(w.load(), qkv.narrow(0, 2 * i, 2)));
            QVERIFY(torch::equal(mapped.at(std::string("blocks.3.attn.") + parts[i] + ".bias").load(),
                                 qkvBias.narrow(0, 2 * i, 2)));
        }
        QVERIFY(torch::equal(mapped.at("blocks.3.cross_attn.k.weight").load(), kv.narrow(0, 0, 2)));
        QVERIFY(torch::equal(mapped.at("blocks.3.cross_attn.v.weight").load(), kv.narrow(0, 2, 2)));
        QVERIFY(mapped.at("blocks.3.cross_attn.v.weight").load().is_contiguous());
        QVERIFY(mapped.count("blocks.3.cross_attn.q.bias"));
        QVERIFY(mapped.count("blocks.3.cross_attn.o.weight"));
        QVERIFY(mapped.count("blocks.3.attn.o.bias"));
        QVERIFY(mapped.count("y_embedder.fc1.weight"));
    }

    // A key map's slices and pads load through their own function, never by copying the file's
    // whole tensor straight into the destination: wherever a mapped key offers the direct copy, it
    // gives what load() gives.
    void directCopiesGiveWhatLoadGives() {
        test::GoldenData golden;
        const auto mapped = ckpt::mapDitKeys(ckpt::openSource(golden.file("dit_tiny_legacy.pth")));
        QVERIFY(!mapped.at("blocks.1.attn.q.weight").loadInto);
        int direct = 0;
        for (const auto& [key, lt] : mapped) {
            if (!lt.loadInto) continue;
            torch::Tensor dst = torch::empty(lt.shape, lt.dtype);
            lt.loadInto(dst);
            QVERIFY2(torch::equal(dst, lt.load()), key.c_str());
            ++direct;
        }
        QVERIFY(direct > 0);
    }

    void ditStateDictWrapperIsRemoved() {
        const auto w = torch::randn({3, 3});
        const auto mapped = ckpt::mapDitKeys(test::sourceFromTensors(
            {{"state_dict.t_block.1.weight", w}, {"state_dict.blocks.0.attn.proj.weight", w}, {"ema.t_block.1.weight", w}}));
        QCOMPARE(mapped.size(), size_t(2));
        QVERIFY(mapped.count("t_block.1.weight"));
        QVERIFY(mapped.count("blocks.0.attn.o.weight"));
    }

    void ditBadFusedTensorsThrow_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("rows");
        QTest::newRow("qkv not divisible by 3") << "blocks.0.attn.qkv.weight" << 7;
        QTest::newRow("kv not divisible by 2") << "blocks.0.cross_attn.kv_linear.bias" << 5;
    }
    void ditBadFusedTensorsThrow() {
        QFETCH(QString, key);
        QFETCH(int, rows);
        ckpt::TensorSource src{{key.toStdString(), unreadable({rows, 4}, key.toStdString())}};
        try {
            ckpt::mapDitKeys(src);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains(key), e.what());
        }
    }

    void ditCollisionThrowsNamingBoth() {
        ckpt::TensorSource src{{"blocks.0.attn.qkv.weight", unreadable({6, 2}, "fused")},
                               {"blocks.0.attn.k.weight", unreadable({2, 2}, "separate")}};
        try {
            ckpt::mapDitKeys(src);
            QFAIL("no error");
        } catch (const Error& e) {
            const QString what = e.what();
            QVERIFY2(what.contains("blocks.0.attn.k.weight") && what.contains("test:fused") &&
                         what.contains("test:separate"),
                     e.what());
        }
    }

    void vaeFullLdmCheckpointKeepsFirstStageOnly() {
        ckpt::TensorSource src{{"state_dict.first_stage_model.post_quant_conv.weight", unreadable({4, 4, 1, 1}, "a")},
                               {"state_dict.first_stage_model.quant_conv.bias", unreadable({8}, "b")},
                               {"state_dict.first_stage_model.encoder.conv_in.weight", unreadable({8, 3, 3, 3}, "c")},
                               {"state_dict.model.diffusion_model.out.weight", unreadable({4}, "d")},
                               {"state_dict.cond_stage_model.x", unreadable({4}, "e")}};
        const auto mapped = ckpt::mapVaeKeys(src);
        QCOMPARE(mapped.size(), size_t(3));
        QVERIFY(mapped.count("conv2.weight"));
        QVERIFY(mapped.count("conv1.bias"));
        QVERIFY(mapped.count("encoder.conv_in.weight"));
    }

    void t5EncoderSelectionReadsNoDroppedTensor() {
        ckpt::TensorSource src{{"shared.weight", unreadable({10, 4}, "shared")},
                               {"encoder.embed_tokens.weight", unreadable({10, 4}, "enc-embed")},
                               {"encoder.block.0.layer.0.SelfAttention.q.weight", unreadable({4, 4}, "q")},
                               {"encoder.final_layer_norm.weight", unreadable({4}, "ln")},
                               {"decoder.embed_tokens.weight", unreadable({10, 4}, "dec-embed")},
                               {"decoder.block.0.layer.0.SelfAttention.q.weight", unreadable({4, 4}, "dq")},
                               {"lm_head.weight", unreadable({10, 4}, "lm")}};
        const auto selected = ckpt::selectT5EncoderKeys(src);
        QCOMPARE(selected.size(), size_t(3));
        QCOMPARE(QString::fromStdString(selected.at("shared.weight").origin), QString("test:shared"));
        QVERIFY(selected.count("encoder.block.0.layer.0.SelfAttention.q.weight"));
        QVERIFY(selected.count("encoder.final_layer_norm.weight"));

        // Without shared.weight the tied encoder alias stands in for it.
        src.erase("shared.weight");
        const auto aliased = ckpt::selectT5EncoderKeys(src);
        QCOMPARE(aliased.size(), size_t(3));
        QCOMPARE(QString::fromStdString(aliased.at("shared.weight").origin), QString("test:enc-embed"));
        QVERIFY(!aliased.count("encoder.embed_tokens.weight"));
    }
};

QTEST_GUILESS_MAIN(TestKeyMap)
#include "tst_keymap.moc"
