// Corrections in place: every edit is an undoable command written through the store's overrides.
#pragma once

#include "workbenchdata.h"

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

    // Used by the commands.
    bool apply(const ComparisonRow& row, TargetField field, const QString& value);
    void reportError(const QString& message);
    void notifyChanged() { Q_EMIT changed(); }

Q_SIGNALS:
    void changed();                      // views reload from the store
    void failed(const QString& message); // shown in the status bar

private:
    bool pushChecked(QUndoCommand* command);
    WorkbenchData& m_data;
    QUndoStack* m_stack;
    QString m_lastError;
};

} // namespace pc::ui
