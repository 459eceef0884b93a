// The layer panel driven like a user would: clicks on visibility checkboxes and buttons, keys
// for renaming and the opacity slider, the blend mode and input choices, drag-and-drop reorder
// through the view's model, and undo/redo of every operation with the history view.
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QSlider>
#include <QToolButton>
#include <QUndoStack>
#include <QUndoView>

#include "CompositeImage.h"
#include "LayerModel.h"
#include "LayerPanel.h"
#include "ace/document/Compositor.h"

using namespace ace;

namespace {

Image solid(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a = 255) {
    Image img(w, h, 4);
    for (std::size_t i = 0; i < img.data.size(); i += 4) img.data[i] = r, img.data[i + 1] = g, img.data[i + 2] = b, img.data[i + 3] = a;
    return img;
}

QStringList names(const LayerModel& m) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r) out << m.index(r).data().toString();
    return out;
}

}  // namespace

class TestLayerPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        m_doc = Document(40, 30);
        m_doc.addLayer(Layer::raster("Background", solid(40, 30, 200, 200, 200)));
        m_doc.addLayer(Layer::raster("Red", solid(20, 20, 255, 0, 0), 5, 5));
        Layer result = Layer::raster("Result", solid(10, 10, 0, 0, 255, 128), 20, 10);
        Provenance p;
        p.instruction = "a blue square";
        p.seed = 7;
        result.versions[0].provenance = p;
        m_doc.addLayer(std::move(result));
        m_doc.addLayer(Layer::mask("Mask", Image(40, 30, 1, 255)));
        m_stack = std::make_unique<QUndoStack>();
        m_model = std::make_unique<LayerModel>(&m_doc, m_stack.get());
        m_panel = std::make_unique<LayerPanel>(m_model.get());
        m_panel->resize(320, 600);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        m_list = m_panel->findChild<QListView*>("layerList");
        QVERIFY(m_list);
    }
    void cleanup() {
        m_panel.reset();
        m_model.reset();
        m_stack.reset();
    }

    void showsTheStackTopFirst() {
        QCOMPARE(names(*m_model), QStringList({"Mask", "Result", "Red", "Background"}));
        QVERIFY(!m_model->index(1).data(Qt::DecorationRole).value<QPixmap>().isNull());
        QCOMPARE(m_panel->currentRow(), 0);
    }

    // Deleting the top layer and adding another does not hand its id out again (turns and
    // provenance refer to layers by id).
    void deletedLayerIdIsNotReused() {
        const LayerId mask = m_doc.layers().back().id;
        QVERIFY(m_model->deleteLayer(0));
        const LayerId added = m_model->addLayer(Layer::raster("New", solid(4, 4, 0, 255, 0)), "Add");
        QVERIFY(added != mask);
        QVERIFY(added > mask);
        m_stack->undo();
        m_stack->redo();  // redo brings back the same id
        QVERIFY(m_doc.findLayer(added));
    }

    void clickingTheCheckboxHidesAndUndoShows() {
        QSignalSpy changed(m_model.get(), &LayerModel::documentChanged);
        const QModelIndex red = m_model->index(2);
        const QRect rect = m_list->visualRect(red);
        // The check indicator sits at the left of the item.
        QTest::mouseClick(m_list->viewport(), Qt::LeftButton, {}, QPoint(rect.left() + 10, rect.center().y()));
        QCOMPARE(m_doc.layer(1).visible, false);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().first().toRect(), QRect(5, 5, 20, 20));
        m_stack->undo();
        QCOMPARE(m_doc.layer(1).visible, true);
        m_stack->redo();
        QCOMPARE(m_doc.layer(1).visible, false);
    }

    void renameWithF2() {
        m_panel->setCurrentRow(2);
        m_list->setFocus();
        QTest::keyClick(m_list, Qt::Key_F2);
        auto* editor = m_list->findChild<QLineEdit*>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, "Apple ");
        editor->insert("苹果");  // QTest::keyClicks types ASCII only
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits through a queued call.
        QTRY_COMPARE(QString::fromStdString(m_doc.layer(1).name), QString("Apple 苹果"));
        QCOMPARE(m_stack->undoText(), QString("Rename layer"));
        m_stack->undo();
        QCOMPARE(m_doc.layer(1).name, std::string("Red"));
    }

    void opacitySliderIsOneUndoStep() {
        m_panel->setCurrentRow(2);
        auto* slider = m_panel->findChild<QSlider*>("opacitySlider");
        slider->setFocus();
        QTest::keyClick(slider, Qt::Key_PageDown);
        QTest::keyClick(slider, Qt::Key_PageDown);
        QTest::keyClick(slider, Qt::Key_Left);
        QCOMPARE(m_doc.layer(1).opacity, 0.79f);
        QCOMPARE(m_stack->count(), 1);  // merged
        m_stack->undo();
        QCOMPARE(m_doc.layer(1).opacity, 1.0f);
        QCOMPARE(slider->value(), 100);
    }

    void blendModeAndLock() {
        m_panel->setCurrentRow(1);
        auto* blend = m_panel->findChild<QComboBox*>("blendModeCombo");
        blend->setFocus();
        QTest::keyClick(blend, Qt::Key_Down);  // Normal -> Multiply
        QCOMPARE(m_doc.layer(2).blendMode, BlendMode::Multiply);
        auto* lock = m_panel->findChild<QCheckBox*>("lockCheck");
        QTest::mouseClick(lock, Qt::LeftButton, {}, QPoint(5, lock->height() / 2));
        QCOMPARE(m_doc.layer(2).locked, true);
        m_stack->undo();
        m_stack->undo();
        QCOMPARE(m_doc.layer(2).blendMode, BlendMode::Normal);
        QCOMPARE(m_doc.layer(2).locked, false);
        // Mask layers have no blend mode.
        m_panel->setCurrentRow(0);
        QVERIFY(!blend->isEnabled());
    }

    void buttonsRaiseLowerDuplicateDeleteMerge() {
        auto click = [this](const char* name) {
            auto* b = m_panel->findChild<QToolButton*>(name);
            QVERIFY(b);
            QVERIFY2(b->isEnabled(), name);
            QTest::mouseClick(b, Qt::LeftButton);
        };
        const Image before = composite(m_doc);
        m_panel->setCurrentRow(2);  // Red
        click("raiseButton");
        QCOMPARE(names(*m_model), QStringList({"Mask", "Red", "Result", "Background"}));
        QCOMPARE(m_panel->currentRow(), 1);
        click("lowerButton");
        QCOMPARE(names(*m_model), QStringList({"Mask", "Result", "Red", "Background"}));
        click("duplicateButton");
        QCOMPARE(names(*m_model), QStringList({"Mask", "Result", "Red copy", "Red", "Background"}));
        QVERIFY(m_doc.layer(2).id != m_doc.layer(1).id);
        click("deleteButton");
        QCOMPARE(names(*m_model), QStringList({"Mask", "Result", "Red", "Background"}));
        m_panel->setCurrentRow(2);
        click("mergeDownButton");
        QCOMPARE(names(*m_model), QStringList({"Mask", "Result", "Background"}));
        QVERIFY(composite(m_doc) == before);
        // Everything undoes back to the start.
        while (m_stack->canUndo()) m_stack->undo();
        QCOMPARE(names(*m_model), QStringList({"Mask", "Result", "Red", "Background"}));
        QVERIFY(composite(m_doc) == before);
        QCOMPARE(m_doc.layer(1).image().width, 20);
    }

    void dragToReorder() {
        // What QListView does on a drop: mimeData of the dragged row, dropMimeData at the target.
        const QModelIndex background = m_model->index(3);
        std::unique_ptr<QMimeData> mime(m_model->mimeData({background}));
        QVERIFY(m_model->canDropMimeData(mime.get(), Qt::MoveAction, 1, 0, {}));
        m_model->dropMimeData(mime.get(), Qt::MoveAction, 1, 0, {});
        QCOMPARE(names(*m_model), QStringList({"Mask", "Background", "Result", "Red"}));
        m_stack->undo();
        QCOMPARE(names(*m_model), QStringList({"Mask", "Result", "Red", "Background"}));
        QVERIFY(m_list->dragEnabled());
        QCOMPARE(m_list->dragDropMode(), QAbstractItemView::InternalMove);
    }

    void inputChoice() {
        auto* input = m_panel->findChild<QComboBox*>("inputCombo");
        QCOMPARE(input->itemText(0), QString("Flattened image"));
        QCOMPARE(input->count(), 4);  // flattened + three raster layers
        input->setCurrentIndex(input->findText("Red"));
        QCOMPARE(m_doc.inputLayer(), m_doc.layer(1).id);
        QVERIFY(m_model->index(2).data(LayerModel::IsInputRole).toBool());
        m_stack->undo();
        QCOMPARE(m_doc.inputLayer(), LayerId(0));
        QCOMPARE(input->currentIndex(), 0);
    }

    void versionsAndRerun() {
        m_panel->setCurrentRow(1);  // Result (has provenance)
        QSignalSpy rerun(m_panel.get(), &LayerPanel::rerunRequested);
        QTest::mouseClick(m_panel->findChild<QToolButton*>("rerunNewSeedButton"), Qt::LeftButton);
        QCOMPARE(rerun.size(), 1);
        QCOMPARE(rerun.first().at(1).toBool(), true);
        // The integrator adds the regeneration as a version.
        const LayerId id = rerun.first().at(0).toULongLong();
        Provenance p;
        p.instruction = "a blue square";
        p.seed = 8;
        QVERIFY(m_model->addVersion(id, solid(10, 10, 0, 255, 0), p));
        auto* versions = m_panel->findChild<QComboBox*>("versionCombo");
        QCOMPARE(versions->count(), 2);
        QCOMPARE(versions->currentIndex(), 1);
        QCOMPARE(m_doc.findLayer(id)->image().data[1], std::uint8_t(255));
        versions->setCurrentIndex(0);
        QCOMPARE(m_doc.findLayer(id)->currentVersion, 0);
        QCOMPARE(m_doc.findLayer(id)->provenance()->seed, std::int64_t(7));
        m_stack->undo();
        m_stack->undo();
        QCOMPARE(m_doc.findLayer(id)->versions.size(), std::size_t(1));
        m_panel->setCurrentRow(2);
        QVERIFY(!m_panel->findChild<QToolButton*>("rerunButton")->isEnabled());
    }

    void compositeImageFollowsChanges() {
        CompositeImage canvas(m_model.get());
        QSignalSpy changed(&canvas, &CompositeImage::changed);
        auto same = [this, &canvas] {
            const Image full = composite(m_doc);
            const QImage expected(full.data.data(), full.width, full.height, static_cast<qsizetype>(full.stride()),
                                  QImage::Format_RGBA8888);
            return canvas.image() == expected;
        };
        QVERIFY(same());
        m_model->setLayerOpacity(2, 0.3);  // Red: only its rectangle is recomposited
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.last().first().toRect(), QRect(5, 5, 20, 20));
        QVERIFY(same());
        m_model->deleteLayer(3);
        QVERIFY(same());
        m_stack->undo();
        m_stack->undo();
        QVERIFY(same());
    }

    void historyView() {
        QUndoView view(m_stack.get());
        m_model->setLayerVisible(2, false);
        m_model->renameLayer(1, "Renamed");
        QCOMPARE(view.model()->rowCount(), 3);  // <empty> + 2 commands
        QCOMPARE(view.model()->index(2, 0).data().toString(), QString("Rename layer"));
        view.setCurrentIndex(view.model()->index(0, 0));  // click on the start of the history
        QCOMPARE(m_doc.layer(1).visible, true);
        QCOMPARE(m_doc.layer(2).name, std::string("Result"));
    }

private:
    Document m_doc;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<LayerModel> m_model;
    std::unique_ptr<LayerPanel> m_panel;
    QListView* m_list = nullptr;
};

QTEST_MAIN(TestLayerPanel)
#include "tst_layerpanel.moc"
