// Names of the model's enumerations, as used in JSON, CSV and the database.
#include "document.h"

namespace pc {

QString severityName(Issue::Severity s)
{
    switch (s) {
    case Issue::Severity::Info: return QStringLiteral("info");
    case Issue::Severity::Warning: return QStringLiteral("warning");
    case Issue::Severity::Error: return QStringLiteral("error");
    }
    return {};
}

QString layoutName(Layout l)
{
    switch (l) {
    case Layout::Unknown: return QStringLiteral("unknown");
    case Layout::TabTable: return QStringLiteral("tab-table");
    case Layout::NumberedProse: return QStringLiteral("numbered-prose");
    case Layout::ProseTaskTable: return QStringLiteral("prose-task-table");
    case Layout::InterleavedPdf: return QStringLiteral("interleaved-pdf");
    case Layout::Generic: return QStringLiteral("generic");
    }
    return {};
}

} // namespace pc
