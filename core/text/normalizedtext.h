// Normalized text with a map back to the source: every normalized offset knows its source offset.
#pragma once

#include "model/span.h"

#include <QList>
#include <QString>

#include <algorithm>

namespace pc::text {

// The normalized text is the source with full-width ASCII folded (digits, letters, ．％＋－ …; the
// Chinese sentence punctuation （），。、：；！？ is kept because it carries meaning there), the
// numbering after a line-initial number unified to '.', and noise removed ("[image: …]",
// "[bookmark: …]", page-mark lines "－ 1 －", CR). Folding is one character for one character;
// only removals shift offsets, so the map is a short list of segments (cheap on 50 MB files).
class NormalizedText {
public:
    const QString& text() const { return m_text; }
    qsizetype size() const { return m_text.size(); }

    // Source offset of normalized offset n (n == size() maps to the source end).
    qsizetype toSource(qsizetype n) const;
    // Appends toSource(i) for every i in [start, end) to `out`: one search for the whole range, then
    // a walk along the segments (a measure body maps each of its characters).
    void appendSourceOffsets(qsizetype start, qsizetype end, QList<qsizetype>& out) const;
    // Source span of the normalized range [start, end): from the first to just after the last character.
    Span sourceSpan(qsizetype start, qsizetype end) const;
    qsizetype removedCount() const { return m_sourceSize - m_text.size(); }

    friend NormalizedText normalize(const QString& source);

private:
    struct Segment {
        qsizetype norm; // first normalized offset of the segment
        qsizetype src;  // its source offset; inside a segment offsets advance together
    };
    // Inline: normalize() calls it for every character of the file.
    void append(QChar c, qsizetype src) {
        // m_text was sized to the source (normalizing never lengthens it); m_length is what is written.
        const qsizetype n = m_length;
        if (m_segments.isEmpty() || m_segments.constLast().src - m_segments.constLast().norm != src - n)
            m_segments.append({n, src});
        m_buffer[n] = c;
        ++m_length;
    }

    // Appends `count` characters that normalizing leaves as they are, from source offset `src` on: one
    // segment check for the run (its characters advance with the source), then one copy.
    void appendRun(const QChar* from, qsizetype count, qsizetype src) {
        const qsizetype n = m_length;
        if (m_segments.isEmpty() || m_segments.constLast().src - m_segments.constLast().norm != src - n)
            m_segments.append({n, src});
        std::copy_n(from, count, m_buffer + n);
        m_length += count;
    }

    QString m_text;
    QChar* m_buffer = nullptr; // while normalize() writes: m_text's characters
    qsizetype m_length = 0;    // while normalize() writes: how many are written
    QList<Segment> m_segments;
    qsizetype m_sourceSize = 0;
};

NormalizedText normalize(const QString& source);

// Folds one character the way normalize() does (no removal); used to compare body text with source.
// Inline: normalize() folds every character of the file.
inline QChar foldChar(QChar c) {
    const char16_t u = c.unicode();
    if (u == 0x3000)
        return QLatin1Char(' ');
    if (u >= 0xFF01 && u <= 0xFF5E) {
        // Chinese sentence punctuation stays as written: it is how the plans (and readers) mark clauses.
        switch (u) {
        case 0xFF08: // （
        case 0xFF09: // ）
        case 0xFF0C: // ，
        case 0xFF1A: // ：
        case 0xFF1B: // ；
        case 0xFF01: // ！
        case 0xFF1F: // ？
            return c;
        default:
            return QChar(static_cast<char16_t>(u - 0xFEE0));
        }
    }
    return c;
}

} // namespace pc::text
