// A measure's unit links on its row (schema 22): the packed value, the measures' units and the filter by
// unit on generated plans, the view measure_agencies, and no orphan keys after a re-import or a removal.
#include "storefixtures.h"
#include "testdb.h"

#include "store/database.h"
#include "store/sqlutil.h"
#include "store/unitlinks.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace pc;
using namespace pc::test;
using store::unitlinks::Link;

namespace {

QStringList rows(Database& db, const QString& sql) {
    QSqlQuery q(db.connection());
    if (!q.exec(sql))
        return {q.lastError().text()};
    QStringList out;
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < q.record().count(); ++i)
            fields << (q.isNull(i) ? QStringLiteral("NULL") : q.value(i).toString());
        out << fields.join(QLatin1Char('|'));
    }
    return out;
}

// Twelve agencies, some written another way in the plan (the spelling differs from the name).
const QList<Unit>& unitPool() {
    static const QList<Unit> pool = [] {
        QList<Unit> p;
        const QStringList names{QStringLiteral("区发展改革委"),     QStringLiteral("区财政局"),
                                QStringLiteral("区税务局"),         QStringLiteral("区市场监管局"),
                                QStringLiteral("区水利局"),         QStringLiteral("区住房城乡建委"),
                                QStringLiteral("区规划自然资源局"), QStringLiteral("区人力社保局"),
                                QStringLiteral("区政务服务办"),     QStringLiteral("国网区供电公司"),
                                QStringLiteral("区公安分局"),       QStringLiteral("区司法局")};
        for (qsizetype i = 0; i < names.size(); ++i) {
            QString written = names[i];
            if (i % 4 == 1) // a county's spelling of the district's agency, with characters JSON escapes
                written = QStringLiteral("县\"") + names[i].mid(1) + QStringLiteral("\\");
            p.append(Unit{written, names[i]});
        }
        return p;
    }();
    return pool;
}

// `plans` plans of 2–7 measures with 0–4 lead and 0–3 partner units each, drawn by a fixed generator:
// repeated agencies, an agency both leading and taking part, measures without units.
QList<Analysis> generatedPlans(int plans) {
    quint32 seed = 12345;
    const auto next = [&](quint32 n) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) % n;
    };
    QList<Analysis> out;
    const QList<PlanSpec> base = samplePlans();
    for (int p = 0; p < plans; ++p) {
        PlanSpec spec = base[p % base.size()];
        spec.docId = QStringLiteral("gen-%1").arg(p);
        spec.year = 2018 + p % 6;
        const QList<MeasureSpec> measures = spec.measures;
        spec.measures.clear();
        const int count = 2 + int(next(6));
        for (int i = 0; i < count; ++i) {
            MeasureSpec ms = measures[i % measures.size()];
            ms.targets.clear();
            ms.lead.clear();
            spec.measures.append(ms);
        }
        Analysis a = makeAnalysis(spec);
        for (Measure& m : a.document.measures) {
            m.lead.clear();
            m.partners.clear();
            const int leads = int(next(5));
            const int partners = int(next(4));
            for (int k = 0; k < leads; ++k)
                m.lead.append(unitPool()[next(quint32(unitPool().size()))]);
            for (int k = 0; k < partners; ++k)
                m.partners.append(unitPool()[next(quint32(unitPool().size()))]);
        }
        out.append(a);
    }
    return out;
}

QStringList namesOf(const QList<Unit>& units) {
    QStringList out;
    for (const Unit& u : units)
        out << u.normalized;
    return out;
}

} // namespace

// The packed value: implicit ordinals take no byte; gaps, spellings, large ids and any order round-trip,
// and a damaged value is refused.
TEST(UnitLinks, PackedValuesRoundTripInOrdinalOrderAndRefuseDamage) {
    const QList<Link> simple{{3, 0, 0, {}}, {5, 0, 1, {}}, {3, 1, 2, {}}};
    const QByteArray packed = store::unitlinks::pack(simple);
    EXPECT_EQ(packed.size(), 3); // one byte a link: id << 3 below 128, no ordinal, no spelling
    EXPECT_EQ(store::unitlinks::unpack(packed.constData(), packed.size()), simple);

    const QList<Link> awkward{{70000, 1, 9, QByteArray("县\"水利局\\")},
                              {1, 0, 4, QByteArray("", 0)},
                              {(qint64(1) << 40) + 7, 0, 5, {}},
                              {2, 1, 4, {}}};
    const QByteArray b = store::unitlinks::pack(awkward);
    const std::optional<QList<Link>> back = store::unitlinks::unpack(b.constData(), b.size());
    ASSERT_TRUE(back.has_value());
    // Sorted by ordinal, then role; an empty spelling stays empty, not null.
    const QList<Link> sorted{awkward[1], awkward[3], awkward[2], awkward[0]};
    EXPECT_EQ(*back, sorted);
    EXPECT_FALSE(back->at(0).written.isNull());
    EXPECT_TRUE(back->at(1).written.isNull());

    EXPECT_EQ(store::unitlinks::unpack(b.constData(), 0), QList<Link>());
    EXPECT_FALSE(store::unitlinks::unpack(b.constData(), b.size() - 1).has_value()); // spelling cut short
    const QByteArray endless("\x80\x80", 2);
    EXPECT_FALSE(store::unitlinks::unpack(endless.constData(), endless.size()).has_value());
    const QByteArray noAgency("\x00", 1);
    EXPECT_FALSE(store::unitlinks::unpack(noAgency.constData(), noAgency.size()).has_value());
}

// Forty generated plans: every measure reads back with its plan's lead and partner agencies in order,
// the filter by unit finds exactly the measures naming the agency (in the listing's order), and the
// rows of measure_agencies are the links as the importer wrote them (spelling only where it differs).
TEST(StoreUnitLinks, ListingsAndTheFilterByUnitGiveThePlansUnitsOnGeneratedPlans) {
    auto opened = openTestDatabase();
    ASSERT_TRUE(opened.ok()) << opened.errorMessage().toStdString();
    Database& db = **opened;
    const QList<Analysis> plans = generatedPlans(40);
    std::map<std::pair<QString, int>, const Measure*> input; // (doc, number) → measure
    QStringList expectedLinks;
    for (const Analysis& a : plans) {
        qint64 id = 0;
        ASSERT_TRUE(db.importAnalysis(a, &id).ok());
        for (const Measure& m : a.document.measures) {
            input[{a.document.meta.docId, m.number}] = &m;
            int ordinal = 0;
            for (const auto& [units, role] : {std::pair{&m.lead, 0}, std::pair{&m.partners, 1}})
                for (const Unit& u : *units)
                    expectedLinks << QStringLiteral("%1|%2|%3|%4|%5")
                                             .arg(a.document.meta.docId)
                                             .arg(m.number)
                                             .arg(u.normalized)
                                             .arg(role)
                                             .arg(ordinal++) +
                                         QLatin1Char('|') +
                                         (u.written == u.normalized ? QStringLiteral("NULL") : u.written);
        }
    }
    const Result<QList<MeasureRecord>> all = db.measures({});
    ASSERT_TRUE(all.ok()) << all.errorMessage().toStdString();
    ASSERT_EQ(all->size(), qsizetype(input.size()));
    int withUnits = 0;
    for (const MeasureRecord& r : *all) {
        const Measure* m = input.at({r.docId, r.number});
        EXPECT_EQ(r.lead, namesOf(m->lead)) << r.docId.toStdString() << " " << r.number;
        EXPECT_EQ(r.partners, namesOf(m->partners)) << r.docId.toStdString() << " " << r.number;
        withUnits += !r.lead.isEmpty() || !r.partners.isEmpty();
    }
    EXPECT_GT(withUnits, 50);
    EXPECT_LT(withUnits, all->size()); // some measures name no unit

    // One plan's listing gives the same units as the whole listing.
    MeasureFilter onePlan;
    onePlan.docId = QStringLiteral("gen-7");
    const QList<MeasureRecord> seven = db.measures(onePlan).value();
    ASSERT_FALSE(seven.isEmpty());
    for (const MeasureRecord& r : seven) {
        EXPECT_EQ(r.lead, namesOf(input.at({r.docId, r.number})->lead));
        EXPECT_EQ(r.partners, namesOf(input.at({r.docId, r.number})->partners));
    }

    for (const Unit& u : unitPool()) {
        QList<qint64> expected;
        for (const MeasureRecord& r : *all)
            if (r.lead.contains(u.normalized) || r.partners.contains(u.normalized))
                expected << r.id;
        MeasureFilter byUnit;
        byUnit.unit = u.normalized;
        const Result<QList<MeasureRecord>> found = db.measures(byUnit);
        ASSERT_TRUE(found.ok()) << found.errorMessage().toStdString();
        QList<qint64> ids;
        for (const MeasureRecord& r : *found) {
            ids << r.id;
            EXPECT_EQ(r.lead, namesOf(input.at({r.docId, r.number})->lead)); // all units, not just this one
        }
        EXPECT_FALSE(expected.isEmpty()) << u.normalized.toStdString();
        EXPECT_EQ(ids, expected) << u.normalized.toStdString();
        // With a limit, the first page of the same list.
        byUnit.limit = 3;
        QList<qint64> page;
        const QList<MeasureRecord> first = db.measures(byUnit).value();
        for (const MeasureRecord& r : first)
            page << r.id;
        EXPECT_EQ(page, expected.mid(0, 3));
    }
    MeasureFilter nobody;
    nobody.unit = QStringLiteral("区不存在局");
    EXPECT_TRUE(db.measures(nobody)->isEmpty());

    QStringList stored =
        rows(db, QStringLiteral("SELECT d.doc_id, m.number, a.name, ma.role, ma.ordinal, ma.written "
                                "FROM measure_agencies ma JOIN measures m ON m.id = ma.measure_id "
                                "JOIN documents d ON d.id = m.document_id JOIN agencies a ON a.id = "
                                "ma.agency_id"));
    std::sort(stored.begin(), stored.end());
    std::sort(expectedLinks.begin(), expectedLinks.end());
    EXPECT_EQ(stored, expectedLinks);
}

// SQLite (schema 22): agency_measures holds one key per (agency, measure) a measure names, and nothing else:
// a re-imported plan with other units and a removed plan leave no key behind; inserting into the view
// measure_agencies stores a link on both sides and refuses what the old table's keys refused.
TEST(StoreUnitLinks, ReimportAndRemovalLeaveNoOrphanKeysAndTheViewTakesInserts) {
    auto opened = Database::open(QStringLiteral(":memory:"));
    ASSERT_TRUE(opened.ok());
    Database& db = **opened;
    QList<Analysis> plans = generatedPlans(6);
    plans[0].document.measures[0].lead.clear(); // a measure without units
    plans[0].document.measures[0].partners.clear();
    QList<qint64> ids;
    for (const Analysis& a : plans) {
        qint64 id = 0;
        ASSERT_TRUE(db.importAnalysis(a, &id).ok());
        ids << id;
    }
    const QString keysFromRows =
        QStringLiteral("SELECT DISTINCT agency_id, measure_id FROM measure_agencies ORDER BY 1, 2");
    const QString keys = QStringLiteral("SELECT agency_id, measure_id FROM agency_measures ORDER BY 1, 2");
    const QString orphans = QStringLiteral(
        "SELECT count(*) FROM agency_measures am WHERE NOT EXISTS (SELECT 1 FROM measures m WHERE m.id = "
        "am.measure_id)");
    const QStringList before = rows(db, keys);
    ASSERT_GT(before.size(), 20);
    EXPECT_EQ(before, rows(db, keysFromRows));

    // Plan 2 again with other units (a replace: its measures go, new ones come).
    Analysis changed = plans[2];
    changed.document.source += QStringLiteral("\n");
    changed.document.sha256 = QStringLiteral("changed");
    for (Measure& m : changed.document.measures) {
        m.lead = {unitPool()[11]};
        m.partners.clear();
    }
    ASSERT_TRUE(db.importAnalysis(changed).ok());
    EXPECT_EQ(rows(db, orphans), QStringList{QStringLiteral("0")});
    EXPECT_EQ(rows(db, keys), rows(db, keysFromRows));
    EXPECT_EQ(
        rows(db, QStringLiteral("SELECT count(*) FROM agency_measures am JOIN measures m ON m.id = "
                                "am.measure_id JOIN documents d ON d.id = m.document_id WHERE d.doc_id = "
                                "'gen-2'")),
        QStringList{QString::number(changed.document.measures.size())});

    ASSERT_TRUE(db.removeDocument(ids[4]).ok());
    EXPECT_EQ(rows(db, orphans), QStringList{QStringLiteral("0")});
    EXPECT_EQ(rows(db, keys), rows(db, keysFromRows));
    EXPECT_EQ(rows(db, QStringLiteral("PRAGMA foreign_key_check")), QStringList{});

    // Through the view: a link to a measure without units, then the same place again, then no measure.
    const QString measureId =
        rows(db, QStringLiteral("SELECT min(id) FROM measures WHERE unit_links IS NULL")).value(0);
    ASSERT_NE(measureId, QStringLiteral("NULL"));
    QSqlQuery q(db.connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("INSERT INTO measure_agencies(measure_id, agency_id, role, ordinal, written) "
                              "SELECT %1, id, 1, 0, '别名' FROM agencies WHERE name = '区司法局'")
                   .arg(measureId)))
        << q.lastError().text().toStdString();
    EXPECT_EQ(rows(db, QStringLiteral(
                           "SELECT a.name, ma.role, ma.ordinal, ma.written FROM measure_agencies ma JOIN "
                           "agencies a ON a.id = ma.agency_id WHERE ma.measure_id = %1")
                           .arg(measureId)),
              QStringList{QStringLiteral("区司法局|1|0|别名")});
    EXPECT_FALSE(
        q.exec(QStringLiteral("INSERT INTO measure_agencies(measure_id, agency_id, role, ordinal) SELECT "
                              "%1, id, 1, 0 FROM agencies WHERE name = '区司法局'")
                   .arg(measureId)));
    EXPECT_TRUE(q.lastError().text().contains(QStringLiteral("UNIQUE")))
        << q.lastError().text().toStdString();
    EXPECT_FALSE(q.exec(QStringLiteral("INSERT INTO measure_agencies(measure_id, agency_id, role, ordinal) "
                                       "VALUES (999999, 1, 0, 0)")));
    EXPECT_EQ(rows(db, keys), rows(db, keysFromRows));
    MeasureFilter byUnit;
    byUnit.unit = QStringLiteral("区司法局");
    bool found = false;
    const QList<MeasureRecord> withUnit = db.measures(byUnit).value();
    for (const MeasureRecord& r : withUnit)
        if (r.id == measureId.toLongLong()) {
            found = true;
            EXPECT_EQ(r.partners, QStringList{QStringLiteral("区司法局")});
            EXPECT_TRUE(r.lead.isEmpty());
        }
    EXPECT_TRUE(found);
}
