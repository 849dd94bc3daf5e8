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

// Text the grammar reads, with the source offset of every character and the measure each part belongs to.
struct Stream {
    QString text;
    QList<qsizetype> offsets;
    QList<std::pair<qsizetype, int>> parts; // (start in text, measure index), ascending

    void append(const Measure& m, int measureIndex) {
        parts.append({text.size(), measureIndex});
        text += m.body;
        if (m.bodyOffsets.size() == m.body.size()) {
            offsets += m.bodyOffsets;
        } else {
            // No offset map: assume the body is the measure's span verbatim.
            for (qsizetype i = 0; i < m.body.size(); ++i)
                offsets << (m.span.isValid() ? m.span.start + i : i);
        }
    }
    int measureAt(qsizetype pos) const {
        int mi = parts.isEmpty() ? -1 : parts.first().second;
        for (const auto& [start, index] : parts) {
            if (start > pos)
                break;
            mi = index;
        }
        return mi;
    }
    qsizetype sourceAt(qsizetype i) const {
        if (offsets.isEmpty())
            return 0;
        return offsets.at(std::clamp<qsizetype>(i, 0, offsets.size() - 1));
    }
};

// Maps a text range to a source span that stays on the number's line: quotes never hold tabs or breaks.
Span mapSpan(const Document& doc, const Stream& st, qsizetype textStart, qsizetype textEnd,
             qsizetype textNumber) {
    const qsizetype n = doc.source.size();
    qsizetype s = std::clamp<qsizetype>(st.sourceAt(textStart), 0, n);
    qsizetype e = std::clamp<qsizetype>(st.sourceAt(textEnd - 1) + 1, 0, n);
    const qsizetype anchor = std::clamp<qsizetype>(st.sourceAt(textNumber), 0, std::max<qsizetype>(0, n - 1));
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
QString repeatKey(const extract::TextTarget& t, const QString& text) {
    const qsizetype from = std::min(t.clauseStart, t.quoteStart);
    return text.mid(from, t.quoteEnd - from) + QLatin1Char('|') +
           (t.value ? QString::number(*t.value) : QString()) + QLatin1Char('|') + t.unit + QLatin1Char('|') +
           t.comparator + QLatin1Char('|') + t.kind + QLatin1Char('|') +
           (t.baseline ? QString::number(*t.baseline) : QString()) + QLatin1Char('|') + t.deadline;
}

QString interleavedRepeatKey(const extract::TextTarget& t, const QString& text) {
    const qsizetype from = std::max<qsizetype>(0, t.numberStart - 12);
    return text.mid(from, t.numberEnd - from) + QLatin1Char('|') + t.unit + QLatin1Char('|') + t.comparator +
           QLatin1Char('|') + (t.baseline ? QString::number(*t.baseline) : QString());
}

} // namespace

QList<Target> extractTargets(const Document& doc, const Classifier& classifier) {
    QList<Target> out;
    QSet<QString> seenKeys;
    QSet<QPair<qsizetype, qsizetype>> seenSpans;
    extract::GrammarOptions options;
    options.documentYear = doc.meta.year;
    options.interleaved = doc.layout == Layout::InterleavedPdf;

    QList<Stream> streams;
    if (options.interleaved) {
        // A PDF whose table columns ran together: measure bodies are pieces cut out of a jumble, and a
        // sentence may run on from one into the next (…由30个工作日减 | 21．压少至14个工作日). Read the
        // whole text once, tolerating fragments, and give each target to the measure it falls in.
        Stream st;
        st.text = doc.source;
        st.offsets.reserve(doc.source.size());
        for (qsizetype i = 0; i < doc.source.size(); ++i)
            st.offsets << i;
        QList<std::pair<qsizetype, int>> parts;
        for (qsizetype mi = 0; mi < doc.measures.size(); ++mi) {
            const Measure& m = doc.measures.at(mi);
            if (m.span.isValid())
                parts.append({m.span.start, int(mi)});
        }
        std::sort(parts.begin(), parts.end());
        st.parts = parts;
        if (!st.parts.isEmpty())
            streams << st;
    } else {
        for (qsizetype mi = 0; mi < doc.measures.size(); ++mi) {
            streams.append(Stream{});
            streams.last().append(doc.measures.at(mi), int(mi));
        }
    }

    for (const Stream& st : std::as_const(streams)) {
        const QList<extract::TextTarget> found = extract::extractTextTargets(st.text, options);
        QString prevIndicator;
        QString prevUnit;
        int prevSentence = -1;
        for (const extract::TextTarget& tt : found) {
            const int mi = st.measureAt(tt.numberStart);
            if (mi < 0)
                continue;
            const Measure& m = doc.measures.at(mi);
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
            cues.gapped = options.interleaved;
            const IndicatorMatch im = classifier.classifyTarget(cues);
            prevIndicator = im.indicator.startsWith(QStringLiteral("other:")) ? QString() : im.indicator;
            prevUnit = tt.unit;

            // Repeats of a jumbled page differ in what follows, rarely in what precedes the number.
            const QString key =
                options.interleaved ? interleavedRepeatKey(tt, st.text) : repeatKey(tt, st.text);
            const Span span = mapSpan(doc, st, tt.quoteStart, tt.quoteEnd, tt.numberStart);
            if (seenKeys.contains(key) || seenSpans.contains({span.start, span.end}))
                continue;
            seenKeys.insert(key);
            seenSpans.insert({span.start, span.end});

            Target t;
            t.docId = doc.meta.docId;
            t.measureIndex = mi;
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
                tt.deadline.isEmpty() ? rowDeadline(doc, m, st.sourceAt(tt.numberStart)) : tt.deadline;
            t.span = span;
            t.quote = doc.source.mid(span.start, span.length());
            t.qualitative = tt.qualitative;
            // Text that had to be reconstructed (interleaved columns) is less sure.
            t.confidence =
                tt.confidence * std::min(1.0, m.confidence + 0.1) * (options.interleaved ? 0.85 : 1.0);
            out << t;
        }
    }
    return out;
}

} // namespace pc
