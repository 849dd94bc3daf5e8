// Corrections apply at once, say they are corrections, survive re-imports of changed files and can be undone.
#include "storefixtures.h"

#include "store/database.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::test;

namespace {

ComparisonRow onlyTarget(Database& db, const QString& docId, bool includeRejected = false,
                         const QString& indicator = {}) {
    TargetFilter f;
    f.docId = docId;
    f.indicator = indicator;
    f.includeRejected = includeRejected;
    const QList<ComparisonRow> rows = db.targets(f).value();
    EXPECT_EQ(rows.size(), 1);
    return rows.value(0);
}

// dazu-2019 again, with a new preface (every offset moves) and the first target unchanged.
PlanSpec shiftedDazu() {
    PlanSpec p = samplePlans()[1];
    p.preface = QStringLiteral("（修订版）根据最新要求重新印发。\n");
    return p;
}

} // namespace

TEST(Overrides, CorrectedValueIsReturnedAndFlagged) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const ComparisonRow before = onlyTarget(*db, QStringLiteral("dazu-2019"));
    const Result<qint64> id =
        db->correctTarget(before.targetId, OverrideKind::TargetValue, QStringLiteral("4"));
    ASSERT_TRUE(id.ok()) << id.errorMessage().toStdString();
    const ComparisonRow after = onlyTarget(*db, QStringLiteral("dazu-2019"));
    EXPECT_EQ(after.value, 4.0);
    EXPECT_TRUE(after.corrected);
    EXPECT_EQ(after.correctedFields, QStringList{QStringLiteral("value")});
    const QList<OverrideRecord> ov = db->overrides(QStringLiteral("dazu-2019")).value();
    ASSERT_EQ(ov.size(), 1);
    EXPECT_EQ(ov[0].value, QStringLiteral("4"));
    EXPECT_EQ(ov[0].originalValue, QStringLiteral("5"));
    EXPECT_EQ(ov[0].anchorText, QStringLiteral("办理时间不超过5个工作日"));
    EXPECT_TRUE(ov[0].applies);
    EXPECT_EQ(ov[0].appliedTo, after.targetId);
}

TEST(Overrides, BadValuesAreRefusedWithAPlainMessage) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const qint64 t = onlyTarget(*db, QStringLiteral("dazu-2019")).targetId;
    const struct {
        OverrideKind kind;
        const char* value;
    } cases[] = {{OverrideKind::TargetValue, "five"},
                 {OverrideKind::TargetComparator, "=<"},
                 {OverrideKind::TargetDeadline, "2020-13"},
                 {OverrideKind::TargetKind, "more"},
                 {OverrideKind::TargetIndicator, "wa.speed"}};
    for (const auto& c : cases) {
        const Result<qint64> r = db->correctTarget(t, c.kind, QString::fromUtf8(c.value));
        ASSERT_FALSE(r.ok()) << c.value;
        EXPECT_EQ(r.error().code, QStringLiteral("bad-value"));
        EXPECT_TRUE(r.errorMessage().contains(QString::fromUtf8(c.value))) << r.errorMessage().toStdString();
    }
    EXPECT_EQ(db->counts()->overrides, 0);
    EXPECT_TRUE(db->correctTarget(t, OverrideKind::TargetComparator, QStringLiteral("≤")).ok());
    EXPECT_EQ(onlyTarget(*db, QStringLiteral("dazu-2019")).comparator, QStringLiteral("<="));
}

TEST(Overrides, IndicatorCorrectionMovesTheRowBetweenComparisons) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const qint64 t = onlyTarget(*db, QStringLiteral("dazu-2019")).targetId;
    ASSERT_TRUE(
        db->correctTarget(t, OverrideKind::TargetIndicator, QStringLiteral("el.time.high_voltage")).ok());
    TargetFilter water;
    water.indicator = QStringLiteral("wa.time");
    EXPECT_EQ(db->targets(water)->size(), 2);
    TargetFilter hv;
    hv.indicator = QStringLiteral("el.time.high_voltage");
    const QList<ComparisonRow> rows = db->targets(hv).value();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0].area, QStringLiteral("electricity"));
    EXPECT_TRUE(rows[0].corrected);
}

TEST(Overrides, RejectHidesTheTargetUntilUndone) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const qint64 t = onlyTarget(*db, QStringLiteral("yuzhong-2023")).targetId;
    const Result<qint64> id = db->rejectTarget(t);
    ASSERT_TRUE(id.ok());
    TargetFilter f;
    f.docId = QStringLiteral("yuzhong-2023");
    EXPECT_TRUE(db->targets(f)->isEmpty());
    EXPECT_EQ(db->documentByDocId(QStringLiteral("yuzhong-2023"))->targetCount, 0);
    EXPECT_TRUE(onlyTarget(*db, QStringLiteral("yuzhong-2023"), true).rejected);
    ASSERT_TRUE(db->removeOverride(*id).ok());
    const ComparisonRow back = onlyTarget(*db, QStringLiteral("yuzhong-2023"));
    EXPECT_FALSE(back.rejected);
    EXPECT_FALSE(back.corrected);
    EXPECT_EQ(db->counts()->overrides, 0);
}

TEST(Overrides, AddedTargetComesFromTheSourceSpan) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const DocumentRecord city = db->documentByDocId(QStringLiteral("city-2019")).value();
    const QString src = db->documentSource(city.id).value();
    const QString quote = QStringLiteral("高压单电源用户不超过40个工作日");
    NewTarget nt;
    nt.documentId = city.id;
    nt.start = src.indexOf(quote);
    nt.end = nt.start + quote.size();
    nt.indicator = QStringLiteral("el.time.high_voltage");
    nt.value = 40;
    nt.unit = QStringLiteral("工作日");
    const Result<qint64> id = db->addTarget(nt);
    ASSERT_TRUE(id.ok()) << id.errorMessage().toStdString();
    TargetFilter f;
    f.indicator = QStringLiteral("el.time.high_voltage");
    const QList<ComparisonRow> rows = db->targets(f).value();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0].quote, quote);
    EXPECT_EQ(rows[0].value, 40.0);
    EXPECT_EQ(rows[0].measureNumber, 2);
    EXPECT_EQ(rows[0].area, QStringLiteral("electricity"));
    EXPECT_TRUE(rows[0].userAdded);
    EXPECT_TRUE(rows[0].corrected);
    // A span outside every measure is refused.
    nt.start = 0;
    nt.end = 3;
    EXPECT_EQ(db->addTarget(nt).error().code, QStringLiteral("bad-value"));
}

TEST(Overrides, SurviveReimportOfAChangedFile) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const ComparisonRow t = onlyTarget(*db, QStringLiteral("dazu-2019"));
    ASSERT_TRUE(db->correctTarget(t.targetId, OverrideKind::TargetValue, QStringLiteral("4")).ok());
    ASSERT_TRUE(db->correctTarget(t.targetId, OverrideKind::TargetDeadline, QStringLiteral("2020-06")).ok());
    MeasureFilter mf;
    mf.docId = QStringLiteral("dazu-2019");
    const QList<MeasureRecord> ms = db->measures(mf).value();
    ASSERT_TRUE(db->setMeasureArea(ms[1].id, QStringLiteral("water")).ok());
    const DocumentRecord doc = db->documentByDocId(QStringLiteral("dazu-2019")).value();
    const QString src = db->documentSource(doc.id).value();
    NewTarget nt;
    nt.documentId = doc.id;
    nt.start = src.indexOf(QStringLiteral("提高供电可靠性"));
    nt.end = nt.start + 7;
    nt.indicator = QStringLiteral("el.reliability.urban");
    nt.comparator = QStringLiteral(">=");
    ASSERT_TRUE(db->addTarget(nt).ok());

    const Result<Database::ImportOutcome> r = db->importAnalysis(makeAnalysis(shiftedDazu()));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(*r, Database::ImportOutcome::Replaced);

    const ComparisonRow after =
        onlyTarget(*db, QStringLiteral("dazu-2019"), false, QStringLiteral("wa.time"));
    EXPECT_NE(after.start, t.start); // the text moved …
    EXPECT_EQ(after.value, 4.0);     // … the corrections followed it
    EXPECT_EQ(after.deadline, QStringLiteral("2020-06"));
    EXPECT_EQ(after.correctedFields, (QStringList{QStringLiteral("value"), QStringLiteral("deadline")}));
    const QList<MeasureRecord> ms2 = db->measures(mf).value();
    EXPECT_EQ(ms2[1].area, QStringLiteral("water"));
    EXPECT_EQ(ms2[1].parsedArea, QStringLiteral("electricity"));
    EXPECT_TRUE(ms2[1].areaCorrected);
    TargetFilter rel;
    rel.indicator = QStringLiteral("el.reliability.urban");
    const QList<ComparisonRow> added = db->targets(rel).value();
    ASSERT_EQ(added.size(), 1);
    EXPECT_EQ(added[0].quote, QStringLiteral("提高供电可靠性"));
    EXPECT_EQ(src.size() + 17, db->documentSource(doc.id)->size());
    EXPECT_EQ(db->documentSource(doc.id)->mid(added[0].start, 7), QStringLiteral("提高供电可靠性"));
    const QList<OverrideRecord> all = db->overrides(QStringLiteral("dazu-2019")).value();
    ASSERT_EQ(all.size(), 4);
    for (const OverrideRecord& o : all)
        EXPECT_TRUE(o.applies) << o.id;
}

TEST(Overrides, ReportedWhenTheTextNoLongerMatches) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const qint64 t = onlyTarget(*db, QStringLiteral("dazu-2019")).targetId;
    ASSERT_TRUE(db->correctTarget(t, OverrideKind::TargetUnit, QStringLiteral("日")).ok());
    PlanSpec changed = samplePlans()[1];
    changed.measures[0].body = QStringLiteral("用水报装办理时间不超过3个工作日。");
    changed.measures[0].targets = {
        {QStringLiteral("办理时间不超过3个工作日"), QStringLiteral("wa.time"), 3, QStringLiteral("工作日")}};
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(changed)).ok());
    const QList<OverrideRecord> ov = db->overrides(QStringLiteral("dazu-2019")).value();
    ASSERT_EQ(ov.size(), 1);
    EXPECT_FALSE(ov[0].applies);
    EXPECT_EQ(ov[0].appliedTo, 0);
    const ComparisonRow now = onlyTarget(*db, QStringLiteral("dazu-2019"));
    EXPECT_EQ(now.unit, QStringLiteral("工作日"));
    EXPECT_FALSE(now.corrected);
    // Restoring the old text brings the correction back.
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(samplePlans()[1])).ok());
    EXPECT_EQ(onlyTarget(*db, QStringLiteral("dazu-2019")).unit, QStringLiteral("日"));
    EXPECT_TRUE(db->overrides(QStringLiteral("dazu-2019"))->first().applies);
}

TEST(Notes, FollowTheirTargetAcrossReimports) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const ComparisonRow t = onlyTarget(*db, QStringLiteral("dazu-2019"));
    const Result<qint64> n1 = db->addNote(NoteSubject::Target, t.targetId, QStringLiteral("与市级方案一致"));
    ASSERT_TRUE(n1.ok()) << n1.errorMessage().toStdString();
    const Result<qint64> n2 = db->addNote(NoteSubject::Document, t.documentId, QStringLiteral("2019年版"));
    ASSERT_TRUE(n2.ok());
    EXPECT_EQ(db->addNote(NoteSubject::Measure, 999999, QStringLiteral("x")).error().code,
              QStringLiteral("not-found"));
    EXPECT_EQ(db->addNote(NoteSubject::Document, t.documentId, QStringLiteral("  ")).error().code,
              QStringLiteral("bad-value"));
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(shiftedDazu())).ok());
    const ComparisonRow moved = onlyTarget(*db, QStringLiteral("dazu-2019"));
    NoteFilter f;
    f.subject = NoteSubject::Target;
    f.subjectId = moved.targetId;
    const QList<NoteRecord> notes = db->notes(f).value();
    ASSERT_EQ(notes.size(), 1);
    EXPECT_EQ(notes[0].text, QStringLiteral("与市级方案一致"));
    EXPECT_EQ(notes[0].subjectId, moved.targetId);
    ASSERT_TRUE(db->updateNote(*n1, QStringLiteral("与市级方案一致（已核对）")).ok());
    ASSERT_TRUE(db->removeNote(*n2).ok());
    const QList<NoteRecord> all = db->notes().value();
    ASSERT_EQ(all.size(), 1);
    EXPECT_EQ(all[0].text, QStringLiteral("与市级方案一致（已核对）"));
    EXPECT_EQ(db->removeNote(*n2).error().code, QStringLiteral("not-found"));
}

// Two researchers on one database (two connections; on PostgreSQL two sessions of the server): the
// second correction was made on a stale view of the target and is refused, showing the first one's value.
TEST(Overrides, ACorrectionOnAChangedTargetIsRefusedShowingTheOtherValue) {
    QTemporaryDir dir;
    const QString location = freshDatabaseLocation(dir.filePath(QStringLiteral("team.sqlite")));
    DatabaseOptions asAlice;
    asAlice.user = QStringLiteral("alice");
    DatabaseOptions asBob;
    asBob.user = QStringLiteral("bob");
    auto alice = Database::open(location, asAlice);
    ASSERT_TRUE(alice.ok()) << alice.errorMessage().toStdString();
    ASSERT_TRUE((*alice)->importAnalysis(makeAnalysis(samplePlans()[1])).ok());
    auto bob = Database::open(location, asBob);
    ASSERT_TRUE(bob.ok()) << bob.errorMessage().toStdString();
    const qint64 target = (*bob)->targets().value().first().targetId;
    // Both load the target at version 1.
    const qint64 aliceSaw = (*alice)->targetVersion(target).value();
    const qint64 bobSaw = (*bob)->targetVersion(target).value();
    EXPECT_EQ(aliceSaw, 1);
    EXPECT_EQ(bobSaw, 1);
    ASSERT_TRUE(
        (*alice)->correctTarget(target, OverrideKind::TargetValue, QStringLiteral("4"), aliceSaw).ok());
    const Result<qint64> late =
        (*bob)->correctTarget(target, OverrideKind::TargetValue, QStringLiteral("6"), bobSaw);
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().code, QStringLiteral("conflict"));
    EXPECT_TRUE(late.errorMessage().contains(QStringLiteral("changed by alice")))
        << late.errorMessage().toStdString();
    EXPECT_TRUE(late.errorMessage().contains(QStringLiteral("value is now \u201c4\u201d")))
        << late.errorMessage().toStdString();
    EXPECT_EQ((*bob)->target(target)->value, 4.0); // alice's value stands, bob's was not stored
    EXPECT_EQ((*bob)->overrides().value().size(), 1);
    EXPECT_EQ((*bob)->overrides().value().first().createdBy, QStringLiteral("alice"));
    // Reloaded, bob's correction goes through; the history has both, with who.
    const qint64 now = (*bob)->targetVersion(target).value();
    EXPECT_EQ(now, 2);
    ASSERT_TRUE((*bob)->correctTarget(target, OverrideKind::TargetValue, QStringLiteral("6"), now).ok());
    const QList<TargetChange> history = (*alice)->targetHistory(target).value();
    ASSERT_EQ(history.size(), 2);
    EXPECT_EQ(history[0].field, QStringLiteral("value"));
    EXPECT_EQ(history[0].oldValue, QStringLiteral("5"));
    EXPECT_EQ(history[0].newValue, QStringLiteral("4"));
    EXPECT_EQ(history[0].changedBy, QStringLiteral("alice"));
    EXPECT_EQ(history[0].rowVersion, 2);
    EXPECT_EQ(history[1].oldValue, QStringLiteral("4"));
    EXPECT_EQ(history[1].newValue, QStringLiteral("6"));
    EXPECT_EQ(history[1].changedBy, QStringLiteral("bob"));
    EXPECT_FALSE(history[1].changedAt.isEmpty());
    EXPECT_EQ((*alice)->target(target)->value, 6.0);
}

TEST(Notes, RecordWhoWroteAndWhoLastEditedThem) {
    QTemporaryDir dir;
    const QString location = freshDatabaseLocation(dir.filePath(QStringLiteral("team.sqlite")));
    DatabaseOptions asAlice;
    asAlice.user = QStringLiteral("alice");
    DatabaseOptions asBob;
    asBob.user = QStringLiteral("bob");
    auto alice = Database::open(location, asAlice);
    ASSERT_TRUE(alice.ok());
    ASSERT_TRUE((*alice)->importAnalysis(makeAnalysis(samplePlans()[1])).ok());
    auto bob = Database::open(location, asBob);
    ASSERT_TRUE(bob.ok());
    const qint64 target = (*alice)->targets().value().first().targetId;
    const Result<qint64> note =
        (*alice)->addNote(NoteSubject::Target, target, QStringLiteral("与市级目标一致"));
    ASSERT_TRUE(note.ok());
    ASSERT_TRUE((*bob)->updateNote(*note, QStringLiteral("比市级目标严格")).ok());
    const QList<NoteRecord> notes = (*alice)->notes().value();
    ASSERT_EQ(notes.size(), 1);
    EXPECT_EQ(notes[0].createdBy, QStringLiteral("alice"));
    EXPECT_EQ(notes[0].updatedBy, QStringLiteral("bob"));
    EXPECT_EQ(notes[0].text, QStringLiteral("比市级目标严格"));
}

// The parsed area is stored only while an override changes the area (migration 18): overriding a measure
// the parser gave no area, overriding twice and undoing every override give back what the parser said.
TEST(Overrides, AreaOverridesKeepTheParsedAreaAsideAndUndoingThemRestoresIt) {
    auto opened = openTestDatabase();
    ASSERT_TRUE(opened.ok()) << opened.errorMessage().toStdString();
    Database& db = **opened;
    ASSERT_TRUE(db.storeTaxonomy(sampleAreas(), sampleIndicators()).ok());
    PlanSpec plan = samplePlans()[1];
    ASSERT_GE(plan.measures.size(), 2);
    plan.measures[0].area.clear();
    ASSERT_FALSE(plan.measures[1].area.isEmpty());
    const QString parsed1 = plan.measures[1].area;
    const QString other =
        parsed1 == QLatin1String("water") ? QStringLiteral("electricity") : QStringLiteral("water");
    ASSERT_TRUE(db.importAnalysis(makeAnalysis(plan)).ok());
    MeasureFilter mf;
    mf.docId = plan.docId;
    const auto areas = [&] {
        QStringList out;
        const QList<MeasureRecord> ms = db.measures(mf).value();
        for (const MeasureRecord& m : ms)
            out << m.area + QLatin1Char('|') + m.parsedArea +
                       (m.areaCorrected ? QStringLiteral("|*") : QString());
        return out.mid(0, 2);
    };
    const auto storedParsed = [&] {
        QSqlQuery q(db.connection());
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM measures m JOIN documents d ON d.id = "
                                          "m.document_id WHERE d.doc_id = '%1' AND m.parsed_area IS NOT NULL")
                               .arg(plan.docId)));
        return q.next() ? q.value(0).toInt() : -1;
    };
    EXPECT_EQ(areas(), (QStringList{QStringLiteral("|"), parsed1 + QLatin1Char('|') + parsed1}));
    EXPECT_EQ(storedParsed(), 0);

    const QList<MeasureRecord> ms = db.measures(mf).value();
    const Result<qint64> a = db.setMeasureArea(ms[0].id, QStringLiteral("water"));
    const Result<qint64> b = db.setMeasureArea(ms[0].id, QStringLiteral("electricity"));
    const Result<qint64> c = db.setMeasureArea(ms[1].id, other);
    ASSERT_TRUE(a.ok() && b.ok() && c.ok()) << c.errorMessage().toStdString();
    EXPECT_EQ(areas(), (QStringList{QStringLiteral("electricity||*"),
                                    other + QLatin1Char('|') + parsed1 + QStringLiteral("|*")}));
    EXPECT_EQ(storedParsed(), 1); // the first measure's parsed area is none
    ASSERT_TRUE(db.removeOverride(*b).ok());
    EXPECT_EQ(areas(), (QStringList{QStringLiteral("water||*"),
                                    other + QLatin1Char('|') + parsed1 + QStringLiteral("|*")}));
    for (qint64 id : {*a, *c})
        ASSERT_TRUE(db.removeOverride(id).ok());
    EXPECT_EQ(areas(), (QStringList{QStringLiteral("|"), parsed1 + QLatin1Char('|') + parsed1}));
    EXPECT_EQ(storedParsed(), 0);
}
