// Document-level extraction (see targetextractor.h).
#include "targetextractor.h"

#include "targetgrammar.h"

#include "taxonomy/classifier.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace pc {

namespace {

bool isYearMonth(const QString& s) {
    static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}$"));
    return re.match(s).hasMatch();
}

bool isLineBreak(QChar c) {
    return c == u'\n' || c == u'\r' || c == u'\t';
}

// Source offset of body position `i` (the parser keeps one offset per body character).
qsizetype sourceAt(const Measure& m, qsizetype i) {
    if (m.bodyOffsets.size() == m.body.size() && i >= 0 && i < m.bodyOffsets.size())
        return m.bodyOffsets.at(i);
    return m.span.isValid() ? m.span.start + i : i;
}

// Maps a body range to a source span that stays on the number's line: quotes never hold tabs or breaks.
Span mapSpan(const Document& doc, const Measure& m, qsizetype bodyStart, qsizetype bodyEnd,
             qsizetype bodyNumber) {
    const qsizetype n = doc.source.size();
    qsizetype s = sourceAt(m, bodyStart);
    qsizetype e = sourceAt(m, bodyEnd - 1) + 1;
    const qsizetype anchor = sourceAt(m, bodyNumber);
    s = std::clamp<qsizetype>(s, 0, n);
    e = std::clamp<qsizetype>(e, 0, n);
    if (s > anchor)
        s = anchor;
    if (e <= anchor)
        e = std::min(n, anchor + 1);
    for (qsizetype i = anchor; i > s; --i) {
        if (isLineBreak(doc.source.at(i - 1))) {
            s = i;
            break;
        }
    }
    for (qsizetype i = anchor; i < e; ++i) {
        if (isLineBreak(doc.source.at(i))) {
            e = i;
            break;
        }
    }
    return Span{s, e};
}

// The 时间节点 of the task-table row holding the target (only task tables have such a column).
QString rowDeadline(const Document& doc, const Measure& m, qsizetype sourcePos) {
    if (doc.layout != Layout::ProseTaskTable)
        return {};
    for (const SubItem& it : m.items) {
        if (it.span.isValid() && sourcePos >= it.span.start && sourcePos < it.span.end)
            return isYearMonth(it.deadline) ? it.deadline : QString();
    }
    return isYearMonth(m.deadline) ? m.deadline : QString();
}

// Repeated passages (the municipal PDF repeats whole paragraphs) give the same target with the
// same words: the quoted words and the reading, not the position, identify it.
QString repeatKey(const extract::TextTarget& t, const QString& body) {
    const qsizetype from = std::min(t.clauseStart, t.quoteStart);
    return body.mid(from, t.quoteEnd - from) + QLatin1Char('|') +
           (t.value ? QString::number(*t.value) : QString()) + QLatin1Char('|') + t.unit + QLatin1Char('|') +
           t.comparator + QLatin1Char('|') + t.kind + QLatin1Char('|') +
           (t.baseline ? QString::number(*t.baseline) : QString()) + QLatin1Char('|') + t.deadline;
}

} // namespace

QList<Target> extractTargets(const Document& doc, const Classifier& classifier) {
    QList<Target> out;
    QSet<QString> seenKeys;
    QSet<QPair<qsizetype, qsizetype>> seenSpans;
    extract::GrammarOptions options;
    options.documentYear = doc.meta.year;
    for (qsizetype mi = 0; mi < doc.measures.size(); ++mi) {
        const Measure& m = doc.measures.at(mi);
        const QList<extract::TextTarget> found = extract::extractTextTargets(m.body, options);
        QString prevIndicator;
        QString prevUnit;
        int prevSentence = -1;
        for (const extract::TextTarget& tt : found) {
            if (tt.sentenceIndex != prevSentence) {
                prevIndicator.clear();
                prevUnit.clear();
                prevSentence = tt.sentenceIndex;
            }
            TargetCues cues;
            cues.before = tt.before;
            cues.after = tt.after;
            cues.sentence = tt.sentence;
            cues.measureTitle = m.title;
            cues.measureArea = m.area;
            cues.unit = tt.unit;
            cues.scope = tt.scope;
            cues.previousIndicator = prevIndicator;
            cues.previousUnit = prevUnit;
            const IndicatorMatch im = classifier.classifyTarget(cues);
            prevIndicator = im.indicator.startsWith(QStringLiteral("other:")) ? QString() : im.indicator;
            prevUnit = tt.unit;

            const QString key = repeatKey(tt, m.body);
            const Span span = mapSpan(doc, m, tt.quoteStart, tt.quoteEnd, tt.numberStart);
            if (seenKeys.contains(key) || seenSpans.contains({span.start, span.end}))
                continue;
            seenKeys.insert(key);
            seenSpans.insert({span.start, span.end});

            Target t;
            t.docId = doc.meta.docId;
            t.measureIndex = int(mi);
            t.measureNumber = m.number;
            t.indicator = im.indicator;
            t.area = im.area;
            t.indicatorConfidence = im.confidence;
            t.scope = tt.scope;
            t.kind = tt.kind;
            t.comparator = tt.comparator;
            t.value = tt.value;
            t.unit = tt.unit;
            t.baseline = tt.baseline;
            t.deadline =
                tt.deadline.isEmpty() ? rowDeadline(doc, m, sourceAt(m, tt.numberStart)) : tt.deadline;
            t.span = span;
            t.quote = doc.source.mid(span.start, span.length());
            t.qualitative = tt.qualitative;
            // A quote broken by interleaved fragments is still exact, but less sure.
            t.confidence = tt.confidence * std::min(1.0, m.confidence + 0.1);
            out << t;
        }
    }
    return out;
}

} // namespace pc
