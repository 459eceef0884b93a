#pragma once
// The central area: a tool bar (mask tools, brush size and hardness, mask actions, outpainting
// presets, zoom) over the CanvasView.
#include <QWidget>
#include <memory>

class QActionGroup;
class QAction;
class QSpinBox;
class QSlider;
class QToolBar;

namespace ace {

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
    QToolBar* toolBar() const { return m_toolBar; }
    BrushTool* brushTool() const { return m_brush.get(); }
    EraserTool* eraserTool() const { return m_eraser.get(); }
    ExtendCanvasTool* extendTool() const { return m_extend.get(); }
    // Tool actions by object name: toolBrush, toolEraser, toolRectangle, toolEllipse, toolFill, toolExtend.
    QAction* toolAction(const QString& objectName) const;

    // Outpainting presets: ratios of the image's size per side, as the reference's sliders.
    void extendByRatios(double left, double top, double right, double bottom);

private:
    QAction* addTool(CanvasTool* tool, const QString& objectName, const QString& iconName, const QKeySequence& key);
    void syncBrushControls(CanvasTool* tool);

    CanvasDocument* m_document;
    CanvasView* m_view;
    QToolBar* m_toolBar;
    QActionGroup* m_tools;
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
