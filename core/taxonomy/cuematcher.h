// Every cue word of the taxonomy found in a text in one pass, instead of one search per cue: the
// classifier asks which of ~1,500 cues occur in a few short texts per target.
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

#include <bitset>

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
    static quint32 pairKey(char16_t a, char16_t b) { return (quint32(a) << 16) | b; }
    static std::size_t pairBit(char16_t a, char16_t b) { return (std::size_t(a) * 31u + b) & 0xffffu; }

    QList<QString> m_cues;
    QHash<QString, int> m_ids;
    QHash<quint32, QList<int>> m_byPair;  // first two characters → cues of two or more characters
    QHash<char16_t, QList<int>> m_single; // one-character cues
    std::bitset<65536> m_first;           // a cue starts with this character
    std::bitset<65536> m_pairs;           // hash of the first two characters of a cue (no false negatives)
};

} // namespace pc
