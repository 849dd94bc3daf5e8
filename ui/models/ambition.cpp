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

QList<std::optional<double>> ambition(const QList<ComparisonRow>& rows, Direction better) {
    QList<std::optional<double>> out(rows.size());
    QHash<QString, QList<qsizetype>> groups; // unit|kind → rows
    for (qsizetype i = 0; i < rows.size(); ++i)
        if (score(rows.at(i), better))
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
