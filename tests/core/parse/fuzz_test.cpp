// Seeded random mutations of the seed plans: the parser never crashes and every span stays valid.
#include "parsetesthelpers.h"

#include <QElapsedTimer>

#include <random>

using namespace pc;
using namespace pc::test;

namespace {

QByteArray mutate(QByteArray bytes, std::mt19937& rng) {
    static const QByteArray pieces[] = {"\t",        "\n",   "\n\n",         "1.",         "12．",
                                        "（3）",     "一、", "（二）",       "牵头单位：", "[image: x]",
                                        "－ 2 －\n", "、",   "\xEF\xBB\xBF", "\xFF",       "2019年底前"};
    const int edits = 1 + static_cast<int>(rng() % 40);
    for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
        const qsizetype at = static_cast<qsizetype>(rng() % bytes.size());
        switch (rng() % 5) {
        case 0:
            bytes.remove(at, static_cast<qsizetype>(rng() % 200));
            break;
        case 1:
            bytes.insert(at, pieces[rng() % std::size(pieces)]);
            break;
        case 2:
            // Mostly text stays text (a printable character or a CJK one); sometimes a raw byte.
            if (rng() % 8 == 0)
                bytes[at] = static_cast<char>(rng() % 256);
            else if (rng() % 2)
                bytes.insert(at, static_cast<char>(0x20 + rng() % 95));
            else
                bytes.insert(at, QString(QChar(static_cast<char16_t>(0x4E00 + rng() % 0x5000))).toUtf8());
            break;
        case 3: {
            const qsizetype len = static_cast<qsizetype>(rng() % 500);
            bytes.insert(static_cast<qsizetype>(rng() % bytes.size()), bytes.mid(at, len));
            break;
        }
        default:
            bytes.truncate(std::max<qsizetype>(at, bytes.size() / 2));
            break;
        }
    }
    return bytes;
}

void expectValid(const Document& d) {
    for (const Measure& m : d.measures) {
        ASSERT_TRUE(m.span.isValid());
        ASSERT_LE(m.span.end, d.source.size());
        ASSERT_EQ(m.body.size(), m.bodyOffsets.size());
        for (qsizetype off : m.bodyOffsets)
            ASSERT_TRUE(off >= 0 && off < d.source.size());
        if (m.titleSpan.isValid()) {
            ASSERT_LE(m.titleSpan.end, d.source.size());
        }
        for (const SubItem& s : m.items)
            ASSERT_LE(s.span.end, d.source.size());
    }
    for (const Section& s : d.sections)
        ASSERT_LE(s.span.end, d.source.size());
    for (const Issue& i : d.issues)
        ASSERT_LE(i.span.end, d.source.size());
}

} // namespace

TEST(Fuzz, RandomMutationsOfSeedsNeverBreakSpans) {
    const QStringList stems{QStringLiteral("dazu-2019"), QStringLiteral("jiangjin-2021"),
                            QStringLiteral("wulong-2022"), QStringLiteral("yuzhong-2023"),
                            QStringLiteral("chongqing-2019")};
    QList<QByteArray> seeds;
    for (const QString& s : stems)
        seeds.append(readAll(seedPath(s)));
    std::mt19937 rng(20240611u);
    QElapsedTimer timer;
    timer.start();
    int runs = 0, parsed = 0;
    while (timer.elapsed() < 3000 || runs < 20) {
        const QByteArray input = mutate(seeds[runs % seeds.size()], rng);
        const Result<Document> r = parseBytes(input, QStringLiteral("fuzz.txt"));
        if (r.ok()) {
            ++parsed;
            EXPECT_FALSE(r->measures.isEmpty()) << "run " << runs;
            expectValid(r.value());
        } else {
            EXPECT_TRUE(r.errorMessage().startsWith(QStringLiteral("fuzz.txt: "))) << "run " << runs;
        }
        ++runs;
        if (::testing::Test::HasFatalFailure())
            break;
    }
    EXPECT_GT(parsed, runs / 2);
}
