#include "CanvasPanel.h"

#include <QActionGroup>
#include <QLabel>
#include <QMenu>
#include <QSlider>
#include <QSpinBox>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "CanvasDocument.h"
#include "CanvasView.h"
#include "MaskTools.h"
#include "ace/imaging/EditCompositing.h"

namespace ace {

CanvasPanel::CanvasPanel(CanvasDocument* document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_brush(std::make_unique<BrushTool>()),
      m_eraser(std::make_unique<EraserTool>()),
      m_rectangle(std::make_unique<ShapeTool>(false)),
      m_ellipse(std::make_unique<ShapeTool>(true)),
      m_fill(std::make_unique<FillTool>()),
      m_extend(std::make_unique<ExtendCanvasTool>()) {
    setObjectName("canvasArea");
    m_view = new CanvasView(document, this);
    m_toolBar = new QToolBar(tr("Canvas tools"), this);
    m_toolBar->setObjectName("canvasToolBar");
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_tools = new QActionGroup(this);
    m_tools->setExclusive(true);

    QAction* brush = addTool(m_brush.get(), "toolBrush", "draw-brush", QKeySequence(Qt::Key_B));
    brush->setToolTip(tr("Paint the mask: where the next turn may change the image (B)"));
    addTool(m_eraser.get(), "toolEraser", "draw-eraser", QKeySequence(Qt::Key_E))
        ->setToolTip(tr("Erase the mask (E)"));
    addTool(m_rectangle.get(), "toolRectangle", "draw-rectangle", QKeySequence(Qt::Key_R))
        ->setToolTip(tr("Rectangle mask (R)"));
    addTool(m_ellipse.get(), "toolEllipse", "draw-ellipse", QKeySequence(Qt::Key_O))->setToolTip(tr("Ellipse mask (O)"));
    addTool(m_fill.get(), "toolFill", "fill-color", QKeySequence(Qt::Key_F))
        ->setToolTip(tr("Fill the enclosed region of the mask (F)"));
    addTool(m_extend.get(), "toolExtend", "transform-crop", QKeySequence(Qt::Key_X))
        ->setToolTip(tr("Outpainting: drag from an edge outwards to extend the canvas (X)"));

    m_toolBar->addSeparator();
    m_size = new QSpinBox(this);
    m_size->setPrefix(tr("Size "));
    m_size->setToolTip(tr("Brush size in image pixels"));
    m_size->setObjectName("brushSize");
    m_size->setRange(1, 1024);
    m_size->setSuffix(tr(" px"));
    m_size->setValue(static_cast<int>(m_brush->size()));
    m_toolBar->addWidget(m_size);
    m_toolBar->addWidget(new QLabel(tr(" Hardness "), this));
    m_hardness = new QSlider(Qt::Horizontal, this);
    m_hardness->setObjectName("brushHardness");
    m_hardness->setRange(0, 100);
    m_hardness->setValue(static_cast<int>(m_brush->hardness() * 100));
    m_hardness->setMaximumWidth(72);
    m_toolBar->addWidget(m_hardness);
    connect(m_size, &QSpinBox::valueChanged, this, [this](int v) {
        m_brush->setSize(v);
        m_eraser->setSize(v);
    });
    connect(m_hardness, &QSlider::valueChanged, this, [this](int v) {
        m_brush->setHardness(v / 100.0);
        m_eraser->setHardness(v / 100.0);
    });

    m_toolBar->addSeparator();
    QAction* invert = m_toolBar->addAction(tr("Invert"), m_document, &CanvasDocument::invertMask);
    invert->setObjectName("actionInvertMask");
    invert->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    invert->setToolTip(tr("Invert the mask (Ctrl+I)"));
    QAction* clear = m_toolBar->addAction(tr("Clear"), m_document, &CanvasDocument::clearMask);
    clear->setObjectName("actionClearMask");
    clear->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    clear->setToolTip(tr("Clear the mask (Ctrl+Shift+A)"));
    QAction* show = m_toolBar->addAction(tr("Mask"));
    show->setToolTip(tr("Show or hide the mask overlay (M)"));
    show->setObjectName("actionShowMask");
    show->setCheckable(true);
    show->setChecked(true);
    show->setShortcut(QKeySequence(Qt::Key_M));
    connect(show, &QAction::toggled, m_view, &CanvasView::setMaskVisible);

    auto* extendMenu = new QMenu(tr("Extend"), this);
    extendMenu->setObjectName("extendMenu");
    const struct {
        const char* text;
        double l, t, r, b;
    } presets[] = {
        {QT_TR_NOOP("All sides by 25%"), 0.25, 0.25, 0.25, 0.25},
        {QT_TR_NOOP("Left by 50%"), 0.5, 0, 0, 0},
        {QT_TR_NOOP("Right by 50%"), 0, 0, 0.5, 0},
        {QT_TR_NOOP("Top by 50%"), 0, 0.5, 0, 0},
        {QT_TR_NOOP("Bottom by 50%"), 0, 0, 0, 0.5},
        {QT_TR_NOOP("To a square"), -1, -1, -1, -1},
    };
    for (const auto& preset : presets) {
        QAction* a = extendMenu->addAction(tr(preset.text));
        const double l = preset.l, t = preset.t, r = preset.r, b = preset.b;
        connect(a, &QAction::triggered, this, [this, l, t, r, b] {
            if (l >= 0) {
                extendByRatios(l, t, r, b);
                return;
            }
            const QSize s = m_document->size();
            const int d = std::abs(s.width() - s.height());
            if (s.width() > s.height()) m_document->extendCanvas(QMargins(0, d / 2, 0, d - d / 2));
            else m_document->extendCanvas(QMargins(d / 2, 0, d - d / 2, 0));
        });
    }
    auto* extendButton = new QToolButton(this);
    extendButton->setObjectName("extendButton");
    extendButton->setText(tr("Extend by…"));
    extendButton->setToolTip(tr("Outpainting presets: add canvas around the image; the new area becomes the mask"));
    extendButton->setMenu(extendMenu);
    extendButton->setPopupMode(QToolButton::InstantPopup);
    m_toolBar->addWidget(extendButton);

    m_toolBar->addSeparator();
    QAction* fit = m_toolBar->addAction(tr("Fit"), m_view, &CanvasView::fitToWindow);
    fit->setObjectName("actionFit");
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction* actual = m_toolBar->addAction(tr("100%"), m_view, &CanvasView::actualSize);
    actual->setObjectName("actionActualSize");
    actual->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction* zoomIn = m_toolBar->addAction(tr("Zoom in"), m_view, &CanvasView::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    zoomIn->setVisible(false);
    QAction* zoomOut = m_toolBar->addAction(tr("Zoom out"), m_view, &CanvasView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    zoomOut->setVisible(false);
    auto* zoomLabel = new QLabel(this);
    zoomLabel->setObjectName("zoomLabel");
    zoomLabel->setMinimumWidth(zoomLabel->fontMetrics().horizontalAdvance(tr("Zoom %1%").arg(3200)));
    m_toolBar->addWidget(zoomLabel);
    connect(m_view, &CanvasView::zoomChanged, zoomLabel,
            [zoomLabel, this](double z) { zoomLabel->setText(tr("Zoom %1%").arg(qRound(z * devicePixelRatioF() * 100))); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view, 1);

    brush->setChecked(true);
    m_view->setTool(m_brush.get());
}

CanvasPanel::~CanvasPanel() = default;

QAction* CanvasPanel::addTool(CanvasTool* tool, const QString& objectName, const QString& iconName,
                              const QKeySequence& key) {
    QAction* action = m_toolBar->addAction(QIcon::fromTheme(iconName), tool->name());
    action->setObjectName(objectName);
    action->setCheckable(true);
    action->setShortcut(key);
    m_tools->addAction(action);
    connect(action, &QAction::triggered, this, [this, tool] {
        m_view->setTool(tool);
        syncBrushControls(tool);
    });
    return action;
}

void CanvasPanel::syncBrushControls(CanvasTool* tool) {
    const bool brushLike = dynamic_cast<BrushTool*>(tool) != nullptr;
    m_size->setEnabled(brushLike);
    m_hardness->setEnabled(brushLike);
}

QAction* CanvasPanel::toolAction(const QString& objectName) const {
    for (QAction* a : m_tools->actions())
        if (a->objectName() == objectName) return a;
    return nullptr;
}

void CanvasPanel::extendByRatios(double left, double top, double right, double bottom) {
    if (!m_document->hasImage()) return;
    const QSize s = m_document->size();
    const CanvasExtension e = extensionFromRatios(s.width(), s.height(), left, top, right, bottom);
    m_document->extendCanvas(QMargins(e.left, e.top, e.right, e.bottom));
}

}  // namespace ace
