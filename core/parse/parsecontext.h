// State shared by the layout parsers: the document being built, the normalized text and its lines.
#pragma once

#include "parser.h"
#include "text/normalizedtext.h"
#include "units.h"

#include <QList>
#include <QRegularExpression>
#include <QStringView>

namespace pc::parse {

struct Line {
    qsizetype start = 0; // normalized offsets; end excludes the '\n'
    qsizetype end = 0;
};

class ParseContext {
public:
    ParseContext(Document& doc, const text::NormalizedText& norm, const ParseOptions& options);

    Document& doc;
    const text::NormalizedText& norm;
    const QString& text; // normalized text
    const ParseOptions& options;
    QList<Line> lines;
    UnitNamer namer;
    int year = 0;
    // For regular expressions run on lines and cells of `text`: PCRE2's subject check skipped when the
    // text is well-formed UTF-16 (text::subjectOptions).
    QRegularExpression::MatchOptions regexOptions;

    QStringView view(qsizetype start, qsizetype end) const {
        return QStringView(text).mid(start, end - start);
    }
    QStringView lineView(qsizetype i) const { return view(lines[i].start, lines[i].end); }
    Span span(qsizetype start, qsizetype end) const { return norm.sourceSpan(start, end); }

    // Narrows [start, end) to exclude surrounding whitespace.
    void trim(qsizetype& start, qsizetype& end) const;
    // Appends the normalized range to the measure's body (trimmed), with source offsets; ranges
    // that do not follow each other in the text are joined with a line break.
    void appendBody(Measure& m, qsizetype start, qsizetype end) const;
    int addSection(int level, const QString& label, const QString& heading, qsizetype start, qsizetype end,
                   int parentId);
    void issue(const QString& code, const QString& message, Span span = {},
               Issue::Severity severity = Issue::Severity::Warning);
    // Cancellation through options.progress (percent done); true means stop.
    bool cancelled(int percent) const;
};

// Removes line breaks (a heading cell wrapped over lines) and surrounding spaces.
QString flattened(QStringView s);

} // namespace pc::parse
