// Instruction templates: every slot a template uses gets filled, image references use ACE's
// {image}/{imageN} identifiers, and missing values are refused instead of leaking "<slot>".
#include <QtTest>

#include "ace/imaging/synth/InstructionTemplates.h"

using namespace ace::synth;

Q_DECLARE_METATYPE(ace::synth::TaskKind)

class TestInstructionTemplates : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyTemplateFills_data() {
        QTest::addColumn<TaskKind>("kind");
        for (TaskKind k : allTaskKinds())
            if (k != TaskKind::MultiTurn) QTest::newRow(taskKindName(k).c_str()) << k;
    }
    void everyTemplateFills() {
        QFETCH(TaskKind, kind);
        const InstructionTemplates::Slots slots = {{"scene", "a red circle on a plain blue background"},
                                                   {"shape", "red circle"},      {"colour", "green"},
                                                   {"background", "a plain white background"},
                                                   {"newshape", "a small yellow star"}, {"where", "at the top left"},
                                                   {"text", "SALE"},             {"direction", "to the left"}};
        const auto& list = InstructionTemplates::templates(kind);
        QVERIFY(list.size() >= 2 || kind == TaskKind::TextToImage);
        for (const auto& t : list) {
            const std::string text = InstructionTemplates::fill(t, slots);
            QVERIFY2(text.find('<') == std::string::npos && text.find('>') == std::string::npos, text.c_str());
            const bool needsImage = kind != TaskKind::TextToImage;
            QCOMPARE(text.find("{image}") != std::string::npos, needsImage);
            const bool twoImages = kind == TaskKind::Fuse || kind == TaskKind::Reference;
            QCOMPARE(text.find("{image1}") != std::string::npos, twoImages);
        }
        QCOMPARE(taskKindFromName(taskKindName(kind)), kind);
        QVERIFY(!taskFamilyName(kind).empty());
    }

    void missingSlotIsRefused() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, InstructionTemplates::fill("Make the <shape> blue.", {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, InstructionTemplates::fill("broken <shape", {{"shape", "x"}}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, taskKindFromName("nonsense"));
        SynthRandom rng(1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, InstructionTemplates::instruction(TaskKind::MultiTurn, {}, rng));
    }

    void slotNamesAreListed() {
        const auto names = InstructionTemplates::slotNames("Write \"<text>\" in <colour> <where> of {image}.");
        QCOMPARE(names, (std::vector<std::string>{"text", "colour", "where"}));
    }

    void renumbering_data() {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("expected");
        QTest::newRow("first keeps {image}") << "Blur {image}." << 0 << "Blur {image}.";
        QTest::newRow("second") << "Blur {image}." << 1 << "Blur {image1}.";
        QTest::newRow("twice") << "{image} and {image}" << 3 << "{image3} and {image3}";
        QTest::newRow("numbered untouched") << "Add {image1} to {image}." << 2 << "Add {image1} to {image2}.";
    }
    void renumbering() {
        QFETCH(QString, prompt);
        QFETCH(int, index);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(InstructionTemplates::renumberImageReference(prompt.toStdString(), index)),
                 expected);
    }
};

QTEST_GUILESS_MAIN(TestInstructionTemplates)
#include "tst_instructiontemplates.moc"
