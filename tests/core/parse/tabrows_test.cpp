// Tables written one row per line, cells separated by tabs — what the PDF, DOCX and HTML readers
// write and what a table copied from a web page looks like — parse like the cell-per-line layout.
#include "lcg.h"
#include "parsetesthelpers.h"

#include "extract/analysis.h"
#include "parse/tableparser.h"
#include "shippedtaxonomy.h"
#include "taxonomy/taxonomy.h"

#include <QMap>
#include <QRegularExpression>
#include <QStringList>

using namespace pc;
using namespace pc::test;

namespace {

// The 大足 seed's rows (one cell per tab-indented line, rows separated by blank lines) rewritten as one
// line per row; a cell's continuation lines join its first line.
QString asTabRows(const QString& seed) {
    QStringList out;
    QStringList row;
    bool inRow = false;
    for (const QString& line : seed.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('\t'))) {
            row << line.mid(1);
            inRow = true;
        } else if (line.trimmed().isEmpty()) {
            if (inRow)
                out << row.join(QLatin1Char('\t'));
            else
                out << line;
            row.clear();
            inRow = false;
        } else if (inRow) {
            row.last() += line;
        } else {
            out << line;
        }
    }
    if (inRow)
        out << row.join(QLatin1Char('\t'));
    return out.join(QLatin1Char('\n'));
}

QMap<QString, int> targetKeys(const Analysis& a) {
    QMap<QString, int> keys;
    for (const Target& t : a.targets)
        keys[QStringLiteral("%1|%2|%3|%4|%5")
                 .arg(t.measureNumber)
                 .arg(t.indicator, t.comparator, t.value ? QString::number(*t.value) : QString(), t.unit)] +=
            1;
    return keys;
}

} // namespace

TEST(TabRows, DazuAsOneLinePerRowParsesLikeTheSeed) {
    const QString rows = asTabRows(readSeed(QStringLiteral("dazu-2019")));
    ASSERT_GT(rows.count(QLatin1Char('\t')), 200);
    int rowLines = 0;
    for (const QString& line : rows.split(QLatin1Char('\n')))
        rowLines += line.count(QLatin1Char('\t')) >= 2 ? 1 : 0;
    ASSERT_GE(rowLines, 80); // every measure's row on one line
    const Result<Document> d = parseBytes(rows.toUtf8(), QStringLiteral("dazu-rows.txt"));
    ASSERT_TRUE(d.ok()) << d.errorMessage().toStdString();
    EXPECT_EQ(d->layout, Layout::TabTable);
    const Document& seed = seedDocument(QStringLiteral("dazu-2019"));
    ASSERT_EQ(d->measures.size(), seed.measures.size());
    for (qsizetype i = 0; i < seed.measures.size(); ++i) {
        const Measure& a = d->measures.at(i);
        const Measure& b = seed.measures.at(i);
        EXPECT_EQ(a.number, b.number);
        EXPECT_EQ(a.title, b.title) << b.number;
        EXPECT_EQ(a.areaHeading, b.areaHeading) << b.number;
        EXPECT_EQ(units(a.lead), units(b.lead)) << b.number;
        EXPECT_EQ(units(a.partners), units(b.partners)) << b.number;
        EXPECT_EQ(a.deadline, b.deadline) << b.number;
    }

    const Taxonomy& taxonomy = shippedTaxonomy();
    const Result<Analysis> fromRows = analyzeBytes(rows.toUtf8(), QStringLiteral("dazu-rows.txt"), taxonomy);
    const Result<Analysis> fromSeed = analyzeFile(seedPath(QStringLiteral("dazu-2019")), taxonomy);
    ASSERT_TRUE(fromRows.ok() && fromSeed.ok());
    EXPECT_GE(fromSeed->targets.size(), 50);
    EXPECT_EQ(targetKeys(*fromRows), targetKeys(*fromSeed));
}

TEST(TabRows, AOneLineTableWithoutResponsibleUnitsIsDataNotMeasures) {
    // Written for this test: stage limits of a service, a data table the extractor reads row by row.
    const QString text = QStringLiteral("某县工程建设项目审批服务承诺\n"
                                        "序号\t事项\t承诺时限（工作日）\n"
                                        "1\t施工许可\t5\n"
                                        "2\t竣工验收\t7\n");
    const Result<Document> d = parseBytes(text.toUtf8(), QStringLiteral("limits.txt"));
    ASSERT_TRUE(d.ok()) << d.errorMessage().toStdString();
    EXPECT_NE(d->layout, Layout::TabTable);
}

// The sub-item marker scanner finds what the regular expression （(\d{1,2})） found.
namespace {

QString scannedMarkers(const QString& s) {
    QStringList out;
    for (const pc::parse::ItemMarker& m : pc::parse::findItemMarkers(s))
        out << QStringLiteral("%1-%2:%3-%4").arg(m.start).arg(m.end).arg(m.numberStart).arg(m.numberEnd);
    return out.join(u' ');
}

QString regexMarkers(const QString& s) {
    static const QRegularExpression marker(QStringLiteral("（(\\d{1,2})）"));
    QStringList out;
    for (auto it = marker.globalMatch(s); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out << QStringLiteral("%1-%2:%3-%4")
                   .arg(m.capturedStart())
                   .arg(m.capturedEnd())
                   .arg(m.capturedStart(1))
                   .arg(m.capturedEnd(1));
    }
    return out.join(u' ');
}

TEST(TableItemMarkers, ScannerFindsWhatTheRegularExpressionFound) {
    EXPECT_EQ(scannedMarkers(QStringLiteral("（1）办理（2）审批（12）（123）（）（a）（３）")),
              QStringLiteral("0-3:1-2 5-8:6-7 10-14:11-13"));
    const QStringList words = {QStringLiteral("（"),    QStringLiteral("）"), QStringLiteral("1"),
                               QStringLiteral("2"),     QStringLiteral("9"),  QStringLiteral("３"),
                               QStringLiteral("("),     QStringLiteral(")"),  QStringLiteral("办"),
                               QStringLiteral("（1）"), QStringLiteral("\n")};
    pc::test::Lcg next(5);
    int markers = 0;
    for (int round = 0; round < 20000; ++round) {
        const QString s = next.words(words, 12);
        const QString got = scannedMarkers(s);
        ASSERT_EQ(got, regexMarkers(s)) << s.toStdString();
        markers += int(pc::parse::findItemMarkers(s).size());
    }
    EXPECT_GT(markers, 5000);
}

} // namespace
