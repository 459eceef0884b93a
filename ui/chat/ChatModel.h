#pragma once
// The conversation as a list model: every turn is two rows, the user's message (instruction, the
// images and masks it used, its task) and its result (queued, running with progress, the image
// with seed / steps / time, failed with the message, or cancelled). Roles start at Qt::UserRole.
#include <QAbstractListModel>
#include <QImage>
#include <QList>
#include <QSet>

namespace ace {

// What a turn asks for; changes how its images are prepared (only inpainting changes pixels in
// the reference: the masked area is blanked) and which images it takes.
// LayerDecouple and LayerFusion are ACE's layer tasks: the first takes the chosen input layer as
// {image}, the second also the layer selected in the layer panel as {image1}; their results
// come in as new layers like every turn's.
enum class TaskKind { Automatic, TextToImage, Inpainting, Outpainting, ReferenceGuided, TryOn, LayerDecouple, LayerFusion };
QString taskDisplayName(TaskKind task);
// The instruction a task starts from when it is chosen ("" = none), phrased like the reference's
// chatbot examples, with the {image}/{image1} references the task prepares.
QString taskTemplate(TaskKind task);
// How many document layers the task takes as its images ({image}, then {image1}); 0: the usual inputs.
int taskLayerInputs(TaskKind task);
// The reference's task string for the canvas image ("" = automatic).
std::string taskReferenceName(TaskKind task);

// "{image}" for the first image of a turn, "{image<i>}" for the i-th after it (the reference's numbering).
QString imageLabel(int index);
// Whether a turn with this task edits the canvas image.
bool usesCanvas(TaskKind task, bool canvasHasImage);
// Whether a turn with this many input images carries the earlier turns as history: the reference
// pairs history with single-image turns only (with several its text and frame counts disagree,
// ace-reference.md §2; a text-to-image turn has no frame to pair them with).
inline bool historyApplies(int currentImageCount) { return currentImageCount == 1; }

// `image` scaled to fit `side` x `side` with `mask` (Grayscale8, null = none) tinted over it in the
// canvas's mask colour, as the chat and its context bar show a turn's images.
QImage maskedThumbnail(const QImage& image, const QImage& mask, int side);

enum class TurnStatus { Queued, Running, Done, Failed, Cancelled };

// One image of a turn: the picture, its mask (null = none) and the name the instruction uses.
struct ChatImage {
    QImage image;
    QImage mask;       // Grayscale8, same size, or null
    QString label;     // "{image}", "{image1}", ...
    QString source;    // "canvas", a file name, "pasted"
};

struct ChatTurn {
    int id = 0;
    QString instruction;
    TaskKind task = TaskKind::Automatic;
    QList<ChatImage> images;
    bool pasteBack = true;
    int regenerationOf = 0;  // the turn this one re-runs with a new seed (0: none)

    TurnStatus status = TurnStatus::Queued;
    bool started = false;  // it reached the worker (a cancelled queued turn never did)
    int step = 0, totalSteps = 0;
    QImage result;
    qint64 seed = -1;
    int steps = 0;
    double seconds = 0.0;
    QString error;

    bool excluded = false;       // the user took it out of the context
    bool inNextContext = false;  // it is among the earlier turns the next request carries
};

// What the chat input hands over when the user sends.
struct SendRequest {
    QString text;
    QList<ChatImage> attachments;  // in order: {image1}, {image2}, ... after the canvas
    TaskKind task = TaskKind::Automatic;
    bool pasteBack = true;
};

class ChatModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Kind { UserRow, ResultRow };
    enum Role {
        KindRole = Qt::UserRole,
        TurnIdRole,
        InstructionRole,
        TaskRole,            // display name
        ThumbnailsRole,      // QList<QImage>, the turn's images (masks drawn in)
        ImageLabelsRole,     // QStringList, "{image}", ... matching ThumbnailsRole
        StatusRole,          // int(TurnStatus)
        StepRole,
        TotalStepsRole,
        ResultImageRole,     // QImage thumbnail of the result
        SeedRole,
        StepsRole,
        SecondsRole,
        ErrorRole,
        InNextContextRole,
        ExcludedRole,
        RegenerationOfRole,  // the turn this one re-runs (0: none)
        StartedRole,         // bool: it reached the worker
    };

    explicit ChatModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Appends a turn (status Queued); returns its id.
    int addTurn(ChatTurn turn);
    const ChatTurn* turn(int id) const;
    QList<int> turnIds() const;
    int turnCount() const { return static_cast<int>(m_turns.size()); }
    QModelIndex userIndex(int id) const;
    QModelIndex resultIndex(int id) const;

    void setStatus(int id, TurnStatus status);
    void setProgress(int id, int step, int total);
    void setResult(int id, const QImage& image, qint64 seed, int steps, double seconds);
    void setFailed(int id, const QString& message);
    void setExcluded(int id, bool excluded);
    void setImages(int id, const QList<ChatImage>& images);
    // Marks which turns the next request carries as history.
    void setNextContext(const QSet<int>& ids);
    void clear();
    // Replaces the whole conversation with turns read back from a project, keeping their ids
    // (result layers' provenance names them); later turns are numbered from `nextId` on, or
    // after the highest restored id if that is larger.
    void restoreTurns(const QList<ChatTurn>& turns, int nextId = 1);
    // The conversation as plain text, for layered exports (OpenRaster/PSD metadata): one block per
    // turn with its instruction, images, task, and result (seed, steps, time) or error.
    QString transcript() const;

private:
    struct Entry {
        ChatTurn turn;
        QList<QImage> thumbnails;
        QImage resultThumbnail;
    };
    int indexOf(int id) const;
    void changed(int id, bool user, bool result);

    QList<Entry> m_turns;
    int m_nextId = 1;
};

}  // namespace ace

Q_DECLARE_METATYPE(QList<QImage>)
Q_DECLARE_METATYPE(ace::SendRequest)
