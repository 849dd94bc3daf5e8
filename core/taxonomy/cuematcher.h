// Every cue word of the taxonomy found in a text in one pass, instead of one search per cue: the
// classifier asks which of ~1,500 cues occur in a few short texts per target.
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

#include <utility>
#include <vector>

namespace pc {

class CueMatcher {
public:
    struct Hit {
        int cue = -1;
        int count = 0;          // occurrences that do not overlap each other, at most maxCount
        qsizetype lastEnd = -1; // end of the last counted occurrence
    };
    using Hits = QVarLengthArray<Hit, 32>;

    // Adds a cue (the same text twice gives the same id); empty cues are never found. Returns its id.
    int add(const QString& cue);
    qsizetype size() const { return m_cues.size(); }
    const QString& cue(int id) const { return m_cues.at(id); }
    int length(int id) const { return int(m_cues.at(id).size()); }

    // The cues in `text`, each with how often it occurs: occurrences are counted from the left, the
    // next one starting at or after the end of the previous (what repeated indexOf(cue, end) counts),
    // up to maxCount.
    Hits find(QStringView text, int maxCount) const;

private:
    // Cues by their first character: one array lookup per character of the text, then only the few
    // cues that start there are compared.
    struct Bucket {
        QList<int> single;                               // one-character cues
        QList<std::pair<char16_t, QList<int>>> bySecond; // second character → cues of 2+ characters
    };

    // Filters that fit the L1 cache, read first at every character of the text (most characters start
    // no cue; the bucket table below is 256 KB): one bit per first character of a one-character cue,
    // one bit per hash of the first two characters of a longer cue (a set bit may be another pair's).
    static constexpr int kFilterBits = 1 << 16;
    static quint32 pairSlot(char16_t first, char16_t second) {
        return ((quint32(first) * 0x9E3779B1u) ^ (quint32(second) * 0x85EBCA77u)) >> 16;
    }
    static bool test(const std::vector<quint64>& bits, quint32 at) {
        return (bits[at >> 6] >> (at & 63)) & 1u;
    }

    QList<QString> m_cues;
    QHash<QString, int> m_ids;
    QList<Bucket> m_buckets;
    std::vector<qint32> m_bucketOf = std::vector<qint32>(65536, -1); // first character → bucket, or -1
    std::vector<quint64> m_singleBits = std::vector<quint64>(kFilterBits / 64, 0);
    std::vector<quint64> m_pairBits = std::vector<quint64>(kFilterBits / 64, 0);
};

} // namespace pc
