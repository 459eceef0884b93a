#pragma once
// Takes finished turns out of the next request's context as one undo step, so that undoing what
// caused it (opening another picture) puts them back; the eye button's toggles are not undo steps.
#include <QList>
#include <QPointer>
#include <QUndoCommand>

namespace ace {

class SessionController;

class ContextExclusionCommand final : public QUndoCommand {
public:
    ContextExclusionCommand(SessionController* session, QList<int> turnIds, const QString& text = {});

    void redo() override;
    void undo() override;

private:
    QPointer<SessionController> m_session;
    QList<int> m_turnIds;  // the turns this step took out (and gives back on undo)
};

}  // namespace ace
