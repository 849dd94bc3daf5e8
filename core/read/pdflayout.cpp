// Page geometry → reading-order text. Lines are clusters of words around a common vertical centre; a
// "region" is a run of consecutive lines whose word boxes leave one or more vertical white gutters
// free; such a region is either two text columns (read one after the other) or a table (rows from the
// vertical gaps between lines, cells from the gutters). Everything else is a single text flow whose
// lines are joined into paragraphs.
#include "pdflayout.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace pc::read::pdf {
namespace {

// ---------------------------------------------------------------------------------------------------
// Characters

// Simplified ideographs whose glyph Noto/Source Han SC (and most SC fonts) share with a radical in the
// CJK Radicals Supplement; a ToUnicode map built from the font's cmap may name the radical instead.
constexpr std::pair<char16_t, char16_t> kRadicalSupplement[] = {
    {0x2E8E, 0x5140}, {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11}, {0x2EB3, 0x7F51}, {0x2EC1, 0x864E},
    {0x2EC4, 0x897F}, {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2}, {0x2EC9, 0x8D1D}, {0x2ECB, 0x8F66},
    {0x2ED1, 0x9577}, {0x2ED3, 0x957F}, {0x2ED4, 0x95E8}, {0x2ED7, 0x96E8}, {0x2ED8, 0x9752},
    {0x2EDA, 0x9875}, {0x2EDB, 0x98CE}, {0x2EDC, 0x98DE}, {0x2EDD, 0x98DF}, {0x2EE2, 0x9A6C},
    {0x2EE3, 0x9AA8}, {0x2EE4, 0x9B3C}, {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F}, {0x2EE7, 0x5364},
    {0x2EE8, 0x9EA6}, {0x2EE9, 0x9EC4}, {0x2EEA, 0x9EFE}, {0x2EEC, 0x9F50}, {0x2EEE, 0x9F7F},
    {0x2EF0, 0x9F99}, {0x2EF3, 0x9F9F},
};

char16_t radicalToIdeograph(char16_t c) {
    if (c >= 0x2F00 && c <= 0x2FD5) {
        // Kangxi radicals decompose (NFKC) to their ideograph; 户 is the one SC form that differs.
        if (c == 0x2F3E)
            return 0x6237;
        const QString n = QString(QChar(c)).normalized(QString::NormalizationForm_KC);
        return n.size() == 1 ? n.at(0).unicode() : c;
    }
    if (c >= 0x2E80 && c <= 0x2EF3) {
        for (const auto& [radical, ideograph] : kRadicalSupplement) {
            if (radical == c)
                return ideograph;
        }
    }
    return c;
}

bool isLatinLike(char32_t c) {
    return !isCjk(c) && !QChar::isSpace(c);
}

char32_t firstChar(const QString& s) {
    if (s.isEmpty())
        return 0;
    const QChar c = s.front();
    if (c.isHighSurrogate() && s.size() >= 2)
        return QChar::surrogateToUcs4(c, s.at(1));
    return c.unicode();
}

char32_t lastChar(const QString& s) {
    if (s.isEmpty())
        return 0;
    const QChar c = s.back();
    if (c.isLowSurrogate() && s.size() >= 2)
        return QChar::surrogateToUcs4(s.at(s.size() - 2), c);
    return c.unicode();
}

// A space between two pieces of text is content only between Latin letters, digits and their
// punctuation; next to a CJK character it is the producer's layout (`不超过 9 个工作日`).
bool needsSpace(const QString& before, const QString& after) {
    const char32_t a = lastChar(before), b = firstChar(after);
    return a && b && isLatinLike(a) && isLatinLike(b);
}

const QRegularExpression& numberingRe() {
    static const QRegularExpression re(QStringLiteral(
        "^\\s*(?:第[一二三四五六七八九十百零〇\\d]+[章节条部分]|[一二三四五六七八九十]+[、．.]|"
        "[（(][一二三四五六七八九十\\d]{1,3}[）)]|\\d{1,3}[.．、](?!\\d)|[①-⑳])"));
    return re;
}

const QRegularExpression& pageNumberRe() {
    static const QRegularExpression re(
        QStringLiteral("^(?:[-－—–‒~]?\\s*\\d{1,4}\\s*[-－—–‒~]?|第\\s*\\d{1,4}\\s*页(?:\\s*[，,/"
                       "]?\\s*共\\s*\\d{1,4}\\s*页)?|"
                       "共\\s*\\d{1,4}\\s*页\\s*第\\s*\\d{1,4}\\s*页|\\d{1,4}\\s*/\\s*\\d{1,4}|"
                       "(?:page|Page|PAGE)\\s*\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?)$"));
    return re;
}

template <typename T> T percentile(QList<T> v, double p) {
    if (v.isEmpty())
        return T{};
    std::sort(v.begin(), v.end());
    const qsizetype i =
        std::clamp<qsizetype>(static_cast<qsizetype>(std::floor(p * (v.size() - 1) + 0.5)), 0, v.size() - 1);
    return v[i];
}

// ---------------------------------------------------------------------------------------------------
// Geometry

double emOf(const Word& w) {
    if (w.fontSize > 0.5)
        return w.fontSize;
    return std::max(1.0, w.box.height() * 0.8);
}

struct Line {
    QList<Word> words; // left to right
    QRectF box;
    double em = 10;
    QString text; // only for header/footer detection
};

// A run of text ready to emit: a whole line, or the part of a line inside one column or cell.
struct Segment {
    qsizetype start = 0, length = 0; // within Piece::text
    QRectF box;
    float confidence = 1.0f;
};
struct Piece {
    QString text;
    QList<Segment> segments; // one per word (OCR only)
    QRectF box;
    double em = 10;
    float confidence = 1.0f; // mean over words
    // Where it is emitted from, stamped by the Emitter when it receives the piece.
    int page = 0, block = 0;
    bool ocr = false;
};

Piece makePiece(const QList<Word>& words) {
    Piece p;
    double emSum = 0, confSum = 0;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        if (i > 0) {
            const Word& prev = words[i - 1];
            const double gap = w.box.left() - prev.box.right();
            if ((prev.spaceAfter || gap > 0.25 * emOf(prev)) && needsSpace(p.text, w.text))
                p.text += QLatin1Char(' ');
        }
        p.segments.append({p.text.size(), w.text.size(), w.box, w.confidence});
        p.text += w.text;
        p.box = p.box.isNull() ? w.box : p.box.united(w.box);
        emSum += emOf(w);
        confSum += w.confidence;
    }
    if (!words.isEmpty()) {
        p.em = emSum / double(words.size());
        p.confidence = float(confSum / double(words.size()));
    }
    return p;
}

QList<Line> buildLines(const PageWords& page) {
    QList<Word> words;
    words.reserve(page.words.size());
    for (const Word& w : page.words) {
        // Coordinates beyond any real page (damaged content streams) are dropped rather than laid out.
        const auto sane = [](double v) { return std::isfinite(v) && std::abs(v) < 1e6; };
        if (!w.text.isEmpty() && w.box.width() >= 0 && w.box.height() > 0 && sane(w.box.left()) &&
            sane(w.box.top()) && sane(w.box.right()) && sane(w.box.bottom()))
            words.append(w);
    }
    std::stable_sort(words.begin(), words.end(),
                     [](const Word& a, const Word& b) { return a.box.center().y() < b.box.center().y(); });
    QList<Line> lines;
    double anchorY = 0, anchorH = 0;
    for (const Word& w : words) {
        const double cy = w.box.center().y();
        if (lines.isEmpty() || cy > anchorY + 0.5 * std::min(anchorH, w.box.height())) {
            lines.append(Line{});
            anchorY = cy;
            anchorH = w.box.height();
        }
        lines.last().words.append(w);
    }
    for (Line& l : lines) {
        std::stable_sort(l.words.begin(), l.words.end(),
                         [](const Word& a, const Word& b) { return a.box.left() < b.box.left(); });
        // Fake bold: the same word drawn twice, slightly offset.
        QList<Word> kept;
        for (const Word& w : l.words) {
            if (!kept.isEmpty() && kept.last().text == w.text) {
                const QRectF both = kept.last().box.intersected(w.box);
                if (both.width() * both.height() > 0.6 * w.box.width() * w.box.height())
                    continue;
            }
            kept.append(w);
        }
        l.words = kept;
        QList<double> ems;
        for (const Word& w : l.words) {
            l.box = l.box.isNull() ? w.box : l.box.united(w.box);
            ems.append(emOf(w));
        }
        l.em = percentile(ems, 0.5);
        l.text = makePiece(l.words).text;
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const Line& a, const Line& b) { return a.box.top() < b.box.top(); });
    return lines;
}

// ---------------------------------------------------------------------------------------------------
// Running headers, footers and page numbers

struct BandLine {
    int page, line;
    QString key; // the text with its numbers masked, and the band
    double top;
    bool pageNumber;
};

QList<BandLine> bandCandidates(const QList<QList<Line>>& pages, const QList<PageWords>& src) {
    QList<BandLine> out;
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    for (qsizetype p = 0; p < pages.size(); ++p) {
        const QList<Line>& lines = pages[p];
        const QRectF rect = src[p].rect;
        const double band = 0.15 * rect.height();
        const qsizetype n = lines.size();
        for (qsizetype i = 0; i < n; ++i) {
            const bool top = i < 2 && lines[i].box.bottom() <= rect.top() + band;
            const bool bottom = i >= n - 2 && lines[i].box.top() >= rect.bottom() - band;
            if (!top && !bottom)
                continue;
            QString t = lines[i].text;
            t.remove(QLatin1Char(' '));
            if (t.size() > 60)
                continue;
            const bool pageNumber = pageNumberRe().match(t).hasMatch();
            QString key = t;
            key.replace(digits, QStringLiteral("#"));
            key += QLatin1Char(top ? 'T' : 'B');
            out.append({int(p), int(i), key, lines[i].box.top(), pageNumber});
        }
    }
    return out;
}

void removeRunningText(QList<QList<Line>>& pages, const QList<PageWords>& src, LayoutStats& stats) {
    const QList<BandLine> candidates = bandCandidates(pages, src);
    // Running text repeats at the same height (within 3 pt) on at least a quarter of the pages.
    QHash<QString, QList<double>> topsOfKey;
    for (const BandLine& c : candidates)
        topsOfKey[c.key].append(c.top);
    const qsizetype needed = std::max<qsizetype>(2, (pages.size() + 3) / 4);
    QList<QList<int>> drop(pages.size());
    for (const BandLine& c : candidates) {
        bool running = c.pageNumber;
        if (!running) {
            const QList<double>& tops = topsOfKey[c.key];
            const qsizetype near =
                std::count_if(tops.begin(), tops.end(), [&](double t) { return std::abs(t - c.top) <= 3.0; });
            running = near >= needed;
        }
        if (running)
            drop[c.page].append(c.line);
    }
    for (qsizetype p = 0; p < pages.size(); ++p) {
        std::sort(drop[p].begin(), drop[p].end(), std::greater<>());
        for (int i : std::as_const(drop[p])) {
            if (stats.runningExamples.size() < 3 && !stats.runningExamples.contains(pages[p][i].text))
                stats.runningExamples.append(pages[p][i].text);
            pages[p].removeAt(i);
            ++stats.runningLinesRemoved;
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Output: paragraphs, table rows, origin runs

class Emitter {
public:
    // bodyBottom: the lowest text line of the document's pages, so a table row reaching it can be
    // recognised as broken over the page break.
    Emitter(ReadResult& out, double bodyBottom)
        : m_out(out)
        , m_bodyBottom(bodyBottom) {}

    void startPage(int number, bool ocr) {
        m_page = number;
        m_ocr = ocr;
        m_block = 0;
        m_pageHasContent = false;
        m_pageStartPending = true;
        m_out.pageStarts.append(m_out.text.size());
    }

    // One line of a text flow whose left and right edges are flowLeft/flowRight.
    void flowLine(Piece p, double flowLeft, double flowRight, int flowId) {
        if (p.text.isEmpty())
            return;
        flushRow();
        stamp(p);
        if (m_open) {
            const bool numbered = numberingRe().match(p.text).hasMatch();
            const bool indented = p.box.left() > flowLeft + 0.9 * p.em;
            // Line-breaking rules (no line starts with `：` `）` `。` `”`) can leave a wrapped line up to two
            // characters short of the margin; a paragraph's last line usually ends earlier, and when it does
            // not, the next paragraph's indent or number still starts a new one.
            const bool prevShort = m_last.box.right() < m_lastFlowRight - 2.5 * m_last.em;
            // OCR line heights vary with the glyphs on the line, so they say nothing about the font size.
            const bool fontChange =
                !m_ocr && !m_last.ocr && std::abs(p.em - m_last.em) > 0.2 * std::max(p.em, m_last.em);
            const bool sameFlow = flowId == m_lastFlow && m_page == m_last.page;
            const bool gap = sameFlow && p.box.top() - m_last.box.bottom() > 1.2 * m_last.box.height();
            if (numbered || indented || prevShort || fontChange || gap)
                m_out.text += QLatin1Char('\n');
            else if (needsSpace(m_out.text, p.text))
                m_out.text += QLatin1Char(' ');
        }
        append(p);
        m_open = true;
        m_last = p;
        m_lastFlowRight = flowRight;
        m_lastFlow = flowId;
    }

    void closeParagraph() {
        flushRow();
        if (m_open)
            m_out.text += QLatin1Char('\n');
        m_open = false;
    }

    // A table row with its column boundaries. The row is held back until the next item: when that item
    // is the first row of the next page's table, with the same columns and an empty first cell, and this
    // row reached the bottom of its page, the row was broken over the page break and the two are one.
    // Returns false when the row was joined to the previous one.
    bool tableRow(QList<QList<Piece>> cells, const QList<double>& gutters) {
        const bool joins = continues(cells, gutters);
        if (!joins)
            closeParagraph();
        for (auto& cell : cells) {
            for (Piece& p : cell)
                stamp(p);
        }
        if (joins) {
            double bottom = 0;
            for (qsizetype c = 0; c < cells.size(); ++c) {
                m_row[c] += cells[c];
                for (const Piece& p : std::as_const(cells[c]))
                    bottom = std::max(bottom, p.box.bottom());
            }
            m_rowBottom = bottom;
            m_rowPage = m_page;
            m_pageHasContent = true;
            ++m_joinedRows;
            return false;
        }
        m_row = cells;
        m_rowGutters = gutters;
        m_rowPage = m_page;
        m_rowBottom = 0;
        for (const auto& cell : std::as_const(cells)) {
            for (const Piece& p : cell)
                m_rowBottom = std::max(m_rowBottom, p.box.bottom());
        }
        m_pageHasContent = true;
        return true;
    }

    int joinedRows() const { return m_joinedRows; }

private:
    bool continues(const QList<QList<Piece>>& cells, const QList<double>& gutters) const {
        if (m_row.isEmpty() || m_pageHasContent || m_rowPage != m_page - 1 || cells.isEmpty() ||
            !cells[0].isEmpty() || gutters.size() != m_rowGutters.size() || cells.size() != m_row.size())
            return false;
        for (qsizetype g = 0; g < gutters.size(); ++g) {
            if (std::abs(gutters[g] - m_rowGutters[g]) > 6)
                return false;
        }
        double em = 0;
        for (const auto& cell : m_row) {
            if (!cell.isEmpty())
                em = std::max(em, cell.first().em);
        }
        if (m_rowBottom < m_bodyBottom - 1.5 * em)
            return false; // room was left below the row: the next one moved to the new page whole
        // Every cell the new part fills must have been cut off: its last line runs to the column's edge
        // (a finished cell ends with a short line or is empty in the continuation).
        for (qsizetype c = 0; c < cells.size(); ++c) {
            if (cells[c].isEmpty())
                continue;
            if (m_row[c].isEmpty())
                return false;
            double edge = c < gutters.size() ? gutters[c] : 0;
            if (c >= gutters.size()) {
                for (const Piece& p : m_row[c])
                    edge = std::max(edge, p.box.right());
                for (const Piece& p : cells[c])
                    edge = std::max(edge, p.box.right());
            }
            if (m_row[c].last().box.right() < edge - 2.5 * em)
                return false;
        }
        return true;
    }

    void stamp(Piece& p) {
        p.page = m_page;
        p.ocr = m_ocr;
        p.block = m_block++;
        m_pageHasContent = true;
    }

    void flushRow() {
        if (m_row.isEmpty())
            return;
        for (qsizetype c = 0; c < m_row.size(); ++c) {
            if (c > 0)
                m_out.text += QLatin1Char('\t');
            for (qsizetype i = 0; i < m_row[c].size(); ++i) {
                if (i > 0 && needsSpace(m_row[c][i - 1].text, m_row[c][i].text))
                    m_out.text += QLatin1Char(' ');
                append(m_row[c][i]);
            }
        }
        m_out.text += QLatin1Char('\n');
        m_row.clear();
    }

    void append(const Piece& p) {
        // A page starts at its first character; a held-back row of the page before does not count.
        if (m_pageStartPending && p.page == m_page) {
            m_out.pageStarts.last() = m_out.text.size();
            m_pageStartPending = false;
        }
        const qsizetype base = m_out.text.size();
        m_out.text += p.text;
        if (p.ocr) {
            for (const Segment& s : p.segments) {
                if (s.length > 0)
                    m_out.origins.append(
                        {base + s.start, s.length, Origin{p.page, p.block, s.box, true, s.confidence}});
            }
        } else {
            m_out.origins.append({base, p.text.size(), Origin{p.page, p.block, p.box, false, 1.0f}});
        }
    }

    ReadResult& m_out;
    double m_bodyBottom = 0;
    int m_page = 0;
    bool m_ocr = false;
    int m_block = 0;
    bool m_pageHasContent = false;
    bool m_pageStartPending = false;
    bool m_open = false;
    Piece m_last;
    double m_lastFlowRight = 0;
    int m_lastFlow = -1;
    // The row held back (see tableRow).
    QList<QList<Piece>> m_row;
    QList<double> m_rowGutters;
    int m_rowPage = 0;
    double m_rowBottom = 0;
    int m_joinedRows = 0;
};

// ---------------------------------------------------------------------------------------------------
// Regions: columns and tables

struct Interval {
    double a, b;
};

// Merges intervals closer than minGap.
void addCovered(QList<Interval>& merged, double a, double b, double minGap) {
    merged.append({a, b});
    std::sort(merged.begin(), merged.end(), [](const Interval& x, const Interval& y) { return x.a < y.a; });
    QList<Interval> out;
    for (const Interval& iv : std::as_const(merged)) {
        if (!out.isEmpty() && iv.a < out.last().b + minGap)
            out.last().b = std::max(out.last().b, iv.b);
        else
            out.append(iv);
    }
    merged = out;
}

struct Region {
    int first = 0, end = 0; // lines [first, end)
    QList<double> gutters;  // x of each column boundary, ascending
};

// The columnar region starting at line i, or one with no gutters when line i is ordinary text. The region
// grows while the union of its lines' word boxes leaves at least one vertical gutter free, and stops
// before a line that would fill a gutter already flanked by text of two lines on each side. A gutter
// needs no single line with text on both sides: the lines of two columns need not line up.
Region growRegion(const QList<Line>& lines, int i, double minGutter) {
    // Per line, the leftmost right edge and the rightmost left edge of its words: the line has text left
    // of a gutter (a, b) when minRight <= a, right of it when maxLeft >= b.
    auto edges = [&](int k) {
        double minRight = 1e300, maxLeft = -1e300;
        for (const Word& w : lines[k].words) {
            minRight = std::min(minRight, w.box.right());
            maxLeft = std::max(maxLeft, w.box.left());
        }
        return std::pair{minRight, maxLeft};
    };
    QList<std::pair<double, double>> regionEdges;
    auto flanks = [&](double a, double b) {
        int left = 0, right = 0;
        for (const auto& [minRight, maxLeft] : std::as_const(regionEdges)) {
            left += minRight <= a + 0.01;
            right += maxLeft >= b - 0.01;
        }
        return std::min(left, right);
    };
    QList<Interval> covered;
    int j = i;
    for (; j < lines.size(); ++j) {
        QList<Interval> trial = covered;
        for (const Word& w : lines[j].words)
            addCovered(trial, w.box.left(), w.box.right(), minGutter);
        if (trial.size() < 2 && j > i)
            break;
        // A first line in one piece starts a region only when the next line lies beside it (the other
        // column, a little lower): a line above a table or two columns would hide their gutters.
        if (j == i + 1 && covered.size() == 1 &&
            std::any_of(lines[j].words.begin(), lines[j].words.end(), [&](const Word& w) {
                return w.box.right() > covered[0].a && w.box.left() < covered[0].b;
            }))
            break;
        auto stillFree = [&](double x) {
            for (qsizetype n = 0; n + 1 < trial.size(); ++n) {
                if (trial[n].b <= x && x <= trial[n + 1].a)
                    return true;
            }
            return false;
        };
        bool lost = false;
        for (qsizetype g = 0; g + 1 < covered.size() && !lost; ++g) {
            const double a = covered[g].b, b = covered[g + 1].a;
            lost = flanks(a, b) >= 2 && !stillFree((a + b) / 2);
        }
        if (lost)
            break;
        covered = trial;
        regionEdges.append(edges(j));
    }
    Region r{i, std::max(j, i + 1), {}};
    int best = 0;
    QList<double> gutters;
    for (qsizetype g = 0; g + 1 < covered.size(); ++g) {
        gutters.append((covered[g].b + covered[g + 1].a) / 2);
        best = std::max(best, flanks(covered[g].b, covered[g + 1].a));
    }
    if (j - i >= 2 && best >= 2)
        r.gutters = gutters;
    return r;
}

int columnOf(const Word& w, const QList<double>& gutters) {
    const double x = w.box.center().x();
    int c = 0;
    while (c < gutters.size() && x > gutters[c])
        ++c;
    return c;
}

// The words of each line split by column: parts[line - first][column].
QList<QList<QList<Word>>> splitByColumn(const QList<Line>& lines, const Region& r) {
    QList<QList<QList<Word>>> parts;
    for (int k = r.first; k < r.end; ++k) {
        QList<QList<Word>> cols(r.gutters.size() + 1);
        for (const Word& w : lines[k].words)
            cols[columnOf(w, r.gutters)].append(w);
        parts.append(cols);
    }
    return parts;
}

int filledColumns(const QList<QList<Word>>& cols) {
    return int(std::count_if(cols.begin(), cols.end(), [](const QList<Word>& c) { return !c.isEmpty(); }));
}

struct Flow {
    double left = 0, right = 0;
};

Flow flowOf(const QList<Piece>& pieces, const Flow& fallback) {
    QList<double> lefts, rights;
    for (const Piece& p : pieces) {
        lefts.append(p.box.left());
        if (p.text.size() >= 8)
            rights.append(p.box.right());
    }
    if (pieces.size() < 5 || rights.size() < 3)
        return fallback;
    return {percentile(lefts, 0.1), percentile(rights, 0.9)};
}

class PageLayout {
public:
    PageLayout(const QList<Line>& lines, Emitter& emit, const Flow& docFlow, LayoutStats& stats)
        : m_lines(lines)
        , m_emit(emit)
        , m_stats(stats) {
        QList<double> ems;
        QList<Piece> pieces;
        for (const Line& l : lines) {
            ems.append(l.em);
            pieces.append(makePiece(l.words));
        }
        m_em = ems.isEmpty() ? 10 : percentile(ems, 0.5);
        m_flow = flowOf(pieces, docFlow);
    }

    void run() {
        const double minGutter = std::max(4.0, 0.8 * m_em);
        int i = 0;
        // Pathological pages (thousands of lines) are read as one flow rather than searched quadratically.
        const bool search = m_lines.size() <= 400;
        while (i < m_lines.size()) {
            const Region r = search ? growRegion(m_lines, i, minGutter) : Region{i, i + 1, {}};
            if (r.gutters.isEmpty()) {
                m_emit.flowLine(makePiece(m_lines[i].words), m_flow.left, m_flow.right, 0);
                ++i;
                continue;
            }
            columnar(r);
            i = r.end;
        }
    }

private:
    void columnar(Region r) {
        QList<QList<QList<Word>>> parts = splitByColumn(m_lines, r);
        // Lines of the first column above all text of the others (a heading, the end of the paragraph
        // above) belong to the page's flow.
        double firstOther = 1e300; // top of the highest word outside the first column
        for (const auto& cols : parts) {
            for (qsizetype c = 1; c < cols.size(); ++c) {
                for (const Word& w : cols[c])
                    firstOther = std::min(firstOther, w.box.top());
            }
        }
        int lead = 0;
        while (lead < parts.size() && filledColumns(parts[lead]) == 1 && !parts[lead][0].isEmpty() &&
               m_lines[r.first + lead].box.bottom() <= firstOther + 0.01)
            ++lead;
        for (int k = 0; k < lead; ++k)
            m_emit.flowLine(makePiece(m_lines[r.first + k].words), m_flow.left, m_flow.right, 0);
        parts.remove(0, lead);
        r.first += lead;
        if (parts.isEmpty())
            return;
        const int columns = int(r.gutters.size()) + 1;
        if (columns == 2 && isTextColumns(parts))
            textColumns(parts, columns);
        else
            table(r, parts, columns);
    }

    bool isTextColumns(const QList<QList<QList<Word>>>& parts) const {
        double lo[2] = {1e9, 1e9}, hi[2] = {-1e9, -1e9};
        int count[2] = {0, 0};
        for (const auto& cols : parts) {
            for (int c = 0; c < 2; ++c) {
                for (const Word& w : cols[c]) {
                    lo[c] = std::min(lo[c], w.box.left());
                    hi[c] = std::max(hi[c], w.box.right());
                }
                count[c] += !cols[c].isEmpty();
            }
        }
        if (count[0] < 3 || count[1] < 3)
            return false;
        const double w0 = hi[0] - lo[0], w1 = hi[1] - lo[1];
        if (w0 <= 0 || w1 <= 0 || std::max(w0, w1) / std::min(w0, w1) > 1.4)
            return false;
        // Text columns are filled to their right edge, line after line.
        for (int c = 0; c < 2; ++c) {
            int full = 0;
            for (const auto& cols : parts) {
                if (!cols[c].isEmpty() && cols[c].last().box.right() >= hi[c] - 2 * m_em)
                    ++full;
            }
            if (full * 2 < count[c])
                return false;
        }
        return true;
    }

    void textColumns(const QList<QList<QList<Word>>>& parts, int columns) {
        ++m_stats.columnRegions;
        for (int c = 0; c < columns; ++c) {
            QList<Piece> pieces;
            for (const auto& cols : parts) {
                if (!cols[c].isEmpty())
                    pieces.append(makePiece(cols[c]));
            }
            QList<double> lefts, rights;
            for (const Piece& p : pieces) {
                lefts.append(p.box.left());
                rights.append(p.box.right());
            }
            const Flow f{percentile(lefts, 0.1), percentile(rights, 0.9)};
            for (const Piece& p : pieces)
                m_emit.flowLine(p, f.left, f.right, 1 + c);
        }
    }

    void table(const Region& r, const QList<QList<QList<Word>>>& parts, int columns) {
        // Rows: a vertical gap clearly wider than the gap between the lines of one cell starts a row.
        QList<double> gaps;
        for (int k = r.first + 1; k < r.end; ++k)
            gaps.append(m_lines[k].box.top() - m_lines[k - 1].box.bottom());
        const double base = gaps.isEmpty() ? 0 : *std::min_element(gaps.begin(), gaps.end());
        const double maxGap = gaps.isEmpty() ? 0 : *std::max_element(gaps.begin(), gaps.end());
        const double threshold = std::max(2.0, 0.3 * m_em);
        const bool bimodal = maxGap - base > threshold;
        struct Row {
            QList<QList<Piece>> cells;
            QList<int> lines;
        };
        QList<Row> rows;
        for (qsizetype k = 0; k < parts.size(); ++k) {
            if (k == 0 || !bimodal || gaps[k - 1] > base + threshold)
                rows.append(Row{QList<QList<Piece>>(columns), {}});
            rows.last().lines.append(r.first + int(k));
            for (int c = 0; c < columns; ++c) {
                if (!parts[k][c].isEmpty())
                    rows.last().cells[c].append(makePiece(parts[k][c]));
            }
        }
        // Rows after the table with a single cell are the text below it (a short closing line).
        qsizetype tableEnd = rows.size();
        auto filled = [](const Row& row) {
            return std::count_if(row.cells.begin(), row.cells.end(),
                                 [](const QList<Piece>& c) { return !c.isEmpty(); });
        };
        while (tableEnd > 1 && filled(rows[tableEnd - 1]) == 1)
            --tableEnd;
        ++m_stats.tables;
        for (qsizetype k = 0; k < tableEnd; ++k)
            m_stats.tableRows += m_emit.tableRow(rows[k].cells, r.gutters) ? 1 : 0;
        for (qsizetype k = tableEnd; k < rows.size(); ++k) {
            for (int line : std::as_const(rows[k].lines))
                m_emit.flowLine(makePiece(m_lines[line].words), m_flow.left, m_flow.right, 0);
        }
    }

    const QList<Line>& m_lines;
    Emitter& m_emit;
    LayoutStats& m_stats;
    double m_em = 10;
    Flow m_flow;
};

} // namespace

bool isCjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x2010 && c <= 0x2027) || (c >= 0x20000 && c <= 0x3FFFF);
}

QString cleanText(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < 0x20 || c == 0x7F || c == 0xFEFF || c == 0xFFFD || (c >= 0xFFF0 && c <= 0xFFFC))
            continue;
        if (c >= 0xFB00 && c <= 0xFB06) {
            out += QString(ch).normalized(QString::NormalizationForm_KC);
            continue;
        }
        out += QChar(radicalToIdeograph(c));
    }
    return out;
}

LayoutStats layoutPages(const QList<PageWords>& pages, ReadResult& out) {
    LayoutStats stats;
    QList<QList<Line>> lines;
    lines.reserve(pages.size());
    for (const PageWords& p : pages)
        lines.append(buildLines(p));
    removeRunningText(lines, pages, stats);

    // The document's body margins, for pages with too few lines to have their own.
    QList<double> lefts, rights;
    for (qsizetype p = 0; p < lines.size(); ++p) {
        if (pages[p].ocr)
            continue;
        for (const Line& l : lines[p]) {
            lefts.append(l.box.left());
            if (l.text.size() >= 8)
                rights.append(l.box.right());
        }
    }
    Flow docFlow{percentile(lefts, 0.1), rights.isEmpty() ? 0.0 : percentile(rights, 0.9)};
    // Too few lines to see the right margin: assume it mirrors the left one.
    if (rights.size() < 5 && !pages.isEmpty())
        docFlow.right =
            std::max(docFlow.right, pages.first().rect.right() - (docFlow.left - pages.first().rect.left()));

    double bodyBottom = 0;
    for (const QList<Line>& page : std::as_const(lines)) {
        if (!page.isEmpty())
            bodyBottom = std::max(bodyBottom, page.last().box.bottom());
    }
    Emitter emit(out, bodyBottom);
    for (qsizetype p = 0; p < pages.size(); ++p) {
        emit.startPage(pages[p].number, pages[p].ocr);
        PageLayout(lines[p], emit, docFlow, stats).run();
    }
    emit.closeParagraph();
    stats.joinedRows = emit.joinedRows();
    return stats;
}

} // namespace pc::read::pdf
