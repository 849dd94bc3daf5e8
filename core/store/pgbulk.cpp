// PostgreSQL's bulk import path (see pgbulk.h). Every table's rows travel as a handful of array
// literals in one statement: QPSQL would otherwise send each row as its own EXECUTE round trip.
#include "pgbulk.h"

#include "extract/analysis.h"
#include "sqlutil.h"
#include "targetplacement.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace pc::store {

void ArrayLiteral::add(const QVariant& value) {
    if (m_count++ > 0)
        m_text += QLatin1Char(',');
    if (!value.isValid() || value.isNull()) {
        m_text += QStringLiteral("NULL");
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        if (std::isnan(d))
            m_text += QStringLiteral("NaN");
        else if (std::isinf(d))
            m_text += d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
        else
            m_text += QString::number(d, 'g', 17);
        return;
    }
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
        m_text += QString::number(value.toLongLong());
        return;
    case QMetaType::Bool:
        m_text += value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
        return;
    case QMetaType::QString:
        if (value.toString().isNull()) {
            m_text += QStringLiteral("NULL");
            return;
        }
        break;
    default:
        break;
    }
    QString s = value.toString();
    s.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    m_text += QLatin1Char('"') + s + QLatin1Char('"');
}

namespace {

// Column arrays of one table and the statement inserting them.
class Columns {
public:
    Columns(QStringList names, QStringList types)
        : m_names(std::move(names))
        , m_types(std::move(types))
        , m_arrays(m_names.size()) {}

    void row(const QVariantList& values) {
        for (qsizetype i = 0; i < values.size(); ++i)
            m_arrays[i].add(values[i]);
    }
    bool isEmpty() const { return m_arrays.isEmpty() || m_arrays.first().size() == 0; }

    // INSERT INTO table(names) SELECT * FROM unnest(CAST(? AS type[]), …) [tail]
    Result<QSqlQuery> insert(QSqlDatabase& db, const QString& table, const QString& tail, const QString& what,
                             const QString& label) const {
        QStringList casts;
        for (const QString& t : m_types)
            casts << QStringLiteral("CAST(? AS %1[])").arg(t);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(
                QStringLiteral("INSERT INTO %1(%2) SELECT * FROM unnest(%3)%4")
                    .arg(table, m_names.join(QStringLiteral(", ")), casts.join(QStringLiteral(", ")), tail)))
            return sqlError(q.lastError(), what, label);
        for (const ArrayLiteral& a : m_arrays)
            q.addBindValue(a.text());
        if (!q.exec())
            return sqlError(q.lastError(), what, label);
        return q;
    }

private:
    QStringList m_names;
    QStringList m_types;
    QList<ArrayLiteral> m_arrays;
};

QStringList split(const char* s) {
    return QString::fromLatin1(s).split(QLatin1Char(' '));
}

// pc_token_count (migration 2) in C++: CJK characters, each a token, plus runs of Latin letters and
// digits (ASCII, full-width, Latin-1 to Latin Extended-B, Greek, Cyrillic), each a token.
bool isCjkToken(char16_t u) {
    return (u >= 0x3400 && u <= 0x4DBF) || (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) ||
           (u >= 0x3040 && u <= 0x30FF) || (u >= 0xAC00 && u <= 0xD7AF) || u == 0x3007;
}

bool isWordChar(char16_t u) {
    return (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
           (u >= 0xFF10 && u <= 0xFF19) || (u >= 0xFF21 && u <= 0xFF3A) || (u >= 0xFF41 && u <= 0xFF5A) ||
           (u >= 0xC0 && u <= 0xD6) || (u >= 0xD8 && u <= 0xF6) || (u >= 0xF8 && u <= 0x24F) ||
           (u >= 0x370 && u <= 0x4FF);
}

} // namespace

qint64 searchTokenCount(const QString& s) {
    qint64 n = 0;
    bool inWord = false;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (isCjkToken(u))
            ++n;
        const bool word = isWordChar(u);
        if (word && !inWord)
            ++n;
        inWord = word;
    }
    return n;
}

namespace {

QString agencyName(const Unit& u) {
    return u.normalized.isEmpty() ? u.written : u.normalized;
}

} // namespace

Status insertPlanRowsPostgres(QSqlDatabase& db, const QString& label, qint64 documentId, const QString& docId,
                              const Analysis& analysis, const PlanRowRules& rules) {
    const Document& doc = analysis.document;

    Columns sections(split("document_id ordinal parent_ordinal level label heading span_start span_end"),
                     split("bigint bigint bigint bigint text text bigint bigint"));
    for (qsizetype i = 0; i < doc.sections.size(); ++i) {
        const Section& x = doc.sections[i];
        sections.row({documentId, x.id >= 0 ? x.id : int(i), x.parentId, x.level, x.label, x.heading,
                      qint64(x.span.start), qint64(x.span.end)});
    }
    if (!sections.isEmpty()) {
        if (Result<QSqlQuery> r = sections.insert(db, QStringLiteral("sections"), {},
                                                  QStringLiteral("storing sections of %1").arg(docId), label);
            !r)
            return r.error();
    }

    // Measures, their ids back by ordinal.
    Columns measures(
        split("document_id ordinal section_ordinal number title body units area_heading area "
              "parsed_area deadline remark span_start span_end title_start title_end confidence "
              "search_tokens"),
        split("bigint bigint bigint bigint text text text text text text text text bigint bigint "
              "bigint bigint float8 bigint"));
    for (qsizetype i = 0; i < doc.measures.size(); ++i) {
        const Measure& m = doc.measures[i];
        const QString units = rules.unitsText(m);
        measures.row({documentId, int(i), m.sectionId, m.number, text(m.title), text(m.body), text(units),
                      m.areaHeading, nullable(m.area), QVariant(QMetaType(QMetaType::QString)),
                      nullable(m.deadline), nullable(m.remark), qint64(m.span.start), qint64(m.span.end),
                      qint64(m.titleSpan.start), qint64(m.titleSpan.end), m.confidence,
                      searchTokenCount(m.title) + searchTokenCount(m.body) + searchTokenCount(units)});
    }
    QList<qint64> measureIds(doc.measures.size(), 0);
    if (!measures.isEmpty()) {
        Result<QSqlQuery> r =
            measures.insert(db, QStringLiteral("measures"), QStringLiteral(" RETURNING id, ordinal"),
                            QStringLiteral("storing measures of %1").arg(docId), label);
        if (!r)
            return r.error();
        while (r->next()) {
            const qint64 ordinal = r->value(1).toLongLong();
            if (ordinal >= 0 && ordinal < measureIds.size())
                measureIds[ordinal] = r->value(0).toLongLong();
        }
    }

    // Responsible units: new names first (in name order, so two importers lock them in the same
    // order), then every name's id.
    QStringList names;
    for (const Measure& m : doc.measures) {
        for (const QList<Unit>* units : {&m.lead, &m.partners}) {
            for (const Unit& u : *units)
                names << agencyName(u);
        }
    }
    names.removeDuplicates();
    std::sort(names.begin(), names.end());
    if (!names.isEmpty()) {
        const QString what = QStringLiteral("storing units of %1").arg(docId);
        ArrayLiteral nameArray;
        for (const QString& n : std::as_const(names))
            nameArray.add(n);
        Result<QSqlQuery> added =
            exec(db,
                 QStringLiteral("INSERT INTO agencies(name) SELECT n FROM unnest(CAST(? AS "
                                "text[])) n ORDER BY n ON CONFLICT DO NOTHING"),
                 {nameArray.text()});
        if (!added)
            return added.error();
        added->finish();
        Result<QSqlQuery> found =
            exec(db, QStringLiteral("SELECT id, name FROM agencies WHERE name = ANY(CAST(? AS text[]))"),
                 {nameArray.text()});
        if (!found)
            return found.error();
        QHash<QString, qint64> agencyIds;
        while (found->next())
            agencyIds.insert(found->value(1).toString(), found->value(0).toLongLong());
        Columns links(split("measure_id agency_id role ordinal written"),
                      split("bigint bigint bigint bigint text"));
        for (qsizetype i = 0; i < doc.measures.size(); ++i) {
            const Measure& m = doc.measures[i];
            int ordinal = 0;
            for (const auto& [units, role] :
                 {std::pair{&m.lead, kLeadRole}, std::pair{&m.partners, kPartnerRole}}) {
                for (const Unit& u : *units) {
                    const qint64 aid = agencyIds.value(agencyName(u));
                    if (aid == 0)
                        return Status::failure(
                            QStringLiteral("%1 while %2: unit \u201c%3\u201d was not stored")
                                .arg(label, what, agencyName(u)),
                            QStringLiteral("db-query"));
                    // NULL where the spelling is the agency's name (migration 14).
                    links.row({measureIds[i], aid, role, ordinal++,
                               agencyName(u) == u.written ? QVariant(QMetaType(QMetaType::QString))
                                                          : QVariant(u.written)});
                }
            }
        }
        if (!links.isEmpty()) {
            if (Result<QSqlQuery> r = links.insert(db, QStringLiteral("measure_agencies"),
                                                   QStringLiteral(" ON CONFLICT DO NOTHING"), what, label);
                !r)
                return r.error();
        }
    }

    Columns targets(split("measure_id document_id ordinal area indicator scope kind comparator value unit "
                          "baseline deadline p_area p_indicator p_scope p_kind p_comparator p_value p_unit "
                          "p_baseline p_deadline span_start span_end quote sentence confidence "
                          "indicator_confidence qualitative measure_ordinal measure_number section "
                          "section_heading"),
                    split("bigint bigint bigint text text text text text float8 text "
                          "float8 text text text text text text float8 text "
                          "float8 text bigint bigint text text float8 "
                          "float8 bigint bigint bigint text text"));
    for (qsizetype i = 0; i < analysis.targets.size(); ++i) {
        const Target& t = analysis.targets[i];
        const Result<TargetPlacement> place = placeTarget(doc, t, docId);
        if (!place)
            return place.error();
        const qsizetype mi = place->measure;
        const QVariantList effective{nullable(t.area), nullable(t.indicator),  nullable(t.scope),
                                     nullable(t.kind), nullable(t.comparator), nullable(t.value),
                                     nullable(t.unit), nullable(t.baseline),   nullable(t.deadline)};
        QVariantList row{mi >= 0 ? QVariant(measureIds[mi]) : QVariant(), documentId, int(i)};
        row << effective << effective;
        row << qint64(t.span.start) << qint64(t.span.end) << t.quote
            << rules.sentenceAround(doc.source, t.span.start, t.span.end) << t.confidence
            << t.indicatorConfidence << (t.qualitative ? 1 : 0) << int(place->sortMeasure())
            << (mi >= 0 ? doc.measures[mi].number : 0)
            << (t.section.isEmpty() ? QStringLiteral("measure") : t.section)
            << (t.sectionHeading.isEmpty() ? QStringLiteral("") : t.sectionHeading);
        targets.row(row);
    }
    if (!targets.isEmpty()) {
        if (Result<QSqlQuery> r = targets.insert(db, QStringLiteral("targets"), {},
                                                 QStringLiteral("storing targets of %1").arg(docId), label);
            !r)
            return r.error();
    }

    Columns issues(split("document_id severity code message span_start span_end"),
                   split("bigint text text text bigint bigint"));
    for (const Issue& is : doc.issues)
        issues.row({documentId, severityName(is.severity), is.code, is.message, qint64(is.span.start),
                    qint64(is.span.end)});
    if (!issues.isEmpty()) {
        if (Result<QSqlQuery> r = issues.insert(db, QStringLiteral("issues"), {},
                                                QStringLiteral("storing issues of %1").arg(docId), label);
            !r)
            return r.error();
    }
    return okStatus();
}

} // namespace pc::store
