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
