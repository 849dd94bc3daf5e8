// Character LCS diff: a dynamic-programming table of common-suffix lengths, walked forwards.
#include "chardiff.h"

#include <algorithm>
#include <vector>

namespace pc::align {

namespace {

void append(QList<DiffRun>& runs, qsizetype at, bool common) {
    if (!runs.isEmpty() && runs.last().common == common && runs.last().start + runs.last().length == at) {
        ++runs.last().length;
        return;
    }
    runs << DiffRun{at, 1, common};
}

void appendRest(QList<DiffRun>& runs, qsizetype from, qsizetype to) {
    if (from >= to)
        return;
    if (!runs.isEmpty() && !runs.last().common && runs.last().start + runs.last().length == from)
        runs.last().length += to - from;
    else
        runs << DiffRun{from, to - from, false};
}

} // namespace

CharDiff charDiff(const QString& left, const QString& right) {
    CharDiff out;
    const qsizetype n = std::min(left.size(), kMaxDiffLength);
    const qsizetype m = std::min(right.size(), kMaxDiffLength);
    out.truncated = n < left.size() || m < right.size();
    // lcs[i][j]: length of the LCS of left[i..n) and right[j..m); 16 bits suffice for 4000.
    const qsizetype w = m + 1;
    std::vector<quint16> lcs(size_t((n + 1) * w), 0);
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[size_t(i * w + j)] = left.at(i) == right.at(j)
                                         ? quint16(lcs[size_t((i + 1) * w + j + 1)] + 1)
                                         : std::max(lcs[size_t((i + 1) * w + j)], lcs[size_t(i * w + j + 1)]);
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (left.at(i) == right.at(j)) {
            append(out.left, i++, true);
            append(out.right, j++, true);
            ++out.commonLength;
        } else if (lcs[size_t((i + 1) * w + j)] >= lcs[size_t(i * w + j + 1)]) {
            append(out.left, i++, false);
        } else {
            append(out.right, j++, false);
        }
    }
    appendRest(out.left, i, left.size());
    appendRest(out.right, j, right.size());
    return out;
}

QList<DiffRun> withoutStrayMatches(const QList<DiffRun>& runs, qsizetype minCommon) {
    QList<DiffRun> out;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        DiffRun r = runs.at(i);
        const bool betweenChanges = (i > 0 || i + 1 < runs.size()) && r.length < minCommon;
        if (r.common && betweenChanges)
            r.common = false;
        if (!out.isEmpty() && !out.last().common && !r.common)
            out.last().length += r.length;
        else
            out << r;
    }
    return out;
}

} // namespace pc::align
