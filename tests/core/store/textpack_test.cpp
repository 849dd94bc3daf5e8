// The measures' stored texts: packing against the shipped dictionary, and the store reading them back.
#include "digests.h"
#include "storefixtures.h"

#include "store/cjktokenizer.h"
#include "store/database.h"
#include "store/databasecopy.h"
#include "store/textpack.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>

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

// Schema 20's value of a measure's four texts: packed against the dictionary where that is smaller, else
// the bytes; every part comes back exactly, an empty heading apart from a NULL one.
TEST(TextPack, PacksAMeasuresFourTextsIntoOneValueAndBack) {
    struct Case {
        QString title, body, units, heading;
        quint8 kind;
    };
    const QList<Case> cases{
        {QStringLiteral("企业开办一网通办"), kBody, QStringLiteral("区市场监管局 区税务局"),
         QStringLiteral("一、优化企业开办服务"), 2},
        {QString(), QString(), QString(), QString(), 3},
        {QStringLiteral("办电"), QString(), QString(), QStringLiteral(""), 3},
        {QString(), QStringLiteral("x7q"), QStringLiteral("区财政局"), QString(), 3},
        {QStringLiteral("\x1f|\n"), kBody, QStringLiteral("\x1f"), QStringLiteral("\x1f"), 2},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.title.toStdString() + "/" + c.units.toStdString());
        const QByteArray v = textpack::packMeasure(c.title, c.body, c.units, c.heading);
        ASSERT_FALSE(v.isEmpty());
        EXPECT_EQ(quint8(v.at(0)), c.kind);
        EXPECT_TRUE(textpack::isMeasureValue(view(v)));
        std::string buffer;
        textpack::MeasureTexts t;
        ASSERT_TRUE(textpack::unpackMeasure(view(v), buffer, t));
        const auto text = [&](textpack::Part p) {
            return QString::fromUtf8(t.part(p).data(), qsizetype(t.part(p).size()));
        };
        EXPECT_EQ(text(textpack::Part::Title), c.title);
        EXPECT_EQ(text(textpack::Part::Body), c.body);
        EXPECT_EQ(text(textpack::Part::Units), c.units);
        EXPECT_EQ(text(textpack::Part::Heading), c.heading);
        EXPECT_EQ(t.headingNull, c.heading.isNull());
    }
    // Packed: smaller than the body packed alone plus the three others plain.
    const QByteArray title = QStringLiteral("企业开办一网通办").toUtf8();
    const QByteArray units = QStringLiteral("区市场监管局 区税务局").toUtf8();
    const QByteArray all =
        textpack::packMeasure(QString::fromUtf8(title), kBody, QString::fromUtf8(units), QString());
    EXPECT_LT(all.size(), textpack::pack(view(kBody.toUtf8())).size() + title.size() + units.size());
    EXPECT_FALSE(textpack::isMeasureValue(view(textpack::pack(view(kBody.toUtf8())))));
}

TEST(TextPack, RefusesADamagedMeasureValue) {
    const QByteArray v = textpack::packMeasure(QStringLiteral("企业开办"), kBody, QStringLiteral("区税务局"),
                                               QStringLiteral("一、开办"));
    ASSERT_EQ(quint8(v.at(0)), 2);
    std::string buffer;
    textpack::MeasureTexts t;
    ASSERT_TRUE(textpack::unpackMeasure(view(v), buffer, t));
    EXPECT_FALSE(textpack::unpackMeasure(view(v.left(v.size() - 3)), buffer, t)); // cut short
    QByteArray otherTotal = v; // the recorded length no longer matches the frame
    otherTotal[1] = char(quint8(otherTotal[1]) ^ 0x01);
    EXPECT_FALSE(textpack::unpackMeasure(view(otherTotal), buffer, t));
    // Parts longer than the whole, a header cut off, a plain value of another length, another kind.
    EXPECT_FALSE(textpack::unpackMeasure(view(QByteArray("\x03\x02\x05\x00\x00"
                                                         "ab",
                                                         7)),
                                         buffer, t));
    EXPECT_FALSE(textpack::unpackMeasure(view(QByteArray("\x03\x02\x00\x00\x04"
                                                         "ab",
                                                         7)),
                                         buffer, t));
    EXPECT_FALSE(textpack::unpackMeasure(view(QByteArray("\x03\x82", 2)), buffer, t));
    EXPECT_FALSE(textpack::unpackMeasure(view(QByteArray("\x03\x03\x00\x00\x00"
                                                         "ab",
                                                         7)),
                                         buffer, t));
    EXPECT_TRUE(textpack::unpackMeasure(view(QByteArray("\x03\x02\x00\x00\x00"
                                                        "ab",
                                                        7)),
                                        buffer, t));
    EXPECT_FALSE(textpack::unpackMeasure(view(textpack::pack(view(kBody.toUtf8()))), buffer, t));
    // A total far beyond what the frame could hold is refused before allocating it.
    QByteArray huge = QByteArray("\x02\xff\xff\xff\x05\x00\x00\x00", 8) + v.mid(6);
    EXPECT_FALSE(textpack::unpackMeasure(view(huge), buffer, t));
    EXPECT_LT(buffer.capacity(), size_t(64) << 20);
}

// SQLite: an import stores a measure's four texts as one packed value in body (schema 20; title and units
// '', the heading NULL); every reader gives the texts back: the measures view's rows, the search with its
// snippet, FTS5's integrity check (which reads the text through the measures_text view); pc_title() …
// in SQL.
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
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT title, typeof(body), area_heading IS NULL, pc_body(body), "
                                      "length(body), pc_title(body, title), pc_heading(body, area_heading), "
                                      "units FROM measures WHERE document_id = %1")
                           .arg(id)));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QString()); // in body's value
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("blob"));
    EXPECT_EQ(q.value(2).toInt(), 1);
    EXPECT_EQ(q.value(3).toString(), kBody);
    EXPECT_LT(q.value(4).toInt(), kBody.toUtf8().size() * 6 / 10);
    EXPECT_EQ(q.value(5).toString(), QStringLiteral("企业开办一网通办"));
    EXPECT_EQ(q.value(6).toString(), QStringLiteral("start_business"));
    EXPECT_EQ(q.value(7).toString(), QString());
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

// A measure's stored value that does not unpack is reported as a damaged database, never shown as text:
// by the search (which reads the column itself), by the SQL readers (pc_body … fail the statement: the
// measures view's rows), by the digest of db compare and by a copy to PostgreSQL's plain columns.
// Both an old single packed body and a schema-20 value of all four texts.
TEST(MeasureTexts, ADamagedPackedTextIsReportedAsDbCorrupt) {
    const QString water = QStringLiteral("推行用水报装全流程网上办理，用水报装时间压缩至6个工作日以内。");
    // A frame of garbage after a valid header, and a real value cut short.
    const QByteArray garbage("\x02\x30\x02\x00\x00garbage-that-is-no-frame", 28);
    QByteArray cut =
        textpack::packMeasure(QStringLiteral("用水"), water, QStringLiteral("区水利局"), QString());
    ASSERT_EQ(quint8(cut.at(0)), 2);
    cut.chop(4);
    for (const QByteArray& damaged : {QByteArray("\x01\x30garbage-that-is-no-frame", 26), garbage, cut}) {
        SCOPED_TRACE(damaged.toHex().toStdString());
        auto db = sampleDatabase();
        ASSERT_TRUE(db);
        if (db->isPostgres())
            return;
        QSqlQuery q(db->connection());
        ASSERT_TRUE(
            q.exec(QStringLiteral("DROP TRIGGER measures_fts_update"))); // only the stored bytes change
        ASSERT_TRUE(q.prepare(QStringLiteral("UPDATE measures SET body = ? WHERE pc_body(body) = ?")));
        q.addBindValue(damaged);
        q.addBindValue(water);
        ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
        ASSERT_EQ(q.numRowsAffected(), 1);
        q.finish();
        const Result<QList<SearchHit>> hits = db->search(QStringLiteral("用水"));
        ASSERT_FALSE(hits.ok());
        EXPECT_EQ(hits.error().code, QStringLiteral("db-corrupt")) << hits.errorMessage().toStdString();
        const Result<QList<MeasureRecord>> ms = db->measures(MeasureFilter{});
        ASSERT_FALSE(ms.ok());
        EXPECT_EQ(ms.error().code, QStringLiteral("db-corrupt")) << ms.errorMessage().toStdString();
        const Result<DatabaseDigest> digest = digestDatabase(*db);
        ASSERT_FALSE(digest.ok());
        EXPECT_EQ(digest.error().code, QStringLiteral("db-corrupt")) << digest.errorMessage().toStdString();
    }
}

// A change of a measure's text (any UPDATE of title, body or units), in schema 20's one value or in an
// older row's form (a packed body, a plain title): the index follows (found by the new words only) and
// every reader gives the new texts.
TEST(MeasureTexts, AChangedTextIsReindexedWhetherPackedOrPlain) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    if (db->isPostgres())
        return;
    const qint64 id = firstMeasureId(*db);
    ASSERT_GT(id, 0);
    QSqlQuery q(db->connection());
    const QString other = QStringLiteral("优化获得电力服务，低压用电报装压缩至2个环节，全程网上办理。");
    for (const bool oneValue : {false, true}) {
        SCOPED_TRACE(oneValue);
        const QString body = oneValue ? kBody : other;
        ASSERT_TRUE(q.prepare(oneValue
                                  ? QStringLiteral("UPDATE measures SET body = pc_measure(?, ?, '区鲲鹏办', "
                                                   "NULL), title = '', units = '' WHERE id = ?")
                                  : QStringLiteral("UPDATE measures SET title = ?, body = pc_pack(?), units "
                                                   "= '区鲲鹏办', area_heading = NULL WHERE id = ?")));
        q.addBindValue(QStringLiteral("办电"));
        q.addBindValue(body);
        q.addBindValue(id);
        ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
        ASSERT_TRUE(q.exec(
            QStringLiteral("SELECT typeof(body), title, pc_title(body, title), pc_body(body), pc_units(body, "
                           "units) FROM measures WHERE id = %1")
                .arg(id)));
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toString(), QStringLiteral("blob"));
        EXPECT_EQ(q.value(1).toString(), oneValue ? QString() : QStringLiteral("办电"));
        EXPECT_EQ(q.value(2).toString(), QStringLiteral("办电"));
        EXPECT_EQ(q.value(3).toString(), body);
        EXPECT_EQ(q.value(4).toString(), QStringLiteral("区鲲鹏办"));
        q.finish();
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('integrity-check')")))
            << q.lastError().text().toStdString();
        const QList<SearchHit> hits =
            db->search(oneValue ? QStringLiteral("一网通办") : QStringLiteral("获得电力")).value();
        ASSERT_EQ(hits.size(), 1);
        EXPECT_EQ(hits.first().measureId, id);
        EXPECT_EQ(hits.first().title, QStringLiteral("办电"));
        EXPECT_EQ(db->search(QStringLiteral("鲲鹏")).value().size(), 1);
        EXPECT_EQ(hits.first().score,
                  referenceBm25(*db, fts::buildMatchQuery(oneValue ? QStringLiteral("一网通办")
                                                                   : QStringLiteral("获得电力"))
                                         ->fts5)
                      .value(0)
                      .second);
        const QList<SearchHit> old = db->search(QStringLiteral("网上办理")).value();
        EXPECT_EQ(
            std::count_if(old.begin(), old.end(), [&](const SearchHit& h) { return h.measureId == id; }),
            oneValue ? 0 : 1);
        const QList<MeasureRecord> ms = db->measures(MeasureFilter{}).value();
        const auto it =
            std::find_if(ms.begin(), ms.end(), [&](const MeasureRecord& m) { return m.id == id; });
        ASSERT_NE(it, ms.end());
        EXPECT_EQ(it->title, QStringLiteral("办电"));
        EXPECT_EQ(it->body, body);
        EXPECT_TRUE(it->areaHeading.isEmpty());
    }
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
    EXPECT_TRUE(sameDigest(*from, **to));
    QSqlQuery q((*to)->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM measures WHERE typeof(body) = 'blob'")) &&
                q.next());
    EXPECT_GT(q.value(0).toInt(), 0);
    q.finish();
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('integrity-check')")));
    EXPECT_EQ((*to)->search(QStringLiteral("用水报装"))->size(),
              from->search(QStringLiteral("用水报装"))->size());
}

// A note on a measure anchors on the measure's title, which schema 20 keeps in the body's value (the
// title column holds ''), and on the start of its body when it has none; re-importing the plan finds the
// measure again by that anchor.
TEST(MeasureTexts, ANoteOnAMeasureAnchorsOnItsTitleOrTheStartOfItsBody) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    PlanSpec p{QStringLiteral("note-2024"), QStringLiteral("丙区"), QStringLiteral("district"), 2024, {}, {}};
    p.measures = {{QStringLiteral("start_business"), QStringLiteral("企业开办一网通办"), kBody, {}, {}},
                  {QStringLiteral("water"),
                   QString(),
                   QStringLiteral("推进用水报装全程网上办理，压缩报装时间。"),
                   {},
                   {}}};
    qint64 id = 0;
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(p), &id).ok());
    MeasureFilter f;
    f.documentId = id;
    const QList<MeasureRecord> ms = db->measures(f).value();
    ASSERT_EQ(ms.size(), 2);
    ASSERT_TRUE(db->addNote(NoteSubject::Measure, ms[0].id, QStringLiteral("已核对")).ok());
    ASSERT_TRUE(db->addNote(NoteSubject::Measure, ms[1].id, QStringLiteral("待核对")).ok());
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(p), &id).ok()); // the same plan again: new measure ids
    NoteFilter nf;
    nf.subject = NoteSubject::Measure;
    const QList<NoteRecord> notes = db->notes(nf).value();
    ASSERT_EQ(notes.size(), 2);
    QStringList anchors;
    for (const NoteRecord& n : notes) {
        anchors << n.anchorText;
        EXPECT_GT(n.subjectId, 0) << n.text.toStdString();
    }
    anchors.sort();
    EXPECT_EQ(anchors, (QStringList{QStringLiteral("企业开办一网通办"),
                                    QStringLiteral("推进用水报装全程网上办理，压缩报装时间。")}));
}
