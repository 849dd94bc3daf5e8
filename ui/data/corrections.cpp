// Undo commands over the store's override API.
#include "corrections.h"

#include "app/uilanguage.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <functional>
#include <optional>

namespace pc::ui {

namespace {

// Every command creates one override on redo and removes it on undo, so undo restores exactly
// what the parser (or earlier corrections) said. A correction of a target passes the row version the
// view showed (or the one this window's own last correction of it produced), so a target someone
// else changed meanwhile is refused instead of overwritten.
class OverrideCommand : public QUndoCommand {
public:
    using Make = std::function<Result<qint64>(std::optional<qint64> expectedVersion)>;
    OverrideCommand(Corrections& c, Make make, const QString& text, const ComparisonRow* row = nullptr)
        : QUndoCommand(text)
        , m_c(c)
        , m_make(std::move(make))
        , m_targetId(row ? row->targetId : 0)
        , m_loadedVersion(row ? row->version : 0) {}
    void redo() override {
        std::optional<qint64> expected;
        if (m_targetId > 0 && m_loadedVersion > 0)
            expected = std::max(m_loadedVersion, m_c.knownVersion(m_targetId));
        const Result<qint64> id = m_make(expected);
        if (!id) {
            m_c.reportError(id.errorMessage(), id.error().code);
            setObsolete(true);
        } else {
            m_id = id.value();
            if (expected)
                m_c.setKnownVersion(m_targetId, *expected + 1); // each correction raises it by one
        }
        m_c.notifyChanged();
    }
    void undo() override {
        if (m_id > 0) {
            const Status s = m_c.data().removeOverride(m_id);
            if (!s)
                m_c.reportError(s.errorMessage(), s.error().code);
            m_id = 0;
        }
        m_c.notifyChanged();
    }

private:
    Corrections& m_c;
    Make m_make;
    qint64 m_targetId;
    qint64 m_loadedVersion;
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
    m_lastErrorCode.clear();
    if (m_data.readOnly()) {
        delete command;
        reportError(readOnlyMessage(m_data), QStringLiteral("db-readonly"));
        return false;
    }
    m_stack->push(command);
    return m_lastError.isEmpty();
}

void Corrections::reportError(const QString& message, const QString& code) {
    m_lastError = message;
    m_lastErrorCode = code;
    if (code == QLatin1String("conflict"))
        Q_EMIT conflicted(message);
    Q_EMIT failed(message);
}

qint64 Corrections::knownVersion(qint64 targetId) const {
    return m_known.value(targetId, 0);
}

void Corrections::setKnownVersion(qint64 targetId, qint64 version) {
    m_known.insert(targetId, version);
}

bool Corrections::setField(const ComparisonRow& row, TargetField field, const QString& value) {
    if (targetFieldValue(row, field) == value)
        return true;
    WorkbenchData* data = &m_data;
    return pushChecked(new OverrideCommand(
        *this,
        [data, row, field, value](std::optional<qint64> expected) {
            ComparisonRow r = row;
            r.version = expected.value_or(0);
            return data->setOverride(r, field, value);
        },
        tr("修改 %1 的%2")
            .arg(naming::jurisdictionName(row.jurisdiction, interfaceLanguage()), targetFieldName(field)),
        &row));
}

bool Corrections::markNotTarget(const ComparisonRow& row) {
    WorkbenchData* data = &m_data;
    return pushChecked(new OverrideCommand(
        *this,
        [data, row](std::optional<qint64> expected) {
            ComparisonRow r = row;
            r.version = expected.value_or(0);
            return data->setOverride(r, TargetField::NotTarget, QStringLiteral("1"));
        },
        tr("标记 %1 的目标为非目标").arg(naming::jurisdictionName(row.jurisdiction, interfaceLanguage())),
        &row));
}

bool Corrections::changeIndicator(const ComparisonRow& row, const QString& indicatorId) {
    return setField(row, TargetField::Indicator, indicatorId);
}

bool Corrections::addTarget(const NewTarget& target) {
    WorkbenchData* data = &m_data;
    return pushChecked(new OverrideCommand(
        *this, [data, target](std::optional<qint64>) { return data->addTarget(target); }, tr("添加目标")));
}

QString readOnlyMessage(const WorkbenchData& data) {
    return Corrections::tr("数据库为只读（%1），不能修改。/ The database is read-only: %1.")
        .arg(data.readOnlyReason().isEmpty() ? Corrections::tr("只读 / read-only") : data.readOnlyReason());
}

} // namespace pc::ui
