// Schema 17: an imported target's sentence and quote are stored as NULL and derived from the plan's
// stored source when read; every reader gives the texts the importer computed before.
#include "storefixtures.h"

#include "store/database.h"
#include "store/targettext.h"

#include <QHash>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::test;

namespace {

const QString kRunBefore = QString(250, QChar(0x7532)); // 甲 × 250, no sentence end
const QString kRunAfter = QString(250, QChar(0x4E59));  // 乙 × 250

// A plan whose targets sit where the sentence rules have edges: at offset 0 (outside every measure),
// before a line break with blanks around the sentence, before a fullwidth semicolon, in the middle
// of a run longer than the 200-character limit on both sides; and one whose quote is not the text
// of its span (it must stay stored).
Analysis trickyPlan() {
    PlanSpec p{
        QStringLiteral("tricky-2021"), QStringLiteral("甲区"), QStringLiteral("district"), 2021, {}, {}};
    p.preface = QStringLiteral("5日办结，全面提速。\n");
    p.measures = {
        {QStringLiteral("water"),
         QStringLiteral("优化用水报装"),
         QStringLiteral("  用水报装压缩至3个工作日  "),
         {{QStringLiteral("3个工作日"), QStringLiteral("wa.time"), 3, QStringLiteral("工作日")}},
         {}},
        {QStringLiteral("tax"),
         QStringLiteral("压减办税时间"),
         QStringLiteral("一是办税时间压缩至2小时；二是全面推行电子发票。"),
         {{QStringLiteral("2小时"), QStringLiteral("tx.time"), 2, QStringLiteral("小时")}},
         {}},
        {QStringLiteral("electricity"),
         QStringLiteral("压减办电时间"),
         kRunBefore + QStringLiteral("办电10日") + kRunAfter + QStringLiteral("。"),
         {{QStringLiteral("办电10日"), QStringLiteral("el.time"), 10, QStringLiteral("日")}},
         {}},
    };
    Analysis a = makeAnalysis(p);
    Target first;
    first.docId = p.docId;
    first.area = QStringLiteral("water");
    first.indicator = QStringLiteral("wa.time");
    first.kind = QStringLiteral("level");
    first.comparator = QStringLiteral("<=");
    first.value = 5;
    first.unit = QStringLiteral("日");
    first.span = {0, 2};
    first.quote = QStringLiteral("5日");
    first.section = QStringLiteral("goal");
    a.targets.prepend(first);
    Target renamed = first;
    renamed.indicator = QStringLiteral("wa.cost");
    renamed.quote = QStringLiteral("五日"); // not the span's text
    a.targets.append(renamed);
    return a;
}

// What the importer wrote before schema 19, spelled out by hand: quote → sentence.
QHash<QString, QString> expectedSentences() {
    return {
        {QStringLiteral("5日"), QStringLiteral("5日办结，全面提速。")},
        {QStringLiteral("五日"), QStringLiteral("5日办结，全面提速。")},
        {QStringLiteral("3个工作日"), QStringLiteral("1、优化用水报装：  用水报装压缩至3个工作日")},
        {QStringLiteral("2小时"), QStringLiteral("2、压减办税时间：一是办税时间压缩至2小时；")},
        {QStringLiteral("办电10日"), kRunBefore.left(200) + QStringLiteral("办电10日") + kRunAfter.left(200)},
    };
}

QList<int> storedCounts(Database& db) {
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*), count(sentence), count(quote) FROM targets")) || !q.next())
        return {};
    return {q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt()};
}

} // namespace

TEST(TargetText, SentenceAroundKeepsTheImportersRules) {
    const QString source = QStringLiteral("甲。乙丙丁；\n  戊己  \n");
    EXPECT_EQ(store::sentenceAround(source, 0, 1), QStringLiteral("甲。"));
    EXPECT_EQ(store::sentenceAround(source, 3, 4), QStringLiteral("乙丙丁；"));
    EXPECT_EQ(store::sentenceAround(source, 10, 11), QStringLiteral("戊己"));
    EXPECT_TRUE(store::sentenceAround(source, 5, source.size() + 1).isNull());
    EXPECT_TRUE(store::sentenceAround(source, 4, 3).isNull());
    EXPECT_EQ(store::quoteAt(source, 2, 5), QStringLiteral("乙丙丁"));
    EXPECT_TRUE(store::quoteAt(source, -1, 2).isNull());
}

TEST(TargetText, ImportedTargetsStoreNoTextAndEveryReaderDerivesTheImportersSentences) {
    auto db = openTestDatabase();
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    const Result<Database::ImportOutcome> imported = (*db)->importAnalysis(trickyPlan());
    ASSERT_TRUE(imported.ok()) << imported.errorMessage().toStdString();
    // Five targets: no sentence stored, one quote (the one that is not its span's text).
    EXPECT_EQ(storedCounts(**db), (QList<int>{5, 0, 1}));

    const QHash<QString, QString> expected = expectedSentences();
    TargetFilter plan;
    plan.docId = QStringLiteral("tricky-2021");
    const Result<QList<ComparisonRow>> rows = (*db)->targets(plan);
    ASSERT_TRUE(rows.ok()) << rows.errorMessage().toStdString();
    ASSERT_EQ(rows->size(), 5);
    QStringList quotes;
    for (const ComparisonRow& r : *rows) {
        quotes << r.quote;
        EXPECT_EQ(r.sentence, expected.value(r.quote)) << r.quote.toStdString();
    }
    quotes.sort();
    EXPECT_EQ(quotes,
              (QStringList{QStringLiteral("2小时"), QStringLiteral("3个工作日"), QStringLiteral("5日"),
                           QStringLiteral("五日"), QStringLiteral("办电10日")}));

    // The comparison path: compare_rows (its quote written by the triggers, derived) and the
    // sentences read for the rows shown.
    TargetFilter water;
    water.indicator = QStringLiteral("wa.time");
    water.sentences = false;
    QList<ComparisonRow> compared = (*db)->targets(water).value();
    ASSERT_EQ(compared.size(), 2);
    EXPECT_EQ(compared[0].quote, QStringLiteral("5日"));
    EXPECT_EQ(compared[1].quote, QStringLiteral("3个工作日"));
    EXPECT_TRUE(compared[0].sentence.isEmpty());
    ASSERT_TRUE((*db)->readSentences(compared).ok());
    EXPECT_EQ(compared[0].sentence, QStringLiteral("5日办结，全面提速。"));
    EXPECT_EQ(compared[1].sentence, QStringLiteral("1、优化用水报装：  用水报装压缩至3个工作日"));

    // A corrected target keeps deriving its texts; a user-added one stores its own.
    const qint64 tax = [&] {
        for (const ComparisonRow& r : *rows)
            if (r.quote == QStringLiteral("2小时"))
                return r.targetId;
        return qint64(0);
    }();
    ASSERT_TRUE((*db)->correctTarget(tax, OverrideKind::TargetValue, QStringLiteral("1.5")).ok());
    NewTarget added;
    added.documentId = rows->first().documentId;
    added.indicator = QStringLiteral("tx.time");
    const QString source = (*db)->documentSource(added.documentId).value();
    added.start = source.indexOf(QStringLiteral("全面推行"));
    added.end = added.start + 4;
    added.value = 1;
    const Result<qint64> addedId = (*db)->addTarget(added);
    ASSERT_TRUE(addedId.ok()) << addedId.errorMessage().toStdString();
    EXPECT_EQ(storedCounts(**db), (QList<int>{6, 1, 2}));
    TargetFilter taxRows;
    taxRows.indicator = QStringLiteral("tx.time");
    const Result<QList<ComparisonRow>> after = (*db)->targets(taxRows);
    ASSERT_TRUE(after.ok());
    ASSERT_EQ(after->size(), 2);
    EXPECT_EQ((*after)[0].value, 1.5);
    EXPECT_EQ((*after)[0].quote, QStringLiteral("2小时"));
    EXPECT_EQ((*after)[0].sentence, QStringLiteral("2、压减办税时间：一是办税时间压缩至2小时；"));
    EXPECT_TRUE((*after)[1].userAdded);
    EXPECT_EQ((*after)[1].quote, QStringLiteral("全面推行"));
    EXPECT_EQ((*after)[1].sentence, QStringLiteral("全面推行"));
}

// Re-importing a changed plan under the same id: the texts come from the new source, never from the
// old one a connection has unpacked before.
TEST(TargetText, AReimportedPlanDerivesFromItsNewSource) {
    auto db = openTestDatabase();
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    ASSERT_TRUE((*db)->importAnalysis(trickyPlan()).ok());
    TargetFilter water;
    water.indicator = QStringLiteral("wa.time");
    ASSERT_EQ((*db)->targets(water)->value(1).sentence,
              QStringLiteral("1、优化用水报装：  用水报装压缩至3个工作日"));
    Analysis changed = trickyPlan();
    changed.document.source.replace(QStringLiteral("用水报装压缩至"), QStringLiteral("用水报装缩短到"));
    changed.document.sha256 = QStringLiteral("changed");
    const Result<Database::ImportOutcome> again = (*db)->importAnalysis(changed);
    ASSERT_TRUE(again.ok()) << again.errorMessage().toStdString();
    const Result<QList<ComparisonRow>> rows = (*db)->targets(water);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 2);
    EXPECT_EQ((*rows)[1].sentence, QStringLiteral("1、优化用水报装：  用水报装缩短到3个工作日"));
    EXPECT_EQ(storedCounts(**db), (QList<int>{5, 0, 1}));
}

// A source the importer has just packed is remembered on its thread: pc_quote and pc_sentence read the
// remembered text for exactly those stored bytes (here bytes that are no frame at all, which would not
// unpack), and other bytes still unpack or fail as before.
TEST(TargetText, ARememberedSourceIsReadForExactlyItsStoredBytes) {
    auto db = Database::open(QStringLiteral(":memory:"));
    ASSERT_TRUE(db.ok());
    const QByteArray stored("not-a-frame-1234");
    store::rememberSource(QVariant(stored), QStringLiteral("甲乙丙丁。戊己"));
    QSqlQuery q((*db)->connection());
    q.prepare(QStringLiteral("SELECT pc_quote(?, 1, 3), pc_sentence(?, 5, 6)"));
    q.addBindValue(stored);
    q.addBindValue(stored);
    ASSERT_TRUE(q.exec());
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("乙丙"));
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("戊己"));
    q.finish();
    q.prepare(QStringLiteral("SELECT pc_quote(?, 1, 3)"));
    q.addBindValue(QByteArray("not-a-frame-1235"));
    EXPECT_FALSE(q.exec() && q.next()); // damaged: not the remembered bytes
}
