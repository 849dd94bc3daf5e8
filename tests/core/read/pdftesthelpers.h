// Helpers shared by the PDF reader tests.
#pragma once

#include "testpaths.h"

#include "read/pdfreader.h"

#include <gtest/gtest.h>

#include <QRegularExpression>

namespace pc::test::pdf {

inline QString noSpace(QString s) {
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    return s.remove(ws);
}

// The seed's non-empty lines (tab cells and all), trimmed.
inline QStringList seedParagraphs(const QString& stem) {
    QStringList out;
    for (const QString& line : readSeed(stem).split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

inline read::ReadResult readOk(const QByteArray& bytes, const read::ReadOptions& options = {}) {
    const Result<read::ReadResult> r = read::readPdf(bytes, QStringLiteral("fixture.pdf"), options);
    EXPECT_TRUE(r.ok()) << r.errorMessage().toStdString();
    return r.ok() ? r.value() : read::ReadResult{};
}

// 1-based page of an offset from pageStarts (ReadResult::pageAt belongs to the reader layer proper).
inline int pageOf(const read::ReadResult& r, qsizetype offset) {
    int page = 0;
    for (qsizetype i = 0; i < r.pageStarts.size() && r.pageStarts[i] <= offset; ++i)
        page = int(i) + 1;
    return page;
}

// Origin runs are sorted, disjoint, inside the text, on the page their offset falls on, and together
// cover every non-space character.
inline void expectOriginsConsistent(const read::ReadResult& r) {
    qsizetype end = 0;
    QList<bool> covered(r.text.size(), false);
    for (const read::OriginRun& run : r.origins) {
        ASSERT_GE(run.start, end);
        ASSERT_GT(run.length, 0);
        ASSERT_LE(run.start + run.length, r.text.size());
        // A table row broken over a page break and joined holds text of both pages.
        const qsizetype lineStart = r.text.lastIndexOf(QLatin1Char('\n'), run.start) + 1;
        const qsizetype lineEnd = r.text.indexOf(QLatin1Char('\n'), run.start);
        const bool row = r.text.mid(lineStart, lineEnd - lineStart).contains(QLatin1Char('\t'));
        if (row)
            EXPECT_LE(std::abs(run.origin.page - pageOf(r, run.start)), 1) << "run at " << run.start;
        else
            EXPECT_EQ(run.origin.page, pageOf(r, run.start)) << "run at " << run.start;
        EXPECT_GE(run.origin.block, 0);
        EXPECT_GT(run.origin.box.height(), 0);
        for (qsizetype i = run.start; i < run.start + run.length; ++i)
            covered[i] = true;
        end = run.start + run.length;
    }
    for (qsizetype i = 0; i < r.text.size(); ++i) {
        if (!r.text.at(i).isSpace()) {
            ASSERT_TRUE(covered[i]) << "offset " << i << " not covered";
        }
    }
}

} // namespace pc::test::pdf
