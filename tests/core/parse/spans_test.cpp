// Every span the parser reports is a source span: the source text there is what the model says.
#include "parsetesthelpers.h"
#include "text/normalizedtext.h"

using namespace pc;
using namespace pc::test;

namespace {

// Body characters are the source characters at their offsets, folded; '\n' joins table cells.
void expectBodyMatchesSource(const Document& d, const Measure& m) {
    ASSERT_EQ(m.body.size(), m.bodyOffsets.size()) << m.number;
    for (qsizetype i = 0; i < m.body.size(); ++i) {
        const qsizetype off = m.bodyOffsets[i];
        ASSERT_TRUE(off >= 0 && off < d.source.size()) << m.number;
        const QChar b = m.body.at(i);
        const QChar s = d.source.at(off);
        if (b == QLatin1Char('\n'))
            continue;
        EXPECT_TRUE(text::foldChar(s) == b || (b == QLatin1Char('.') && s == QChar(u'、')))
            << "measure " << m.number << " body[" << i << "]";
        if (i > 0) {
            EXPECT_GT(off, m.bodyOffsets[i - 1]) << "offsets increase, measure " << m.number;
        }
    }
}

void expectSpansValid(const QString& stem) {
    SCOPED_TRACE(stem.toStdString());
    const Document& d = seedDocument(stem);
    ASSERT_FALSE(d.measures.isEmpty());
    EXPECT_EQ(d.sha256.size(), 64);
    for (const Measure& m : d.measures) {
        ASSERT_TRUE(m.span.isValid());
        EXPECT_LE(m.span.end, d.source.size());
        const QString whole = d.textAt(m.span);
        EXPECT_FALSE(whole.trimmed().isEmpty());
        if (!m.title.isEmpty() && d.layout != Layout::InterleavedPdf) {
            // The title span holds the title as written (folding aside).
            const QString written = d.textAt(m.titleSpan);
            QString folded;
            for (QChar c : written)
                if (c != QLatin1Char('\n'))
                    folded.append(text::foldChar(c));
            EXPECT_EQ(folded, m.title) << m.number;
            EXPECT_GE(m.titleSpan.start, m.span.start);
            EXPECT_LE(m.titleSpan.end, m.span.end);
        }
        for (const SubItem& s : m.items) {
            ASSERT_TRUE(s.span.isValid()) << m.number;
            EXPECT_GE(s.span.start, m.span.start) << m.number;
            EXPECT_LE(s.span.end, m.span.end) << m.number;
            if (!s.label.isEmpty()) {
                EXPECT_TRUE(d.textAt(s.span).startsWith(s.label)) << m.number;
            }
        }
        expectBodyMatchesSource(d, m);
        if (!m.bodyOffsets.isEmpty()) {
            EXPECT_GE(m.bodyOffsets.first(), m.span.start) << m.number;
            EXPECT_LT(m.bodyOffsets.last(), m.span.end) << m.number;
        }
    }
    for (const Section& s : d.sections) {
        ASSERT_TRUE(s.span.isValid());
        EXPECT_TRUE(d.textAt(s.span).startsWith(s.label)) << s.label.toStdString();
    }
}

} // namespace

TEST(Spans, DazuSpansQuoteTheSource) {
    expectSpansValid(QStringLiteral("dazu-2019"));
}
TEST(Spans, JiangjinSpansQuoteTheSource) {
    expectSpansValid(QStringLiteral("jiangjin-2021"));
}
TEST(Spans, YuzhongSpansQuoteTheSource) {
    expectSpansValid(QStringLiteral("yuzhong-2023"));
}
TEST(Spans, WulongSpansQuoteTheSource) {
    expectSpansValid(QStringLiteral("wulong-2022"));
}
TEST(Spans, ChongqingSpansQuoteTheSource) {
    expectSpansValid(QStringLiteral("chongqing-2019"));
}

TEST(Spans, WulongBodySkipsNoiseButOffsetsPointPastIt) {
    const Document& d = seedDocument(QStringLiteral("wulong-2022"));
    const Measure* m41 = measureNo(d, 41);
    ASSERT_NE(m41, nullptr);
    EXPECT_FALSE(m41->body.contains(QStringLiteral("[bookmark")));
    const qsizetype at = m41->body.indexOf(QStringLiteral("按照市级统一要求"));
    ASSERT_GE(at, 0);
    EXPECT_EQ(d.source.mid(m41->bodyOffsets[at], 8), QStringLiteral("按照市级统一要求"));
    EXPECT_EQ(d.source.mid(m41->bodyOffsets[at] - 19, 19), QStringLiteral("[bookmark: _GoBack]"));
}

TEST(Spans, DazuMeasureSpanStartsAtItsNumber) {
    const Document& d = seedDocument(QStringLiteral("dazu-2019"));
    const Measure* m21 = measureNo(d, 21);
    ASSERT_NE(m21, nullptr);
    EXPECT_EQ(d.textAt(m21->titleSpan), QStringLiteral("压减获得用气耗时"));
    EXPECT_TRUE(d.textAt(m21->span).contains(QStringLiteral("21．压减获得用气耗时")));
}
