#pragma once
// The central area: a vertical tool box at the canvas's left edge (mask tools, mask actions, fit
// and 100%), a tool options bar above (the current tool, brush size and hardness, outpainting
// presets, zoom) and the CanvasView.
#include <QWidget>
#include <memory>

class QActionGroup;
class QAction;
class QLabel;
class QSpinBox;
class QSlider;
class QToolBar;

namespace ace {

enum class Glyph;
class BrushTool;
class CanvasDocument;
class CanvasTool;
class CanvasView;
class EraserTool;
class ExtendCanvasTool;
class FillTool;
class ShapeTool;

class CanvasPanel final : public QWidget {
    Q_OBJECT
public:
    explicit CanvasPanel(CanvasDocument* document, QWidget* parent = nullptr);
    ~CanvasPanel() override;

    CanvasView* view() const { return m_view; }
    // The options bar (above the canvas; the main window moves it to its top edge) and the tool
    // box at the canvas's left edge.
    QToolBar* toolBar() const { return m_toolBar; }
    QToolBar* toolBox() const { return m_toolBox; }
    BrushTool* brushTool() const { return m_brush.get(); }
    EraserTool* eraserTool() const { return m_eraser.get(); }
    ExtendCanvasTool* extendTool() const { return m_extend.get(); }
    // Tool actions by object name: toolBrush, toolEraser, toolRectangle, toolEllipse, toolFill, toolExtend.
    QAction* toolAction(const QString& objectName) const;

    // Outpainting presets: ratios of the image's size per side, as the reference's sliders.
    void extendByRatios(double left, double top, double right, double bottom);

private:
    QAction* addTool(CanvasTool* tool, const QString& objectName, Glyph glyph, const QKeySequence& key,
                     const QString& toolTip);
    void syncBrushControls(CanvasTool* tool);
    static QString withKey(const QString& text, const QKeySequence& key);

    CanvasDocument* m_document;
    CanvasView* m_view;
    QToolBar* m_toolBar;
    QToolBar* m_toolBox;
    QActionGroup* m_tools;
    QLabel* m_toolName;
    QAction* m_hardnessLabel;
    QSpinBox* m_size;
    QSlider* m_hardness;
    std::unique_ptr<BrushTool> m_brush;
    std::unique_ptr<EraserTool> m_eraser;
    std::unique_ptr<ShapeTool> m_rectangle;
    std::unique_ptr<ShapeTool> m_ellipse;
    std::unique_ptr<FillTool> m_fill;
    std::unique_ptr<ExtendCanvasTool> m_extend;
};

}  // namespace ace
