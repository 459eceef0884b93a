#include "LayerModel.h"

#include <QIODevice>
#include <QMimeData>
#include <QPainter>
#include <QUndoStack>

#include <utility>

#include "LayerCommands.h"
#include "ace/document/Compositor.h"

namespace ace {
namespace {

constexpr const char* kLayerMime = "application/x-ace-layer-id";
constexpr int kThumbnailSize = 48;

QRect toQRect(const Rect& r) { return QRect(r.x, r.y, r.width, r.height); }

// The canvas area a change of `layer` can alter in the composite: none for hidden layers and for
// mask layers (those are drawn as the canvas's overlay, not composited).
QRect compositeArea(const Layer& layer, const Rect& area) {
    if (layer.kind == LayerKind::Mask) return {};
    return toQRect(area);
}

}  // namespace

LayerModel::LayerModel(Document* document, QUndoStack* undoStack, QObject* parent)
    : QAbstractListModel(parent), m_document(document), m_undoStack(undoStack) {}

void LayerModel::resetDocument(Document* document) {
    beginResetModel();
    m_document = document;
    m_thumbnails.clear();
    endResetModel();
    Q_EMIT documentChanged(toQRect(m_document->bounds()));
    Q_EMIT inputLayerChanged(m_document->inputLayer());
}

int LayerModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : m_document->layerCount(); }

int LayerModel::rowForId(LayerId id) const {
    const int i = m_document->indexOf(id);
    return i < 0 ? -1 : rowForIndex(i);
}

LayerId LayerModel::idForRow(int row) const {
    if (row < 0 || row >= rowCount()) return 0;
    return m_document->layer(indexForRow(row)).id;
}

QImage LayerModel::toQImage(const Image& image) {
    if (image.isNull()) return {};
    if (image.channels == 4)
        return QImage(image.data.data(), image.width, image.height, static_cast<qsizetype>(image.stride()),
                      QImage::Format_RGBA8888)
            .copy();
    if (image.channels == 3)
        return QImage(image.data.data(), image.width, image.height, static_cast<qsizetype>(image.stride()),
                      QImage::Format_RGB888)
            .copy();
    return QImage(image.data.data(), image.width, image.height, static_cast<qsizetype>(image.stride()),
                  QImage::Format_Grayscale8)
        .copy();
}

QPixmap LayerModel::thumbnail(const Layer& layer, int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    // Checkerboard behind transparency.
    for (int y = 0; y < size; y += 6)
        for (int x = 0; x < size; x += 6) p.fillRect(x, y, 6, 6, ((x + y) / 6) % 2 ? QColor(204, 204, 204) : Qt::white);
    QImage image = toQImage(layer.image());
    if (!image.isNull()) {
        if (layer.kind == LayerKind::Mask) {
            // Masks show as the red overlay the canvas uses.
            QImage overlay(image.size(), QImage::Format_ARGB32);
            overlay.fill(QColor(255, 40, 40));
            overlay.setAlphaChannel(image);
            image = overlay;
        }
        const QImage scaled = image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        p.drawImage((size - scaled.width()) / 2, (size - scaled.height()) / 2, scaled);
    }
    return pixmap;
}

QVariant LayerModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Layer& layer = m_document->layer(indexForRow(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return QString::fromStdString(layer.name);
    case Qt::ToolTipRole: {
        QString tip = QString::fromStdString(layer.name);
        if (const auto& p = layer.provenance())
            tip += "\n" + tr("Instruction: %1\nSeed: %2").arg(QString::fromStdString(p->instruction)).arg(p->seed);
        return tip;
    }
    case Qt::DecorationRole: {
        auto it = m_thumbnails.find(layer.id);
        if (it == m_thumbnails.end()) it = m_thumbnails.insert(layer.id, thumbnail(layer, kThumbnailSize));
        return *it;
    }
    case Qt::CheckStateRole: return layer.visible ? Qt::Checked : Qt::Unchecked;
    case IdRole: return QVariant::fromValue<quint64>(layer.id);
    case OpacityRole: return static_cast<double>(layer.opacity);
    case BlendModeRole: return static_cast<int>(layer.blendMode);
    case LockedRole: return layer.locked;
    case KindRole: return static_cast<int>(layer.kind);
    case IsInputRole: return m_document->inputLayer() == layer.id;
    case VersionRole: return layer.currentVersion;
    case VersionCountRole: return static_cast<int>(layer.versions.size());
    case HasProvenanceRole: return layer.provenance().has_value();
    default: return {};
    }
}

bool LayerModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid()) return false;
    if (role == Qt::EditRole) return renameLayer(index.row(), value.toString());
    if (role == Qt::CheckStateRole) return setLayerVisible(index.row(), value.toInt() == Qt::Checked);
    if (role == OpacityRole) return setLayerOpacity(index.row(), value.toDouble());
    if (role == BlendModeRole) return setLayerBlendMode(index.row(), static_cast<BlendMode>(value.toInt()));
    if (role == LockedRole) return setLayerLocked(index.row(), value.toBool());
    return false;
}

Qt::ItemFlags LayerModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::ItemIsDropEnabled;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemIsUserCheckable |
           Qt::ItemIsDragEnabled;
}

QHash<int, QByteArray> LayerModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names[IdRole] = "layerId";
    names[OpacityRole] = "opacity";
    names[BlendModeRole] = "blendMode";
    names[LockedRole] = "locked";
    names[KindRole] = "kind";
    names[IsInputRole] = "isInput";
    return names;
}

QStringList LayerModel::mimeTypes() const { return {kLayerMime}; }

QMimeData* LayerModel::mimeData(const QModelIndexList& indexes) const {
    if (indexes.size() != 1) return nullptr;
    auto* mime = new QMimeData;
    mime->setData(kLayerMime, QByteArray::number(static_cast<qulonglong>(idForRow(indexes.front().row()))));
    return mime;
}

bool LayerModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int, const QModelIndex&) const {
    return action == Qt::MoveAction && data && data->hasFormat(kLayerMime);
}

bool LayerModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int, const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, 0, parent)) return false;
    const int from = rowForId(data->data(kLayerMime).toULongLong());
    if (from < 0) return false;
    // Dropped onto an item: before it; onto empty space: at the end.
    int target = row >= 0 ? row : parent.isValid() ? parent.row() : rowCount();
    if (target > from) --target;  // the row goes away before it is inserted
    target = std::clamp(target, 0, rowCount() - 1);
    moveLayer(from, target);
    // The move is done here; returning false keeps the view from removing the source row.
    return false;
}

bool LayerModel::pushAttributeChange(int row, int kind, const QString& text, const std::function<bool(Layer&)>& change) {
    const LayerId id = idForRow(row);
    if (!id) return false;
    const Layer& before = *m_document->findLayer(id);
    Layer after = attributesOf(before);  // the command does not need (or copy) the pixels
    if (!change(after)) return false;  // nothing changes
    m_undoStack->push(new LayerAttributesCommand(this, id, before, after, static_cast<LayerAttributesCommand::Kind>(kind), text));
    return true;
}

bool LayerModel::renameLayer(int row, const QString& name) {
    if (name.trimmed().isEmpty()) return false;
    return pushAttributeChange(row, LayerAttributesCommand::Rename, tr("Rename layer"), [&](Layer& l) {
        if (QString::fromStdString(l.name) == name) return false;
        l.name = name.toStdString();
        return true;
    });
}

bool LayerModel::setLayerVisible(int row, bool visible) {
    return pushAttributeChange(row, LayerAttributesCommand::Visibility, visible ? tr("Show layer") : tr("Hide layer"),
                               [&](Layer& l) { return std::exchange(l.visible, visible) != visible; });
}

bool LayerModel::setLayerOpacity(int row, double opacity) {
    const float o = static_cast<float>(std::clamp(opacity, 0.0, 1.0));
    return pushAttributeChange(row, LayerAttributesCommand::Opacity, tr("Change opacity"),
                               [&](Layer& l) { return std::exchange(l.opacity, o) != o; });
}

bool LayerModel::setLayerBlendMode(int row, BlendMode mode) {
    return pushAttributeChange(row, LayerAttributesCommand::Blend, tr("Change blend mode"),
                               [&](Layer& l) { return std::exchange(l.blendMode, mode) != mode; });
}

bool LayerModel::setLayerLocked(int row, bool locked) {
    return pushAttributeChange(row, LayerAttributesCommand::Lock, locked ? tr("Lock layer") : tr("Unlock layer"),
                               [&](Layer& l) { return std::exchange(l.locked, locked) != locked; });
}

bool LayerModel::showVersion(int row, int version) {
    const LayerId id = idForRow(row);
    if (!id || version < 0 || version >= static_cast<int>(m_document->findLayer(id)->versions.size())) return false;
    return pushAttributeChange(row, LayerAttributesCommand::Version, tr("Show another version"),
                               [&](Layer& l) { return std::exchange(l.currentVersion, version) != version; });
}

bool LayerModel::moveLayer(int fromRow, int toRow) {
    if (fromRow < 0 || toRow < 0 || fromRow >= rowCount() || toRow >= rowCount() || fromRow == toRow) return false;
    m_undoStack->push(new MoveLayerCommand(this, indexForRow(fromRow), indexForRow(toRow)));
    return true;
}

bool LayerModel::duplicateLayer(int row) {
    if (row < 0 || row >= rowCount()) return false;
    const int index = indexForRow(row);
    Layer copy = m_document->layer(index);
    copy.id = 0;
    copy.name += tr(" copy").toStdString();
    m_undoStack->push(new InsertLayerCommand(this, index + 1, std::move(copy), tr("Duplicate layer")));
    return true;
}

bool LayerModel::deleteLayer(int row) {
    if (row < 0 || row >= rowCount()) return false;
    m_undoStack->push(new RemoveLayerCommand(this, indexForRow(row), tr("Delete layer")));
    return true;
}

bool LayerModel::mergeDown(int row) {
    if (row < 0 || row >= rowCount() - 1) return false;
    const int index = indexForRow(row);
    const Layer& upper = m_document->layer(index);
    const Layer& lower = m_document->layer(index - 1);
    if (upper.kind != LayerKind::Raster || lower.kind != LayerKind::Raster) return false;
    // Let the document do the compositing on a copy of the pair, then record it as a swap.
    Document pair(m_document->width(), m_document->height());
    pair.addLayer(lower);
    pair.addLayer(upper);
    pair.mergeDown(1);
    m_undoStack->push(new ReplaceLayersCommand(this, index - 1, {lower, upper}, {pair.layer(0)}, tr("Merge down")));
    return true;
}

bool LayerModel::setInputLayer(LayerId id) {
    if (id != 0 && !m_document->findLayer(id)) return false;
    if (m_document->inputLayer() == id) return false;
    m_undoStack->push(new SetInputLayerCommand(this, m_document->inputLayer(), id,
                                               id ? tr("Use layer as input") : tr("Use flattened image as input")));
    return true;
}

LayerId LayerModel::addLayer(Layer layer, const QString& actionText, int stackIndex) {
    if (stackIndex < 0 || stackIndex > m_document->layerCount()) stackIndex = m_document->layerCount();
    auto* command = new InsertLayerCommand(this, stackIndex, std::move(layer), actionText);
    const LayerId id = command->layerId();
    m_undoStack->push(command);
    return id;
}

bool LayerModel::addVersion(LayerId id, const Image& image, const Provenance& provenance) {
    const int index = m_document->indexOf(id);
    if (index < 0) return false;
    const Layer& before = m_document->layer(index);
    Layer after = before;
    after.addVersion(image, provenance);
    const QString text = tr("New version of “%1”").arg(QString::fromStdString(before.name));
    m_undoStack->push(new ReplaceLayersCommand(this, index, {before}, {std::move(after)}, text));
    return true;
}

LayerId LayerModel::insertLayerRaw(int stackIndex, Layer layer) {
    const int row = m_document->layerCount() - stackIndex;
    beginInsertRows({}, row, row);
    const LayerId id = m_document->insertLayer(stackIndex, std::move(layer));
    endInsertRows();
    const Layer& l = *m_document->findLayer(id);
    Q_EMIT documentChanged(l.visible ? compositeArea(l, l.bounds().intersected(m_document->bounds())) : QRect());
    return id;
}

Layer LayerModel::takeLayerRaw(int stackIndex) {
    const int row = rowForIndex(stackIndex);
    beginRemoveRows({}, row, row);
    Layer layer = m_document->takeLayer(stackIndex);
    endRemoveRows();
    m_thumbnails.remove(layer.id);
    Q_EMIT documentChanged(layer.visible ? compositeArea(layer, layer.bounds().intersected(m_document->bounds())) : QRect());
    return layer;
}

void LayerModel::moveLayerRaw(int from, int to) {
    const int fromRow = rowForIndex(from), toRow = rowForIndex(to);
    // Qt's destination row is the row before which the item lands, counted before the move.
    beginMoveRows({}, fromRow, fromRow, {}, toRow > fromRow ? toRow + 1 : toRow);
    m_document->moveLayer(from, to);
    endMoveRows();
    const Layer& moved = m_document->layer(to);
    Q_EMIT documentChanged(compositeArea(moved, moved.bounds().intersected(m_document->bounds())));
}

void LayerModel::replaceLayerRaw(int stackIndex, Layer layer) {
    Layer& target = m_document->layer(stackIndex);
    const Rect area = target.bounds().united(layer.bounds());
    target = std::move(layer);
    emitRowChanged(target.id, toQRect(area.intersected(m_document->bounds())));
}

void LayerModel::setAttributesRaw(LayerId id, const Layer& a) {
    Layer* l = m_document->findLayer(id);
    if (!l) return;
    const Rect before = l->bounds();
    l->name = a.name;
    l->visible = a.visible;
    l->opacity = a.opacity;
    l->blendMode = a.blendMode;
    l->locked = a.locked;
    if (a.currentVersion >= 0 && a.currentVersion < static_cast<int>(l->versions.size())) l->currentVersion = a.currentVersion;
    emitRowChanged(id, toQRect(before.united(l->bounds()).intersected(m_document->bounds())));
}

void LayerModel::setInputLayerRaw(LayerId id) {
    if (m_document->inputLayer() == id) return;
    const LayerId before = m_document->inputLayer();
    m_document->setInputLayer(id);
    for (LayerId changed : {before, id}) {
        const int row = rowForId(changed);
        if (row >= 0) Q_EMIT dataChanged(index(row), index(row), {IsInputRole});
    }
    Q_EMIT inputLayerChanged(id);
}

void LayerModel::notifyPixelsChanged(LayerId id, const QRect& canvasArea) { emitRowChanged(id, canvasArea); }

void LayerModel::notifyMaskPixelsChanged(LayerId id) {
    m_thumbnails.remove(id);
    const int row = rowForId(id);
    if (row >= 0) Q_EMIT dataChanged(index(row), index(row), {Qt::DecorationRole});
}

void LayerModel::swapDocumentRaw(Document& other) {
    const LayerId inputBefore = m_document->inputLayer();
    beginResetModel();
    std::swap(*m_document, other);
    m_thumbnails.clear();
    endResetModel();
    m_document->markAllDirty();
    Q_EMIT documentChanged(toQRect(m_document->bounds()));
    if (inputBefore != m_document->inputLayer()) Q_EMIT inputLayerChanged(m_document->inputLayer());
}

void LayerModel::resizeCanvasRaw(int width, int height, int dx, int dy) {
    m_document->resizeCanvas(width, height, dx, dy);
    m_thumbnails.clear();
    if (rowCount() > 0) Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole});
    Q_EMIT documentChanged(toQRect(m_document->bounds()));
}

void LayerModel::setLayerImageRaw(LayerId id, Image image) {
    Layer* l = m_document->findLayer(id);
    if (!l) return;
    const Rect before = l->bounds();
    l->image() = std::move(image);
    const Rect area = before.united(l->bounds());
    m_document->markDirty(area);
    emitRowChanged(id, toQRect(area.intersected(m_document->bounds())));
}

void LayerModel::emitRowChanged(LayerId id, const QRect& area) {
    m_thumbnails.remove(id);
    const int row = rowForId(id);
    if (row >= 0) Q_EMIT dataChanged(index(row), index(row));
    const Layer* layer = m_document->findLayer(id);
    Q_EMIT documentChanged(layer && layer->kind == LayerKind::Mask ? QRect() : area);
}

}  // namespace ace
