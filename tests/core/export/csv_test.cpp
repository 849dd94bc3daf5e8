// CSV writing quotes what must be quoted and reads back to the same fields.
#include "export/csv.h"

#include <gtest/gtest.h>

using namespace pc;

TEST(Csv, QuotesCommasQuotesAndNewlines)
{
    EXPECT_EQ(csv::field(QStringLiteral("区市场监管局")), QStringLiteral("区市场监管局"));
    EXPECT_EQ(csv::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    EXPECT_EQ(csv::field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    EXPECT_EQ(csv::field(QStringLiteral("line\nbreak")), QStringLiteral("\"line\nbreak\""));
}

TEST(Csv, TableWithBomStartsWithTheUtf8Mark)
{
    const QByteArray bytes = csv::table({QStringLiteral("doc"), QStringLiteral("value")},
                                        {{QStringLiteral("渝中"), QStringLiteral("8")}}, {true});
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF" "doc,value\r\n"));
    EXPECT_EQ(bytes.size(), 3 + 11 + QStringLiteral("渝中,8\r\n").toUtf8().size());
}

TEST(Csv, ParseRoundTripsTrickyFields)
{
    const QList<QStringList> rows{{QStringLiteral("a,b"), QStringLiteral("\"q\""), QString()},
                                  {QStringLiteral("多\n行"), QStringLiteral("x"), QStringLiteral("y")}};
    const QByteArray bytes = csv::table({QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3")}, rows, {true});
    const QList<QStringList> back = csv::parse(QString::fromUtf8(bytes));
    ASSERT_EQ(back.size(), 3);
    EXPECT_EQ(back.at(1), rows.at(0));
    EXPECT_EQ(back.at(2), rows.at(1));
}

// CSV injection: cells a spreadsheet would run get a leading apostrophe; numbers stay numbers.
TEST(Csv, DefusesCellsThatSpreadsheetsWouldEvaluate)
{
    const QString hyperlink = QStringLiteral("=HYPERLINK(\"http://x.example/\",\"点我\")优化营商环境");
    EXPECT_EQ(csv::defused(hyperlink), QLatin1Char('\'') + hyperlink);
    EXPECT_EQ(csv::defused(QStringLiteral("+cmd|' /C calc'!A0 压减环节")), QStringLiteral("'+cmd|' /C calc'!A0 压减环节"));
    EXPECT_EQ(csv::defused(QStringLiteral("@SUM(1+1)办结")), QStringLiteral("'@SUM(1+1)办结"));
    EXPECT_EQ(csv::defused(QStringLiteral("-2+3")), QStringLiteral("'-2+3"));
    EXPECT_EQ(csv::defused(QStringLiteral("-")), QStringLiteral("'-"));
    EXPECT_EQ(csv::defused(QStringLiteral("\t=1")), QStringLiteral("'\t=1"));
    EXPECT_EQ(csv::defused(QStringLiteral("\rcmd")), QStringLiteral("'\rcmd"));
    EXPECT_EQ(csv::defused(QStringLiteral("  =1+1")), QStringLiteral("'  =1+1"));
    EXPECT_EQ(csv::defused(QStringLiteral("\n@x")), QStringLiteral("'\n@x"));
    EXPECT_EQ(csv::defused(QStringLiteral("　=A1")), QStringLiteral("'　=A1")); // ideographic space
    // What cannot run anything is left alone.
    EXPECT_EQ(csv::defused(QStringLiteral("-3.5")), QStringLiteral("-3.5"));
    EXPECT_EQ(csv::defused(QStringLiteral("-12")), QStringLiteral("-12"));
    EXPECT_EQ(csv::defused(QStringLiteral("8")), QStringLiteral("8"));
    EXPECT_EQ(csv::defused(QStringLiteral("=")), QStringLiteral("="));
    EXPECT_EQ(csv::defused(QStringLiteral("<=")), QStringLiteral("<="));
    EXPECT_EQ(csv::defused(QStringLiteral("用水报装全流程不超过8个工作日")), QStringLiteral("用水报装全流程不超过8个工作日"));
    EXPECT_EQ(csv::defused(QStringLiteral("a=b")), QStringLiteral("a=b"));
    EXPECT_EQ(csv::defused(QString()), QString());
    EXPECT_EQ(csv::defused(QStringLiteral("   ")), QStringLiteral("   "));
    // Not numbers, so defused: a trailing point, a second sign, an exponent.
    EXPECT_EQ(csv::defused(QStringLiteral("-3.")), QStringLiteral("'-3."));
    EXPECT_EQ(csv::defused(QStringLiteral("--3")), QStringLiteral("'--3"));
    EXPECT_EQ(csv::defused(QStringLiteral("-1e3")), QStringLiteral("'-1e3"));
}

TEST(Csv, TableDefusesEveryCellAndQuotesAfterwards)
{
    const QByteArray bytes = csv::table({QStringLiteral("title"), QStringLiteral("value")},
                                        {{QStringLiteral("=1+2,3"), QStringLiteral("-4")},
                                         {QStringLiteral("+\"x\""), QStringLiteral("5")}});
    EXPECT_EQ(QString::fromUtf8(bytes),
              QStringLiteral("title,value\r\n\"'=1+2,3\",-4\r\n\"'+\"\"x\"\"\",5\r\n"));
    const QList<QStringList> back = csv::parse(QString::fromUtf8(bytes));
    ASSERT_EQ(back.size(), 3);
    EXPECT_EQ(back.at(1), (QStringList{QStringLiteral("'=1+2,3"), QStringLiteral("-4")}));
    EXPECT_EQ(back.at(2), (QStringList{QStringLiteral("'+\"x\""), QStringLiteral("5")}));
}

namespace {

// row() as it was: a text per row, each cell defused, then quoted.
QString rowBefore(const QStringList& fields)
{
    QString out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            out += QLatin1Char(',');
        out += csv::field(csv::defused(fields.at(i)));
    }
    out += QLatin1String("\r\n");
    return out;
}

} // namespace

// appendRow writes a row into the text it is given: generated rows (cells with commas, quotes, CR, LF,
// formula starters after blanks, tabs, plain and not-quite-plain decimals, Chinese text, empty cells)
// appended one after another give what the old row() gave, row by row, joined.
TEST(Csv, AppendRowGivesWhatRowGaveOnGeneratedRows)
{
    const QStringList pieces = {QStringLiteral(","),   QStringLiteral("\""),  QStringLiteral("\n"),
                                QStringLiteral("\r"),  QStringLiteral("="),   QStringLiteral("+"),
                                QStringLiteral("-"),   QStringLiteral("@"),   QStringLiteral("\t"),
                                QStringLiteral(" "),   QStringLiteral("\u3000"), QStringLiteral("\u00a0"),
                                QStringLiteral("3.5"), QStringLiteral("."),   QStringLiteral("12"),
                                QStringLiteral("渝中区"), QStringLiteral("工作日"), QStringLiteral("a")};
    quint32 seed = 1202;
    auto next = [&seed](quint32 bound) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % bound;
    };
    QString appended;
    QString joined;
    int quoted = 0;
    int defusedCells = 0;
    for (int k = 0; k < 20000; ++k) {
        QStringList fields;
        const quint32 cells = next(6);
        for (quint32 c = 0; c < cells; ++c) {
            QString cell;
            for (quint32 w = next(5); w > 0; --w)
                cell += pieces.at(qsizetype(next(quint32(pieces.size()))));
            quoted += csv::field(cell) != cell ? 1 : 0;
            defusedCells += csv::defused(cell) != cell ? 1 : 0;
            fields << cell;
        }
        const QString want = rowBefore(fields);
        ASSERT_EQ(csv::row(fields), want) << "row " << k;
        QString alone = QStringLiteral("x");
        csv::appendRow(alone, fields);
        ASSERT_EQ(alone, QStringLiteral("x") + want) << "row " << k;
        csv::appendRow(appended, fields);
        joined += want;
    }
    EXPECT_EQ(appended, joined);
    EXPECT_GT(quoted, 5000);
    EXPECT_GT(defusedCells, 2000);
}
