#include "CompositeImage.h"

#include "LayerModel.h"
#include "ace/document/Compositor.h"

namespace ace {

CompositeImage::CompositeImage(LayerModel* model, QObject* parent) : QObject(parent), m_model(model) {
    // LayerModel follows every reset (open, recovery, a swapped document) with documentChanged
    // over the whole canvas, so that signal alone keeps the composite right.
    connect(model, &LayerModel::documentChanged, this, &CompositeImage::update);
    refresh();
}

void CompositeImage::refresh() {
    const Document& doc = *m_model->document();
    update(QRect(0, 0, doc.width(), doc.height()));
}

void CompositeImage::update(const QRect& area) {
    const Document& doc = *m_model->document();
    const bool resized = m_pixels.width != doc.width() || m_pixels.height != doc.height();
    const QRect full(0, 0, doc.width(), doc.height());
    const QRect dirty = resized ? full : area.intersected(full);
    if (dirty.isEmpty()) return;
    compositeInto(doc, {dirty.x(), dirty.y(), dirty.width(), dirty.height()}, m_pixels);
    if (resized || m_view.isNull())
        m_view = QImage(m_pixels.data.data(), m_pixels.width, m_pixels.height, static_cast<qsizetype>(m_pixels.stride()),
                        QImage::Format_RGBA8888);
    Q_EMIT changed(dirty);
}

}  // namespace ace
