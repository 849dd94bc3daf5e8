// Diffusion alignment: IDF-weighted character bigrams, cosine similarity, monotone dynamic programming.
#include "alignment.h"

#include "extract/analysis.h"
#include "store/database.h"
#include "taxonomy/taxonomy.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace pc::align {

namespace {

// A sparse unit vector: (bigram, weight) sorted by bigram.
using Vector = std::vector<std::pair<quint32, float>>;

bool countsForSimilarity(QChar c) {
    // Letters of running text only: digits, dates and punctuation differ between plans that say the
    // same thing (2019年底前 vs 2020年底前), and spaces are layout.
    if (c.isSpace() || c.isDigit() || c.isPunct() || c.isSymbol())
        return false;
    return c.unicode() > 0x7f || c.isLetter();
}

QList<quint32> bigrams(const QString& text) {
    QString letters;
    letters.reserve(text.size());
    for (const QChar c : text)
        if (countsForSimilarity(c))
            letters += c;
    QList<quint32> out;
    out.reserve(std::max<qsizetype>(0, letters.size() - 1));
    for (qsizetype i = 0; i + 1 < letters.size(); ++i)
        out << (quint32(letters.at(i).unicode()) << 16 | letters.at(i + 1).unicode());
    return out;
}

Vector weigh(const QList<quint32>& grams, const QHash<quint32, float>& idf, float unseen) {
    QHash<quint32, float> tf;
    for (const quint32 g : grams)
        tf[g] += 1.0f;
    Vector v;
    v.reserve(tf.size());
    double norm = 0;
    for (auto it = tf.cbegin(); it != tf.cend(); ++it) {
        const float w = it.value() * idf.value(it.key(), unseen);
        v.emplace_back(it.key(), w);
        norm += double(w) * w;
    }
    std::sort(v.begin(), v.end());
    const float n = norm > 0 ? float(std::sqrt(norm)) : 1.0f;
    for (auto& [g, w] : v)
        w /= n;
    return v;
}

double cosine(const Vector& a, const Vector& b) {
    double sum = 0;
    auto i = a.cbegin();
    auto j = b.cbegin();
    while (i != a.cend() && j != b.cend()) {
        if (i->first < j->first) {
            ++i;
        } else if (j->first < i->first) {
            ++j;
        } else {
            sum += double(i->second) * j->second;
            ++i;
            ++j;
        }
    }
    return sum;
}

struct Vectors {
    std::vector<Vector> full;  // title + body
    std::vector<Vector> title; // title alone
};

// Both plans' measures are the collection the inverse document frequencies come from, so phrases
// every measure shares (进一步, 推进 …) weigh little; the +1 keeps shared bigrams from weighing
// nothing when the collection is two measures.
std::pair<Vectors, Vectors> vectorize(const Plan& a, const Plan& b) {
    std::vector<QList<quint32>> fullGrams;
    std::vector<QList<quint32>> titleGrams;
    for (const Plan* p : {&a, &b})
        for (const MeasureText& m : p->measures) {
            fullGrams.push_back(bigrams(m.title + m.body));
            titleGrams.push_back(bigrams(m.title));
        }
    QHash<quint32, int> df;
    for (const QList<quint32>& g : fullGrams) {
        QList<quint32> unique = g;
        std::sort(unique.begin(), unique.end());
        unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
        for (const quint32 x : unique)
            df[x] += 1;
    }
    const double n = double(fullGrams.size());
    QHash<quint32, float> idf;
    idf.reserve(df.size());
    for (auto it = df.cbegin(); it != df.cend(); ++it)
        idf.insert(it.key(), float(std::log((n + 1.0) / (it.value() + 0.5)) + 1.0));
    const float unseen = float(std::log(n + 1.0) + 1.7);
    std::pair<Vectors, Vectors> out;
    size_t k = 0;
    for (Vectors* v : {&out.first, &out.second}) {
        const Plan& p = v == &out.first ? a : b;
        for (qsizetype i = 0; i < p.measures.size(); ++i, ++k) {
            v->full.push_back(weigh(fullGrams[k], idf, unseen));
            v->title.push_back(weigh(titleGrams[k], idf, unseen));
        }
    }
    return out;
}

// Units of things whose number grows with the jurisdiction (people, firms, households, money, area).
bool scalesWithJurisdiction(const TargetValue& t) {
    static const QStringList units{
        QStringLiteral("人次"),     QStringLiteral("人"),   QStringLiteral("万人"), QStringLiteral("家"),
        QStringLiteral("户"),       QStringLiteral("万户"), QStringLiteral("座"),   QStringLiteral("所"),
        QStringLiteral("套"),       QStringLiteral("公里"), QStringLiteral("千米"), QStringLiteral("平方米"),
        QStringLiteral("万平方米"), QStringLiteral("亩"),   QStringLiteral("万元"), QStringLiteral("亿元"),
        QStringLiteral("万亿元"),   QStringLiteral("万件")};
    return t.kind == QLatin1String("add") || units.contains(t.unit);
}

Strictness compareValues(const TargetValue& t, const TargetValue& a,
                         const QHash<QString, Direction>& better) {
    if (!t.value || !a.value || t.unit != a.unit || t.kind != a.kind || scalesWithJurisdiction(t))
        return Strictness::NotComparable;
    const Direction direction = better.value(t.indicator, Direction::None);
    if (direction == Direction::None)
        return Strictness::NotComparable;
    if (qFuzzyCompare(1.0 + *t.value, 1.0 + *a.value))
        return Strictness::Same;
    const bool lower = *t.value < *a.value;
    return (lower == (direction == Direction::Lower)) ? Strictness::Stricter : Strictness::Looser;
}

Timing compareDeadlines(const QString& d, const QString& a) {
    if (d.isEmpty() || a.isEmpty())
        return Timing::Unknown;
    const int c = d.compare(a);
    return c < 0 ? Timing::Earlier : c == 0 ? Timing::Same : Timing::Later;
}

} // namespace

Plan planFrom(const Analysis& analysis) {
    Plan p;
    p.docId = analysis.document.meta.docId;
    for (const Measure& m : analysis.document.measures)
        p.measures << MeasureText{m.number, m.title, m.body, m.confidence};
    for (const Target& t : analysis.targets)
        if (!t.qualitative)
            p.targets << TargetValue{t.measureNumber, t.indicator, t.scope,    t.kind, t.comparator,
                                     t.value,         t.unit,      t.deadline, t.quote};
    return p;
}

Result<Plan> planFromDatabase(Database& db, const QString& docId) {
    const Result<DocumentRecord> doc = db.documentByDocId(docId);
    if (!doc)
        return doc.error();
    MeasureFilter mf;
    mf.docId = docId;
    const Result<QList<MeasureRecord>> measures = db.measures(mf);
    if (!measures)
        return measures.error();
    TargetFilter tf;
    tf.docId = docId;
    const Result<QList<ComparisonRow>> targets = db.targets(tf);
    if (!targets)
        return targets.error();
    Plan p;
    p.docId = docId;
    for (const MeasureRecord& m : *measures)
        p.measures << MeasureText{m.number, m.title, m.body, m.confidence};
    for (const ComparisonRow& t : *targets)
        if (!t.qualitative && !t.rejected)
            p.targets << TargetValue{t.measureNumber, t.indicator, t.scope,    t.kind, t.comparator,
                                     t.value,         t.unit,      t.deadline, t.quote};
    return p;
}

QString relationName(Relation r) {
    switch (r) {
    case Relation::Adopted:
        return QStringLiteral("adopted");
    case Relation::Adapted:
        return QStringLiteral("adapted");
    case Relation::New:
        return QStringLiteral("new");
    case Relation::NotTakenUp:
        return QStringLiteral("not_taken_up");
    }
    return {};
}

QString strictnessName(Strictness s) {
    switch (s) {
    case Strictness::Stricter:
        return QStringLiteral("stricter");
    case Strictness::Same:
        return QStringLiteral("same");
    case Strictness::Looser:
        return QStringLiteral("looser");
    case Strictness::NotComparable:
        return QStringLiteral("not_comparable");
    }
    return {};
}

QString timingName(Timing t) {
    switch (t) {
    case Timing::Earlier:
        return QStringLiteral("earlier");
    case Timing::Same:
        return QStringLiteral("same");
    case Timing::Later:
        return QStringLiteral("later");
    case Timing::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

Alignment align(const Plan& plan, const Plan& against, const Taxonomy* taxonomy, const Options& options) {
    QHash<QString, Direction> better;
    if (taxonomy)
        for (const Indicator& i : taxonomy->indicators())
            better.insert(i.id, i.better);
    return align(plan, against, better, options);
}

Alignment align(const Plan& plan, const Plan& against, const QHash<QString, Direction>& better,
                const Options& o) {
    Alignment out;
    out.docId = plan.docId;
    out.againstDocId = against.docId;
    const qsizetype rows = plan.measures.size();
    const qsizetype cols = against.measures.size();
    const auto [pv, av] = vectorize(plan, against);

    std::vector<double> sim(size_t(rows * cols));
    auto at = [&](qsizetype i, qsizetype j) -> double& { return sim[size_t(i * cols + j)]; };
    for (qsizetype i = 0; i < rows; ++i)
        for (qsizetype j = 0; j < cols; ++j)
            at(i, j) = std::max(cosine(pv.full[size_t(i)], av.full[size_t(j)]),
                                o.titleWeight * cosine(pv.title[size_t(i)], av.title[size_t(j)]));

    // Monotone alignment: the largest total similarity over pairs in both plans' order, skipping
    // freely (measures the plan added, measures it left out).
    std::vector<double> best(size_t((rows + 1) * (cols + 1)), 0.0);
    std::vector<char> step(best.size(), 0); // 'm' match, 'p' skip a plan measure, 'a' skip an against one
    auto cell = [&](qsizetype i, qsizetype j) { return size_t(i * (cols + 1) + j); };
    for (qsizetype i = 1; i <= rows; ++i)
        for (qsizetype j = 1; j <= cols; ++j) {
            double v = best[cell(i - 1, j)];
            char s = 'p';
            if (best[cell(i, j - 1)] > v) {
                v = best[cell(i, j - 1)];
                s = 'a';
            }
            const double m = at(i - 1, j - 1);
            if (m >= o.floor && best[cell(i - 1, j - 1)] + m > v) {
                v = best[cell(i - 1, j - 1)] + m;
                s = 'm';
            }
            best[cell(i, j)] = v;
            step[cell(i, j)] = s;
        }
    std::vector<qsizetype> matchOf(size_t(rows), -1);
    for (qsizetype i = rows, j = cols; i > 0 && j > 0;) {
        const char s = step[cell(i, j)];
        if (s == 'm') {
            matchOf[size_t(i - 1)] = j - 1;
            --i;
            --j;
        } else if (s == 'p') {
            --i;
        } else {
            --j;
        }
    }

    std::vector<bool> takenUp(size_t(cols), false);
    for (qsizetype i = 0; i < rows; ++i) {
        MeasureLink link;
        link.measureNumber = plan.measures.at(i).number;
        qsizetype j = matchOf[size_t(i)];
        qsizetype bestJ = -1;
        for (qsizetype k = 0; k < cols; ++k)
            if (bestJ < 0 || at(i, k) > at(i, bestJ))
                bestJ = k;
        if (j < 0 && bestJ >= 0 && at(i, bestJ) >= o.outOfOrder) {
            j = bestJ; // a strong match outside the shared order
            link.outOfOrder = true;
        }
        if (j >= 0) {
            const MeasureText& a = against.measures.at(j);
            link.againstNumber = a.number;
            link.similarity = at(i, j);
            link.relation = link.similarity >= o.adopted ? Relation::Adopted : Relation::Adapted;
            if (a.confidence < o.fragmentConfidence && !plan.measures.at(i).title.isEmpty() &&
                plan.measures.at(i).title != a.title)
                link.suggestedTitle = plan.measures.at(i).title;
            takenUp[size_t(j)] = true;
            (link.relation == Relation::Adopted ? out.summary.adopted : out.summary.adapted) += 1;
        } else {
            link.relation = Relation::New;
            link.similarity = bestJ >= 0 ? at(i, bestJ) : 0.0;
            out.summary.fresh += 1;
        }
        out.measures << link;
    }
    for (qsizetype j = 0; j < cols; ++j)
        if (!takenUp[size_t(j)]) {
            MeasureLink link;
            link.againstNumber = against.measures.at(j).number;
            link.relation = Relation::NotTakenUp;
            out.measures << link;
            out.summary.notTakenUp += 1;
        }

    // Targets of aligned measures on the same indicator (and the same scope where both have one).
    QHash<int, QList<const TargetValue*>> againstTargets;
    for (const TargetValue& t : against.targets)
        againstTargets[t.measureNumber] << &t;
    for (const MeasureLink& link : std::as_const(out.measures)) {
        if (link.measureNumber == 0 || link.againstNumber == 0)
            continue;
        for (const TargetValue& t : plan.targets) {
            if (t.measureNumber != link.measureNumber)
                continue;
            const TargetValue* match = nullptr;
            for (const TargetValue* a : againstTargets.value(link.againstNumber)) {
                if (a->indicator != t.indicator)
                    continue;
                const bool sameScope = a->scope == t.scope;
                if (!match || (sameScope && match->scope != t.scope))
                    match = a;
            }
            if (!match)
                continue;
            TargetLink tl{t, *match, compareValues(t, *match, better),
                          compareDeadlines(t.deadline, match->deadline)};
            switch (tl.strictness) {
            case Strictness::Stricter:
                ++out.summary.stricter;
                break;
            case Strictness::Same:
                ++out.summary.same;
                break;
            case Strictness::Looser:
                ++out.summary.looser;
                break;
            case Strictness::NotComparable:
                ++out.summary.notComparable;
                break;
            }
            out.targets << tl;
        }
    }
    return out;
}

} // namespace pc::align
