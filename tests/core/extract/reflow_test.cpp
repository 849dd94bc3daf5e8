// Reflowing: a line's characters appended in runs, against the character-at-a-time loop they replace.
#include "extract/reflow.h"
#include "lcg.h"
#include "text/normalizedtext.h"

#include <QStringList>

#include <gtest/gtest.h>

using pc::extract::FlowText;

namespace {

bool isCjk(QChar c) {
    return c.unicode() >= 0x3400 && c.unicode() <= 0x9FFF;
}

bool isDigitChar(QChar c) {
    const QChar f = pc::text::foldChar(c);
    return f.unicode() >= u'0' && f.unicode() <= u'9';
}

// reflow's per-line loop as it was: every character looked at and appended on its own.
void appendCharByChar(const QString& source, qsizetype start, qsizetype end, FlowText& out) {
    for (qsizetype i = start; i < end; ++i) {
        const QChar c = source.at(i);
        if (c == u'\r')
            continue;
        if (c == u' ' || c == u'\u3000' || c == u'\u00a0') {
            qsizetype j = i;
            while (j < end &&
                   (source.at(j) == u' ' || source.at(j) == u'\u3000' || source.at(j) == u'\u00a0'))
                ++j;
            const QChar prev = out.text.isEmpty() ? QChar() : out.text.back();
            const QChar next = j < end ? source.at(j) : QChar();
            const bool digitSide = isDigitChar(prev) || isDigitChar(next);
            const bool cjkSide = isCjk(prev) || isCjk(next) || next == u'%' || next == u'％';
            if (!out.text.isEmpty() && j < end && digitSide && cjkSide) {
                i = j - 1;
                continue;
            }
        }
        out.text.append(pc::text::foldChar(c));
        out.offsets.append(i);
    }
}

} // namespace

TEST(Reflow, LineCharactersDropSpacesBesideDigitsAndFoldFullWidth) {
    const QString line = QStringLiteral("到 2024 年，办理时限压减至 ３０ 分钟\r（ＡＢ）");
    FlowText out;
    pc::extract::appendLineChars(line, 0, line.size(), out);
    EXPECT_EQ(out.text, QStringLiteral("到2024年，办理时限压减至30分钟（AB）"));
    ASSERT_EQ(out.offsets.size(), out.text.size());
    EXPECT_EQ(out.offsets.at(0), 0);
    EXPECT_EQ(out.offsets.at(1), 2); // 2 after the dropped space
    EXPECT_EQ(out.offsets.at(5), 7); // 年 after the dropped space
    EXPECT_EQ(out.offsets.at(out.text.size() - 1), line.size() - 1);
}

// 30,000 generated lines (ASCII, ideographic and no-break spaces between digits, full-width digits and
// letters, CJK text and marks, CRs, %), each appended after a random start of the flow (empty, ending
// in a digit, CJK or a space) and from a random start and end inside the line: the same text and
// offsets as the character-at-a-time loop.
TEST(Reflow, RunAppendAgreesWithCharacterByCharacterOnGeneratedLines) {
    const QStringList pieces = {
        QStringLiteral(" "),   QStringLiteral("\u3000"), QStringLiteral("\u00a0"),
        QStringLiteral("  "),  QStringLiteral("2024"),   QStringLiteral("３０"),
        QStringLiteral("年"),  QStringLiteral("分钟"),   QStringLiteral("办理时限"),
        QStringLiteral("，"),  QStringLiteral("（"),     QStringLiteral("ＡＢ"),
        QStringLiteral("%"),   QStringLiteral("％"),     QStringLiteral("\r"),
        QStringLiteral("abc"), QStringLiteral("。"),     QStringLiteral("\uFF5E\uFF5F")};
    const QStringList starts = {QString(), QStringLiteral("5"), QStringLiteral("时"), QStringLiteral(" "),
                                QStringLiteral("a")};
    pc::test::Lcg next(254);
    qsizetype dropped = 0;
    for (int round = 0; round < 30000; ++round) {
        const QString line = next.words(pieces, 16);
        const qsizetype a = qsizetype(next(quint32(line.size()) + 1));
        const qsizetype b = a + qsizetype(next(quint32(line.size() - a) + 1));
        FlowText want;
        want.text = starts.at(next(quint32(starts.size())));
        for (qsizetype k = 0; k < want.text.size(); ++k)
            want.offsets.append(-1 - k);
        FlowText got = want;
        const qsizetype before = want.text.size();
        appendCharByChar(line, a, b, want);
        pc::extract::appendLineChars(line, a, b, got);
        ASSERT_EQ(got.text, want.text) << line.toStdString() << " " << a << "–" << b;
        ASSERT_EQ(got.offsets, want.offsets) << line.toStdString() << " " << a << "–" << b;
        dropped += (b - a) - (want.text.size() - before);
    }
    EXPECT_GT(dropped, 2000); // CRs and spaces beside digits
}
