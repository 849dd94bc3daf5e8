// Seeds turned into DOCX (with automatic numbering) and into government-site HTML pages at test time
// yield the same measures and targets as the seeds' text.
#include "docxfixtures.h"
#include "testpaths.h"

#include "extract/analysis.h"
#include "taxonomy/taxonomy.h"

#include <gtest/gtest.h>

using namespace pc;

namespace {

struct Outcome {
    QStringList measures; // number | title | lead
    QStringList targets;  // indicator | kind | comparator | value | unit | baseline | deadline
};

Outcome outcomeOf(const Analysis& a) {
    Outcome o;
    for (const Measure& m : a.document.measures) {
        QStringList lead;
        for (const Unit& u : m.lead)
            lead << u.normalized;
        o.measures << QStringLiteral("%1|%2|%3|%4")
                          .arg(m.number)
                          .arg(m.title, lead.join(QLatin1Char(';')), m.deadline);
    }
    for (const Target& t : a.targets) {
        o.targets << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8")
                         .arg(t.indicator, t.kind, t.comparator,
                              t.value ? QString::number(*t.value) : QStringLiteral("-"), t.unit,
                              t.baseline ? QString::number(*t.baseline) : QStringLiteral("-"), t.deadline,
                              t.quote);
    }
    return o;
}

Analysis analyse(const QByteArray& bytes, const QString& name) {
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    EXPECT_TRUE(taxonomy.ok());
    Result<Analysis> a = analyzeBytes(bytes, name, taxonomy.value());
    EXPECT_TRUE(a.ok()) << a.errorMessage().toStdString();
    return a.ok() ? std::move(a).value() : Analysis{};
}

class SeedFormats : public ::testing::TestWithParam<const char*> {};

} // namespace

TEST_P(SeedFormats, DocxAndHtmlGiveTheSameMeasuresAndTargetsAsText) {
    const QString stem = QString::fromLatin1(GetParam());
    const QByteArray bytes = test::readAll(test::seedPath(stem));
    const Analysis text = analyse(bytes, stem + QStringLiteral(".txt"));
    const Outcome expected = outcomeOf(text);
    ASSERT_GT(expected.measures.size(), 20);
    ASSERT_GT(expected.targets.size(), 10);

    int numbered = 0;
    const QByteArray docx = fixtures::textToDocx(text.document.source, &numbered);
    // jiangjin's headings and items are numbered paragraphs; dazu's numbers sit in table-cell lines
    // (kept as text) except its chapter headings.
    EXPECT_GE(numbered, stem == QLatin1String("jiangjin-2021") ? 20 : 4)
        << "the DOCX should carry its numbers as automatic numbering";
    const Analysis fromDocx = analyse(docx, stem + QStringLiteral(".docx"));
    EXPECT_EQ(fromDocx.document.format, QStringLiteral("docx"));
    const Outcome d = outcomeOf(fromDocx);
    EXPECT_EQ(d.measures, expected.measures);
    EXPECT_EQ(d.targets, expected.targets);
    EXPECT_FALSE(fromDocx.document.origins.isEmpty());

    for (const bool gb : {true, false}) {
        SCOPED_TRACE(gb ? "GB18030 page labelled gb2312" : "UTF-8 page");
        const Analysis fromHtml =
            analyse(fixtures::textToHtml(text.document.source, gb), stem + QStringLiteral(".html"));
        EXPECT_EQ(fromHtml.document.format, QStringLiteral("html"));
        EXPECT_EQ(fromHtml.document.encoding, gb ? QStringLiteral("GB18030") : QStringLiteral("UTF-8"));
        const Outcome h = outcomeOf(fromHtml);
        EXPECT_EQ(h.measures, expected.measures);
        EXPECT_EQ(h.targets, expected.targets);
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedFormats, ::testing::Values("dazu-2019", "jiangjin-2021"));
