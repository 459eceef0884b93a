#pragma once
#include <algorithm>
// The document: a canvas size and a stack of layers (index 0 = bottom), with the dirty area the
// next recomposite must redraw. Plain data, no Qt: the UI's undo commands call these methods.
#include <vector>

#include "ace/document/Layer.h"

namespace ace {

class Document {
public:
    Document() = default;
    Document(int width, int height);

    int width() const { return m_width; }
    int height() const { return m_height; }
    Rect bounds() const { return {0, 0, m_width, m_height}; }
    void resize(int width, int height);
    // A new canvas size with every layer moved by (dx, dy): extending the canvas on the left or
    // top by n pixels is resizeCanvas(w + n, h, n, 0). Marks everything dirty.
    void resizeCanvas(int width, int height, int dx, int dy);

    int layerCount() const { return static_cast<int>(m_layers.size()); }
    const std::vector<Layer>& layers() const { return m_layers; }
    // Index 0 is the bottom layer. Out-of-range indices throw std::out_of_range.
    const Layer& layer(int index) const { return m_layers.at(static_cast<std::size_t>(index)); }
    // Mutable access: callers that change pixels or attributes mark the area dirty themselves.
    Layer& layer(int index) { return m_layers.at(static_cast<std::size_t>(index)); }
    int indexOf(LayerId id) const;  // -1 when absent
    const Layer* findLayer(LayerId id) const;
    Layer* findLayer(LayerId id);

    // Inserts at index (0..layerCount()); assigns a fresh id when the layer's id is 0 or taken.
    // Returns the id. Marks the layer's area dirty.
    LayerId insertLayer(int index, Layer layer);
    LayerId addLayer(Layer layer) { return insertLayer(layerCount(), std::move(layer)); }
    Layer takeLayer(int index);
    void moveLayer(int from, int to);
    // Composites layer `index` onto the raster layer below it (its attributes apply) into one
    // normal-mode layer covering both; returns the merged layer's id.
    LayerId mergeDown(int index);

    // The mask the canvas paints and the next turn uses (255 = edit here): the topmost mask layer
    // placed at (0, 0) with the canvas's size. -1 when there is none.
    int editMaskIndex() const;
    bool hasRasterLayer() const;

    // Which layer feeds the next turn; 0 = the flattened image.
    LayerId inputLayer() const { return m_inputLayer; }
    // Layer ids are never reused in a document's life, saves included: provenance, turns and undo
    // commands refer to layers by id, and a deleted layer's id must not come back as another layer.
    LayerId reserveLayerId() { return m_nextId++; }
    LayerId nextLayerId() const { return m_nextId; }
    void setNextLayerId(LayerId next) { m_nextId = std::max(m_nextId, next); }
    void setInputLayer(LayerId id) { m_inputLayer = id; }

    void markDirty(const Rect& area) { m_dirty = m_dirty.united(area.intersected(bounds())); }
    void markLayerDirty(int index) { markDirty(layer(index).bounds()); }
    void markAllDirty() { m_dirty = bounds(); }
    const Rect& dirty() const { return m_dirty; }
    Rect takeDirty() {
        const Rect d = m_dirty;
        m_dirty = {};
        return d;
    }

    // Same size, layers (including ids) and input layer; the dirty area is not compared.
    bool operator==(const Document& o) const {
        return m_width == o.m_width && m_height == o.m_height && m_layers == o.m_layers && m_inputLayer == o.m_inputLayer;
    }

private:
    int m_width = 0;
    int m_height = 0;
    std::vector<Layer> m_layers;
    LayerId m_nextId = 1;
    LayerId m_inputLayer = 0;
    Rect m_dirty;
};

}  // namespace ace
