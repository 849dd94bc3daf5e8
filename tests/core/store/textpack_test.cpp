// The measures' stored texts: packing against the shipped dictionary, and the store reading them back.
#include "storefixtures.h"

#include "store/cjktokenizer.h"
#include "store/database.h"
#include "store/databasecopy.h"
#include "store/textpack.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::test;
namespace textpack = pc::store::textpack;

namespace {

std::string_view view(const QByteArray& b) {
    return {b.constData(), size_t(b.size())};
}

// A measure in the wording of such plans (written for this test).
const QString kBody = QStringLiteral(
    "全面推行企业开办“一网通办”，将营业执照申领、公章刻制、发票申领和员工参保登记压缩在一个环节办理，"
    "企业开办时间压缩至1个工作日以内；推进水电气网联合报装，低压小微企业用电报装实现零上门、零审批、零投资"
    "。");

} // namespace

TEST(TextPack, PacksAMeasureToAFractionOfItsBytesAndBackExactly) {
    const QByteArray utf8 = kBody.toUtf8();
    const QByteArray packed = textpack::pack(view(utf8));
    ASSERT_FALSE(packed.isEmpty());
    EXPECT_EQ(quint8(packed.at(0)), 1); // the dictionary's number
    EXPECT_LT(packed.size(), utf8.size() * 6 / 10) << packed.size() << " of " << utf8.size();
    std::string out;
    ASSERT_TRUE(textpack::unpack(view(packed), out));
    EXPECT_EQ(QByteArray::fromStdString(out), utf8);
    EXPECT_EQ(textpack::unpackToString(packed), kBody);
    EXPECT_EQ(textpack::valueText(QVariant(packed)), kBody);
    EXPECT_EQ(textpack::valueText(QVariant(kBody)), kBody);
    EXPECT_EQ(textpack::packedValue(kBody).typeId(), QMetaType::QByteArray);
}

TEST(TextPack, ALongRunOfOneCharacterPacksAndUnpacks) {
    const QByteArray utf8 = QStringLiteral("。").repeated(20000).toUtf8();
    const QByteArray packed = textpack::pack(view(utf8));
    ASSERT_FALSE(packed.isEmpty());
    EXPECT_LT(packed.size(), 200);
    std::string out;
    ASSERT_TRUE(textpack::unpack(view(packed), out));
    EXPECT_EQ(QByteArray::fromStdString(out), utf8);
}

TEST(TextPack, LeavesTextsThatDoNotShrinkPlain) {
    for (const QString& s :
         {QString(), QStringLiteral("办电"), QStringLiteral("区财政局"), QStringLiteral("x7q")}) {
        const QByteArray utf8 = s.toUtf8();
        EXPECT_TRUE(textpack::pack(view(utf8)).isEmpty()) << s.toStdString();
        const QVariant v = textpack::packedValue(s);
        EXPECT_NE(v.typeId(), QMetaType::QByteArray) << s.toStdString();
        EXPECT_EQ(v.toString(), s);
    }
}

TEST(TextPack, RefusesDamagedValuesAndUnknownDictionaries) {
    const QByteArray utf8 = kBody.toUtf8();
    const QByteArray packed = textpack::pack(view(utf8));
    ASSERT_GT(packed.size(), 10);
    std::string out;
    QByteArray otherDictionary = packed;
    otherDictionary[0] = char(2);
    EXPECT_FALSE(textpack::unpack(view(otherDictionary), out));
    const QByteArray truncated = packed.left(packed.size() - 3);
    EXPECT_FALSE(textpack::unpack(view(truncated), out));
    QByteArray longer = packed; // the recorded length no longer matches the frame
    longer[1] = char(quint8(longer[1]) ^ 0x01);
    EXPECT_FALSE(textpack::unpack(view(longer), out));
    const QByteArray headerOnly("\x01", 1);
    EXPECT_FALSE(textpack::unpack(view(headerOnly), out));
    EXPECT_FALSE(textpack::unpackToString(QByteArray(40, '\x01')).has_value());
    // A length claiming far more than any frame of this size can hold is refused before allocating it.
    QByteArray huge = QByteArray("\x01\xff\xff\xff\x03", 5) + packed.mid(3); // kBody: a two-byte length
    EXPECT_FALSE(textpack::unpack(view(huge), out));
    EXPECT_LT(out.capacity(), size_t(64) << 20);
}

// SQLite: an import stores long bodies packed (BLOB), short texts and titles plain; every reader gives the
// text back: the measures view's rows, the search with its snippet, FTS5's integrity check (which reads the
// text through the measures_text view); pc_text() in SQL.
TEST(MeasureTexts, ImportStoresThemPackedAndEveryReaderGetsTheText) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    if (db->isPostgres())
        return; // PostgreSQL keeps plain text (the same tests read it there)
    PlanSpec p{QStringLiteral("pack-2024"), QStringLiteral("甲区"), QStringLiteral("district"), 2024, {}, {}};
    p.measures = {{QStringLiteral("start_business"), QStringLiteral("企业开办一网通办"), kBody, {}, {}}};
    qint64 id = 0;
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(p), &id).ok());
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT typeof(title), typeof(body), typeof(area_heading), "
                                      "pc_text(body), length(body) FROM measures WHERE document_id = %1")
                           .arg(id)));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("text")); // titles stay plain
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("blob"));
    EXPECT_EQ(q.value(2).toString(), QStringLiteral("text")); // "start_business": too short to pack
    EXPECT_EQ(q.value(3).toString(), kBody);
    EXPECT_LT(q.value(4).toInt(), kBody.toUtf8().size() * 6 / 10);
    q.finish();
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('integrity-check')")))
        << q.lastError().text().toStdString();
    MeasureFilter f;
    f.documentId = id;
    const Result<QList<MeasureRecord>> ms = db->measures(f);
    ASSERT_TRUE(ms.ok()) << ms.errorMessage().toStdString();
    ASSERT_EQ(ms->size(), 1);
    EXPECT_EQ(ms->first().title, QStringLiteral("企业开办一网通办"));
    EXPECT_EQ(ms->first().body, kBody);
    EXPECT_EQ(ms->first().areaHeading, QStringLiteral("start_business"));
    const Result<QList<SearchHit>> hits = db->search(QStringLiteral("联合报装"));
    ASSERT_TRUE(hits.ok()) << hits.errorMessage().toStdString();
    ASSERT_EQ(hits->size(), 1);
    EXPECT_EQ(hits->first().title, QStringLiteral("企业开办一网通办"));
    EXPECT_TRUE(hits->first().snippet.contains(QStringLiteral("联合报装")))
        << hits->first().snippet.toStdString();
    const QList<std::pair<qint64, double>> expected =
        referenceBm25(*db, fts::buildMatchQuery(QStringLiteral("联合报装"))->fts5);
    ASSERT_EQ(expected.size(), 1);
    EXPECT_EQ(hits->first().score, expected.first().second);
    // Removing the plan takes its packed texts out of the index (the delete trigger unpacks them).
    ASSERT_TRUE(db->removeDocument(id).ok());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('integrity-check')")));
    EXPECT_TRUE(db->search(QStringLiteral("联合报装"))->isEmpty());
}

// A packed text that does not unpack is reported as a damaged database, by the search (which reads
// the column itself) and by the SQL readers (pc_text fails the statement).
TEST(MeasureTexts, ADamagedPackedTextIsReportedAsDbCorrupt) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    if (db->isPostgres())
        return;
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("DROP TRIGGER measures_fts_update"))); // only the stored bytes change
    ASSERT_TRUE(q.prepare(QStringLiteral("UPDATE measures SET body = ? WHERE body = pc_pack(?)")));
    q.addBindValue(QByteArray("\x01\x30garbage-that-is-no-frame", 26));
    q.addBindValue(QStringLiteral("推行用水报装全流程网上办理，用水报装时间压缩至6个工作日以内。"));
    ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
    ASSERT_EQ(q.numRowsAffected(), 1);
    const Result<QList<SearchHit>> hits = db->search(QStringLiteral("用水"));
    ASSERT_FALSE(hits.ok());
    EXPECT_EQ(hits.error().code, QStringLiteral("db-corrupt")) << hits.errorMessage().toStdString();
    const Result<QList<MeasureRecord>> ms = db->measures(MeasureFilter{});
    ASSERT_FALSE(ms.ok());
    EXPECT_EQ(ms.error().code, QStringLiteral("db-corrupt")) << ms.errorMessage().toStdString();
}

// A correction of a measure's text (any UPDATE of title, body or units) stores it packed or plain and
// the index follows: found by the new words only.
TEST(MeasureTexts, AChangedTextIsReindexedWhetherPackedOrPlain) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    if (db->isPostgres())
        return;
    const qint64 id = firstMeasureId(*db);
    ASSERT_GT(id, 0);
    QSqlQuery q(db->connection());
    ASSERT_TRUE(
        q.prepare(QStringLiteral("UPDATE measures SET body = pc_pack(?), title = pc_pack(?) WHERE id = ?")));
    q.addBindValue(kBody);
    q.addBindValue(QStringLiteral("办电"));
    q.addBindValue(id);
    ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT typeof(body), typeof(title) FROM measures WHERE id = %1").arg(id)));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("blob"));
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("text"));
    q.finish();
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('integrity-check')")));
    const QList<SearchHit> hits = db->search(QStringLiteral("一网通办")).value();
    ASSERT_EQ(hits.size(), 1);
    EXPECT_EQ(hits.first().measureId, id);
    const QList<SearchHit> old = db->search(QStringLiteral("网上办理")).value();
    for (const SearchHit& h : old)
        EXPECT_NE(h.measureId, id);
}

// db copy between two SQLite files keeps the packed bytes; the digest compares texts, so the copy
// digests equal to its source.
TEST(MeasureTexts, CopyKeepsThemAndTheDigestComparesTexts) {
    auto from = sampleDatabase();
    ASSERT_TRUE(from);
    if (from->isPostgres())
        return;
    QTemporaryDir dir;
    Result<std::unique_ptr<Database>> to = Database::open(dir.filePath(QStringLiteral("copy.sqlite")));
    ASSERT_TRUE(to.ok()) << to.errorMessage().toStdString();
    ASSERT_TRUE(copyDatabase(*from, **to, {}).ok());
    const Result<DatabaseDigest> a = digestDatabase(*from);
    const Result<DatabaseDigest> b = digestDatabase(**to);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_TRUE(digestDifferences(*a, *b).isEmpty())
        << digestDifferences(*a, *b).join(QLatin1Char(',')).toStdString();
    QSqlQuery q((*to)->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM measures WHERE typeof(body) = 'blob'")) &&
                q.next());
    EXPECT_GT(q.value(0).toInt(), 0);
    q.finish();
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('integrity-check')")));
    EXPECT_EQ((*to)->search(QStringLiteral("用水报装"))->size(),
              from->search(QStringLiteral("用水报装"))->size());
}
