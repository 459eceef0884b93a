#pragma once
// The composite of a LayerModel's document as a QImage the canvas can draw, kept up to date
// incrementally: each LayerModel::documentChanged(area) recomposites only that area (see
// ace::compositeInto) and emits changed(area) for the view to repaint.
#include <QImage>
#include <QObject>

#include "ace/common/Image.h"

namespace ace {

class LayerModel;

class CompositeImage final : public QObject {
    Q_OBJECT
public:
    explicit CompositeImage(LayerModel* model, QObject* parent = nullptr);

    // RGBA8888 (straight alpha) sharing the composite's pixels; valid until the next change.
    const QImage& image() const { return m_view; }
    // Recomposites everything (after the document was replaced or resized).
    void refresh();

Q_SIGNALS:
    void changed(const QRect& area);

private:
    void update(const QRect& area);
    LayerModel* m_model;
    Image m_pixels;
    QImage m_view;
};

}  // namespace ace
