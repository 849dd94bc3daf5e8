// Normalized text with a map back to the source: every normalized offset knows its source offset.
#pragma once

#include "model/span.h"

#include <QList>
#include <QString>

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
    void append(QChar c, qsizetype src);

    QString m_text;
    QChar* m_buffer = nullptr; // while normalize() writes: m_text's characters
    qsizetype m_length = 0;    // while normalize() writes: how many are written
    QList<Segment> m_segments;
    qsizetype m_sourceSize = 0;
};

NormalizedText normalize(const QString& source);

// Folds one character the way normalize() does (no removal); used to compare body text with source.
QChar foldChar(QChar c);

} // namespace pc::text
