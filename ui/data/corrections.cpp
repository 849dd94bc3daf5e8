// Undo commands over the store's override API.
#include "corrections.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace pc::ui {

namespace {

class SetFieldCommand : public QUndoCommand {
public:
    SetFieldCommand(Corrections& c, ComparisonRow row, TargetField field, QString newValue, QString oldValue,
                    const QString& text)
        : QUndoCommand(text)
        , m_c(c)
        , m_row(std::move(row))
        , m_field(field)
        , m_new(std::move(newValue))
        , m_old(std::move(oldValue)) {}
    void redo() override {
        m_ok = m_c.apply(m_row, m_field, m_new);
        if (!m_ok)
            setObsolete(true);
        m_c.notifyChanged();
    }
    void undo() override {
        // The original value came from the plan (or an earlier override): restoring it is an
        // override to the old value, or clearing the flag for "not a target".
        m_c.apply(m_row, m_field, m_field == TargetField::NotTarget ? QString() : m_old);
        m_c.notifyChanged();
    }
    bool ok() const { return m_ok; }

private:
    Corrections& m_c;
    ComparisonRow m_row;
    TargetField m_field;
    QString m_new, m_old;
    bool m_ok = false;
};

class AddTargetCommand : public QUndoCommand {
public:
    AddTargetCommand(Corrections& c, NewTarget t, const QString& text)
        : QUndoCommand(text)
        , m_c(c)
        , m_t(std::move(t)) {}
    void redo() override {
        const Result<qint64> id = m_c.data().addTarget(m_t);
        if (!id) {
            m_c.reportError(id.errorMessage());
            setObsolete(true);
        } else {
            m_id = id.value();
        }
        m_c.notifyChanged();
    }
    void undo() override {
        if (m_id > 0) {
            const Status s = m_c.data().removeAddedTarget(m_id);
            if (!s)
                m_c.reportError(s.errorMessage());
        }
        m_c.notifyChanged();
    }
    qint64 addedId() const { return m_id; }

private:
    Corrections& m_c;
    NewTarget m_t;
    qint64 m_id = 0;
};

} // namespace

Corrections::Corrections(WorkbenchData& data, QObject* parent)
    : QObject(parent)
    , m_data(data)
    , m_stack(new QUndoStack(this)) {}

bool Corrections::pushChecked(QUndoCommand* command) {
    // push() runs redo() and deletes the command if it made itself obsolete, so success is
    // read from the error slot, never from the command.
    m_lastError.clear();
    m_stack->push(command);
    return m_lastError.isEmpty();
}

bool Corrections::apply(const ComparisonRow& row, TargetField field, const QString& value) {
    const Status s = m_data.setOverride(row, field, value);
    if (!s)
        reportError(s.errorMessage());
    return s.ok();
}

void Corrections::reportError(const QString& message) {
    m_lastError = message;
    Q_EMIT failed(message);
}

bool Corrections::setField(const ComparisonRow& row, TargetField field, const QString& value) {
    const QString old = targetFieldValue(row, field);
    if (old == value)
        return true;
    auto* cmd = new SetFieldCommand(*this, row, field, value, old,
                                    tr("修改 %1 的%2").arg(row.jurisdiction, targetFieldName(field)));
    return pushChecked(cmd);
}

bool Corrections::markNotTarget(const ComparisonRow& row) {
    auto* cmd = new SetFieldCommand(*this, row, TargetField::NotTarget, QStringLiteral("1"), QString(),
                                    tr("标记 %1 的目标为非目标").arg(row.jurisdiction));
    return pushChecked(cmd);
}

bool Corrections::changeIndicator(const ComparisonRow& row, const QString& indicatorId) {
    return setField(row, TargetField::Indicator, indicatorId);
}

bool Corrections::addTarget(const NewTarget& target) {
    auto* cmd = new AddTargetCommand(*this, target, tr("添加目标"));
    return pushChecked(cmd);
}

} // namespace pc::ui
