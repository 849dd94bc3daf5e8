// Hand-built workbench data (the wa.time targets as the seed plans state them) for widget tests
// that must not depend on the parser or the store.
#pragma once

#include "data/workbenchdata.h"
#include "export/reporthtml.h"

#include <QHash>
#include <QSet>

namespace pc::test {

inline ComparisonRow makeRow(qint64 id, const QString& docId, const QString& jurisdiction,
                             const QString& level, const QString& docNumber, const QString& issuedOn,
                             std::optional<double> value, std::optional<double> baseline,
                             const QString& deadline, const QString& quote, const QString& sentence) {
    ComparisonRow r;
    r.targetId = id;
    r.docId = docId;
    r.jurisdiction = jurisdiction;
    r.level = level;
    r.docNumber = docNumber;
    r.issuedOn = issuedOn;
    r.year = issuedOn.left(4).toInt();
    r.area = QStringLiteral("water");
    r.indicator = QStringLiteral("wa.time");
    r.kind = QStringLiteral("level");
    r.comparator = QStringLiteral("<=");
    r.value = value;
    r.unit = QStringLiteral("工作日");
    r.baseline = baseline;
    r.deadline = deadline;
    r.quote = quote;
    r.sentence = sentence;
    r.start = 100 * id;
    r.end = r.start + quote.size();
    return r;
}

class FakeData : public ui::WorkbenchData {
public:
    FakeData() {
        m_plans = {
            {1,
             QStringLiteral("chongqing-2019"),
             QStringLiteral("重庆市"),
             QStringLiteral("municipal"),
             2019,
             QStringLiteral("渝府办发〔2019〕81号"),
             QStringLiteral("2019-07-23"),
             QStringLiteral("重庆市营商环境优化提升工作方案"),
             {},
             {},
             {}},
            {2,
             QStringLiteral("jiangjin-2021"),
             QStringLiteral("江津区"),
             QStringLiteral("district"),
             2021,
             QStringLiteral("江津府办发〔2021〕113号"),
             QStringLiteral("2021-08-01"),
             QStringLiteral("江津区实施方案"),
             {},
             {},
             {}},
            {3,
             QStringLiteral("wulong-2022"),
             QStringLiteral("武隆区"),
             QStringLiteral("district"),
             2022,
             QStringLiteral("武隆府发〔2022〕9号"),
             QStringLiteral("2022-05-27"),
             QStringLiteral("武隆区实施方案"),
             {},
             {},
             {}},
            {4,
             QStringLiteral("yuzhong-2023"),
             QStringLiteral("渝中区"),
             QStringLiteral("district"),
             2023,
             QStringLiteral("渝中府办〔2023〕32号"),
             QStringLiteral("2023-06-28"),
             QStringLiteral("渝中区重点任务清单"),
             {},
             {},
             {}},
        };
        auto wa = [&](qint64 id, int plan, std::optional<double> v, std::optional<double> b,
                      const QString& deadline, const QString& quote, const QString& sentence) {
            const PlanInfo& p = m_plans.at(plan);
            ComparisonRow r = makeRow(id, p.docId, p.jurisdiction, p.level, p.docNumber, p.issuedOn, v, b,
                                      deadline, quote, sentence);
            r.documentId = p.documentId;
            return r;
        };
        m_rows = {
            wa(1, 0, 7, 12, QStringLiteral("2020-12"), QStringLiteral("由12个工作日缩减至7个工作日以内"),
               QStringLiteral(
                   "2020年底前实现水表口径DN100以下的用水接入办理时间由12个工作日缩减至7个工作日以内")),
            wa(2, 1, 9, std::nullopt, QString(), QStringLiteral("总用时不超过9个工作日"),
               QStringLiteral("获得用水一般项目用户全流程总用时不超过9个工作日")),
            wa(3, 3, 8, std::nullopt, QStringLiteral("2023-12"),
               QStringLiteral("用水报装全流程办理时限不超过8个工作日"),
               QStringLiteral(
                   "用水报装全流程办理时限不超过8个工作日，用气报装全流程办理时限不超过10个工作日")),
        };
        // 江津's target stands in the plan's 工作目标 paragraph, outside the numbered measures.
        m_rows[1].section = QStringLiteral("goal");
        m_rows[1].sectionHeading = QStringLiteral("一、工作目标");
        ComparisonRow gas = wa(
            4, 3, 10, std::nullopt, QStringLiteral("2023-12"),
            QStringLiteral("用气报装全流程办理时限不超过10个工作日"),
            QStringLiteral("用水报装全流程办理时限不超过8个工作日，用气报装全流程办理时限不超过10个工作日"));
        gas.indicator = QStringLiteral("ga.time");
        gas.area = QStringLiteral("gas");
        m_rows << gas;
    }

    QString location() const override { return QStringLiteral("/tmp/fake.sqlite"); }
    QList<Area> areas() const override {
        return {{QStringLiteral("water"), QStringLiteral("获得用水"), QStringLiteral("Getting water"), {}},
                {QStringLiteral("gas"), QStringLiteral("获得用气"), QStringLiteral("Getting gas"), {}}};
    }
    QList<Indicator> indicators() const override {
        Indicator wa{QStringLiteral("wa.time"),
                     QStringLiteral("water"),
                     QStringLiteral("用水报装时限"),
                     QStringLiteral("Water connection time"),
                     QStringLiteral("工作日"),
                     Direction::Lower,
                     QStringLiteral("Working days from application to water supply."),
                     {},
                     false,
                     QStringLiteral("从申请到通水的全流程办理时间。")};
        Indicator ga{QStringLiteral("ga.time"),
                     QStringLiteral("gas"),
                     QStringLiteral("用气报装总时限"),
                     QStringLiteral("Gas connection time"),
                     QStringLiteral("工作日"),
                     Direction::Lower,
                     {},
                     {},
                     false};
        Indicator wp{QStringLiteral("wa.price"),
                     QStringLiteral("water"),
                     QStringLiteral("非居民供水价格"),
                     QStringLiteral("Water price"),
                     QStringLiteral("元/立方米"),
                     Direction::Lower,
                     {},
                     {},
                     false};
        return {wa, wp, ga};
    }
    Result<QList<PlanInfo>> plans() override { return m_plans; }
    Result<QList<ComparisonRow>> rows(const QString& indicatorId) override {
        QList<ComparisonRow> out;
        for (ComparisonRow r : m_rows) {
            applyOverrides(r);
            if (r.indicator == indicatorId && !rejected(r))
                out << r;
        }
        return out;
    }
    Result<QList<CoverageCell>> coverage(const QString& areaId) override {
        QList<CoverageCell> cells;
        if (areaId == QLatin1String("water"))
            cells << CoverageCell{QStringLiteral("wa.time"), QStringLiteral("wulong-2022"),
                                  QStringLiteral("武隆区"), Coverage::MentionedNoNumber, 0};
        return cells;
    }
    Result<QList<ui::MeasureRow>> measures() override { return m_measures; }
    Result<ui::SearchResults> search(const QString& query) override {
        ui::SearchResults r;
        for (const ui::MeasureRow& m : m_measures)
            if (m.body.contains(query))
                r.hits << ui::SearchHit{m.id, 1.0, m.body};
        return r;
    }
    Result<ui::PlanText> planText(const QString& docId) override {
        ui::PlanText t;
        for (const PlanInfo& p : m_plans)
            if (p.docId == docId)
                t.plan = p;
        t.text = QStringLiteral("一、获得用水\n用水报装全流程办理时限不超过8个工作日。\n");
        t.outline = {{1, QStringLiteral("一、"), QStringLiteral("获得用水"), 0}};
        return t;
    }
    // Every plan: one note about the whole text and one on "8个工作日" (offsets 21–26 of planText).
    Result<QList<ui::ParserNote>> parserNotes(const QString&) override {
        return QList<ui::ParserNote>{
            {QStringLiteral("info"), QStringLiteral("layout"), QStringLiteral("prose layout"), -1, -1},
            {QStringLiteral("warning"), QStringLiteral("low-confidence"), QStringLiteral("a guessed number"),
             21, 26}};
    }
    Result<qint64> setOverride(const ComparisonRow& row, ui::TargetField field,
                               const QString& value) override {
        const qint64 id = m_nextOverride++;
        m_overrides.append({id, row.targetId, field, value});
        return id;
    }
    Result<qint64> addTarget(const ui::NewTarget& t) override {
        const PlanInfo* plan = nullptr;
        for (const PlanInfo& p : m_plans)
            if (p.docId == t.docId)
                plan = &p;
        if (!plan)
            return Result<qint64>::failure(QStringLiteral("unknown plan ") + t.docId);
        ComparisonRow r =
            makeRow(m_nextId++, plan->docId, plan->jurisdiction, plan->level, plan->docNumber, plan->issuedOn,
                    t.value, std::nullopt, t.deadline, QStringLiteral("added"), {});
        r.documentId = plan->documentId;
        r.indicator = t.indicator;
        r.comparator = t.comparator;
        r.unit = t.unit;
        r.corrected = true;
        m_rows << r;
        const qint64 id = m_nextOverride++;
        m_added.insert(id, r.targetId);
        return id;
    }
    Status removeOverride(qint64 id) override {
        if (m_added.contains(id)) {
            const qint64 target = m_added.take(id);
            m_rows.removeIf([target](const ComparisonRow& r) { return r.targetId == target; });
            return okStatus();
        }
        const auto n = m_overrides.removeIf([id](const Override& o) { return o.id == id; });
        return n ? okStatus() : Status::failure(QStringLiteral("no override %1").arg(id));
    }
    int overrideCount() const { return int(m_overrides.size() + m_added.size()); }

    QList<ui::ImportOutcome> importFiles(const QStringList& paths, const ImportProgress& progress) override {
        QList<ui::ImportOutcome> out;
        for (int i = 0; i < paths.size(); ++i) {
            if (progress && !progress(i, 100))
                break;
            const bool ok = paths.at(i).endsWith(QLatin1String(".txt"));
            out << ui::ImportOutcome{
                paths.at(i), ok ? ui::ImportOutcome::State::Imported : ui::ImportOutcome::State::Failed,
                ok ? QStringLiteral("ok") : paths.at(i) + QStringLiteral(": not a plan text file")};
        }
        return out;
    }

    QList<ui::MeasureRow> m_measures;

private:
    struct Override {
        qint64 id;
        qint64 target;
        ui::TargetField field;
        QString value;
    };
    bool rejected(const ComparisonRow& r) const {
        for (const Override& o : m_overrides)
            if (o.target == r.targetId && o.field == ui::TargetField::NotTarget)
                return true;
        return false;
    }
    void applyOverrides(ComparisonRow& r) const {
        for (const Override& o : m_overrides) {
            if (o.target != r.targetId)
                continue;
            r.corrected = true;
            const QString& v = o.value;
            switch (o.field) {
            case ui::TargetField::Value:
                r.value = v.toDouble();
                break;
            case ui::TargetField::Baseline:
                r.baseline = v.isEmpty() ? std::nullopt : std::optional<double>(v.toDouble());
                break;
            case ui::TargetField::Comparator:
                r.comparator = v;
                break;
            case ui::TargetField::Unit:
                r.unit = v;
                break;
            case ui::TargetField::Deadline:
                r.deadline = v;
                break;
            case ui::TargetField::Scope:
                r.scope = v;
                break;
            case ui::TargetField::Indicator:
                r.indicator = v;
                break;
            case ui::TargetField::NotTarget:
                break;
            }
        }
    }
    QList<PlanInfo> m_plans;
    QList<ComparisonRow> m_rows;
    QList<Override> m_overrides;
    QHash<qint64, qint64> m_added; // override id → target id
    qint64 m_nextId = 100;
    qint64 m_nextOverride = 1;
};

} // namespace pc::test
