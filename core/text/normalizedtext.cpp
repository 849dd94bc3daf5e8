// Normalization (folding, numbering, noise removal) with a segment map back to the source.
#include "normalizedtext.h"

#include <algorithm>

namespace pc::text {

qsizetype NormalizedText::toSource(qsizetype n) const {
    if (m_segments.isEmpty())
        return std::min(n, m_sourceSize);
    if (n >= m_text.size()) {
        if (m_text.isEmpty())
            return m_sourceSize;
        return toSource(m_text.size() - 1) + 1 + (n - m_text.size());
    }
    auto it = std::upper_bound(m_segments.cbegin(), m_segments.cend(), n,
                               [](qsizetype v, const Segment& s) { return v < s.norm; });
    if (it == m_segments.cbegin())
        return n;
    --it;
    return it->src + (n - it->norm);
}

void NormalizedText::appendSourceOffsets(qsizetype start, qsizetype end, QList<qsizetype>& out) const {
    if (end <= start)
        return;
    // Sized once and written through a pointer: an append per character cost a capacity check and a
    // call each (a measure body maps every one of its characters).
    const qsizetype old = out.size();
    out.resize(old + (end - start));
    qsizetype* w = out.data() + old;
    qsizetype i = std::max<qsizetype>(start, 0);
    for (qsizetype k = start; k < i; ++k)
        *w++ = toSource(k);
    if (m_segments.isEmpty()) {
        for (; i < end; ++i)
            *w++ = std::min(i, m_sourceSize);
        return;
    }
    const qsizetype inText = std::min(end, m_text.size());
    if (i < inText) {
        // The segment holding i (or none before the first segment: offsets are then unchanged).
        qsizetype seg = std::upper_bound(m_segments.cbegin(), m_segments.cend(), i,
                                         [](qsizetype v, const Segment& s) { return v < s.norm; }) -
                        m_segments.cbegin() - 1;
        const qsizetype count = m_segments.size();
        const Segment* segs = m_segments.constData();
        while (i < inText) {
            // Up to the next segment's start the offsets advance with i.
            const qsizetype stop = seg + 1 < count ? std::min(inText, segs[seg + 1].norm) : inText;
            const qsizetype delta = seg < 0 ? 0 : segs[seg].src - segs[seg].norm;
            for (; i < stop; ++i)
                *w++ = i + delta;
            ++seg;
        }
    }
    for (; i < end; ++i)
        *w++ = toSource(i);
}

Span NormalizedText::sourceSpan(qsizetype start, qsizetype end) const {
    if (start < 0 || end < start)
        return {};
    if (end == start) {
        const qsizetype s = toSource(start);
        return {s, s};
    }
    return {toSource(start), toSource(end - 1) + 1};
}

namespace {

bool isDash(QChar c) {
    const char16_t u = c.unicode();
    return u == u'-' || u == 0xFF0D || u == 0x2014 || u == 0x2013 || u == 0x2212;
}

// Whether normalize() copies a character as it is, wherever it stands (except a line's numbering
// mark): not a CR, not the [ of a marker, not a full-width space or ASCII form (what foldChar folds).
inline bool keptAsIs(char16_t u) {
    return u != u'\r' && u != u'[' && u != 0x3000 && (u < 0xFF01 || u > 0xFF5E);
}

// "－ 1 －" alone on a line: a page number left by a word processor.
bool isPageMark(const QString& s, qsizetype from, qsizetype to) {
    qsizetype i = from;
    auto skipSpace = [&] {
        while (i < to && (s.at(i).isSpace()))
            ++i;
    };
    skipSpace();
    if (i >= to || !isDash(s.at(i)))
        return false;
    ++i;
    skipSpace();
    const qsizetype digits = i;
    while (i < to && (s.at(i).isDigit()))
        ++i;
    if (i == digits)
        return false;
    skipSpace();
    if (i >= to || !isDash(s.at(i)))
        return false;
    ++i;
    skipSpace();
    return i == to;
}

// Length of a "[image: …]" / "[bookmark: …]" marker starting at i, or 0.
qsizetype noiseMarker(const QString& s, qsizetype i) {
    static const QString image = QStringLiteral("[image:");
    static const QString bookmark = QStringLiteral("[bookmark:");
    const QStringView rest = QStringView(s).mid(i);
    if (!rest.startsWith(image) && !rest.startsWith(bookmark))
        return 0;
    const qsizetype close = s.indexOf(QLatin1Char(']'), i);
    const qsizetype nl = s.indexOf(QLatin1Char('\n'), i);
    if (close < 0 || (nl >= 0 && nl < close) || close - i > 200)
        return 0;
    return close - i + 1;
}

} // namespace

NormalizedText normalize(const QString& source) {
    NormalizedText out;
    out.m_sourceSize = source.size();
    out.m_text.resize(source.size()); // written through m_buffer by append(), cut to m_length below
    out.m_buffer = out.m_text.data();
    out.m_length = 0;
    const qsizetype n = source.size();
    qsizetype lineStart = 0;
    while (lineStart < n) {
        qsizetype lineEnd = source.indexOf(QLatin1Char('\n'), lineStart);
        const bool hasNewline = lineEnd >= 0;
        if (!hasNewline)
            lineEnd = n;
        if (isPageMark(source, lineStart, lineEnd)) {
            lineStart = lineEnd + 1; // drop the line with its newline
            continue;
        }
        // Line-initial numbering "1、" / "1．" → "1." (after optional tabs/spaces).
        qsizetype numberEnd = -1;
        {
            qsizetype i = lineStart;
            while (i < lineEnd && (source.at(i) == QLatin1Char('\t') || source.at(i) == QLatin1Char(' ')))
                ++i;
            const qsizetype d0 = i;
            while (i < lineEnd && foldChar(source.at(i)).isDigit() && foldChar(source.at(i)).unicode() < 128)
                ++i;
            if (i > d0 && i - d0 <= 3 && i < lineEnd) {
                const char16_t u = source.at(i).unicode();
                if (u == u'、' || u == 0xFF0E || u == u'.')
                    numberEnd = i;
            }
        }
        const QChar* chars = source.constData();
        for (qsizetype i = lineStart; i < lineEnd; ++i) {
            // A run of characters kept as they are (nearly all of a line): copied at once.
            qsizetype j = i;
            const qsizetype runEnd = numberEnd >= i ? numberEnd : lineEnd;
            while (j < runEnd && keptAsIs(chars[j].unicode()))
                ++j;
            if (j > i) {
                out.appendRun(chars + i, j - i, i);
                i = j - 1;
                continue;
            }
            const QChar c = source.at(i);
            if (c == QLatin1Char('\r'))
                continue;
            if (c == QLatin1Char('[')) {
                const qsizetype len = noiseMarker(source, i);
                if (len > 0) {
                    i += len - 1;
                    continue;
                }
            }
            if (i == numberEnd)
                out.append(QLatin1Char('.'), i);
            else
                out.append(foldChar(c), i);
        }
        if (hasNewline)
            out.append(QLatin1Char('\n'), lineEnd);
        lineStart = lineEnd + 1;
    }
    out.m_text.truncate(out.m_length);
    out.m_buffer = nullptr;
    return out;
}

} // namespace pc::text
