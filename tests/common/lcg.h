// Generated inputs for the tests that compare a hand-written scanner (or decoder, or matcher) with the
// regular expression or the plain code it replaces: a linear congruential generator, so every machine
// draws the same numbers and a failure names an input that can be drawn again.
#pragma once

#include <QString>
#include <QStringList>

namespace pc::test {

class Lcg {
public:
    explicit Lcg(quint32 seed)
        : m_seed(seed) {}
    // A number in [0, bound).
    quint32 operator()(quint32 bound) {
        m_seed = m_seed * 1664525u + 1013904223u;
        return (m_seed >> 8) % bound;
    }
    // Fewer than `bound` words of `words`, each drawn anew: a text made of the pieces a pattern knows.
    QString words(const QStringList& words, quint32 bound) {
        QString s;
        const quint32 n = (*this)(bound);
        for (quint32 k = 0; k < n; ++k)
            s += words.at(qsizetype((*this)(quint32(words.size()))));
        return s;
    }

private:
    quint32 m_seed;
};

} // namespace pc::test
