// The shipped built-in model (resources/models/builtin, or the folder given as
// ACE_BUILTIN_MODEL_DIR) does ACE's task families on its small world: fresh samples of every kind
// (a data seed its training never used) go through the app's own pipeline (AceModel +
// EditSession, turns as a user sends them) and are judged by the generator's own scores
// (synth/TaskScores.h). Each bound was set from `ace-train eval` on these weights with a margin
// (resources/models/README.md has the measured figures), and is either fixed or a factor of what
// the do-nothing answer (the last input) or chance (another sample's target)
// scores on the same samples, so a bound that passes means behaviour.
//
// Rows marked "not learned yet" state the behaviour issue 6 asks for, which the shipped weights do
// not have yet: they run and are reported as expected failures (QEXPECT_FAIL), and turn into an
// unexpected pass, which fails the test, once a better model ships, so the mark must then go.
#include <QtTest>

#include <cmath>
#include <map>
#include <set>

#include "Evaluation.h"
#include "ace/engine/BuiltInModel.h"
#include "ace/engine/Pipeline.h"

using namespace ace::train;
using ace::synth::TaskKind;

namespace {

constexpr std::uint64_t kFreshSeed = 4242;  // training used 2024; eval runs during training 777
constexpr int kSamplesPerKind = 8;

enum class Direction { AtMost, AtLeast };
// What `bound` is relative to: nothing (a fixed value), a baseline answer's `reference` score (the
// do-nothing answer's baseline_l1 / edit_baseline_l1, the trivial fill's edit_fill_l1), or the
// chance answer's value of the same score.
enum class Reference { Fixed, Baseline, Chance };

struct Expectation {
    TaskKind kind;
    const char* score;
    Direction direction;
    double bound;
    Reference reference = Reference::Fixed;
    const char* referenceScore = nullptr;  // for Reference::Baseline
    const char* notLearnedYet = nullptr;   // why the row is an expected failure
};

constexpr Direction kAtMost = Direction::AtMost, kAtLeast = Direction::AtLeast;
constexpr const char* kNotLearned = "issue 6: the shipped weights have not learned this yet";

constexpr Reference kFixed = Reference::Fixed, kBaseline = Reference::Baseline, kChance = Reference::Chance;

// The behaviour each family must show, with the shipped weights' measurement (seed 4242, 8 samples
// per kind) beside each bound; see the README for the whole table.
const std::vector<Expectation>& expectations() {
    static const std::vector<Expectation> all = {
        // text-to-image: the requested colours and shapes
        // (colour recall is a fixed bound: noise recalls colours too, about 1.8 x chance for an
        // untrained model, so a factor of chance does not tell drawing from noise)
        {TaskKind::TextToImage, "colour_recall", kAtLeast, 0.5},                                  // 0.878
        {TaskKind::TextToImage, "shape_accuracy", kAtLeast, 0.3, kFixed, nullptr, kNotLearned},   // 0.167
        // low-level analysis
        {TaskKind::Grayscale, "saturation", kAtMost, 0.15},                       // 0.058
        {TaskKind::Grayscale, "target_l1", kAtMost, 0.5, kBaseline, "baseline_l1"},  // 0.048 <= 0.086
        {TaskKind::Canny, "edge_f1", kAtLeast, 2.0, kChance},                     // 0.599 >= 0.323
        {TaskKind::Segmentation, "target_l1", kAtMost, 0.8, kChance},             // 0.078 <= 0.101
        // controllable generation: the scene the map encodes
        {TaskKind::ControlSegmentation, "colour_recall", kAtLeast, 0.6},          // 0.635
        {TaskKind::ControlGrayscale, "colour_recall", kAtLeast, 0.6},             // 0.776
        {TaskKind::ControlCanny, "shape_accuracy", kAtLeast, 0.3, kFixed, nullptr, kNotLearned},  // 0
        // semantic editing: the edit where asked, the rest kept
        {TaskKind::Recolour, "edit_l1", kAtMost, 0.6, kBaseline, "edit_baseline_l1"},          // 0.130 <= 0.188
        {TaskKind::ChangeBackground, "edit_l1", kAtMost, 0.6, kBaseline, "edit_baseline_l1"},  // 0.092 <= 0.173
        {TaskKind::ChangeBackground, "keep_l1", kAtMost, 0.15},                                // 0.143
        // element editing
        {TaskKind::RemoveShape, "edit_l1", kAtMost, 0.7, kBaseline, "edit_baseline_l1"},  // 0.035 <= 0.240
        {TaskKind::RemoveShape, "edit_l1", kAtMost, 1.0, kBaseline, "edit_fill_l1"},      // 0.035 <= 0.063
        {TaskKind::RemoveShape, "keep_l1", kAtMost, 0.12},                                // 0.026
        {TaskKind::AddShape, "edit_l1", kAtMost, 0.6, kBaseline, "edit_baseline_l1", kNotLearned},      // 0.328 > 0.206
        {TaskKind::ReplaceShape, "edit_l1", kAtMost, 0.6, kBaseline, "edit_baseline_l1", kNotLearned},  // 0.256 > 0.145
        // repainting: the mask filled better than with the mean colour around it, the rest kept
        // (the blank do-nothing answer is beaten by any mid-toned output, so the bar is the
        // trivial fill, edit_fill_l1)
        {TaskKind::InpaintBox, "edit_l1", kAtMost, 0.9, kBaseline, "edit_fill_l1"},       // 0.167 <= 0.189
        {TaskKind::InpaintBox, "keep_l1", kAtMost, 0.1},                                  // 0.044
        {TaskKind::InpaintFreeForm, "edit_l1", kAtMost, 0.9, kBaseline, "edit_fill_l1"},  // 0.089 <= 0.102
        {TaskKind::InpaintFreeForm, "keep_l1", kAtMost, 0.1},                             // 0.041
        {TaskKind::InpaintGuided, "edit_l1", kAtMost, 0.9, kBaseline, "edit_fill_l1"},    // 0.207 <= 0.226
        {TaskKind::InpaintGuided, "keep_l1", kAtMost, 0.1},                               // 0.045
        {TaskKind::Outpaint, "edit_l1", kAtMost, 0.9, kBaseline, "edit_fill_l1"},         // 0.151 <= 0.154
        {TaskKind::Outpaint, "keep_l1", kAtMost, 0.12},                                   // 0.074
        // layer editing
        // (decoupling whitens the background and keeps the shape: a plain white answer meets the
        // first row, the input meets the second; the whole layer's L1 against chance, another
        // layer on white, was met by a plain white answer too)
        {TaskKind::Decouple, "edit_l1", kAtMost, 0.3, kBaseline, "edit_baseline_l1"},     // 0.009 <= 0.162
        {TaskKind::Decouple, "keep_l1", kAtMost, 0.12, kFixed, nullptr, kNotLearned},     // 0.177
        // (fusing is judged where the layer's shape lands: the whole picture's L1 against the
        // do-nothing answer's is below what the VAE's own round trip reaches)
        {TaskKind::Fuse, "edit_l1", kAtMost, 0.6, kBaseline, "edit_baseline_l1"},         // 0.130 <= 0.200
        {TaskKind::Fuse, "keep_l1", kAtMost, 0.12},                                       // 0.034
        // reference generation
        {TaskKind::Reference, "target_l1", kAtMost, 0.6, kBaseline, "baseline_l1"},       // 0.062 <= 0.146
        // several turns with history
        {TaskKind::MultiTurn, "edit_l1", kAtMost, 0.6, kBaseline, "edit_baseline_l1"},  // 0.126 <= 0.137
    };
    return all;
}

struct ConversationBounds {
    double editFactor;  // each edit's L1 <= factor x the do-nothing answer's
    double keepL1;      // outside every edit region after three turns
    // Why a check is an expected failure (null: the shipped weights meet it), per check.
    const char* editNotLearnedYet[3];
    const char* keepNotLearnedYet;
    const char* finalNotLearnedYet;  // the last output closer to the last target than the first input
};
// Measured: edits 0.301 / 0.178 / 0.214 against 0.238 / 0.193 / 0.131, keep 0.200, final 0.160
// against the first input's 0.181.
constexpr ConversationBounds kConversation{0.7, 0.15, {kNotLearned, nullptr, kNotLearned}, kNotLearned, nullptr};

}  // namespace

class TestBuiltInBehaviour : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<const ace::AceModel> m_model;
    std::map<TaskKind, KindReport> m_reports;
    EvalOptions m_options;

private Q_SLOTS:
    void initTestCase() {
        const std::filesystem::path folder = ACE_BUILTIN_MODEL_DIR;
        QVERIFY2(std::filesystem::exists(folder / "models/ace_model.json"), ACE_BUILTIN_MODEL_DIR);
        m_model = ace::AceModel::load(folder);
        QVERIFY(m_model->info().builtIn);
        m_options.seed = kFreshSeed;
        m_options.samplesPerKind = kSamplesPerKind;
        m_options.ceiling = false;
        // Samples of the model's own default size (64 x 64 for the built-in model).
        m_options.sizes = {{m_model->info().defaultWidth, m_model->info().defaultHeight}};
        for (const KindReport& r : evaluateModel(m_model, m_options)) m_reports[r.kind] = r;
        std::vector<KindReport> all;
        for (const auto& [kind, r] : m_reports) all.push_back(r);
        qInfo("\n%s\nchance:\n%s", formatReports(all).c_str(), formatReports(all, ReportTable::Chance).c_str());
    }

    void taskFamily_data() {
        QTest::addColumn<int>("index");
        const auto& all = expectations();
        for (std::size_t i = 0; i < all.size(); ++i) {
            const Expectation& e = all[i];
            QTest::addRow("%s %s (%s)", ace::synth::taskKindName(e.kind).c_str(), e.score,
                          ace::synth::taskFamilyName(e.kind).c_str())
                << int(i);
        }
    }

    void taskFamily() {
        QFETCH(int, index);
        const Expectation& e = expectations()[index];
        const KindReport& report = m_reports.at(e.kind);
        QVERIFY2(report.meanScores.count(e.score), e.score);
        const double value = report.meanScores.at(e.score);
        double bound = e.bound;
        QByteArray relative;
        if (e.reference == Reference::Baseline) {
            QVERIFY2(report.meanScores.count(e.referenceScore), e.referenceScore);
            bound *= report.meanScores.at(e.referenceScore);
            relative = QByteArray(" (") + QByteArray::number(e.bound) + " x " + e.referenceScore + ")";
        } else if (e.reference == Reference::Chance) {
            QVERIFY2(report.chanceScores.count(e.score), e.score);
            bound *= report.chanceScores.at(e.score);
            relative = QByteArray(" (") + QByteArray::number(e.bound) + " x chance)";
        }
        const QByteArray what = QByteArray(e.score) + " = " + QByteArray::number(value, 'f', 4) +
                                (e.direction == kAtMost ? " <= " : " >= ") + QByteArray::number(bound, 'f', 4) +
                                relative;
        qInfo("%s", what.constData());
        if (e.notLearnedYet) QEXPECT_FAIL("", e.notLearnedYet, Continue);
        QVERIFY2(e.direction == kAtMost ? value <= bound : value >= bound, what.constData());
    }

    // Every task family has at least one expectation the shipped weights meet, other than keeping
    // what is not to change (which the do-nothing answer meets too).
    void everyFamilyIsJudged() {
        std::set<std::string> judged, all;
        for (const Expectation& e : expectations())
            if (!e.notLearnedYet && std::string(e.score) != "keep_l1") judged.insert(ace::synth::taskFamilyName(e.kind));
        for (TaskKind k : ace::synth::allTaskKinds()) all.insert(ace::synth::taskFamilyName(k));
        for (const std::string& family : all) QVERIFY2(judged.count(family), family.c_str());
    }

    // Three turns, each on the previous output: every edit is there at the end, and what no turn
    // asked to change stays close to the first image.
    void threeTurnConversation() {
        const ConversationReport r = evaluateConversations(m_model, m_options, 3);
        qInfo("\n%s", formatConversationReport(r).c_str());
        QCOMPARE(r.conversations, kSamplesPerKind);
        for (int k = 0; k < 3; ++k) {
            QVERIFY(r.editJudged[k] >= kSamplesPerKind / 2);
            const QByteArray what = "edit " + QByteArray::number(k + 1) + ": " + QByteArray::number(r.editL1[k], 'f', 4) +
                                    " vs do-nothing " + QByteArray::number(r.editBaselineL1[k], 'f', 4);
            if (kConversation.editNotLearnedYet[k]) QEXPECT_FAIL("", kConversation.editNotLearnedYet[k], Continue);
            QVERIFY2(r.editL1[k] <= kConversation.editFactor * r.editBaselineL1[k], what.constData());
        }
        if (kConversation.keepNotLearnedYet) QEXPECT_FAIL("", kConversation.keepNotLearnedYet, Continue);
        QVERIFY2(r.keepL1 <= kConversation.keepL1, QByteArray::number(r.keepL1, 'f', 4).constData());
        if (kConversation.finalNotLearnedYet) QEXPECT_FAIL("", kConversation.finalNotLearnedYet, Continue);
        QVERIFY2(r.targetL1 < r.baselineL1, qPrintable(QString("final %1 vs first input %2").arg(r.targetL1).arg(r.baselineL1)));
    }
};

QTEST_GUILESS_MAIN(TestBuiltInBehaviour)
#include "tst_builtinbehaviour.moc"
