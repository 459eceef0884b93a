#include "ChatModel.h"

#include <QPainter>

#include <algorithm>

namespace ace {

QString taskDisplayName(TaskKind task) {
    switch (task) {
    case TaskKind::Automatic: return ChatModel::tr("Automatic");
    case TaskKind::TextToImage: return ChatModel::tr("Text to image");
    case TaskKind::Inpainting: return ChatModel::tr("Inpainting");
    case TaskKind::Outpainting: return ChatModel::tr("Outpainting");
    case TaskKind::ReferenceGuided: return ChatModel::tr("Reference-guided");
    case TaskKind::TryOn: return ChatModel::tr("Try on");
    case TaskKind::LayerDecouple: return ChatModel::tr("Layer: decouple subject");
    case TaskKind::LayerFusion: return ChatModel::tr("Layer: fuse two layers");
    }
    return {};
}

QString taskTemplate(TaskKind task) {
    // The model reads English instructions: the templates are not translated.
    switch (task) {
    case TaskKind::LayerDecouple:
        return QStringLiteral("Separate the main subject of {image} from its background, keeping the subject unchanged "
                              "on a pure white background.");
    case TaskKind::LayerFusion:
        return QStringLiteral("Fuse the subject of {image1} into {image} seamlessly, matching the lighting and "
                              "perspective. Other parts remain unchanged.");
    default: return {};
    }
}

int taskLayerInputs(TaskKind task) {
    switch (task) {
    case TaskKind::LayerDecouple: return 1;
    case TaskKind::LayerFusion: return 2;
    default: return 0;
    }
}

std::string taskReferenceName(TaskKind task) {
    // The reference blanks the masked area only for "inpainting" / "Inpainting" / "Try On"; the
    // other names are what its examples pass and leave the pixels as they are.
    switch (task) {
    case TaskKind::Inpainting: return "inpainting";
    case TaskKind::Outpainting: return "outpainting";
    case TaskKind::TryOn: return "Try On";
    case TaskKind::Automatic:
    case TaskKind::TextToImage:
    case TaskKind::ReferenceGuided:
    case TaskKind::LayerDecouple:  // the reference has no task string for these: plain instructions
    case TaskKind::LayerFusion: return "";
    }
    return "";
}

QString imageLabel(int index) {
    return index == 0 ? QStringLiteral("{image}") : QStringLiteral("{image%1}").arg(index);
}

bool usesCanvas(TaskKind task, bool canvasHasImage) { return canvasHasImage && task != TaskKind::TextToImage; }

QImage maskedThumbnail(const QImage& image, const QImage& mask, int side) {
    if (image.isNull()) return {};
    QImage thumb = image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                       .convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (!mask.isNull()) {
        // The mask as the canvas shows it, so the chat says where each turn edited.
        const QImage m = mask.convertToFormat(QImage::Format_Grayscale8);
        QImage tint(m.size(), QImage::Format_ARGB32_Premultiplied);
        for (int y = 0; y < m.height(); ++y) {
            const uchar* row = m.constScanLine(y);
            auto* t = reinterpret_cast<QRgb*>(tint.scanLine(y));
            for (int x = 0; x < m.width(); ++x) {
                const int a = row[x] * 150 / 255;
                t[x] = qRgba(255 * a / 255, 40 * a / 255, 60 * a / 255, a);
            }
        }
        QPainter p(&thumb);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(thumb.rect(), tint);
    }
    return thumb;
}

namespace {
constexpr int kThumb = 160;
QImage thumbnail(const QImage& image, const QImage& mask) { return maskedThumbnail(image, mask, kThumb); }
QImage resultThumbnail(const QImage& image) { return image.scaled(256, 256, Qt::KeepAspectRatio, Qt::SmoothTransformation); }
}  // namespace

ChatModel::ChatModel(QObject* parent) : QAbstractListModel(parent) {}

int ChatModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_turns.size()) * 2;
}

QVariant ChatModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Entry& e = m_turns[index.row() / 2];
    const ChatTurn& t = e.turn;
    const bool user = index.row() % 2 == 0;
    switch (role) {
    case KindRole: return user ? UserRow : ResultRow;
    case TurnIdRole: return t.id;
    case Qt::DisplayRole:
    case InstructionRole: return t.instruction;
    case TaskRole: return taskDisplayName(t.task);
    case ThumbnailsRole: return QVariant::fromValue(e.thumbnails);
    case ImageLabelsRole: {
        QStringList labels;
        for (const ChatImage& i : t.images) labels << i.label;
        return labels;
    }
    case StatusRole: return static_cast<int>(t.status);
    case StepRole: return t.step;
    case TotalStepsRole: return t.totalSteps;
    case ResultImageRole: return e.resultThumbnail;
    case SeedRole: return t.seed;
    case StepsRole: return t.steps;
    case SecondsRole: return t.seconds;
    case ErrorRole: return t.error;
    case InNextContextRole: return t.inNextContext;
    case ExcludedRole: return t.excluded;
    case RegenerationOfRole: return t.regenerationOf;
    case StartedRole: return t.started;
    case Qt::ToolTipRole:
        if (user && t.regenerationOf != 0)
            return tr("Turn %1 again with a new seed; its input is already in the context as turn %1.").arg(t.regenerationOf);
        if (user && t.excluded) return tr("Left out of the context: later turns do not see this turn (Delete puts it back).");
        if (user && t.inNextContext) return tr("In the context of the next turn: its instruction and first image go with it.");
        if (!user && t.status == TurnStatus::Failed) return t.error;
        if (!user && t.status == TurnStatus::Done)
            return tr("Double-click or Enter: use as the canvas image. Right-click for all actions.");
        return {};
    default: return {};
    }
}

QHash<int, QByteArray> ChatModel::roleNames() const {
    return {{KindRole, "kind"},           {TurnIdRole, "turnId"},     {InstructionRole, "instruction"},
            {TaskRole, "task"},           {ThumbnailsRole, "thumbnails"}, {ImageLabelsRole, "imageLabels"},
            {StatusRole, "status"},       {StepRole, "step"},         {TotalStepsRole, "totalSteps"},
            {ResultImageRole, "result"},  {SeedRole, "seed"},         {StepsRole, "steps"},
            {SecondsRole, "seconds"},     {ErrorRole, "error"},       {InNextContextRole, "inNextContext"},
            {ExcludedRole, "excluded"},   {RegenerationOfRole, "regenerationOf"}, {StartedRole, "started"}};
}

int ChatModel::addTurn(ChatTurn turn) {
    turn.id = m_nextId++;
    Entry e;
    for (const ChatImage& i : turn.images) e.thumbnails << thumbnail(i.image, i.mask);
    e.turn = std::move(turn);
    const int row = rowCount();
    beginInsertRows({}, row, row + 1);
    m_turns.append(std::move(e));
    endInsertRows();
    return m_turns.back().turn.id;
}

int ChatModel::indexOf(int id) const {
    for (int i = 0; i < m_turns.size(); ++i)
        if (m_turns[i].turn.id == id) return i;
    return -1;
}

const ChatTurn* ChatModel::turn(int id) const {
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_turns[i].turn;
}

QList<int> ChatModel::turnIds() const {
    QList<int> ids;
    for (const Entry& e : m_turns) ids << e.turn.id;
    return ids;
}

QModelIndex ChatModel::userIndex(int id) const {
    const int i = indexOf(id);
    return i < 0 ? QModelIndex() : index(i * 2);
}

QModelIndex ChatModel::resultIndex(int id) const {
    const int i = indexOf(id);
    return i < 0 ? QModelIndex() : index(i * 2 + 1);
}

void ChatModel::changed(int id, bool user, bool result) {
    const int i = indexOf(id);
    if (i < 0) return;
    const QModelIndex first = index(user ? i * 2 : i * 2 + 1);
    const QModelIndex last = index(result ? i * 2 + 1 : i * 2);
    Q_EMIT dataChanged(first, last);
}

void ChatModel::setStatus(int id, TurnStatus status) {
    const int i = indexOf(id);
    if (i < 0 || m_turns[i].turn.status == status) return;
    m_turns[i].turn.status = status;
    if (status == TurnStatus::Running) m_turns[i].turn.started = true;
    changed(id, false, true);
}

void ChatModel::setProgress(int id, int step, int total) {
    const int i = indexOf(id);
    if (i < 0) return;
    ChatTurn& t = m_turns[i].turn;
    t.status = TurnStatus::Running;
    t.started = true;
    t.step = step;
    t.totalSteps = total;
    changed(id, false, true);
}

void ChatModel::setResult(int id, const QImage& image, qint64 seed, int steps, double seconds) {
    const int i = indexOf(id);
    if (i < 0) return;
    Entry& e = m_turns[i];
    e.turn.status = TurnStatus::Done;
    e.turn.started = true;
    e.turn.result = image;
    e.turn.seed = seed;
    e.turn.steps = steps;
    e.turn.seconds = seconds;
    e.resultThumbnail = resultThumbnail(image);
    changed(id, false, true);
}

void ChatModel::setFailed(int id, const QString& message) {
    const int i = indexOf(id);
    if (i < 0) return;
    m_turns[i].turn.status = TurnStatus::Failed;
    m_turns[i].turn.started = true;
    m_turns[i].turn.error = message;
    changed(id, false, true);
}

void ChatModel::setExcluded(int id, bool excluded) {
    const int i = indexOf(id);
    if (i < 0 || m_turns[i].turn.excluded == excluded) return;
    m_turns[i].turn.excluded = excluded;
    changed(id, true, true);  // both rows are drawn dimmed
}

void ChatModel::setImages(int id, const QList<ChatImage>& images) {
    const int i = indexOf(id);
    if (i < 0) return;
    Entry& e = m_turns[i];
    e.turn.images = images;
    e.thumbnails.clear();
    for (const ChatImage& image : images) e.thumbnails << thumbnail(image.image, image.mask);
    changed(id, true, false);
}

void ChatModel::setNextContext(const QSet<int>& ids) {
    for (Entry& e : m_turns) {
        const bool in = ids.contains(e.turn.id);
        if (e.turn.inNextContext == in) continue;
        e.turn.inNextContext = in;
        changed(e.turn.id, true, true);
    }
}

void ChatModel::clear() {
    beginResetModel();
    m_turns.clear();
    endResetModel();
}

void ChatModel::restoreTurns(const QList<ChatTurn>& turns, int nextId) {
    beginResetModel();
    m_turns.clear();
    m_nextId = std::max(1, nextId);
    for (const ChatTurn& turn : turns) {
        Entry e;
        for (const ChatImage& i : turn.images) e.thumbnails << thumbnail(i.image, i.mask);
        if (!turn.result.isNull()) e.resultThumbnail = resultThumbnail(turn.result);
        e.turn = turn;
        m_nextId = std::max(m_nextId, turn.id + 1);
        m_turns.append(std::move(e));
    }
    endResetModel();
}

QString ChatModel::transcript() const {
    // Not translated: the transcript is metadata read by other tools and by people of any locale.
    QStringList lines;
    for (const Entry& e : m_turns) {
        const ChatTurn& t = e.turn;
        QString head = QStringLiteral("#%1 You").arg(t.id);
        if (t.regenerationOf > 0) head += QStringLiteral(" (turn #%1 with a new seed)").arg(t.regenerationOf);
        if (t.task != TaskKind::Automatic) head += QStringLiteral(" [%1]").arg(taskDisplayName(t.task));
        lines << head + QStringLiteral(": ") + t.instruction;
        for (const ChatImage& img : t.images)
            lines << QStringLiteral("    %1 = %2 (%3x%4%5)")
                         .arg(img.label, img.source)
                         .arg(img.image.width())
                         .arg(img.image.height())
                         .arg(img.mask.isNull() ? QString() : QStringLiteral(", with mask"));
        switch (t.status) {
            case TurnStatus::Done:
                lines << QStringLiteral("#%1 ACE: %2x%3 result, seed %4, %5 steps, %6 s")
                             .arg(t.id)
                             .arg(t.result.width())
                             .arg(t.result.height())
                             .arg(t.seed)
                             .arg(t.steps)
                             .arg(t.seconds, 0, 'f', 1);
                break;
            case TurnStatus::Failed: lines << QStringLiteral("#%1 ACE: failed: %2").arg(t.id).arg(t.error); break;
            case TurnStatus::Cancelled: lines << QStringLiteral("#%1 ACE: cancelled").arg(t.id); break;
            default: lines << QStringLiteral("#%1 ACE: not finished").arg(t.id); break;
        }
        if (t.excluded) lines << QStringLiteral("    (left out of the context)");
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace ace
