// Document-level extraction (see targetextractor.h).
#include "targetextractor.h"

#include "reflow.h"
#include "targetgrammar.h"

#include "taxonomy/classifier.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace pc {

// See targetextractor.h.
bool isHeadingLine(QStringView line) {
    static const QRegularExpression labelled(
        QStringLiteral("^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第["
                       "一二三四五六七八九十]+[章节部分])"));
    static const QRegularExpression named(
        QStringLiteral("^[\\p{Han}“”]{2,10}(?:目标|要求|任务|思路|原则)[：:]?$"));
    if (line.isEmpty() || line.size() > 40)
        return false;
    // Each pattern is anchored: run it only where the first (labelled) or last (named) character fits.
    // Those tests come first, inline: most lines fit neither and need no search for 。.
    bool mayBeLabelled = false;
    switch (line.front().unicode()) {
    case u'（':
    case u'(':
    case u'第':
    case u'一':
    case u'二':
    case u'三':
    case u'四':
    case u'五':
    case u'六':
    case u'七':
    case u'八':
    case u'九':
    case u'十':
        mayBeLabelled = true;
        break;
    default:
        break;
    }
    bool mayBeNamed = false;
    switch (line.back().unicode()) {
    case u'标':
    case u'求':
    case u'务':
    case u'路':
    case u'则':
    case u'：':
    case u':':
        mayBeNamed = true;
        break;
    default:
        break;
    }
    if ((!mayBeLabelled && !mayBeNamed) || line.contains(u'。'))
        return false;
    return (mayBeLabelled && labelled.match(line).hasMatch()) || (mayBeNamed && named.match(line).hasMatch());
}

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
    bool bySource = false; // reflowed source text: a target belongs to the measure whose span holds it

    void append(const Measure& m, int measureIndex) {
        parts.append({text.size(), measureIndex});
        const qsizetype at = offsets.size();
        if (m.bodyOffsets.size() == m.body.size()) {
            if (text.isEmpty() && offsets.isEmpty()) { // the usual case: share, don't copy
                text = m.body;
                offsets = m.bodyOffsets;
                return;
            }
            offsets += m.bodyOffsets;
        } else {
            // No offset map: assume the body is the measure's span verbatim.
            offsets.resize(at + m.body.size());
            std::iota(offsets.begin() + at, offsets.end(), m.span.isValid() ? m.span.start : 0);
        }
        text += m.body;
    }
    int measureAt(const Document& doc, qsizetype pos) const {
        if (bySource) {
            const qsizetype src = sourceAt(pos);
            for (qsizetype k = 0; k < doc.measures.size(); ++k) {
                const Span& sp = doc.measures.at(k).span;
                if (sp.isValid() && src >= sp.start && src < sp.end)
                    return int(k);
            }
            return -1;
        }
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

Stream flowStream(const QString& source, qsizetype from, qsizetype to) {
    extract::FlowText flow = extract::reflow(source, from, to);
    Stream st;
    st.text = std::move(flow.text);
    st.offsets = std::move(flow.offsets);
    st.bySource = true;
    return st;
}

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
           t.comparator + QLatin1Char('|') + t.kind + QLatin1Char('|') + t.scope + QLatin1Char('|') +
           (t.baseline ? QString::number(*t.baseline) : QString()) + QLatin1Char('|') + t.deadline;
}

QString interleavedRepeatKey(const extract::TextTarget& t, const QString& text) {
    const qsizetype from = std::max<qsizetype>(0, t.numberStart - 12);
    return text.mid(from, t.numberEnd - from) + QLatin1Char('|') + t.unit + QLatin1Char('|') + t.comparator +
           QLatin1Char('|') + (t.baseline ? QString::number(*t.baseline) : QString());
}

// A heading line of the plan: the nearest one above a target names its context.
struct Heading {
    qsizetype start;
    QString text;
};

QList<Heading> findHeadings(const Document& doc) {
    QList<Heading> out;
    const QString& src = doc.source;
    for (qsizetype s = 0; s < src.size();) {
        qsizetype e = src.indexOf(QLatin1Char('\n'), s);
        if (e < 0)
            e = src.size();
        const QStringView line = QStringView(src).mid(s, e - s).trimmed(); // no copy per line
        if (isHeadingLine(line))
            out.append({s, line.toString()});
        s = e + 1;
    }
    for (const Section& sec : doc.sections) {
        if (sec.span.isValid())
            out.append({sec.span.start, QString(sec.label + sec.heading).trimmed()});
    }
    std::sort(out.begin(), out.end(), [](const Heading& a, const Heading& b) { return a.start < b.start; });
    return out;
}

QString headingAbove(const QList<Heading>& headings, qsizetype pos) {
    QString h;
    for (const Heading& x : headings) {
        if (x.start > pos)
            break;
        h = x.text;
    }
    return h;
}

bool isGoalHeading(const QString& h) {
    return (h.contains(u"目标") || h.contains(u"总体要求") || h.contains(u"预期")) &&
           !h.contains(QStringLiteral("目标任务分解"));
}

// "1." / "2、" / "（3）" at a paragraph's start: a numbered item, i.e. a measure, even in a plan whose
// layout the parser did not recognise.
bool startsWithItemLabel(const QString& src, qsizetype pos) {
    static const QRegularExpression label(
        QStringLiteral("^\\s*(?:[0-9０-９]{1,2}[.．、]|[（(][0-9０-９]{1,3}[）)])"));
    if (pos < 0 || pos >= src.size())
        return false;
    return label.match(QStringView(src).mid(pos, 12)).hasMatch();
}

// The source line holding a position.
QStringView lineAt(const QString& src, qsizetype pos) {
    pos = std::clamp<qsizetype>(pos, 0, src.size());
    qsizetype s = pos;
    while (s > 0 && src.at(s - 1) != u'\n')
        --s;
    qsizetype e = src.indexOf(QLatin1Char('\n'), pos);
    if (e < 0)
        e = src.size();
    return QStringView(src).mid(s, e - s);
}

// A title line: a news headline, a 原标题 line or a heading, which restate what the body says.
bool isTitleLine(const QString& src, qsizetype pos, qsizetype firstSentenceEnd) {
    const QStringView line = lineAt(src, pos);
    QStringView t = line;
    while (!t.isEmpty() && t.front().isSpace())
        t = t.mid(1);
    if (t.startsWith(u"原标题") || t.startsWith(u"标题") || t.startsWith(u"副标题"))
        return true;
    // A flow chart (受理（1个工作日）→验收（1个工作日）) restates the limits written above it.
    if (t.contains(u'→') || t.contains(u'⇒'))
        return true;
    if (t.size() > 50 || t.contains(u'。') || t.contains(u'，') || t.contains(u'；') || t.contains(u'|') ||
        t.contains(u'\t'))
        return false;
    // A short line without punctuation between paragraphs: a sub-headline.
    if (t.size() <= 30 && !t.contains(u',') && !t.contains(u';') && !t.contains(u'、') &&
        !t.contains(u'：') && !t.contains(u':'))
        return true;
    const qsizetype lineStart = t.data() - src.constData();
    return lineStart < firstSentenceEnd || isHeadingLine(t.trimmed());
}

// The plan's year when the metadata has none: the first year written in the text (2019-06-25, 2019年).
int yearFromText(const QString& src) {
    static const QRegularExpression re(QStringLiteral("(?<![0-9])((?:19|20)[0-9]{2})(?:\\s*年|-[01][0-9]-)"));
    // A news page or a reply states when it was published; a plan, when it was issued: the latest
    // date near the top.
    int year = 0;
    for (auto it = re.globalMatch(src.left(1500)); it.hasNext();)
        year = std::max(year, it.next().capturedView(1).toInt());
    return year;
}

} // namespace

QList<Target> extractTargets(const Document& doc, const Classifier& classifier) {
    return extractTargets(doc, classifier, classifier.dominantArea(doc.source.left(1500)));
}

QList<Target> extractTargets(const Document& doc, const Classifier& classifier, const QString& documentArea) {
    QList<Target> out;
    QSet<QString> seenKeys;
    QSet<QPair<qsizetype, qsizetype>> seenSpans;
    extract::GrammarOptions options;
    options.documentYear = doc.meta.year > 0 ? doc.meta.year : yearFromText(doc.source);
    options.interleaved = doc.layout == Layout::InterleavedPdf;
    const QList<Heading> headings = findHeadings(doc);
    // A 文号 (〔2021〕113号) dates the plan for certain; a date found in the text may be another one.
    const bool yearFromNumber =
        doc.meta.year > 0 && doc.meta.docNumber.contains(QString::number(doc.meta.year));
    qsizetype firstSentenceEnd = doc.source.indexOf(u'。');
    if (firstSentenceEnd < 0)
        firstSentenceEnd = doc.source.size();

    QList<Stream> streams;
    if (options.interleaved) {
        // A PDF whose table columns ran together: measure bodies are pieces cut out of a jumble, and a
        // sentence may run on from one into the next (…由30个工作日减 | 21．压少至14个工作日). Read the
        // whole text once, tolerating fragments, and give each target to the measure it falls in.
        Stream st;
        st.text = doc.source;
        st.offsets.resize(doc.source.size());
        std::iota(st.offsets.begin(), st.offsets.end(), qsizetype(0));
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
    } else if (doc.layout == Layout::Generic || doc.measures.isEmpty()) {
        // No numbered measures: the "measures" are paragraphs, and a PDF copy may break a sentence
        // over several of them. Read the whole text as one flow.
        streams << flowStream(doc.source, 0, doc.source.size());
    } else {
        // Numbered measures, and around them the text no measure holds: preamble, 总体目标 /
        // 主要目标 paragraphs, tables and attachments. Every sentence of the plan is a candidate.
        QList<std::pair<qsizetype, qsizetype>> covered;
        for (qsizetype mi = 0; mi < doc.measures.size(); ++mi) {
            streams.append(Stream{});
            streams.last().append(doc.measures.at(mi), int(mi));
            const Span& sp = doc.measures.at(mi).span;
            if (sp.isValid())
                covered.append({sp.start, sp.end});
        }
        std::sort(covered.begin(), covered.end());
        qsizetype pos = 0;
        auto gap = [&](qsizetype from, qsizetype to) {
            if (to - from >= 4)
                streams << flowStream(doc.source, from, to);
        };
        for (const auto& [a, b] : std::as_const(covered)) {
            if (a > pos)
                gap(pos, a);
            pos = std::max(pos, b);
        }
        gap(pos, doc.source.size());
    }

    // What the whole document is about (a gas connection guide), `documentArea`, is a weak cue for every
    // target in it.
    QList<bool> fromTitle;
    CueHitCache cueHits; // targets of one sentence, measure or section share its cue hits
    for (const Stream& st : std::as_const(streams)) {
        const QList<extract::TextTarget> found = extract::extractTextTargets(st.text, options);
        QString prevIndicator;
        QString prevUnit;
        int prevSentence = -1;
        QString goalDeadline; // the horizon of the goal section being read
        QString goalHeading;
        for (const extract::TextTarget& tt : found) {
            const int mi = st.measureAt(doc, tt.numberStart);
            if (mi < 0 && options.interleaved)
                continue;
            const Measure* m = mi >= 0 ? &doc.measures.at(mi) : nullptr;
            if (tt.sentenceIndex != prevSentence) {
                prevIndicator.clear();
                prevUnit.clear();
                prevSentence = tt.sentenceIndex;
            }
            const qsizetype sourcePos = st.sourceAt(tt.numberStart);
            QString heading = headingAbove(headings, sourcePos);
            if (heading.isEmpty() && m)
                heading = m->areaHeading;
            const QStringView line = lineAt(doc.source, sourcePos);
            QString section;
            if (isGoalHeading(heading))
                section = QStringLiteral("goal");
            else if (m && (doc.layout != Layout::Generic || startsWithItemLabel(doc.source, m->span.start)))
                section = QStringLiteral("measure");
            else if (line.contains(u'|') || line.contains(u'\t'))
                section = QStringLiteral("table");
            else
                section = QStringLiteral("other");

            TargetCues cues;
            cues.before = tt.before;
            cues.after = tt.after;
            cues.sentence = tt.sentence;
            cues.measureTitle = m ? m->title : QString();
            cues.measureArea = m ? m->area : QString();
            cues.unit = tt.unit;
            cues.scope = tt.scope;
            cues.previousIndicator = prevIndicator;
            cues.previousUnit = prevUnit;
            cues.gapped = options.interleaved;
            cues.heading = heading;
            cues.documentArea = documentArea;
            const IndicatorMatch im = classifier.classifyTarget(cues, &cueHits);
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
            t.measureNumber = m ? m->number : 0;
            t.indicator = im.indicator;
            t.area = im.area;
            t.indicatorConfidence = im.confidence;
            t.scope = tt.scope;
            t.kind = tt.kind;
            t.comparator = tt.comparator;
            t.value = tt.value;
            t.unit = tt.unit;
            t.baseline = tt.baseline;
            t.deadline = tt.deadline;
            if (t.deadline.isEmpty() && m)
                t.deadline = rowDeadline(doc, *m, sourcePos);
            // A goal section's lead sentence ("到2025年，…") sets the horizon of the targets under it.
            if (section == QStringLiteral("goal")) {
                if (heading != goalHeading) {
                    goalHeading = heading;
                    goalDeadline.clear();
                }
                if (t.deadline.isEmpty())
                    t.deadline = goalDeadline;
                else
                    goalDeadline = t.deadline;
            }
            t.span = span;
            t.quote = doc.source.mid(span.start, span.length());
            t.qualitative = tt.qualitative;
            t.section = section;
            t.sectionHeading = heading;
            // Text that had to be reconstructed (interleaved columns) is less sure; so is a target
            // outside any measure, and one whose indicator is only a guess.
            double c = tt.confidence * (m && !st.bySource ? std::min(1.0, m->confidence + 0.1) : 0.95) *
                       (options.interleaved ? 0.85 : 1.0);
            // What the comparison files the target under, and when it is due, are part of being right:
            // an indicator that is only a guess (from the sentence around, or the previous target), or a
            // deadline read against a plan year no 文号 confirms (今年内 on a news page), is less sure.
            if (im.indicator.startsWith(QStringLiteral("other:")))
                c *= 0.9;
            else if (im.confidence < 0.7)
                c *= 0.85;
            if (tt.deadlineRelative && !yearFromNumber && t.deadline == tt.deadline)
                c *= 0.9;
            t.confidence = c;
            fromTitle << isTitleLine(doc.source, sourcePos, firstSentenceEnd);
            out << t;
        }
    }
    // A headline or heading that repeats a target of the body is the same target: keep the body's.
    QList<Target> kept;
    kept.reserve(out.size());
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (fromTitle.at(i)) {
            bool repeated = false;
            for (qsizetype j = 0; j < out.size() && !repeated; ++j) {
                repeated = j != i && !fromTitle.at(j) && out.at(j).value == out.at(i).value &&
                           out.at(j).unit == out.at(i).unit;
            }
            if (repeated)
                continue;
            out[i].confidence *= 0.8;
        }
        kept << out.at(i);
    }
    return kept;
}

} // namespace pc
