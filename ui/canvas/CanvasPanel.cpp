#include "CanvasPanel.h"

#include <QActionGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSlider>
#include <QSpinBox>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "CanvasDocument.h"
#include "CanvasView.h"
#include "Glyphs.h"
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

    // Tools, mask actions and zoom in a vertical tool box at the canvas's left edge, as painting
    // programs have it: it never runs out of room however wide the docks are. The options of the
    // current tool and the outpainting presets sit in the bar above the canvas.
    m_toolBox = new QToolBar(tr("Canvas tools"), this);
    m_toolBox->setObjectName("canvasToolBox");
    m_toolBox->setOrientation(Qt::Vertical);
    m_toolBox->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_toolBox->setIconSize(QSize(20, 20));
    m_toolBar = new QToolBar(tr("Tool options"), this);
    m_toolBar->setObjectName("canvasToolBar");
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_tools = new QActionGroup(this);
    m_tools->setExclusive(true);

    QAction* brush = addTool(m_brush.get(), "toolBrush", Glyph::Brush, QKeySequence(Qt::Key_B),
                             tr("Brush: paint the mask, where the next turn may change the image"));
    addTool(m_eraser.get(), "toolEraser", Glyph::Eraser, QKeySequence(Qt::Key_E), tr("Eraser: erase the mask"));
    addTool(m_rectangle.get(), "toolRectangle", Glyph::Rectangle, QKeySequence(Qt::Key_R), tr("Rectangle mask"));
    addTool(m_ellipse.get(), "toolEllipse", Glyph::Ellipse, QKeySequence(Qt::Key_O), tr("Ellipse mask"));
    addTool(m_fill.get(), "toolFill", Glyph::Fill, QKeySequence(Qt::Key_F), tr("Fill the enclosed region of the mask"));
    addTool(m_extend.get(), "toolExtend", Glyph::Extend, QKeySequence(Qt::Key_X),
            tr("Outpainting: drag from an edge outwards to extend the canvas"));

    m_toolBox->addSeparator();
    auto addBoxAction = [this](Glyph glyph, const QString& text, const QString& name, const QKeySequence& key) {
        QAction* a = m_toolBox->addAction(glyphIcon(glyph), text);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setToolTip(withKey(text, key));
        return a;
    };
    QAction* invert = addBoxAction(Glyph::Invert, tr("Invert the mask"), "actionInvertMask", QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(invert, &QAction::triggered, m_document, &CanvasDocument::invertMask);
    QAction* clear = addBoxAction(Glyph::ClearMask, tr("Clear the mask"), "actionClearMask",
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(clear, &QAction::triggered, m_document, &CanvasDocument::clearMask);
    QAction* show = addBoxAction(Glyph::Eye, tr("Show the mask"), "actionShowMask", QKeySequence(Qt::Key_M));
    show->setToolTip(withKey(tr("Show or hide the mask overlay"), show->shortcut()));
    show->setCheckable(true);
    show->setChecked(true);
    connect(show, &QAction::toggled, m_view, &CanvasView::setMaskVisible);
    connect(show, &QAction::toggled, show, [show](bool on) { show->setIcon(glyphIcon(on ? Glyph::Eye : Glyph::EyeOff)); });

    m_toolBox->addSeparator();
    QAction* fit = addBoxAction(Glyph::Fit, tr("Fit to window"), "actionFit", QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(fit, &QAction::triggered, m_view, &CanvasView::fitToWindow);
    QAction* actual = addBoxAction(Glyph::ActualSize, tr("Actual size (100%)"), "actionActualSize",
                                   QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(actual, &QAction::triggered, m_view, &CanvasView::actualSize);
    // Zoom in and out have keys only (and the wheel); the actions carry them window-wide.
    QAction* zoomIn = new QAction(tr("Zoom in"), this);
    zoomIn->setObjectName("actionZoomIn");
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    connect(zoomIn, &QAction::triggered, m_view, &CanvasView::zoomIn);
    QAction* zoomOut = new QAction(tr("Zoom out"), this);
    zoomOut->setObjectName("actionZoomOut");
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    connect(zoomOut, &QAction::triggered, m_view, &CanvasView::zoomOut);
    addActions({zoomIn, zoomOut});

    // The options bar: the current tool, its size and hardness, the outpainting presets, the zoom.
    m_toolName = new QLabel(this);
    m_toolName->setObjectName("toolNameLabel");
    QFont bold = m_toolName->font();
    bold.setBold(true);
    m_toolName->setFont(bold);
    m_toolName->setContentsMargins(6, 0, 8, 0);
    m_toolBar->addWidget(m_toolName);
    m_size = new QSpinBox(this);
    m_size->setPrefix(tr("Size "));
    m_size->setToolTip(tr("Brush size in image pixels"));
    m_size->setObjectName("brushSize");
    m_size->setRange(1, 1024);
    m_size->setSuffix(tr(" px"));
    m_size->setValue(static_cast<int>(m_brush->size()));
    m_toolBar->addWidget(m_size);
    auto* hardnessLabel = new QLabel(tr("Hardness"), this);
    hardnessLabel->setContentsMargins(8, 0, 4, 0);
    m_hardnessLabel = m_toolBar->addWidget(hardnessLabel);
    m_hardness = new QSlider(Qt::Horizontal, this);
    m_hardness->setObjectName("brushHardness");
    m_hardness->setToolTip(tr("How much of the brush's radius paints at full strength before it fades"));
    m_hardness->setRange(0, 100);
    m_hardness->setValue(static_cast<int>(m_brush->hardness() * 100));
    m_hardness->setFixedWidth(80);
    m_toolBar->addWidget(m_hardness);
    auto* hardnessValue = new QLabel(this);
    hardnessValue->setObjectName("hardnessValue");
    hardnessValue->setMinimumWidth(hardnessValue->fontMetrics().horizontalAdvance(QStringLiteral("100%")) + 8);
    hardnessValue->setContentsMargins(4, 0, 0, 0);
    hardnessValue->setText(QStringLiteral("%1%").arg(m_hardness->value()));
    m_toolBar->addWidget(hardnessValue);
    connect(m_size, &QSpinBox::valueChanged, this, [this](int v) {
        m_brush->setSize(v);
        m_eraser->setSize(v);
    });
    connect(m_hardness, &QSlider::valueChanged, this, [this, hardnessValue](int v) {
        m_brush->setHardness(v / 100.0);
        m_eraser->setHardness(v / 100.0);
        hardnessValue->setText(QStringLiteral("%1%").arg(v));
    });

    m_toolBar->addSeparator();
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
    extendButton->setText(tr("Extend…"));
    extendButton->setIcon(glyphIcon(Glyph::Extend));
    extendButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    extendButton->setToolTip(tr("Outpainting presets: add canvas around the image; the new area becomes the mask"));
    extendButton->setMenu(extendMenu);
    extendButton->setPopupMode(QToolButton::InstantPopup);
    m_toolBar->addWidget(extendButton);

    m_toolBar->addSeparator();
    auto* zoomLabel = new QLabel(this);
    zoomLabel->setObjectName("zoomLabel");
    zoomLabel->setToolTip(tr("Zoom: wheel, Ctrl++ and Ctrl+-, Ctrl+0 fits, Ctrl+1 is 100%"));
    zoomLabel->setContentsMargins(8, 0, 8, 0);
    zoomLabel->setMinimumWidth(zoomLabel->fontMetrics().horizontalAdvance(tr("Zoom %1%").arg(3200)) + 16);
    m_toolBar->addWidget(zoomLabel);
    const auto showZoom = [zoomLabel, this](double z) {
        zoomLabel->setText(tr("Zoom %1%").arg(qRound(z * devicePixelRatioF() * 100)));
    };
    connect(m_view, &CanvasView::zoomChanged, zoomLabel, showZoom);
    showZoom(m_view->zoom());

    auto* body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(m_toolBox);
    body->addWidget(m_view, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addLayout(body, 1);

    brush->setChecked(true);
    m_view->setTool(m_brush.get());
    syncBrushControls(m_brush.get());
}

CanvasPanel::~CanvasPanel() = default;

QAction* CanvasPanel::addTool(CanvasTool* tool, const QString& objectName, Glyph glyph, const QKeySequence& key,
                              const QString& toolTip) {
    QAction* action = m_toolBox->addAction(glyphIcon(glyph), tool->name());
    action->setObjectName(objectName);
    action->setCheckable(true);
    action->setShortcut(key);
    action->setToolTip(withKey(toolTip, key));
    m_tools->addAction(action);
    connect(action, &QAction::triggered, this, [this, tool] {
        m_view->setTool(tool);
        syncBrushControls(tool);
    });
    return action;
}

void CanvasPanel::syncBrushControls(CanvasTool* tool) {
    // Size and hardness belong to the brush and the eraser; the other tools have no options.
    const bool brushLike = dynamic_cast<BrushTool*>(tool) != nullptr;
    m_size->setEnabled(brushLike);
    m_hardness->setEnabled(brushLike);
    m_hardnessLabel->setEnabled(brushLike);
    m_toolName->setText(tool->name());
}

QString CanvasPanel::withKey(const QString& text, const QKeySequence& key) {
    return key.isEmpty() ? text : tr("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText));
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
