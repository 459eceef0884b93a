#include "CanvasDocument.h"

#include <QUndoStack>

#include <cstring>

#include "ImageConvert.h"
#include "LayerCommands.h"
#include "LayerModel.h"
#include "MaskCommands.h"
#include "ace/document/Compositor.h"
#include "ace/imaging/EditCompositing.h"

namespace ace {
namespace {

QImage emptyMask(const QSize& size) {
    QImage mask(size, QImage::Format_Grayscale8);
    mask.fill(0);
    return mask;
}

// A QImage over a 1-channel ace::Image's pixels (no copy; valid while the image is unchanged).
QImage greyView(const Image& image) {
    return QImage(image.data.data(), image.width, image.height, static_cast<qsizetype>(image.stride()),
                  QImage::Format_Grayscale8);
}

QImage greyView(Image& image) {
    return QImage(image.data.data(), image.width, image.height, static_cast<qsizetype>(image.stride()),
                  QImage::Format_Grayscale8);
}

}  // namespace

CanvasDocument::CanvasDocument(LayerModel* layers, QObject* parent)
    : QObject(parent), m_layers(layers), m_composite(layers) {
    m_maskThumbnail.setSingleShot(true);
    m_maskThumbnail.setInterval(200);
    connect(&m_maskThumbnail, &QTimer::timeout, this, [this] {
        if (m_maskId) m_layers->notifyMaskPixelsChanged(m_maskId);
    });
    connect(&m_composite, &CompositeImage::changed, this, &CanvasDocument::onCompositeChanged);
    connect(m_layers, &QAbstractItemModel::modelReset, this, [this] { m_reset = true; });
    // Structure and attribute changes can change which layer is the edit mask, or show/hide it.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_layers, signal, this, &CanvasDocument::syncMaskLayer);
    connect(m_layers, &QAbstractItemModel::dataChanged, this, &CanvasDocument::syncMaskLayer);
    connect(m_layers, &LayerModel::inputLayerChanged, this, &CanvasDocument::inputChanged);
    onCompositeChanged(QRect(0, 0, document().width(), document().height()));
}

Document& CanvasDocument::document() const { return *m_layers->document(); }

QUndoStack* CanvasDocument::undoStack() const { return m_layers->undoStack(); }

void CanvasDocument::onCompositeChanged(const QRect& area) {
    const Document& doc = document();
    const QSize canvas(doc.width(), doc.height());
    const bool resized = m_image.size() != canvas;
    const bool hadImage = m_hasImage;
    m_hasImage = doc.hasRasterLayer();
    if (resized) {
        m_image = QImage(canvas, QImage::Format_RGB32);
        m_display = QImage(canvas, QImage::Format_ARGB32_Premultiplied);
        m_display.fill(Qt::transparent);
        m_transparentPixels = qint64(canvas.width()) * canvas.height();
    }
    const QRect dirty = resized ? QRect(QPoint(0, 0), canvas) : area.intersected(QRect(QPoint(0, 0), canvas));
    // Straight RGBA8 -> premultiplied ARGB32 for the view; the same with opaque alpha is the
    // composite over black.
    const QImage& rgba = m_composite.image();
    for (int y = dirty.top(); y <= dirty.bottom(); ++y) {
        const uchar* s = rgba.constScanLine(y) + dirty.left() * 4;
        auto* d = reinterpret_cast<QRgb*>(m_display.scanLine(y)) + dirty.left();
        auto* o = reinterpret_cast<QRgb*>(m_image.scanLine(y)) + dirty.left();
        for (int x = 0; x < dirty.width(); ++x, s += 4) {
            const int a = s[3];
            const int r = (s[0] * a + 127) / 255, g = (s[1] * a + 127) / 255, b = (s[2] * a + 127) / 255;
            m_transparentPixels += int(a < 255) - int(qAlpha(d[x]) < 255);
            d[x] = qRgba(r, g, b, a);
            o[x] = qRgb(r, g, b);
        }
    }
    const bool full = resized || m_reset || hadImage != m_hasImage;
    m_reset = false;
    syncMaskLayer();
    if (full) Q_EMIT imageChanged();
    else if (!dirty.isEmpty()) Q_EMIT imageAreaChanged(dirty);
    Q_EMIT inputChanged();
}

const Layer* CanvasDocument::maskLayer() const {
    const int index = document().editMaskIndex();
    return index < 0 ? nullptr : &document().layer(index);
}

LayerId CanvasDocument::maskLayerId() const {
    const Layer* l = maskLayer();
    return l ? l->id : 0;
}

bool CanvasDocument::maskLayerVisible() const {
    const Layer* l = maskLayer();
    return l && l->visible;
}

QString CanvasDocument::maskLayerName() const {
    const Layer* l = maskLayer();
    return l ? QString::fromStdString(l->name) : QString();
}

void CanvasDocument::syncMaskLayer() {
    const Layer* l = maskLayer();
    const LayerId id = l ? l->id : 0;
    const void* pixels = l ? l->image().data.data() : nullptr;
    const bool visible = l && l->visible;
    if (id == m_maskId && pixels == m_maskPixels && visible == m_maskVisible) return;
    m_maskId = id;
    m_maskPixels = pixels;
    m_maskVisible = visible;
    Q_EMIT maskChanged(QRect(0, 0, document().width(), document().height()));
}

QImage CanvasDocument::mask() const {
    const Layer* l = maskLayer();
    if (!m_hasImage) return QImage();
    return l ? greyView(l->image()).copy() : emptyMask(size());
}

QImage CanvasDocument::maskView() const {
    const Layer* l = maskLayer();
    return l ? greyView(l->image()) : QImage();
}

QImage CanvasDocument::maskRect(const QRect& rect) const { return maskRect(maskLayerId(), rect); }

QImage CanvasDocument::maskRect(LayerId id, const QRect& rect) const {
    const Layer* l = document().findLayer(id);
    if (!l || l->kind != LayerKind::Mask) return emptyMask(rect.size());
    return greyView(l->image()).copy(rect);
}

bool CanvasDocument::hasMask() const {
    const Layer* l = maskLayer();
    if (!l) return false;
    for (std::uint8_t v : l->image().data)
        if (v > 128) return true;
    return false;
}

LayerId CanvasDocument::inputLayerId() const {
    const LayerId id = document().inputLayer();
    const Layer* l = document().findLayer(id);
    return l && l->kind == LayerKind::Raster ? id : 0;
}

QImage CanvasDocument::inputImage() const {
    const LayerId id = inputLayerId();
    if (!id || !m_hasImage) return m_image;
    return layerImage(id);
}

QImage CanvasDocument::layerImage(LayerId id) const {
    if (!m_hasImage || document().indexOf(id) < 0) return {};
    // The layer alone on the canvas, its opacity applied, over black like the composite.
    const Image rgba = renderLayer(document(), document().indexOf(id));
    QImage out(rgba.width, rgba.height, QImage::Format_RGB32);
    for (int y = 0; y < rgba.height; ++y) {
        const std::uint8_t* s = rgba.pixel(0, y);
        auto* o = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < rgba.width; ++x, s += 4)
            o[x] = qRgb((s[0] * s[3] + 127) / 255, (s[1] * s[3] + 127) / 255, (s[2] * s[3] + 127) / 255);
    }
    return out;
}

QString CanvasDocument::inputName() const {
    const LayerId id = inputLayerId();
    if (!id) return tr("flattened image");
    return tr("layer “%1”").arg(QString::fromStdString(document().findLayer(id)->name));
}

void CanvasDocument::openImage(const QImage& image, const QString& actionText, const QString& layerName) {
    if (image.isNull()) return;
    Document next(image.width(), image.height());
    next.addLayer(Layer::raster((layerName.isEmpty() ? tr("Background") : layerName).toStdString(), toAceImage(image, 4)));
    next.addLayer(Layer::mask(tr("Mask").toStdString(), toAceImage(emptyMask(image.size()), 1)));
    // One undo step with what listeners do about the new picture (the chat's new context).
    undoStack()->beginMacro(actionText);
    undoStack()->push(new SwapDocumentCommand(m_layers, std::move(next), actionText));
    Q_EMIT pictureOpened();
    undoStack()->endMacro();
}

LayerId CanvasDocument::addResultLayer(const QImage& image, const QString& name,
                                       const std::optional<Provenance>& provenance, const QString& actionText,
                                       LayerId aboveLayer) {
    if (image.isNull()) return 0;
    return addResultLayer(toAceImage(image, 4), name, provenance, actionText, aboveLayer);
}

LayerId CanvasDocument::addResultLayer(const Image& rgba, const QString& name,
                                       const std::optional<Provenance>& provenance, const QString& actionText,
                                       LayerId aboveLayer) {
    if (rgba.isNull()) return 0;
    const QSize imageSize(rgba.width, rgba.height);
    Layer layer = Layer::raster(name.toStdString(), rgba);
    layer.versions.front().provenance = provenance;
    if (!m_hasImage) {
        // The first image of the session: the document takes its size.
        Document next(rgba.width, rgba.height);
        const LayerId id = next.addLayer(std::move(layer));
        next.addLayer(Layer::mask(tr("Mask").toStdString(), toAceImage(emptyMask(imageSize), 1)));
        undoStack()->push(new SwapDocumentCommand(m_layers, std::move(next), actionText));
        return id;
    }
    if (imageSize != size()) {
        layer.x = (size().width() - rgba.width) / 2;
        layer.y = (size().height() - rgba.height) / 2;
    }
    const int above = aboveLayer ? document().indexOf(aboveLayer) : -1;
    return m_layers->addLayer(std::move(layer), actionText, above < 0 ? -1 : above + 1);
}

void CanvasDocument::applyResult(const QImage& result, const QString& actionText) {
    addResultLayer(result, tr("Result"), std::nullopt, actionText);
}

LayerId CanvasDocument::beginMaskEdit() {
    if (!m_hasImage) return 0;
    if (const Layer* l = maskLayer()) return l->locked ? 0 : l->id;
    Layer mask = Layer::mask(tr("Mask").toStdString(), toAceImage(emptyMask(size()), 1));
    return m_layers->addLayer(std::move(mask), tr("Add mask layer"));
}

QImage CanvasDocument::writableMask() {
    const int index = document().editMaskIndex();
    if (index < 0) return QImage();
    return greyView(document().layer(index).image());
}

void CanvasDocument::notifyMaskChanged(const QRect& rect) {
    Q_EMIT maskChanged(rect);
    m_maskThumbnail.start();
}

void CanvasDocument::setMaskRect(LayerId id, const QRect& rect, const QImage& patch) {
    Layer* l = document().findLayer(id);
    if (!l || l->kind != LayerKind::Mask) return;
    QImage view = greyView(l->image());
    copyGrey(view, rect.topLeft(), patch);
    if (id == maskLayerId()) notifyMaskChanged(rect);
    else m_layers->notifyMaskPixelsChanged(id);
}

void CanvasDocument::pushMaskEdit(LayerId id, const QRect& rect, const QImage& before, const QString& text) {
    notifyMaskChanged(rect);
    undoStack()->push(new MaskEditCommand(this, id, rect, before, 0, text));
}

void CanvasDocument::clearMask() {
    const LayerId id = beginMaskEdit();
    if (!id) return;
    QImage mask = writableMask();
    const QImage before = mask.copy();
    mask.fill(0);
    pushMaskEdit(id, mask.rect(), before, tr("Clear mask"));
}

void CanvasDocument::invertMask() {
    const LayerId id = beginMaskEdit();
    if (!id) return;
    QImage mask = writableMask();
    const QImage before = mask.copy();
    for (int y = 0; y < mask.height(); ++y) {
        uchar* row = mask.scanLine(y);
        for (int x = 0; x < mask.width(); ++x) row[x] = static_cast<uchar>(255 - row[x]);
    }
    pushMaskEdit(id, mask.rect(), before, tr("Invert mask"));
}

void CanvasDocument::fillMaskAt(const QPoint& imagePos, bool erase) {
    if (!m_hasImage || !QRect(QPoint(0, 0), size()).contains(imagePos)) return;
    const LayerId id = beginMaskEdit();
    if (!id) return;
    Image& pixels = document().findLayer(id)->image();
    Image filled = pixels;
    const MaskRect changed = floodFillMask(filled, imagePos.x(), imagePos.y(), erase ? 0 : 255);
    if (changed.isEmpty()) return;
    const QRect rect(changed.x, changed.y, changed.width, changed.height);
    QImage mask = greyView(pixels);
    const QImage before = mask.copy(rect);
    copyGrey(mask, rect.topLeft(), greyView(filled).copy(rect));
    pushMaskEdit(id, rect, before, erase ? tr("Erase region") : tr("Fill region"));
}

void CanvasDocument::paintMaskShape(const QRect& shape, bool ellipse, bool erase) {
    const QRect rect = shape.normalized().intersected(QRect(QPoint(0, 0), size()));
    if (rect.isEmpty()) return;
    const LayerId id = beginMaskEdit();
    if (!id) return;
    QImage mask = writableMask();
    const QImage before = mask.copy(rect);
    const uchar value = erase ? 0 : 255;
    const QRectF r = shape.normalized();
    const double cx = r.center().x(), cy = r.center().y(), rx = r.width() / 2.0, ry = r.height() / 2.0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        uchar* row = mask.scanLine(y);
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (ellipse) {
                const double dx = (x + 0.5 - cx) / rx, dy = (y + 0.5 - cy) / ry;
                if (dx * dx + dy * dy > 1.0) continue;
            }
            row[x] = value;
        }
    }
    pushMaskEdit(id, rect, before, ellipse ? tr("Ellipse mask") : tr("Rectangle mask"));
}

void CanvasDocument::extendCanvas(const QMargins& margins) {
    if (!m_hasImage || margins.isNull()) return;
    const CanvasExtension e{std::max(0, margins.left()), std::max(0, margins.top()), std::max(0, margins.right()),
                            std::max(0, margins.bottom())};
    if (e.isNull()) return;
    // One undo step, even when the mask layer has to be made first.
    undoStack()->beginMacro(tr("Extend canvas"));
    const LayerId id = beginMaskEdit();
    // The reference's preparation: the new area is masked, the old mask kept inside.
    const ExtendedCanvas out = ace::extendCanvas(toAceImage(m_image, 3), toAceImage(mask(), 1), e);
    undoStack()->push(new ExtendCanvasCommand(m_layers, e.left, e.top, e.right, e.bottom, id, out.mask, tr("Extend canvas")));
    undoStack()->endMacro();
}

void CanvasDocument::setPreview(const QImage& preview, const QImage& clip, bool overImage) {
    m_preview = preview;
    m_previewOverImage = overImage && hasImage();
    m_previewClip = clip.size() == size() ? clip : QImage();
    Q_EMIT previewChanged();
}

void CanvasDocument::clearPreview() {
    if (m_preview.isNull()) return;
    m_preview = QImage();
    m_previewClip = QImage();
    Q_EMIT previewChanged();
}

}  // namespace ace
