// Prose parsing: headings build the section tree and carry unit clauses down to numbered measures.
#include "proseparser.h"

#include "deadlines.h"

#include <QRegularExpression>

namespace pc::parse {
namespace {

struct Heading {
    int level = 0;
    int section = -1;
    UnitClauses units;
    QString areaHeading;
};

// The heading as the plan writes it, without the unit clause: "（一）深化商事制度改革。".
// `options`: the context's regexOptions (the line is one of its lines).
QString headingText(QStringView line, QRegularExpression::MatchOptions options) {
    QString h = line.trimmed().toString();
    static const QRegularExpression unitClause(
        QStringLiteral("[（(](?:牵头单位|牵头部门|责任单位|责任部门)"));
    const QRegularExpressionMatch m = unitClause.match(h, 0, QRegularExpression::NormalMatch, options);
    if (m.hasMatch())
        h = h.left(m.capturedStart());
    const qsizetype stop = h.indexOf(QChar(u'。'));
    if (stop >= 0)
        h = h.left(stop + 1);
    return h.trimmed();
}

bool isShortTitle(QStringView firstSentence) {
    return !firstSentence.isEmpty() && firstSentence.size() <= 30 && !firstSentence.contains(QChar(u'，')) &&
           !firstSentence.contains(QLatin1Char(','));
}

} // namespace

int parseProse(ParseContext& ctx, const ProseOptions& opt) {
    static const QRegularExpression level1(QStringLiteral("^\\s*([一二三四五六七八九十]{1,3})、"));
    static const QRegularExpression level2(QStringLiteral("^\\s*[（(]([一二三四五六七八九十]{1,3})[）)]"));
    static const QRegularExpression measureRe(QStringLiteral("^\\s*(\\d{1,3})\\.(?![\\d])\\s*"));
    static const QRegularExpression itemRe(
        QStringLiteral("^\\s*(?:[（(](\\d{1,3})[）)]|第([一二三四五六七八九十]{1,3})条)\\s*"));

    Heading h1, h2;
    int added = 0;
    int lastNumber = 0;
    int openMeasure = -1; // index into doc.measures of the measure still taking lines
    QList<int> mine;      // measures this parser added
    const qsizetype lineCount = opt.skipFromLine >= 0 ? opt.skipFromLine : ctx.lines.size();

    auto unitsFor = [&]() -> const UnitClauses& { return h2.units.found ? h2.units : h1.units; };
    auto closeMeasure = [&] { openMeasure = -1; };

    for (qsizetype i = 0; i < lineCount; ++i) {
        if ((i & 1023) == 0 &&
            ctx.cancelled(static_cast<int>(10 + 40 * i / std::max<qsizetype>(lineCount, 1))))
            return added;
        const Line& l = ctx.lines[i];
        const QStringView v = ctx.lineView(i);
        if (v.trimmed().isEmpty()) {
            closeMeasure();
            continue;
        }
        // Each pattern needs a character most lines lack (、 （ ( . 第): no regex run without it.
        QRegularExpressionMatch m;
        if (v.contains(u'、') &&
            (m = level1.match(v, 0, QRegularExpression::NormalMatch, ctx.regexOptions)).hasMatch()) {
            closeMeasure();
            const QString text = headingText(v, ctx.regexOptions);
            h1 = Heading{1,
                         ctx.addSection(1, m.captured(1) + QStringLiteral("、"),
                                        text.mid(m.capturedLength(0)), l.start, l.end, -1),
                         ctx.namer.clauses(v), text};
            h2 = Heading{};
            continue;
        }
        if ((v.contains(u'（') || v.contains(u'(')) &&
            (m = level2.match(v, 0, QRegularExpression::NormalMatch, ctx.regexOptions)).hasMatch()) {
            closeMeasure();
            const QString text = headingText(v, ctx.regexOptions);
            h2 = Heading{2,
                         ctx.addSection(2, m.captured(0).trimmed(), text.mid(m.capturedLength(0)), l.start,
                                        l.end, h1.section),
                         ctx.namer.clauses(v), text};
            continue;
        }
        if (!opt.measures)
            continue;
        int number = 0;
        double confidence = opt.generic ? 0.4 : 1.0;
        if (v.contains(u'.') &&
            (m = measureRe.match(v, 0, QRegularExpression::NormalMatch, ctx.regexOptions)).hasMatch()) {
            number = m.capturedView(1).toInt();
        } else if (opt.generic && (v.contains(u'（') || v.contains(u'(') || v.contains(u'第'))) {
            m = itemRe.match(v, 0, QRegularExpression::NormalMatch, ctx.regexOptions);
            if (m.hasMatch()) {
                number = m.capturedLength(1) ? m.capturedView(1).toInt() : lastNumber + 1;
                confidence = 0.3;
            }
        }
        if (number > 0) {
            Measure ms;
            ms.number = number;
            ms.confidence = confidence;
            const Heading& area = h2.level ? h2 : h1;
            ms.areaHeading = area.areaHeading;
            ms.sectionId = area.section;
            ms.lead = unitsFor().lead;
            ms.partners = unitsFor().partners;
            const qsizetype textStart = l.start + m.capturedLength(0);
            {
                qsizetype s = l.start, e = l.end;
                ctx.trim(s, e);
                ms.span = ctx.span(s, e);
            }
            ctx.appendBody(ms, textStart, l.end);
            // Title: the first sentence (江津 style "优化开办企业服务。"); kept only if the plan uses them.
            const QStringView rest = ctx.view(textStart, l.end);
            const qsizetype stop = rest.indexOf(QChar(u'。'));
            if (stop > 0) {
                ms.title = rest.left(stop).trimmed().toString();
                ms.titleSpan = ctx.span(textStart, textStart + stop);
            }
            if (lastNumber > 0 && number != lastNumber + 1 && number != 1)
                ctx.issue(QStringLiteral("numbering-gap"),
                          QStringLiteral("measure %1 follows measure %2").arg(number).arg(lastNumber),
                          ms.span, Issue::Severity::Info);
            lastNumber = number;
            ctx.doc.measures.append(ms);
            openMeasure = static_cast<int>(ctx.doc.measures.size() - 1);
            mine.append(openMeasure);
            ++added;
            continue;
        }
        if (openMeasure >= 0) {
            Measure& ms = ctx.doc.measures[openMeasure];
            ctx.appendBody(ms, l.start, l.end);
            qsizetype s = l.start, e = l.end;
            ctx.trim(s, e);
            ms.span.end = std::max(ms.span.end, ctx.span(s, e).end);
        }
    }

    // Titles: a plan either gives every measure a short first sentence as its title, or none.
    int shortTitles = 0;
    for (int idx : mine)
        shortTitles += isShortTitle(ctx.doc.measures[idx].title) ? 1 : 0;
    const bool useTitles = !mine.isEmpty() && shortTitles * 10 >= mine.size() * 6;
    for (int idx : mine) {
        Measure& ms = ctx.doc.measures[idx];
        if (!useTitles) {
            ms.title.clear();
            ms.titleSpan = {};
        }
        ms.deadline = findDeadline(ms.body, ctx.year);
        SubItem item;
        item.text = ms.body;
        item.span = ms.span;
        item.lead = ms.lead;
        item.partners = ms.partners;
        item.deadline = ms.deadline;
        ms.items.append(item);
        if (ms.lead.isEmpty() && !opt.generic)
            ctx.issue(QStringLiteral("no-lead-unit"),
                      QStringLiteral("measure %1 has no 牵头单位 in its section").arg(ms.number), ms.span,
                      Issue::Severity::Info);
    }
    return added;
}

} // namespace pc::parse
