// Undo commands over the store's override API.
#include "corrections.h"

#include "app/uilanguage.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <functional>

namespace pc::ui {

namespace {

// Every command creates one override on redo and removes it on undo, so undo restores exactly
// what the parser (or earlier corrections) said.
class OverrideCommand : public QUndoCommand {
public:
    using Make = std::function<Result<qint64>()>;
    OverrideCommand(Corrections& c, Make make, const QString& text)
        : QUndoCommand(text)
        , m_c(c)
        , m_make(std::move(make)) {}
    void redo() override {
        const Result<qint64> id = m_make();
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
            const Status s = m_c.data().removeOverride(m_id);
            if (!s)
                m_c.reportError(s.errorMessage());
            m_id = 0;
        }
        m_c.notifyChanged();
    }

private:
    Corrections& m_c;
    Make m_make;
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

void Corrections::reportError(const QString& message) {
    m_lastError = message;
    Q_EMIT failed(message);
}

bool Corrections::setField(const ComparisonRow& row, TargetField field, const QString& value) {
    if (targetFieldValue(row, field) == value)
        return true;
    WorkbenchData* data = &m_data;
    return pushChecked(new OverrideCommand(
        *this, [data, row, field, value] { return data->setOverride(row, field, value); },
        tr("修改 %1 的%2")
            .arg(naming::jurisdictionName(row.jurisdiction, interfaceLanguage()), targetFieldName(field))));
}

bool Corrections::markNotTarget(const ComparisonRow& row) {
    WorkbenchData* data = &m_data;
    return pushChecked(new OverrideCommand(
        *this, [data, row] { return data->setOverride(row, TargetField::NotTarget, QStringLiteral("1")); },
        tr("标记 %1 的目标为非目标").arg(naming::jurisdictionName(row.jurisdiction, interfaceLanguage()))));
}

bool Corrections::changeIndicator(const ComparisonRow& row, const QString& indicatorId) {
    return setField(row, TargetField::Indicator, indicatorId);
}

bool Corrections::addTarget(const NewTarget& target) {
    WorkbenchData* data = &m_data;
    return pushChecked(new OverrideCommand(
        *this, [data, target] { return data->addTarget(target); }, tr("添加目标")));
}

} // namespace pc::ui
