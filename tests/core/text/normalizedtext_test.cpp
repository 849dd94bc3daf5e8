// Normalization: what is folded, what is removed, and that every offset maps back to the source.
#include "lcg.h"
#include "text/normalizedtext.h"

#include <QStringList>

#include <gtest/gtest.h>

using pc::text::normalize;

TEST(Normalize, FoldsFullWidthDigitsLettersAndDot) {
    const auto n = normalize(QStringLiteral("１２．３％，ＤＮ１００（１）"));
    EXPECT_EQ(n.text(), QStringLiteral("12.3%，DN100（1）"));
    EXPECT_EQ(n.removedCount(), 0);
    for (qsizetype i = 0; i < n.size(); ++i)
        EXPECT_EQ(n.toSource(i), i);
}

TEST(Normalize, UnifiesLineInitialNumbering) {
    const auto n = normalize(QStringLiteral("1、优化服务。\n\t21．压减耗时\n3.降低费用\n一、开办企业"));
    EXPECT_EQ(n.text(), QStringLiteral("1.优化服务。\n\t21.压减耗时\n3.降低费用\n一、开办企业"));
}

TEST(Normalize, KeepsEnumerationCommaInsideSentences) {
    const auto n = normalize(QStringLiteral("办理营业执照、公章刻制3、4个"));
    EXPECT_EQ(n.text(), QStringLiteral("办理营业执照、公章刻制3、4个"));
}

TEST(Normalize, RemovesImageAndBookmarkMarkersAndMapsAroundThem) {
    const QString src = QStringLiteral("\t9[image: IMG_258] \n\t[bookmark: _GoBack]按照市级统一要求");
    const auto n = normalize(src);
    EXPECT_EQ(n.text(), QStringLiteral("\t9 \n\t按照市级统一要求"));
    const qsizetype a = n.text().indexOf(QStringLiteral("按照"));
    EXPECT_EQ(src.mid(n.toSource(a), 2), QStringLiteral("按照"));
    const pc::Span s = n.sourceSpan(a, a + 8);
    EXPECT_EQ(src.mid(s.start, s.length()), QStringLiteral("按照市级统一要求"));
}

TEST(Normalize, RemovesPageMarkLinesAndCarriageReturns) {
    const QString src = QStringLiteral("第一段\r\n－ 1 －  \r\n－ 12 －\n第二段");
    const auto n = normalize(src);
    EXPECT_EQ(n.text(), QStringLiteral("第一段\n第二段"));
    const qsizetype b = n.text().indexOf(QStringLiteral("第二段"));
    EXPECT_EQ(src.mid(n.toSource(b), 3), QStringLiteral("第二段"));
}

TEST(Normalize, KeepsDashesInsideText) {
    const auto n = normalize(QStringLiteral("1－2个工作日"));
    EXPECT_EQ(n.text(), QStringLiteral("1-2个工作日"));
}

TEST(Normalize, EveryOffsetMapsToTheSameOrFoldedCharacter) {
    const QString src =
        QStringLiteral("－ 3 －\n附件[image: a]：\r\n\t１．精简流程[bookmark: x]（１）２０１９年\n");
    const auto n = normalize(src);
    for (qsizetype i = 0; i < n.size(); ++i) {
        const QChar s = src.at(n.toSource(i));
        EXPECT_EQ(pc::text::foldChar(s) == n.text().at(i) || n.text().at(i) == QLatin1Char('.'), true)
            << "offset " << i;
    }
    EXPECT_EQ(n.toSource(n.size()), src.size());
}

// appendSourceOffsets (one search per range) gives what toSource gives character by character, for
// every range: before, across and after removed markers, page marks and CRs, and past the end.
TEST(Normalize, RangeOffsetsEqualOffsetByOffset) {
    const QString src = QStringLiteral("－ 3 －\n附件[image: a]：\r\n\t１．精简流程[bookmark: "
                                       "x]（１）２０１９年\r\n－ 4 －\n第二段[image: b]完");
    const auto n = normalize(src);
    ASSERT_GT(n.removedCount(), 20);
    qsizetype ranges = 0;
    for (qsizetype a = 0; a <= n.size() + 2; ++a) {
        for (qsizetype b = a; b <= n.size() + 2; ++b) {
            QList<qsizetype> got{-7}; // appends after what is there
            n.appendSourceOffsets(a, b, got);
            QList<qsizetype> want{-7};
            for (qsizetype i = a; i < b; ++i)
                want.append(n.toSource(i));
            ASSERT_EQ(got, want) << "range " << a << "–" << b;
            ++ranges;
        }
    }
    const qsizetype k = n.size() + 3; // every pair a <= b of 0 … size + 2
    EXPECT_EQ(ranges, k * (k + 1) / 2);
    EXPECT_GE(n.size(), 20);
    const auto plain = normalize(QStringLiteral("没有要去掉的字"));
    QList<qsizetype> got;
    plain.appendSourceOffsets(2, 5, got);
    EXPECT_EQ(got, (QList<qsizetype>{2, 3, 4}));
}

// The same on generated texts full of removals (markers, page marks, CRs) between kept runs of every
// length: appendSourceOffsets writes whole runs between segment starts at once.
TEST(Normalize, RangeOffsetsEqualOffsetByOffsetOnGeneratedTexts) {
    const QStringList pieces = {QStringLiteral("[image: p]"), QStringLiteral("[bookmark: q]"),
                                QStringLiteral("\r"),         QStringLiteral("\n－ 7 －\n"),
                                QStringLiteral("\n１．"),     QStringLiteral("办理"),
                                QStringLiteral("时限"),       QStringLiteral("２０"),
                                QStringLiteral("个工作日。"), QStringLiteral("a"),
                                QStringLiteral("\n"),         QStringLiteral("[imag")};
    pc::test::Lcg next(99);
    qsizetype removed = 0;
    for (int k = 0; k < 3000; ++k) {
        const auto n = normalize(next.words(pieces, 16));
        removed += n.removedCount();
        const qsizetype a = qsizetype(next(quint32(n.size() + 2)));
        const qsizetype b = a + qsizetype(next(quint32(n.size() + 3 - a)));
        QList<qsizetype> got{1, 2};
        n.appendSourceOffsets(a, b, got);
        QList<qsizetype> want{1, 2};
        for (qsizetype i = a; i < b; ++i)
            want.append(n.toSource(i));
        ASSERT_EQ(got, want) << "text " << k << ", range " << a << "–" << b;
    }
    EXPECT_GT(removed, 10000);
}

namespace {

// normalize() as it was, a character at a time (its helpers copied as they are): the reference for
// the run-copying loop. Each character's text and source offset are recorded.
struct Reference {
    QString text;
    QList<qsizetype> offsets;
    void append(QChar c, qsizetype src) {
        text.append(c);
        offsets.append(src);
    }
};

using pc::text::foldChar;

bool isDash(QChar c) {
    const char16_t u = c.unicode();
    return u == u'-' || u == 0xFF0D || u == 0x2014 || u == 0x2013 || u == 0x2212;
}

// "－ 1 －" alone on a line: a page number left by a word processor.
bool isPageMark(const QString& s, qsizetype from, qsizetype to) {
    qsizetype i = from;
    auto skipSpace = [&] {
        while (i < to && (s.at(i).isSpace()))
            ++i;
    };
    skipSpace();
    if (i >= to || !isDash(s.at(i)))
        return false;
    ++i;
    skipSpace();
    const qsizetype digits = i;
    while (i < to && (s.at(i).isDigit()))
        ++i;
    if (i == digits)
        return false;
    skipSpace();
    if (i >= to || !isDash(s.at(i)))
        return false;
    ++i;
    skipSpace();
    return i == to;
}

// Length of a "[image: …]" / "[bookmark: …]" marker starting at i, or 0.
qsizetype noiseMarker(const QString& s, qsizetype i) {
    static const QString image = QStringLiteral("[image:");
    static const QString bookmark = QStringLiteral("[bookmark:");
    const QStringView rest = QStringView(s).mid(i);
    if (!rest.startsWith(image) && !rest.startsWith(bookmark))
        return 0;
    const qsizetype close = s.indexOf(QLatin1Char(']'), i);
    const qsizetype nl = s.indexOf(QLatin1Char('\n'), i);
    if (close < 0 || (nl >= 0 && nl < close) || close - i > 200)
        return 0;
    return close - i + 1;
}

Reference normalizeCharByChar(const QString& source) {
    Reference out;
    const qsizetype n = source.size();
    qsizetype lineStart = 0;
    while (lineStart < n) {
        qsizetype lineEnd = source.indexOf(QLatin1Char('\n'), lineStart);
        const bool hasNewline = lineEnd >= 0;
        if (!hasNewline)
            lineEnd = n;
        if (isPageMark(source, lineStart, lineEnd)) {
            lineStart = lineEnd + 1; // drop the line with its newline
            continue;
        }
        // Line-initial numbering "1、" / "1．" → "1." (after optional tabs/spaces).
        qsizetype numberEnd = -1;
        {
            qsizetype i = lineStart;
            while (i < lineEnd && (source.at(i) == QLatin1Char('\t') || source.at(i) == QLatin1Char(' ')))
                ++i;
            const qsizetype d0 = i;
            while (i < lineEnd && foldChar(source.at(i)).isDigit() && foldChar(source.at(i)).unicode() < 128)
                ++i;
            if (i > d0 && i - d0 <= 3 && i < lineEnd) {
                const char16_t u = source.at(i).unicode();
                if (u == u'、' || u == 0xFF0E || u == u'.')
                    numberEnd = i;
            }
        }
        for (qsizetype i = lineStart; i < lineEnd; ++i) {
            const QChar c = source.at(i);
            if (c == QLatin1Char('\r'))
                continue;
            if (c == QLatin1Char('[')) {
                const qsizetype len = noiseMarker(source, i);
                if (len > 0) {
                    i += len - 1;
                    continue;
                }
            }
            if (i == numberEnd)
                out.append(QLatin1Char('.'), i);
            else
                out.append(foldChar(c), i);
        }
        if (hasNewline)
            out.append(QLatin1Char('\n'), lineEnd);
        lineStart = lineEnd + 1;
    }
    return out;
}

} // namespace

// The run-copying normalize() against the character-at-a-time loop it replaced, on 20,000 generated
// texts full of what breaks a run (CRs, markers and broken markers, full-width spaces and ASCII forms,
// page-number lines, line-initial numbering of every form, [ alone): the same text, and every offset
// maps to the same source offset.
TEST(Normalize, RunCopyAgreesWithCharacterByCharacterOnGeneratedTexts) {
    const QStringList pieces = {QStringLiteral("[image: p]"),
                                QStringLiteral("[bookmark: q]"),
                                QStringLiteral("[imag"),
                                QStringLiteral("["),
                                QStringLiteral("]"),
                                QStringLiteral("\r"),
                                QStringLiteral("\r\n"),
                                QStringLiteral("\n－ 7 －\n"),
                                QStringLiteral("\n- 12 -"),
                                QStringLiteral("\n１．"),
                                QStringLiteral("\n2、"),
                                QStringLiteral("\n\t 3."),
                                QStringLiteral("\n1234、"),
                                QStringLiteral("办理"),
                                QStringLiteral("时限"),
                                QStringLiteral("２０"),
                                QStringLiteral("个工作日。"),
                                QStringLiteral("a"),
                                QStringLiteral("\n"),
                                QStringLiteral("\u3000"),
                                QStringLiteral("ＡＢ％"),
                                QStringLiteral("（）：；，"),
                                QStringLiteral("\uFF5E\uFF5F\uFF00"),
                                QStringLiteral(" \t")};
    pc::test::Lcg next(7);
    qsizetype removed = 0;
    qsizetype folded = 0;
    for (int k = 0; k < 20000; ++k) {
        const QString source = next.words(pieces, 20);
        const auto got = pc::text::normalize(source);
        const Reference want = normalizeCharByChar(source);
        ASSERT_EQ(got.text(), want.text) << source.toStdString();
        for (qsizetype i = 0; i < want.offsets.size(); ++i)
            ASSERT_EQ(got.toSource(i), want.offsets.at(i)) << source.toStdString() << " at " << i;
        removed += source.size() - want.text.size();
        for (qsizetype i = 0; i < want.text.size(); ++i)
            folded += want.text.at(i) != source.at(want.offsets.at(i));
    }
    EXPECT_GT(removed, 20000);
    EXPECT_GT(folded, 20000);
}
