// Helpers every layout parser uses to turn normalized ranges into source-anchored model values.
#include "parsecontext.h"

#include "text/utf16.h"

namespace pc::parse {

ParseContext::ParseContext(Document& d, const text::NormalizedText& n, const ParseOptions& o)
    : doc(d)
    , norm(n)
    , text(n.text())
    , options(o)
    , namer(d.meta.jurisdiction)
    , year(d.meta.year)
    , regexOptions(text::subjectOptions(n.text())) {
    qsizetype start = 0;
    const qsizetype size = text.size();
    while (start <= size) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = size;
        lines.append({start, end});
        start = end + 1;
    }
}

void ParseContext::trim(qsizetype& start, qsizetype& end) const {
    while (start < end && text.at(start).isSpace())
        ++start;
    while (end > start && text.at(end - 1).isSpace())
        --end;
}

void ParseContext::appendBody(Measure& m, qsizetype start, qsizetype end) const {
    trim(start, end);
    if (start >= end)
        return;
    if (!m.body.isEmpty()) {
        const qsizetype next = norm.toSource(start);
        if (m.bodyOffsets.constLast() + 1 != next) {
            m.body.append(QLatin1Char('\n'));
            m.bodyOffsets.append(m.bodyOffsets.constLast() + 1);
        }
    }
    m.body.append(view(start, end));
    norm.appendSourceOffsets(start, end, m.bodyOffsets);
}

int ParseContext::addSection(int level, const QString& label, const QString& heading, qsizetype start,
                             qsizetype end, int parentId) {
    Section s;
    s.id = static_cast<int>(doc.sections.size());
    s.parentId = parentId;
    s.level = level;
    s.label = label;
    s.heading = heading;
    trim(start, end);
    s.span = span(start, end);
    doc.sections.append(s);
    return s.id;
}

void ParseContext::issue(const QString& code, const QString& message, Span s, Issue::Severity severity) {
    doc.issues.append(Issue{severity, code, message, s});
}

bool ParseContext::cancelled(int percent) const {
    return options.progress && !options.progress(percent);
}

QString flattened(QStringView s) {
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (c != QLatin1Char('\n') && c != QLatin1Char('\t') && c != QLatin1Char('\r'))
            out.append(c);
    }
    return out.trimmed();
}

} // namespace pc::parse
