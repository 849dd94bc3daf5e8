// One-pass cue search (see cuematcher.h).
#include "cuematcher.h"

#include <algorithm>

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
        m_singleBits[cue.at(0).unicode() >> 6] |= quint64(1) << (cue.at(0).unicode() & 63);
        return id;
    }
    const char16_t second = cue.at(1).unicode();
    const quint32 slot = pairSlot(cue.at(0).unicode(), second);
    m_pairBits[slot >> 6] |= quint64(1) << (slot & 63);
    // Kept sorted by the second character (found by binary search); each list keeps adding order.
    auto at =
        std::lower_bound(bk.bySecond.begin(), bk.bySecond.end(), second,
                         [](const std::pair<char16_t, QList<int>>& e, char16_t c) { return e.first < c; });
    if (at != bk.bySecond.end() && at->first == second)
        at->second.append(id);
    else
        bk.bySecond.insert(at, {second, QList<int>{id}});
    return id;
}

CueMatcher::Hits CueMatcher::find(QStringView text, int maxCount) const {
    Hits hits;
    // Where each cue's hit is in `hits` (-1: none yet), one slot per cue, reset before returning: no
    // search through the hits per occurrence. Per thread, so a const matcher serves several threads.
    thread_local std::vector<int> slotOf;
    if (slotOf.size() < size_t(m_cues.size()))
        slotOf.assign(size_t(m_cues.size()), -1);
    auto count = [&](int id, qsizetype at) {
        const qsizetype end = at + m_cues.at(id).size();
        int& slot = slotOf[size_t(id)];
        if (slot >= 0) {
            Hit& h = hits[slot];
            if (at >= h.lastEnd && h.count < maxCount) {
                ++h.count;
                h.lastEnd = end;
            }
            return;
        }
        slot = int(hits.size());
        hits.append(Hit{id, 1, end});
    };
    const qsizetype n = text.size();
    const char16_t* s = text.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        const bool single = test(m_singleBits, s[i]);
        const bool pair = i + 1 < n && test(m_pairBits, pairSlot(s[i], s[i + 1]));
        if (!single && !pair)
            continue;
        const qint32 bucket = m_bucketOf[s[i]];
        if (bucket < 0)
            continue;
        const Bucket& bk = m_buckets.at(bucket);
        for (int id : bk.single)
            count(id, i);
        if (!pair)
            continue;
        const auto entry = std::lower_bound(
            bk.bySecond.cbegin(), bk.bySecond.cend(), s[i + 1],
            [](const std::pair<char16_t, QList<int>>& e, char16_t c) { return e.first < c; });
        if (entry != bk.bySecond.cend() && entry->first == s[i + 1]) {
            for (int id : entry->second) {
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
        }
    }
    for (const Hit& h : hits)
        slotOf[size_t(h.cue)] = -1;
    return hits;
}

} // namespace pc
