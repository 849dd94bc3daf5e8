// Span and Issue: where in the source a thing was read, and what the parser could not recover.
#pragma once

#include <QList>
#include <QString>

namespace pc {

// Offsets into the decoded source text (QString, UTF-16 code units; for the CJK plans
// this equals code points). The source text at [start, end) is what the user reads.
struct Span {
    qsizetype start = -1;
    qsizetype end = -1;
    bool isValid() const { return start >= 0 && end >= start; }
    qsizetype length() const { return isValid() ? end - start : 0; }
    bool operator==(const Span&) const = default;
};

struct Issue {
    enum class Severity { Info, Warning, Error };
    Severity severity = Severity::Warning;
    QString code;    // e.g. "interleaved-fragment", "no-numbering"
    QString message; // for a person
    Span span;       // where it was found, if anywhere
    bool operator==(const Issue&) const = default;
};

QString severityName(Issue::Severity s);

} // namespace pc
