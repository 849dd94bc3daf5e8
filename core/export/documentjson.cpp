// JSON writing of the document model; offsets are UTF-16 offsets into Document::source.
#include "documentjson.h"

#include <QJsonArray>

namespace pc {
namespace {

QJsonArray unitsToJson(const QList<Unit>& units) {
    QJsonArray a;
    for (const Unit& u : units)
        a.append(QJsonObject{{QStringLiteral("written"), u.written},
                             {QStringLiteral("normalized"), u.normalized}});
    return a;
}

} // namespace

QJsonObject spanToJson(const Span& s) {
    return QJsonObject{{QStringLiteral("start"), static_cast<qint64>(s.start)},
                       {QStringLiteral("end"), static_cast<qint64>(s.end)}};
}

QJsonObject measureToJson(const Measure& m, bool withOffsets) {
    QJsonObject o;
    o[QStringLiteral("number")] = m.number;
    o[QStringLiteral("title")] = m.title;
    o[QStringLiteral("areaHeading")] = m.areaHeading;
    o[QStringLiteral("area")] = m.area;
    o[QStringLiteral("sectionId")] = m.sectionId;
    o[QStringLiteral("body")] = m.body;
    if (withOffsets) {
        QJsonArray offsets;
        for (qsizetype off : m.bodyOffsets)
            offsets.append(static_cast<qint64>(off));
        o[QStringLiteral("bodyOffsets")] = offsets;
    }
    o[QStringLiteral("lead")] = unitsToJson(m.lead);
    o[QStringLiteral("partners")] = unitsToJson(m.partners);
    o[QStringLiteral("deadline")] = m.deadline;
    o[QStringLiteral("remark")] = m.remark;
    o[QStringLiteral("span")] = spanToJson(m.span);
    o[QStringLiteral("titleSpan")] = spanToJson(m.titleSpan);
    o[QStringLiteral("confidence")] = m.confidence;
    QJsonArray items;
    for (const SubItem& s : m.items) {
        items.append(QJsonObject{{QStringLiteral("label"), s.label},
                                 {QStringLiteral("text"), s.text},
                                 {QStringLiteral("span"), spanToJson(s.span)},
                                 {QStringLiteral("lead"), unitsToJson(s.lead)},
                                 {QStringLiteral("partners"), unitsToJson(s.partners)},
                                 {QStringLiteral("deadline"), s.deadline}});
    }
    o[QStringLiteral("items")] = items;
    return o;
}

QJsonObject documentToJson(const Document& doc) {
    QJsonObject meta{{QStringLiteral("docId"), doc.meta.docId},
                     {QStringLiteral("jurisdiction"), doc.meta.jurisdiction},
                     {QStringLiteral("level"), doc.meta.level},
                     {QStringLiteral("year"), doc.meta.year},
                     {QStringLiteral("docNumber"), doc.meta.docNumber},
                     {QStringLiteral("issuer"), doc.meta.issuer},
                     {QStringLiteral("issuedOn"), doc.meta.issuedOn},
                     {QStringLiteral("title"), doc.meta.title},
                     {QStringLiteral("jurisdictionCode"), doc.meta.jurisdictionCode},
                     {QStringLiteral("planKind"), doc.meta.planKind},
                     {QStringLiteral("implementsTitle"), doc.meta.implementsTitle},
                     {QStringLiteral("implementsDocNumber"), doc.meta.implementsDocNumber},
                     {QStringLiteral("fromManifest"), QJsonArray::fromStringList(doc.meta.fromManifest)}};
    QJsonArray sections;
    for (const Section& s : doc.sections)
        sections.append(QJsonObject{{QStringLiteral("id"), s.id},
                                    {QStringLiteral("parentId"), s.parentId},
                                    {QStringLiteral("level"), s.level},
                                    {QStringLiteral("label"), s.label},
                                    {QStringLiteral("heading"), s.heading},
                                    {QStringLiteral("span"), spanToJson(s.span)}});
    QJsonArray measures;
    for (const Measure& m : doc.measures)
        measures.append(measureToJson(m));
    QJsonArray issues;
    for (const Issue& i : doc.issues)
        issues.append(QJsonObject{{QStringLiteral("severity"), severityName(i.severity)},
                                  {QStringLiteral("code"), i.code},
                                  {QStringLiteral("message"), i.message},
                                  {QStringLiteral("span"), spanToJson(i.span)}});
    QJsonArray pageStarts;
    for (const qsizetype p : doc.pageStarts)
        pageStarts.append(static_cast<qint64>(p));
    return QJsonObject{{QStringLiteral("path"), doc.path},
                       {QStringLiteral("sha256"), doc.sha256},
                       {QStringLiteral("format"), doc.format},
                       {QStringLiteral("pageStarts"), pageStarts},
                       {QStringLiteral("encoding"), doc.encoding},
                       {QStringLiteral("layout"), layoutName(doc.layout)},
                       {QStringLiteral("confidence"), doc.confidence},
                       {QStringLiteral("sourceLength"), static_cast<qint64>(doc.source.size())},
                       {QStringLiteral("meta"), meta},
                       {QStringLiteral("sections"), sections},
                       {QStringLiteral("measures"), measures},
                       {QStringLiteral("issues"), issues}};
}

} // namespace pc
