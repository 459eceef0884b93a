#include "ContextExclusionCommand.h"

#include "SessionController.h"

namespace ace {

ContextExclusionCommand::ContextExclusionCommand(SessionController* session, QList<int> turnIds, const QString& text)
    : QUndoCommand(text), m_session(session), m_turnIds(std::move(turnIds)) {}

void ContextExclusionCommand::redo() {
    if (m_session) m_session->setTurnsExcluded(m_turnIds, true);
}

void ContextExclusionCommand::undo() {
    if (m_session) m_session->setTurnsExcluded(m_turnIds, false);
}

}  // namespace ace
