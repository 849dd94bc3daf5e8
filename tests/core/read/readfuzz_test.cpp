// Seeded mutations of valid DOCX files and HTML pages: the readers never crash, and what they return
// is consistent (origins inside the text, sorted, non-overlapping) or a named error.
#include "docxfixtures.h"
#include "testpaths.h"

#include "read/reader.h"

#include <QElapsedTimer>

#include <gtest/gtest.h>

#include <random>

using namespace pc;

namespace {

QByteArray mutate(QByteArray bytes, std::mt19937& rng, const QList<QByteArray>& pieces) {
    const int edits = 1 + int(rng() % 12);
    for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
        const qsizetype at = qsizetype(rng() % quint32(bytes.size()));
        switch (rng() % 5) {
        case 0:
            bytes.remove(at, qsizetype(rng() % 64));
            break;
        case 1:
            bytes.insert(at, pieces[qsizetype(rng() % quint32(pieces.size()))]);
            break;
        case 2:
            bytes[at] = char(rng() % 256);
            break;
        case 3:
            bytes.insert(qsizetype(rng() % quint32(bytes.size())), bytes.mid(at, qsizetype(rng() % 300)));
            break;
        default:
            bytes.truncate(std::max<qsizetype>(at, bytes.size() * 3 / 4));
            break;
        }
    }
    return bytes;
}

void expectConsistent(const Result<read::ReadResult>& r, const QString& path) {
    if (!r.ok()) {
        ASSERT_TRUE(r.errorMessage().startsWith(path + QStringLiteral(": ")))
            << r.errorMessage().toStdString();
        ASSERT_FALSE(r.error().code.isEmpty());
        return;
    }
    qsizetype end = 0;
    for (const read::OriginRun& run : r->origins) {
        ASSERT_GE(run.start, end);
        ASSERT_GE(run.length, 0);
        ASSERT_LE(run.start + run.length, r->text.size());
        end = run.start + run.length;
    }
    for (const Issue& i : r->issues)
        ASSERT_LE(i.span.end, r->text.size());
}

// The DOCX members themselves mutated (XML damage), zipped soundly, and the zip bytes mutated.
void fuzzDocx(std::mt19937& rng, const QString& text, int rounds) {
    const QByteArray docx = fixtures::textToDocx(text);
    const QList<QByteArray> pieces{"<w:p>",
                                   "</w:p>",
                                   "<w:tbl><w:tr><w:tc>",
                                   "</w:tc>",
                                   "<w:numPr><w:ilvl w:val=\"8\"/>"
                                   "<w:numId w:val=\"1\"/></w:numPr>",
                                   "<w:del>",
                                   "&amp;",
                                   "&#0;",
                                   "<!DOCTYPE x [<!ENTITY a "
                                   "\"aaaaaaaaaa\">]>",
                                   "PK\x03\x04",
                                   "\xFF\xFE",
                                   "<w:lvl w:ilvl=\"-3\">",
                                   "%9"};
    const QString path = QStringLiteral("fuzz.docx");
    for (int i = 0; i < rounds; ++i) {
        QByteArray bytes;
        if (i % 2 == 0) {
            bytes = mutate(docx, rng, pieces);
        } else {
            // Mutated XML in a sound archive reaches the XML and numbering code, not only libzip.
            fixtures::DocxBuilder b;
            b.numbering(QString::fromUtf8(mutate(fixtures::planNumbering().toUtf8(), rng, pieces)));
            b.raw(QString::fromUtf8(mutate(
                QStringLiteral("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/>"
                               "</w:numPr></w:pPr><w:r><w:t>用水报装不超过8个工作日。</w:t></w:r></w:p>"
                               "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>一</w:t></w:r></w:p></w:tc>"
                               "</w:tr></w:tbl>")
                    .toUtf8(),
                rng, pieces)));
            bytes = b.build();
        }
        read::ReadOptions options;
        options.maxExpandedBytes = 4 << 20;
        const Result<read::ReadResult> r = read::readBytes(bytes, path, options);
        ASSERT_NO_FATAL_FAILURE(expectConsistent(r, path));
    }
}

} // namespace

TEST(ReadFuzz, MutatedDocxFilesFailCleanlyOrReadConsistently) {
    std::mt19937 rng(20261201u);
    const QString text =
        QString::fromUtf8(test::readAll(test::seedPath(QStringLiteral("jiangjin-2021")))).left(6000);
    fuzzDocx(rng, text, 160);
}

TEST(ReadFuzz, MutatedHtmlPagesFailCleanlyOrReadConsistently) {
    std::mt19937 rng(7u);
    const QString text =
        QString::fromUtf8(test::readAll(test::seedPath(QStringLiteral("dazu-2019")))).left(8000);
    const QList<QByteArray> pieces{"<div>",
                                   "</div>",
                                   "<table><tr><td>",
                                   "</td>",
                                   "</tr>",
                                   "<br>",
                                   "<p>",
                                   "<!--",
                                   "-->",
                                   "<script>",
                                   "&nbsp;",
                                   "&#x0;",
                                   "&#xFFFFFF;",
                                   "<meta charset=gbk>",
                                   "<meta charset=x-unknown>",
                                   "\xEF\xBB\xBF",
                                   "<pre>",
                                   "<a href=x>",
                                   "<td colspan=99999>",
                                   "\xC0\x80",
                                   "<svg><foreignObject><p>",
                                   "<template>"};
    int ok = 0;
    for (const bool gb : {true, false}) {
        const QByteArray page = fixtures::textToHtml(text, gb);
        for (int i = 0; i < 150; ++i) {
            const QByteArray bytes = mutate(page, rng, pieces);
            const Result<read::ReadResult> r = read::readBytes(bytes, QStringLiteral("fuzz.html"));
            ASSERT_NO_FATAL_FAILURE(expectConsistent(r, QStringLiteral("fuzz.html")));
            ok += r.ok() ? 1 : 0;
        }
    }
    EXPECT_GT(ok, 100); // most mutations still leave an article to read
}
