// Corrections in place: every edit is an undoable command written through the store's overrides.
#pragma once

#include "workbenchdata.h"

#include <QHash>
#include <QObject>

class QUndoCommand;
class QUndoStack;

namespace pc::ui {

class Corrections : public QObject {
    Q_OBJECT
public:
    Corrections(WorkbenchData& data, QObject* parent = nullptr);
    QUndoStack* undoStack() const { return m_stack; }
    WorkbenchData& data() const { return m_data; }

    // Each pushes a command (which applies at once) and returns whether the store accepted it.
    bool setField(const ComparisonRow& row, TargetField field, const QString& value);
    bool markNotTarget(const ComparisonRow& row);
    bool changeIndicator(const ComparisonRow& row, const QString& indicatorId);
    bool addTarget(const NewTarget& target);

    QString lastError() const { return m_lastError; }
    QString lastErrorCode() const { return m_lastErrorCode; } // e.g. conflict, db-readonly

    // Used by the commands.
    void reportError(const QString& message, const QString& code = {});
    void notifyChanged() { Q_EMIT changed(); }
    // The version a target has after this window's own last correction of it (0: none yet).
    qint64 knownVersion(qint64 targetId) const;
    void setKnownVersion(qint64 targetId, qint64 version);

Q_SIGNALS:
    void changed();                      // views reload from the store
    void failed(const QString& message); // shown in the status bar
    // Someone else changed the target since it was loaded: the message shows their value, who and
    // when; the views reload (changed() follows).
    void conflicted(const QString& message);

private:
    bool pushChecked(QUndoCommand* command);
    WorkbenchData& m_data;
    QUndoStack* m_stack;
    QString m_lastError;
    QString m_lastErrorCode;
    QHash<qint64, qint64> m_known; // target id → version after our own last correction
};

// The refusal shown when a read-only database is asked to change: names why it is read-only.
QString readOnlyMessage(const WorkbenchData& data);

} // namespace pc::ui
