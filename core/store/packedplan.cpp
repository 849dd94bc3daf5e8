// packPlan: a plan's packed row values, made off the storing thread (see packedplan.h).
#include "packedplan.h"

#include "model/document.h"
#include "sqlutil.h"
#include "textpack.h"

#include <QStringList>

#include <optional>
#include <string_view>

namespace pc::store {

QString unitsText(const Measure& m) {
    QStringList names;
    for (const Unit& u : m.lead)
        names << u.written;
    for (const Unit& u : m.partners)
        names << u.written;
    for (const SubItem& it : m.items) {
        for (const Unit& u : it.lead)
            names << u.written;
        for (const Unit& u : it.partners)
            names << u.written;
    }
    names.removeDuplicates();
    return names.join(QLatin1Char(' '));
}

bool PackedPlan::isFor(const Document& doc) const {
    return sourceLength == doc.source.size() && measures.size() == size_t(doc.measures.size());
}

PackedPlan packPlan(const Document& doc) {
    PackedPlan p;
    p.sourceLength = doc.source.size();
    p.sourceUtf8 = doc.source.toUtf8();
    p.source = packSourceUtf8(doc.source, p.sourceUtf8);
    const auto view = [](const QByteArray& a) { return std::string_view(a.constData(), size_t(a.size())); };
    p.measures.reserve(size_t(doc.measures.size()));
    for (const Measure& m : doc.measures) {
        PackedPlan::MeasureRow& r = p.measures.emplace_back();
        r.units = unitsText(m);
        r.utf8[0] = m.title.toUtf8();
        r.utf8[1] = m.body.toUtf8();
        r.utf8[2] = r.units.toUtf8();
        const QString& heading = m.areaHeading;
        const QByteArray headingUtf8 = heading.toUtf8();
        r.packed = textpack::packMeasure(view(r.utf8[0]), view(r.utf8[1]), view(r.utf8[2]),
                                         heading.isNull() ? std::nullopt : std::optional(view(headingUtf8)));
    }
    return p;
}

} // namespace pc::store
