// Cue scoring for areas and indicators (see classifier.h). Longer cues are more specific and weigh more;
// cues near the number weigh more than cues elsewhere in the sentence.
#include "classifier.h"

#include "model/unitclass.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace pc {

namespace {

// Whether `cue` occurs in `text` with at most one foreign fragment (≤ 8 characters) inside it:
// 高压客 + 长电联合 + 户 still says 高压客户.
bool containsGapped(const QString& text, const QString& cue) {
    if (cue.size() < 3)
        return false;
    for (qsizetype k = 1; k < cue.size(); ++k) {
        const QStringView head = QStringView(cue).left(k);
        const QStringView tail = QStringView(cue).mid(k);
        qsizetype at = text.indexOf(head);
        while (at >= 0) {
            const qsizetype from = at + head.size() + 1;
            const qsizetype t = from <= text.size() ? text.indexOf(tail, from) : -1;
            if (t >= 0 && t - (at + head.size()) <= 8) {
                const QStringView gap = QStringView(text).mid(at + head.size(), t - at - head.size());
                if (!gap.contains(u'，') && !gap.contains(u'。') && !gap.contains(u'；'))
                    return true;
            }
            at = text.indexOf(head, at + 1);
        }
    }
    return false;
}

// Which characters a text holds: most cues can be ruled out without searching for them.
class CharSet {
public:
    explicit CharSet(const QString& text) {
        for (QChar c : text)
            m_bits[c.unicode() >> 6] |= quint64(1) << (c.unicode() & 63);
    }
    bool has(QChar c) const { return m_bits[c.unicode() >> 6] & (quint64(1) << (c.unicode() & 63)); }
    bool mayContain(const QString& cue) const {
        for (QChar c : cue) {
            if (!has(c))
                return false;
        }
        return true;
    }

private:
    std::array<quint64, 1024> m_bits{};
};

double gappedScore(const QStringList& cues, const QString& text, const CharSet& chars) {
    double s = 0;
    for (const QString& c : cues) {
        if (chars.mayContain(c) && !text.contains(c) && containsGapped(text, c))
            s += 0.8 * double(c.size());
    }
    return s;
}

// The last clause of a text (after the last ，；：), where a target's subject usually is.
QString lastClause(const QString& s) {
    qsizetype i = s.size();
    while (i > 0) {
        const QChar c = s.at(i - 1);
        if (c == u'，' || c == u'；' || c == u'：' || c == u',' || c == u';' || c == u':')
            break;
        --i;
    }
    return s.mid(i);
}

} // namespace

Classifier::Classifier(const Taxonomy& taxonomy)
    : m_taxonomy(taxonomy) {
    auto post = [this](Postings& postings, const QString& cue, int owner) {
        const int id = m_cues.add(cue);
        if (cue.isEmpty())
            return;
        if (postings.size() <= id)
            postings.resize(id + 1);
        for (Posting& p : postings[id]) {
            if (p.owner == owner) {
                ++p.times;
                return;
            }
        }
        postings[id].append(Posting{owner, 1});
    };
    const QList<Area>& areas = m_taxonomy.areas();
    QHash<QString, int> areaIndex;
    for (qsizetype a = 0; a < areas.size(); ++a) {
        areaIndex.insert(areas.at(a).id, int(a));
        // "other" is what fits nothing: its words never place a measure there.
        if (areas.at(a).id == QStringLiteral("other"))
            continue;
        for (const QString& c : areas.at(a).cues)
            post(m_areaPostings, c, int(a));
    }
    const QList<Indicator>& indicators = m_taxonomy.indicators();
    for (qsizetype i = 0; i < indicators.size(); ++i) {
        const Indicator& ind = indicators.at(i);
        m_indicatorUnitClass.append(int(unitClass(ind.unit)));
        const int area = areaIndex.value(ind.area, -1);
        m_indicatorArea.append(area);
        for (const QString& c : ind.cues) {
            post(m_indicatorPostings, c, int(i));
            if (area >= 0 && ind.area != QStringLiteral("other"))
                post(m_areaIndicatorPostings, c, area);
        }
    }
    for (Postings* p : {&m_areaPostings, &m_indicatorPostings, &m_areaIndicatorPostings})
        p->resize(m_cues.size());
    m_sharedCue.resize(m_cues.size());
    for (qsizetype id = 0; id < m_cues.size(); ++id) {
        QString firstArea;
        for (const Posting& p : m_indicatorPostings.at(id)) {
            const QString& area = indicators.at(p.owner).area;
            if (firstArea.isEmpty())
                firstArea = area;
            else if (area != firstArea)
                m_sharedCue[id] = true;
        }
    }
}

void Classifier::accumulate(const CueMatcher::Hits& hits, const Postings& postings, int cap, double weight,
                            QList<double>& scores) const {
    for (const CueMatcher::Hit& h : hits) {
        const double gain = weight * double(std::min(h.count, cap)) * double(m_cues.length(h.cue));
        for (const Posting& p : postings.at(h.cue))
            scores[p.owner] += gain * double(p.times);
    }
}

const CueMatcher::Hits& Classifier::onceHits(const QString& text, CueHitCache::Slot* slot,
                                             std::optional<CueMatcher::Hits>& own) const {
    // emplace() destroys what the optional held and move-constructs the new hits (see CueHitCache).
    if (!slot) {
        own.emplace(m_cues.find(text, 1));
        return *own;
    }
    if (!slot->hits || slot->text != text) {
        slot->text = text;
        slot->hits.emplace(m_cues.find(text, 1));
    }
    return *slot->hits;
}

AreaMatch Classifier::classifyMeasure(const Measure& m, const QString& documentArea) const {
    QString heading = m.areaHeading;
    heading.remove(QLatin1Char('\n'));
    const QList<Area>& areas = m_taxonomy.areas();
    QList<double> scores(areas.size(), 0.0);
    // The heading decides when it names an area; the title next; the body's content last.
    accumulate(m_cues.find(heading, 1), m_areaPostings, 1, 100.0, scores);
    accumulate(m_cues.find(m.title, 1), m_areaPostings, 1, 10.0, scores);
    const CueMatcher::Hits body = m_cues.find(m.body, 3);
    accumulate(body, m_areaPostings, 3, 1.0, scores);
    accumulate(body, m_areaIndicatorPostings, 2, 0.5, scores);
    AreaMatch best;
    double bestScore = 0;
    double total = 0;
    bool tied = false;
    for (qsizetype a = 0; a < areas.size(); ++a) {
        if (areas.at(a).id == QStringLiteral("other"))
            continue;
        const double s = scores.at(a);
        total += s;
        if (s > bestScore || (s > 0 && s == bestScore && areas.at(a).id == documentArea)) {
            tied = s == bestScore && areas.at(a).id != documentArea;
            bestScore = s;
            best.area = areas.at(a).id;
        } else if (s > 0 && s == bestScore && best.area != documentArea) {
            tied = true;
        }
    }
    // Words that name two areas equally (受理申请（0.5个工作日）: water or gas) and a document that does
    // not say which: the measure has no area of its own.
    if (tied)
        best.area.clear();
    if (best.area.isEmpty()) {
        best.area = QStringLiteral("other");
        best.confidence = 0.1;
    } else {
        best.confidence = std::clamp(bestScore / std::max(total, 1.0) + 0.2, 0.2, 1.0);
    }
    return best;
}

QString Classifier::otherName(const QString& scope, const QString& after, const QString& unit) {
    static const QString stripChars = QStringLiteral("“”\"（）()《》");
    auto clean = [](const QString& in) {
        QString out;
        for (QChar c : in) {
            if (!stripChars.contains(c))
                out += c;
        }
        return out.trimmed();
    };
    QString name = clean(scope);
    // Keep the head of the phrase: the part closest to the number.
    const qsizetype cut =
        std::max({name.lastIndexOf(u'，'), name.lastIndexOf(u'；'), name.lastIndexOf(u'、')});
    const bool enumerated = cut >= 0 || name.endsWith(u'等') || name.size() <= 2;
    // 等9类电子证照项目全国互认 / 选取1—2个派出所: the counted noun follows the number.
    QString counted = clean(after);
    for (QChar stop : {u'，', u'。', u'；', u'（', u'('}) {
        const qsizetype at = counted.indexOf(stop);
        if (at >= 0)
            counted.truncate(at);
    }
    if (enumerated && counted.size() >= 2)
        name = counted.left(10);
    else if (cut >= 0 && name.size() - cut > 3)
        name = name.mid(cut + 1);
    if (name.size() > 12)
        name = name.right(12);
    const UnitClass uc = unitClass(unit);
    const bool named = name.endsWith(u'率') || name.endsWith(u'数') ||
                       name.endsWith(QStringLiteral("比例")) || name.endsWith(u'量') ||
                       name.endsWith(QStringLiteral("规模")) || name.endsWith(QStringLiteral("时限"));
    if (!named && !name.isEmpty()) {
        if (uc == UnitClass::Count)
            name += unit == QStringLiteral("类") || unit == QStringLiteral("种") ? unit + u'数'
                                                                                 : QStringLiteral("数");
        else if (uc == UnitClass::Time)
            name += QStringLiteral("时限");
        else if (uc == UnitClass::Percent)
            name += QStringLiteral("比例");
    }
    if (name.isEmpty())
        name = QStringLiteral("未归类");
    return QStringLiteral("other:") + name;
}

// The area of a target no indicator fits: what the words near it, its sentence and its heading
// name, the measure's area breaking ties.
QString Classifier::areaOfSentence(const TargetCues& t) const {
    if (!t.measureArea.isEmpty() && t.measureArea != QStringLiteral("other"))
        return t.measureArea;
    const QList<Area>& areas = m_taxonomy.areas();
    QList<double> scores(areas.size(), 0.0);
    accumulate(m_cues.find(lastClause(t.before), 1), m_areaPostings, 1, 3.0, scores);
    accumulate(m_cues.find(t.sentence, 1), m_areaPostings, 1, 1.0, scores);
    accumulate(m_cues.find(t.heading, 1), m_areaPostings, 1, 2.0, scores);
    QString best;
    double bestScore = 0;
    for (qsizetype a = 0; a < areas.size(); ++a) {
        if (areas.at(a).id != QStringLiteral("other") && scores.at(a) > bestScore) {
            bestScore = scores.at(a);
            best = areas.at(a).id;
        }
    }
    if (!best.isEmpty())
        return best;
    if (!t.documentArea.isEmpty())
        return t.documentArea;
    return t.measureArea.isEmpty() ? QStringLiteral("other") : t.measureArea;
}

QString Classifier::dominantArea(const QString& text) const {
    const QList<Area>& areas = m_taxonomy.areas();
    QList<double> scores(areas.size(), 0.0);
    accumulate(m_cues.find(text, 5), m_areaPostings, 5, 1.0, scores);
    QString best;
    double bestScore = 0;
    double total = 0;
    for (qsizetype a = 0; a < areas.size(); ++a) {
        if (areas.at(a).id == QStringLiteral("other"))
            continue;
        total += scores.at(a);
        if (scores.at(a) > bestScore) {
            bestScore = scores.at(a);
            best = areas.at(a).id;
        }
    }
    // Two thirds of all area words, and more than a passing mention.
    return bestScore >= 12 && bestScore * 3 >= total * 2 ? best : QString();
}

IndicatorMatch Classifier::classifyTarget(const TargetCues& given, CueHitCache* shared) const {
    // "（不含外线工程施工时间）" says what the figure leaves out, not what it measures.
    static const QRegularExpression exclusion(QStringLiteral("[（(](?:不含|不包括|不包含|不计)[^）)]*[）)]"));
    TargetCues t = given;
    if (t.after.contains(QStringLiteral("不")))
        t.after.remove(exclusion);
    const QString nearBefore = lastClause(t.before);
    const QString farBefore = t.before.left(t.before.size() - nearBefore.size());
    const QList<Indicator>& indicators = m_taxonomy.indicators();
    QList<double> local(indicators.size(), 0.0);
    QList<double> wide(indicators.size(), 0.0);
    // The clause texts are searched once; their hits feed the indicator, area and specific scores.
    const CueMatcher::Hits nearHits = m_cues.find(nearBefore, 1);
    const CueMatcher::Hits afterHits = m_cues.find(t.after, 1);
    const CueMatcher::Hits farHits = m_cues.find(farBefore, 1);
    accumulate(nearHits, m_indicatorPostings, 1, 3.0, local);
    accumulate(afterHits, m_indicatorPostings, 1, 2.5, local);
    accumulate(farHits, m_indicatorPostings, 1, 1.5, local);
    // The sentence, title and heading are often the previous target's: `shared` keeps their hits.
    std::optional<CueMatcher::Hits> own;
    accumulate(onceHits(t.sentence, shared ? &shared->m_sentence : nullptr, own), m_indicatorPostings, 1, 0.5,
               wide);
    accumulate(onceHits(t.measureTitle, shared ? &shared->m_title : nullptr, own), m_indicatorPostings, 1,
               0.5, wide);
    accumulate(onceHits(t.heading, shared ? &shared->m_heading : nullptr, own), m_indicatorPostings, 1, 0.5,
               wide);
    // The area the clause itself names (接用户用气申请后…, 用水报装…): like the measure's and the
    // document's area, it favours that area's indicators, whatever heading the sentence sits under.
    QList<double> clauseAreas(m_taxonomy.areas().size(), 0.0);
    accumulate(nearHits, m_areaPostings, 1, 1.0, clauseAreas);
    accumulate(afterHits, m_areaPostings, 1, 1.0, clauseAreas);
    const CharSet nearChars(t.gapped ? nearBefore : QString());
    const CharSet afterChars(t.gapped ? t.after : QString());
    // A clause that names its area (供电企业在受理申请后…) is about that area: words the indicators of
    // several areas share (受理申请, a stage of water and of gas) do not file it under another one.
    QList<double> specific(indicators.size(), 0.0);
    for (const CueMatcher::Hits* hits :
         std::initializer_list<const CueMatcher::Hits*>{&nearHits, &afterHits, &farHits}) {
        for (const CueMatcher::Hit& h : *hits) {
            if (m_sharedCue.at(h.cue))
                continue;
            for (const Posting& p : m_indicatorPostings.at(h.cue))
                specific[p.owner] += 1;
        }
    }
    const bool clauseNamesArea =
        std::any_of(clauseAreas.cbegin(), clauseAreas.cend(), [](double v) { return v > 0; });
    const Indicator* best = nullptr;
    double bestScore = 0;
    double bestLocal = 0;
    // Units compare by family; the indicators' families are looked up once (constructor).
    const int targetClass = int(t.unit.isEmpty() ? UnitClass::Time : unitClass(t.unit));
    for (qsizetype i = 0; i < indicators.size(); ++i) {
        if (m_indicatorUnitClass.at(i) != targetClass)
            continue;
        if (clauseNamesArea && m_indicatorArea.at(i) >= 0 && clauseAreas.at(m_indicatorArea.at(i)) == 0 &&
            specific.at(i) == 0)
            continue;
        const Indicator& ind = indicators.at(i);
        double l = local.at(i);
        if (t.gapped)
            l += 3.0 * gappedScore(ind.cues, nearBefore, nearChars) +
                 2.5 * gappedScore(ind.cues, t.after, afterChars);
        double s = l + wide.at(i);
        if (s > 0 && ind.area == t.measureArea)
            s += 2.5;
        if (s > 0 && ind.area == t.documentArea)
            s += 2.5;
        if (s > 0 && m_indicatorArea.at(i) >= 0 && clauseAreas.at(m_indicatorArea.at(i)) > 0)
            s += 2.5;
        if (s > bestScore || (s == bestScore && best && l > bestLocal)) {
            best = &ind;
            bestScore = s;
            bestLocal = l;
        }
    }
    IndicatorMatch out;
    // Nothing near the number names what it measures: a list continues the previous target
    // (环节至4个（…）、3个 / 不低于30%（中小企业不低于50%）).
    if ((!best || bestLocal == 0) && !t.previousIndicator.isEmpty() &&
        unitClass(t.previousUnit) == unitClass(t.unit)) {
        const Indicator* prev = m_taxonomy.indicator(t.previousIndicator);
        out.indicator = t.previousIndicator;
        out.area = prev ? prev->area : t.measureArea;
        out.confidence = 0.6;
        return out;
    }
    if (best && bestLocal > 0) {
        out.indicator = best->id;
        out.area = best->area;
        out.confidence = std::min(1.0, 0.55 + bestLocal / 40.0);
        return out;
    }
    if (best && bestScore >= 6.0) {
        out.indicator = best->id;
        out.area = best->area;
        out.confidence = 0.45;
        return out;
    }
    out.indicator = otherName(t.scope, t.after, t.unit);
    out.area = areaOfSentence(t);
    out.confidence = 0.2;
    return out;
}

} // namespace pc
