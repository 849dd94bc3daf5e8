// ReadResult's look-ups (origin and page of an offset) and the format names.
#include "readresult.h"

#include <algorithm>

namespace pc::read {

QString formatName(Format format) {
    switch (format) {
    case Format::Text:
        return QStringLiteral("text");
    case Format::Pdf:
        return QStringLiteral("pdf");
    case Format::Docx:
        return QStringLiteral("docx");
    case Format::Html:
        return QStringLiteral("html");
    case Format::Doc:
        return QStringLiteral("doc");
    case Format::Wps:
        return QStringLiteral("wps");
    case Format::Ofd:
        return QStringLiteral("ofd");
    case Format::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Origin ReadResult::originAt(qsizetype offset) const {
    // First run whose end lies past offset; it covers offset if it starts at or before it.
    auto it = std::upper_bound(origins.cbegin(), origins.cend(), offset,
                               [](qsizetype o, const OriginRun& r) { return o < r.start + r.length; });
    if (it == origins.cend() || it->start > offset || offset < 0)
        return {};
    return it->origin;
}

int ReadResult::pageAt(qsizetype offset) const {
    return pageOfOffset(pageStarts, offset);
}

int pageOfOffset(const QList<qsizetype>& pageStarts, qsizetype offset) {
    if (pageStarts.isEmpty() || offset < 0)
        return 0;
    // Number of page starts at or before offset; text before the first page start is on page 1.
    const auto it = std::upper_bound(pageStarts.cbegin(), pageStarts.cend(), offset);
    return std::max(1, int(it - pageStarts.cbegin()));
}

} // namespace pc::read
