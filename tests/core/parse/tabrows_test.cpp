// Tables written one row per line, cells separated by tabs — what the PDF, DOCX and HTML readers
// write and what a table copied from a web page looks like — parse like the cell-per-line layout.
#include "parsetesthelpers.h"

#include "extract/analysis.h"
#include "shippedtaxonomy.h"
#include "taxonomy/taxonomy.h"

#include <QMap>

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
