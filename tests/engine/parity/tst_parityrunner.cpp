// The parity runner reads what a golden set asks for from its meta.json: each case's own
// configuration, shared weight files, the sampler's guidance; and reports, never crashes, when
// the set asks for something wrong. Runs on tests/data/golden2 and edited copies of it.
#include <QtTest>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "parity/ParityRunner.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kGolden2 = ACE_GOLDEN2_DIR;

json readMeta(const fs::path& dir) {
    std::ifstream in(dir / "meta.json");
    return json::parse(in);
}

// runParity (without traces) on a copy of golden2 whose meta.json `edit` changed.
std::vector<ace::ParityCheck> runEdited(const std::function<void(json&)>& edit) {
    QTemporaryDir dir;
    const fs::path root = dir.path().toStdString();
    for (const auto& entry : fs::directory_iterator(kGolden2))
        if (entry.path().filename() != "meta.json") fs::copy_file(entry.path(), root / entry.path().filename());
    json meta = readMeta(kGolden2);
    edit(meta);
    std::ofstream(root / "meta.json") << meta.dump(1);
    ace::ParityOptions options;
    options.traces = false;
    return ace::runParity(root, options);
}

std::vector<ace::ParityCheck> failuresOf(const std::vector<ace::ParityCheck>& checks, const std::string& caseName) {
    std::vector<ace::ParityCheck> out;
    for (const auto& c : checks)
        if (!c.ok() && c.caseName.starts_with(caseName)) out.push_back(c);
    return out;
}

}  // namespace

class TestParityRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsEveryCaseOfTheSecondSet() {
        const auto checks = ace::runParity(kGolden2, ace::ParityOptions{});
        std::set<std::string> cases;
        for (const auto& c : checks) {
            if (!c.ok()) QFAIL(qPrintable(QString::fromStdString(c.caseName + " " + c.item)));
            cases.insert(c.caseName);
        }
        const json meta = readMeta(kGolden2);
        for (auto it = meta.at("cases").begin(); it != meta.at("cases").end(); ++it) {
            if (it.key() == "sampler") {
                QVERIFY(cases.count("sampler") && cases.count("sampler_fp32attn"));
                continue;
            }
            QVERIFY2(cases.count(it.key()), it.key().c_str());
        }
        // Both DiT configurations were built (one RoPE table each), with one weight file.
        QVERIFY(cases.count("rope.dit_small"));
        QVERIFY(cases.count("rope.dit_small_1024"));
        QVERIFY(!fs::exists(kGolden2 / "dit_small_1024.safetensors"));
    }

    // The 1024px-form case has frames longer than the 512px form's RoPE table: run with the
    // wrong configuration it must be reported (the engine refuses it; the reference crashes).
    void aCaseRunsWithItsOwnConfiguration() {
        const auto checks = runEdited([](json& meta) { meta["cases"]["dit.case5_1024"]["config"] = "dit_small"; });
        const auto failed = failuresOf(checks, "dit.case5_1024");
        QCOMPARE(failed.size(), size_t{1});
        QVERIFY2(failed[0].item.starts_with("could not run"), failed[0].item.c_str());
        QVERIFY(failuresOf(checks, "dit.case1_t2i").empty());
    }

    void unknownConfigurationIsReportedByName() {
        const auto checks = runEdited([](json& meta) {
            meta["cases"]["dit.case2_edit"]["config"] = "dit_missing";
            meta["cases"]["vae"]["config"] = "dit_small";  // not an AutoencoderKL
        });
        const auto dit = failuresOf(checks, "dit.case2_edit");
        QCOMPARE(dit.size(), size_t{1});
        QVERIFY2(dit[0].item.find("dit_missing") != std::string::npos, dit[0].item.c_str());
        const auto vae = failuresOf(checks, "vae");
        QCOMPARE(vae.size(), size_t{1});
        QVERIFY2(vae[0].item.find("not a AutoencoderKL") != std::string::npos, vae[0].item.c_str());
    }

    // PRETRAINED_MODEL may only name a file of the golden directory itself.
    void weightFileOutsideTheSetIsNotFollowed() {
        const auto checks = runEdited([](json& meta) {
            meta["configs"]["dit_small_1024"]["PRETRAINED_MODEL"] = "../golden2/dit_small.safetensors";
        });
        const auto failed = failuresOf(checks, "dit.case5_1024");
        QCOMPARE(failed.size(), size_t{1});
        QVERIFY2(failed[0].item.find("no weight file for configuration 'dit_small_1024'") != std::string::npos,
                 failed[0].item.c_str());
    }

    // The sampler's guidance comes from the set (here 6.0 / 0.7): another value must fail.
    void samplerGuidanceComesFromTheSet() {
        QCOMPARE(readMeta(kGolden2)["cases"]["sampler"]["guide_scale"].get<double>(), 6.0);
        const auto checks = runEdited([](json& meta) { meta["cases"]["sampler"]["guide_scale"] = 4.5; });
        QVERIFY(!failuresOf(checks, "sampler_fp32attn").empty());
        QVERIFY(failuresOf(checks, "dit.").empty());
    }
};

QTEST_GUILESS_MAIN(TestParityRunner)
#include "tst_parityrunner.moc"
