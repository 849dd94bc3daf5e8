// Hand-built analyses for the store tests: plans with measures and targets whose spans point into the text.
#pragma once

#include "extract/analysis.h"
#include "store/database.h"
#include "store/importer.h"
#include "testdb.h"

#include <QCryptographicHash>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <utility>

namespace pc::test {

struct TargetSpec {
    QString quote; // must occur in the measure's body
    QString indicator;
    std::optional<double> value;
    QString unit;
    QString comparator = QStringLiteral("<=");
    QString area = {};
};

struct MeasureSpec {
    QString area;
    QString title;
    QString body;
    QList<TargetSpec> targets;
    QStringList lead;
};

struct PlanSpec {
    QString docId;
    QString jurisdiction;
    QString level = QStringLiteral("district");
    int year = 2020;
    QString preface; // text before the first measure (changing it shifts every offset)
    QList<MeasureSpec> measures;
};

// Lays the measures out as "N、title：body\n" lines and points every span at its text.
inline Analysis makeAnalysis(const PlanSpec& p) {
    Analysis a;
    Document& d = a.document;
    d.path = QStringLiteral("/plans/") + p.docId + QStringLiteral(".txt");
    d.meta.docId = p.docId;
    d.meta.jurisdiction = p.jurisdiction;
    d.meta.level = p.level;
    d.meta.year = p.year;
    d.meta.title = p.jurisdiction + QStringLiteral("营商环境优化提升工作方案");
    d.encoding = QStringLiteral("UTF-8");
    d.layout = Layout::NumberedProse;
    QString src = p.preface + d.meta.title + QLatin1Char('\n');
    for (qsizetype i = 0; i < p.measures.size(); ++i) {
        const MeasureSpec& ms = p.measures[i];
        Measure m;
        m.number = int(i + 1);
        m.title = ms.title;
        m.area = ms.area;
        m.areaHeading = ms.area;
        const qsizetype start = src.size();
        src += QString::number(i + 1) + QStringLiteral("、") + ms.title + QStringLiteral("：");
        const qsizetype bodyStart = src.size();
        src += ms.body;
        m.body = ms.body;
        for (qsizetype k = 0; k < ms.body.size(); ++k)
            m.bodyOffsets << bodyStart + k;
        m.span = {start, src.size()};
        m.titleSpan = {start + QString::number(i + 1).size() + 1, bodyStart - 1};
        for (const QString& u : ms.lead)
            m.lead.append({u, u});
        src += QLatin1Char('\n');
        for (const TargetSpec& ts : ms.targets) {
            Target t;
            t.docId = p.docId;
            t.measureIndex = int(i);
            t.measureNumber = m.number;
            t.area = ts.area.isEmpty() ? ms.area : ts.area;
            t.indicator = ts.indicator;
            t.kind = QStringLiteral("level");
            t.comparator = ts.comparator;
            t.value = ts.value;
            t.unit = ts.unit;
            const qsizetype at = ms.body.indexOf(ts.quote);
            t.span = {bodyStart + at, bodyStart + at + ts.quote.size()};
            t.quote = ts.quote;
            a.targets.append(t);
        }
        d.measures.append(m);
    }
    d.source = src;
    d.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(src.toUtf8(), QCryptographicHash::Sha256).toHex());
    return a;
}

// Three small plans in the words of the seeds: a municipal plan and two districts.
inline QList<PlanSpec> samplePlans() {
    const QString water = QStringLiteral("water");
    const QString elec = QStringLiteral("electricity");
    PlanSpec city{
        QStringLiteral("city-2019"), QStringLiteral("重庆市"), QStringLiteral("municipal"), 2019, {}, {}};
    city.measures = {
        {water,
         QStringLiteral("优化用水报装"),
         QStringLiteral("推行用水报装全流程网上办理，用水报装时间压缩至6个工作日以内。"),
         {{QStringLiteral("用水报装时间压缩至6个工作日以内"), QStringLiteral("wa.time"), 6,
           QStringLiteral("工作日")}},
         {QStringLiteral("市水利局")}},
        {elec,
         QStringLiteral("压减办电时间"),
         QStringLiteral("低压非居民用户办电时间压缩至10个工作日以内，高压单电源用户不超过40个工作日。"),
         {{QStringLiteral("低压非居民用户办电时间压缩至10个工作日以内"),
           QStringLiteral("el.time.low_voltage"), 10, QStringLiteral("工作日")}},
         {QStringLiteral("国网重庆电力公司")}},
    };
    PlanSpec dazu{
        QStringLiteral("dazu-2019"), QStringLiteral("大足区"), QStringLiteral("district"), 2019, {}, {}};
    dazu.measures = {
        {water,
         QStringLiteral("提升用水报装效率"),
         QStringLiteral("用水报装实行“一站式”服务，办理时间不超过5个工作日。"),
         {{QStringLiteral("办理时间不超过5个工作日"), QStringLiteral("wa.time"), 5,
           QStringLiteral("工作日")}},
         {QStringLiteral("区水务集团")}},
        {elec,
         QStringLiteral("优化用电服务"),
         QStringLiteral("推进用电报装“零上门”，提高供电可靠性。"),
         {},
         {}},
    };
    PlanSpec yuzhong{
        QStringLiteral("yuzhong-2023"), QStringLiteral("渝中区"), QStringLiteral("district"), 2023, {}, {}};
    yuzhong.measures = {
        {water,
         QStringLiteral("用水报装"),
         QStringLiteral("无外线工程的用水报装时间压缩至2个工作日。"),
         {{QStringLiteral("用水报装时间压缩至2个工作日"), QStringLiteral("wa.time"), 2,
           QStringLiteral("工作日")}},
         {}},
    };
    return {city, dazu, yuzhong};
}

inline QList<Area> sampleAreas() {
    return {{QStringLiteral("water"),
             QStringLiteral("获得用水"),
             QStringLiteral("Getting water"),
             {QStringLiteral("用水")}},
            {QStringLiteral("electricity"),
             QStringLiteral("获得电力"),
             QStringLiteral("Getting electricity"),
             {QStringLiteral("用电")}}};
}

inline QList<Indicator> sampleIndicators() {
    Indicator wa;
    wa.id = QStringLiteral("wa.time");
    wa.area = QStringLiteral("water");
    wa.nameZh = QStringLiteral("用水报装时限");
    wa.nameEn = QStringLiteral("Water connection time");
    wa.unit = QStringLiteral("工作日");
    wa.cues = {QStringLiteral("用水报装")};
    Indicator lv = wa;
    lv.id = QStringLiteral("el.time.low_voltage");
    lv.area = QStringLiteral("electricity");
    lv.nameZh = QStringLiteral("低压办电时限");
    lv.nameEn = QStringLiteral("Low-voltage connection time");
    lv.cues = {QStringLiteral("低压")};
    Indicator hv = lv;
    hv.id = QStringLiteral("el.time.high_voltage");
    hv.nameZh = QStringLiteral("高压办电时限");
    hv.nameEn = QStringLiteral("High-voltage connection time");
    hv.cues = {QStringLiteral("高压")};
    Indicator rel = lv;
    rel.id = QStringLiteral("el.reliability.urban");
    rel.nameZh = QStringLiteral("城市供电可靠率");
    rel.unit = QStringLiteral("%");
    rel.better = Direction::Higher;
    rel.cues = {QStringLiteral("城市供电可靠率")};
    return {wa, lv, hv, rel};
}

// The smallest measure id in `db` (the first sample plan's first measure), or -1 when there is none.
inline qint64 firstMeasureId(Database& db) {
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT min(id) FROM measures")) || !q.next() || q.isNull(0))
        return -1;
    return q.value(0).toLongLong();
}

// A private database (in memory, or new on the PostgreSQL test server) with the sample plans and taxonomy.
inline std::unique_ptr<Database> sampleDatabase() {
    Result<std::unique_ptr<Database>> db = openTestDatabase();
    if (!db)
        return nullptr;
    std::unique_ptr<Database> d = std::move(db).value();
    if (!d->storeTaxonomy(sampleAreas(), sampleIndicators()))
        return nullptr;
    for (const PlanSpec& p : samplePlans()) {
        if (!d->importAnalysis(makeAnalysis(p)))
            return nullptr;
    }
    return d;
}

// FTS5's own bm25 (weights 4, 1, 0.5 for title, body, units) of the measures of `db` for a pc_cjk2
// MATCH expression (fts::MatchQuery::fts5), best first: what schemas 11 and 12 ranked with, and what
// Database::search must still give. Computed in a separate in-memory database holding the measures'
// texts in a pc_cjk2 FTS5 table with positions (detail=full), so `db` itself is not changed.
inline QList<std::pair<qint64, double>> referenceBm25(Database& db, const QString& fts5Expression) {
    QList<std::pair<qint64, double>> out;
    Result<std::unique_ptr<Database>> ref = Database::open(QStringLiteral(":memory:"));
    if (!ref)
        return out;
    QSqlQuery w((*ref)->connection());
    if (!w.exec(QStringLiteral("CREATE VIRTUAL TABLE ref_fts USING fts5(title, body, units, "
                               "tokenize='pc_cjk2', detail=full)")) ||
        !w.prepare(QStringLiteral("INSERT INTO ref_fts(rowid, title, body, units) VALUES (?, ?, ?, ?)")))
        return out;
    QSqlQuery r(db.connection());
    if (!r.exec(QStringLiteral("SELECT id, pc_title(body, title), pc_body(body), pc_units(body, units) FROM "
                               "measures ORDER BY id")))
        return out;
    while (r.next()) {
        for (int i = 0; i < 4; ++i)
            w.addBindValue(r.value(i));
        if (!w.exec())
            return out;
    }
    r.finish();
    QSqlQuery q((*ref)->connection());
    if (!q.prepare(
            QStringLiteral("SELECT rowid, bm25(ref_fts, 4.0, 1.0, 0.5) AS s FROM ref_fts WHERE ref_fts "
                           "MATCH ? ORDER BY s, rowid")))
        return out;
    q.addBindValue(fts5Expression);
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toDouble()});
    return out;
}

} // namespace pc::test
