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
