// Ambition ranking: only like with like (same unit and kind), direction from the taxonomy.
#include "ambition.h"

#include <QHash>

#include <algorithm>

namespace pc::ui {

namespace {

// Larger = more ambitious. A reduction is better when larger whatever the direction of the level.
std::optional<double> score(const ComparisonRow& r, Direction better) {
    if (!r.value)
        return std::nullopt;
    if (r.kind == QLatin1String("reduce_by"))
        return *r.value;
    if (better == Direction::None)
        return std::nullopt;
    return better == Direction::Lower ? -*r.value : *r.value;
}

} // namespace

bool ambitionComparable(const QString& indicatorId, const QString& unit) {
    static const QStringList comparableUnits{
        QStringLiteral("工作日"),    QStringLiteral("日"),       QStringLiteral("天"),
        QStringLiteral("小时"),      QStringLiteral("分钟"),     QStringLiteral("月"),
        QStringLiteral("周"),        QStringLiteral("%"),        QStringLiteral("个百分点"),
        QStringLiteral("元"),        QStringLiteral("万元"),     QStringLiteral("元/吨"),
        QStringLiteral("元/立方米"), QStringLiteral("元/千瓦时")};
    if (comparableUnits.contains(unit))
        return true;
    // Counts of steps, documents, visits and inspections per procedure are the same quantity in
    // every jurisdiction; other counts (新增4G基站 5000 vs 400) grow with its size.
    for (const char* suffix : {".steps", ".materials", ".visits", ".inspections", ".zero_material"})
        if (indicatorId.endsWith(QLatin1String(suffix)))
            return true;
    return false;
}

QList<std::optional<double>> ambition(const QList<ComparisonRow>& rows, Direction better) {
    QList<std::optional<double>> out(rows.size());
    QHash<QString, QList<qsizetype>> groups; // unit|kind → rows
    for (qsizetype i = 0; i < rows.size(); ++i)
        if (score(rows.at(i), better) && ambitionComparable(rows.at(i).indicator, rows.at(i).unit))
            groups[rows.at(i).unit + QLatin1Char('|') + rows.at(i).kind].append(i);
    for (const QList<qsizetype>& g : std::as_const(groups)) {
        double lo = 1e300, hi = -1e300;
        for (qsizetype i : g) {
            const double s = *score(rows.at(i), better);
            lo = std::min(lo, s);
            hi = std::max(hi, s);
        }
        if (g.size() < 2 || hi <= lo)
            continue;
        for (qsizetype i : g)
            out[i] = (*score(rows.at(i), better) - lo) / (hi - lo);
    }
    return out;
}

QColor ambitionColor(std::optional<double> s) {
    if (!s)
        return {};
    const QColor low(0xf9, 0xd9, 0xb8), high(0xbf, 0xe6, 0xc3);
    const double t = std::clamp(*s, 0.0, 1.0);
    return QColor::fromRgbF(float(low.redF() + (high.redF() - low.redF()) * t),
                            float(low.greenF() + (high.greenF() - low.greenF()) * t),
                            float(low.blueF() + (high.blueF() - low.blueF()) * t));
}

} // namespace pc::ui
