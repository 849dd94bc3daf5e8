// Page layout: two text columns read one after the other, ruled tables rebuilt into tab-separated rows.
#include "pdffixtures.h"
#include "pdftesthelpers.h"

using namespace pc;
using namespace pc::test;
using namespace pc::test::pdf;

namespace {

// The measure table of the 大足 seed: one cell per tab-indented line, continuation lines without a tab,
// rows separated by blank lines. Returns the rows with `columns` cells (continuation lines joined).
QList<QStringList> dazuRows(int columns) {
    QList<QStringList> rows;
    QStringList row;
    auto flush = [&] {
        if (row.size() == columns)
            rows.append(row);
        row.clear();
    };
    for (const QString& line : readSeed(QStringLiteral("dazu-2019")).split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty()) {
            flush();
        } else if (line.startsWith(QLatin1Char('\t'))) {
            row.append(line.mid(1).trimmed());
        } else if (!row.isEmpty()) {
            row.last() += line.trimmed();
        }
    }
    flush();
    return rows;
}

TEST(PdfLayout, TwoColumnPageReadsColumnByColumn) {
    const QStringList wulong = seedParagraphs(QStringLiteral("wulong-2022"));
    // Paragraphs of the seed long enough to wrap in a column.
    QStringList long_;
    for (const QString& p : wulong) {
        if (p.size() > 80 && p.size() < 200 && !p.contains(QLatin1Char('\t')))
            long_ << p;
    }
    ASSERT_GE(long_.size(), 6);
    const QStringList left = long_.mid(0, 3), right = long_.mid(3, 3);
    const QString title = QStringLiteral("武隆区营商环境工作要点（两栏排版）");
    const QString closing = QStringLiteral("以上两栏内容为排版测试，按先左栏、后右栏的顺序阅读。");
    const read::ReadResult r = readOk(twoColumnPage(title, left, right, closing));
    EXPECT_EQ(noSpace(r.text), noSpace(title + left.join(QString()) + right.join(QString()) + closing));
    // Each column paragraph is one line of the text.
    const QStringList lines = r.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    EXPECT_EQ(lines, QStringList{title} + left + right + QStringList{closing});
    expectOriginsConsistent(r);
}

TEST(PdfLayout, RuledTableComesBackAsTabSeparatedRows) {
    const QList<QStringList> all = dazuRows(5);
    // Rows short enough to fit a page, from the start of the measure table.
    QList<QStringList> rows;
    for (const QStringList& row : all) {
        if (row.join(QString()).size() < 260 && rows.size() < 6)
            rows.append(row);
    }
    ASSERT_EQ(rows.size(), 6);
    rows.prepend({QStringLiteral("领域"), QStringLiteral("目标任务"), QStringLiteral("工作措施"),
                  QStringLiteral("牵头单位"), QStringLiteral("配合单位")});
    const QString before = QStringLiteral("附件：大足区营商环境优化提升主要举措及责任分工（节选）");
    const QString after = QStringLiteral("表中单位按职责分工落实，本段文字位于表格之后。");
    const read::ReadResult r = readOk(tablePdf(before, rows, {48, 92, 175, 80, 80}, after));
    QStringList expected{before};
    for (const QStringList& row : rows)
        expected << row.join(QLatin1Char('\t'));
    expected << after;
    EXPECT_EQ(r.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
    expectOriginsConsistent(r);
    const auto it = std::find_if(r.issues.begin(), r.issues.end(),
                                 [](const Issue& i) { return i.code == QStringLiteral("pdf-tables"); });
    ASSERT_NE(it, r.issues.end());
    EXPECT_TRUE(it->message.contains(QStringLiteral("7 table rows"))) << it->message.toStdString();
}

TEST(PdfLayout, TableRowsAcrossPagesStayRows) {
    QList<QStringList> rows = dazuRows(5).mid(0, 14);
    ASSERT_EQ(rows.size(), 14);
    // The area cell only where the area changes, as in the plan: rows moved whole to the next page start
    // with an empty cell and still are rows of their own.
    for (qsizetype i = rows.size() - 1; i > 0; --i) {
        if (rows[i][0] == rows[i - 1][0])
            rows[i][0].clear();
    }
    const read::ReadResult r =
        readOk(tablePdf(QStringLiteral("附件"), rows, {48, 92, 175, 80, 80}, QStringLiteral("完")));
    ASSERT_GE(r.pageCount, 2);
    QStringList expected{QStringLiteral("附件")};
    for (const QStringList& row : rows)
        expected << row.join(QLatin1Char('\t'));
    expected << QStringLiteral("完");
    EXPECT_EQ(r.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
}

TEST(PdfLayout, RowBrokenOverAPageBreakIsJoined) {
    // Rows run on over the page break as Word and WPS lay them out: each source row comes back once.
    const QList<QStringList> rows = dazuRows(5).mid(0, 14);
    ASSERT_EQ(rows.size(), 14);
    const read::ReadResult r =
        readOk(tablePdf(QStringLiteral("附件"), rows, {48, 92, 175, 80, 80}, QStringLiteral("完"), true));
    ASSERT_GE(r.pageCount, 2);
    QStringList expected{QStringLiteral("附件")};
    for (const QStringList& row : rows)
        expected << row.join(QLatin1Char('\t'));
    expected << QStringLiteral("完");
    EXPECT_EQ(r.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
    const auto it = std::find_if(r.issues.begin(), r.issues.end(),
                                 [](const Issue& i) { return i.code == QStringLiteral("pdf-tables"); });
    ASSERT_NE(it, r.issues.end());
    EXPECT_FALSE(it->message.contains(QStringLiteral("(0 rows"))) << it->message.toStdString();
    expectOriginsConsistent(r);
}

} // namespace
