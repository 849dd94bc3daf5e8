// The language of 营商环境 plans, case by case: tests/data/extract/grammar_cases.tsv holds our own
// sentences (goal sections, measures, news pages, flattened tables, PDF copies, negatives) with every
// field of every target they hold. Each text goes through the whole pipeline (parse, extract, classify).
#include "testpaths.h"

#include "extract/analysis.h"
#include "extract/numbers.h"
#include "taxonomy/taxonomy.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QMap>

namespace {

using namespace pc;

struct Expected {
    QString indicator, scope, kind, comparator, value, unit, baseline, deadline, quote;
};

struct Case {
    QString text;
    QList<Expected> targets; // empty: the text holds no target
};

QString unescape(const QString& s) {
    QString out;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i) == u'\\' && i + 1 < s.size()) {
            const QChar n = s.at(++i);
            out += n == u'n' ? QChar(u'\n') : n == u't' ? QChar(u'\t') : n;
        } else {
            out += s.at(i);
        }
    }
    return out;
}

const QList<Case>& cases() {
    static const QList<Case> all = [] {
        QList<Case> out;
        QFile f(test::dataDir() + QStringLiteral("/extract/grammar_cases.tsv"));
        if (!f.open(QIODevice::ReadOnly))
            return out;
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        for (const QString& line : lines) {
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList c = line.split(QLatin1Char('\t'));
            if (c.size() != 10)
                continue;
            const QString text = unescape(c[0]);
            if (out.isEmpty() || out.last().text != text)
                out.append(Case{text, {}});
            if (c[1] != QStringLiteral("-"))
                out.last().targets.append(
                    Expected{c[1], unescape(c[2]), c[3], c[4], c[5], c[6], c[7], c[8], unescape(c[9])});
        }
        return out;
    }();
    return all;
}

std::vector<int> caseIndices() {
    std::vector<int> v;
    for (qsizetype i = 0; i < cases().size(); ++i)
        v.push_back(int(i));
    return v;
}

const Taxonomy& taxonomy() {
    static const Taxonomy t = Taxonomy::loadDefault().value();
    return t;
}

QString number(const std::optional<double>& v) {
    return v ? extract::formatNumber(*v) : QString();
}

class GrammarCases : public ::testing::TestWithParam<int> {};

} // namespace

TEST(GrammarCaseTable, HoldsThreeHundredSentencesWithTargetsAndNegatives) {
    const QList<Case>& all = cases();
    ASSERT_GE(all.size(), 300);
    int negatives = 0;
    int multi = 0;
    int lines = 0;
    for (const Case& c : all) {
        negatives += c.targets.isEmpty() ? 1 : 0;
        multi += c.targets.size() > 1 ? 1 : 0;
        lines += c.text.contains(QLatin1Char('\n')) ? 1 : 0;
    }
    EXPECT_GE(negatives, 40);
    EXPECT_GE(multi, 10);
    EXPECT_GE(lines, 8);
}

TEST_P(GrammarCases, ReadsEveryFieldOfEveryTarget) {
    const Case& c = cases().at(GetParam());
    SCOPED_TRACE(c.text.toStdString());
    const Result<Analysis> a = analyzeBytes(c.text.toUtf8(), QStringLiteral("case.txt"), taxonomy());
    ASSERT_TRUE(a.ok()) << a.errorMessage().toStdString();
    const QList<Target>& got = a->targets;
    ASSERT_EQ(got.size(), c.targets.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        SCOPED_TRACE(i);
        const Target& t = got.at(i);
        const Expected& e = c.targets.at(i);
        EXPECT_EQ(t.indicator, e.indicator);
        EXPECT_EQ(t.scope, e.scope);
        EXPECT_EQ(t.kind, e.kind);
        EXPECT_EQ(t.comparator, e.comparator);
        EXPECT_EQ(number(t.value), e.value);
        EXPECT_EQ(t.unit, e.unit);
        EXPECT_EQ(number(t.baseline), e.baseline);
        EXPECT_EQ(t.deadline, e.deadline);
        EXPECT_EQ(t.quote, e.quote);
        EXPECT_EQ(c.text.mid(t.span.start, t.span.length()), t.quote); // the quote is the source's text
    }
}

INSTANTIATE_TEST_SUITE_P(Table, GrammarCases, ::testing::ValuesIn(caseIndices()));
