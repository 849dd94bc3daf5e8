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
    const char16_t a = cue.at(0).unicode();
    m_first.set(a);
    if (cue.size() == 1) {
        m_single[a].append(id);
    } else {
        const char16_t b = cue.at(1).unicode();
        m_pairs.set(pairBit(a, b));
        m_byPair[pairKey(a, b)].append(id);
    }
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
        const char16_t a = s[i];
        if (!m_first.test(a))
            continue;
        if (!m_single.isEmpty()) {
            const auto one = m_single.constFind(a);
            if (one != m_single.cend()) {
                for (int id : *one)
                    count(id, i);
            }
        }
        if (i + 1 >= n || !m_pairs.test(pairBit(a, s[i + 1])))
            continue;
        const auto two = m_byPair.constFind(pairKey(a, s[i + 1]));
        if (two == m_byPair.cend())
            continue;
        for (int id : *two) {
            const QString& c = m_cues.at(id);
            if (c.size() <= n - i && text.mid(i, c.size()) == QStringView(c))
                count(id, i);
        }
    }
    return hits;
}

} // namespace pc
