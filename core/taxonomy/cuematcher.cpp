// One-pass cue search (see cuematcher.h).
#include "cuematcher.h"

namespace pc {

int CueMatcher::add(const QString& cue) {
    const auto known = m_ids.constFind(cue);
    if (known != m_ids.cend())
        return *known;
    const int id = int(m_cues.size());
    m_cues.append(cue);
    m_ids.insert(cue, id);
    if (cue.isEmpty())
        return id;
    qint32& bucket = m_bucketOf[cue.at(0).unicode()];
    if (bucket < 0) {
        bucket = qint32(m_buckets.size());
        m_buckets.append(Bucket{});
    }
    Bucket& bk = m_buckets[bucket];
    if (cue.size() == 1) {
        bk.single.append(id);
        return id;
    }
    const char16_t second = cue.at(1).unicode();
    for (auto& [c, ids] : bk.bySecond) {
        if (c == second) {
            ids.append(id);
            return id;
        }
    }
    bk.bySecond.append({second, QList<int>{id}});
    return id;
}

CueMatcher::Hits CueMatcher::find(QStringView text, int maxCount) const {
    Hits hits;
    auto count = [&](int id, qsizetype at) {
        const qsizetype end = at + m_cues.at(id).size();
        for (Hit& h : hits) {
            if (h.cue == id) {
                if (at >= h.lastEnd && h.count < maxCount) {
                    ++h.count;
                    h.lastEnd = end;
                }
                return;
            }
        }
        hits.append(Hit{id, 1, end});
    };
    const qsizetype n = text.size();
    const char16_t* s = text.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        const qint32 bucket = m_bucketOf[s[i]];
        if (bucket < 0)
            continue;
        const Bucket& bk = m_buckets.at(bucket);
        for (int id : bk.single)
            count(id, i);
        if (i + 1 >= n)
            continue;
        for (const auto& [second, ids] : bk.bySecond) {
            if (second != s[i + 1])
                continue;
            for (int id : ids) {
                // The first two characters matched already; compare the rest in place.
                const QString& c = m_cues.at(id);
                const qsizetype len = c.size();
                if (len > n - i)
                    continue;
                const QChar* cu = c.constData();
                qsizetype k = 2;
                while (k < len && cu[k].unicode() == s[i + k])
                    ++k;
                if (k == len)
                    count(id, i);
            }
            break;
        }
    }
    return hits;
}

} // namespace pc
