// Copying a whole database between engines and the canonical digest that proves the copy equal.
#include "databasecopy.h"

#include "database.h"
#include "dialect.h"
#include "migrations.h"
#include "sqlutil.h"
#include "targettext.h"
#include "textpack.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace pc {

using store::exec;
using store::execStatus;

namespace {

// Columns holding a plan text that SQLite may keep plain (older rows) or compressed and PostgreSQL
// always keeps compressed (BYTEA): copied and compared as text.
bool isPackedText(const QString& table, const QString& column) {
    return table == QLatin1String("sources") && column == QLatin1String("text");
}

// A measure's texts: SQLite keeps them packed where that is smaller (a BLOB, migration 15),
// PostgreSQL plain; copied and compared as text.
bool isMeasureText(const QString& table, const QString& column) {
    return table == QLatin1String("measures") &&
           (column == QLatin1String("title") || column == QLatin1String("body") ||
            column == QLatin1String("units") || column == QLatin1String("area_heading"));
}

// The reader of a measure's text column on SQLite, where the body holds all four since schema 20
// (pc_title(body, title) …: any schema's rows read); empty for other columns.
QString measureReader(const QString& table, const QString& column) {
    if (table != QLatin1String("measures"))
        return QString();
    if (column == QLatin1String("title"))
        return QStringLiteral("pc_title(body, title)");
    if (column == QLatin1String("body"))
        return QStringLiteral("pc_body(body)");
    if (column == QLatin1String("units"))
        return QStringLiteral("pc_units(body, units)");
    if (column == QLatin1String("area_heading"))
        return QStringLiteral("pc_heading(body, area_heading)");
    return QString();
}

QString quoted(const QString& name) {
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

// A column as a copy or a digest reads it: quoted, or, on SQLite (`derive`), for a target's quote and
// sentence the value as readers take it, stored or derived from the source (schema 19), for its parsed
// copies p_* the parsed value (NULL where nothing is corrected: schema 21), and for a measure's texts
// the text (schema 20).
QString selected(const QString& table, const QString& column, bool derive) {
    if (derive && !measureReader(table, column).isEmpty())
        return measureReader(table, column);
    if (derive && table == QLatin1String("targets")) {
        if (column == QLatin1String("sentence"))
            return store::sentenceSql(store::Engine::SQLite, QStringLiteral("targets."));
        if (column == QLatin1String("quote"))
            return store::quoteSql(store::Engine::SQLite, QStringLiteral("targets."));
        static const QStringList parsed{
            QStringLiteral("p_area"), QStringLiteral("p_indicator"),  QStringLiteral("p_scope"),
            QStringLiteral("p_kind"), QStringLiteral("p_comparator"), QStringLiteral("p_value"),
            QStringLiteral("p_unit"), QStringLiteral("p_baseline"),   QStringLiteral("p_deadline")};
        if (parsed.contains(column))
            return store::parsedSql(column.mid(2), QStringLiteral("targets."));
    }
    return quoted(column);
}

Result<QStringList> strings(QSqlDatabase& db, const QString& sql,
                            std::initializer_list<QVariant> binds = {}) {
    Result<QSqlQuery> q = exec(db, sql, binds);
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

// The table's columns a copy moves, in the engine's order: generated ones and PostgreSQL's search_*
// columns (the search index's own, filled by each database: migration 8) are left out.
Result<QStringList> columnsOf(QSqlDatabase& db, const QString& table) {
    if (store::isPostgres(db))
        return strings(
            db,
            QStringLiteral(
                "SELECT column_name FROM information_schema.columns WHERE table_schema "
                "= current_schema() AND table_name = ? AND is_generated = 'NEVER' AND column_name NOT "
                "LIKE 'search\\_%' "
                "ORDER BY ordinal_position"),
            {table});
    // measures.unit_links (schema 22) is SQLite's form of the rows of measure_agencies, which a copy
    // moves through that view.
    return strings(
        db,
        QStringLiteral("SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0 AND NOT (? = 'measures' "
                       "AND name = 'unit_links') ORDER BY cid"),
        {table, table});
}

// The engine-neutral text of one value, length-prefixed so that fields cannot run into each other.
// Whole numbers are numbers whatever the column type (SQLite REAL 4.0 and PostgreSQL's 4 agree).
QByteArray canonical(const QVariant& v, bool packedText, bool measureText) {
    if (v.isNull())
        return QByteArrayLiteral("N;");
    QByteArray tag;
    QByteArray data;
    if (measureText && v.typeId() == QMetaType::QByteArray) {
        const std::optional<QString> s = store::textpack::valueText(v);
        tag = s ? QByteArrayLiteral("s") : QByteArrayLiteral("b");
        data = s ? s->toUtf8() : v.toByteArray().toHex();
    } else if (packedText) {
        const std::optional<QString> s = store::unpackSource(v);
        tag = s ? QByteArrayLiteral("s") : QByteArrayLiteral("b");
        data = s ? s->toUtf8() : v.toByteArray().toHex();
    } else {
        switch (v.typeId()) {
        case QMetaType::QByteArray:
            tag = QByteArrayLiteral("b");
            data = v.toByteArray().toHex();
            break;
        case QMetaType::Double:
        case QMetaType::Float: {
            const double d = v.toDouble();
            tag = QByteArrayLiteral("n");
            data = std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9e15
                       ? QByteArray::number(qint64(d))
                       : QByteArray::number(d, 'g', 17);
            break;
        }
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Long:
        case QMetaType::ULong:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Bool:
            tag = QByteArrayLiteral("n");
            data = QByteArray::number(v.toLongLong());
            break;
        default:
            tag = QByteArrayLiteral("s");
            data = v.toString().toUtf8();
        }
    }
    return tag + QByteArray::number(data.size()) + ':' + data;
}

QByteArray hexOfSorted(QList<QByteArray>& rowHashes, const QByteArray& header) {
    std::sort(rowHashes.begin(), rowHashes.end());
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(header);
    for (const QByteArray& r : std::as_const(rowHashes))
        h.addData(r);
    return h.result().toHex();
}

} // namespace

Result<QStringList> copiedTables(Database& database) {
    QSqlDatabase& db = database.connection();
    const bool pg = store::isPostgres(db);
    QStringList tables;
    QList<std::pair<QString, QString>> references; // child, parent
    if (pg) {
        Result<QStringList> t =
            strings(db, QStringLiteral("SELECT table_name FROM information_schema.tables WHERE "
                                       "table_schema = current_schema() AND table_type = "
                                       "'BASE TABLE' AND table_name <> 'plancompare_schema' AND "
                                       "table_name NOT LIKE 'search\\_%'")); // the search index's own
        if (!t)
            return t.error();
        tables = *t;
        Result<QSqlQuery> fk =
            exec(db, QStringLiteral("SELECT c.conrelid::regclass::text, c.confrelid::regclass::text "
                                    "FROM pg_constraint c WHERE c.contype = 'f' AND "
                                    "c.connamespace = current_schema()::regnamespace"));
        if (!fk)
            return fk.error();
        while (fk->next())
            references.append({fk->value(0).toString(), fk->value(1).toString()});
    } else {
        Result<QSqlQuery> t =
            exec(db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND "
                                    "name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"));
        if (!t)
            return t.error();
        QStringList all;
        QStringList virtualTables;
        while (t->next()) {
            all << t->value(0).toString();
            if (t->value(1).toString().startsWith(QLatin1String("CREATE VIRTUAL TABLE"), Qt::CaseInsensitive))
                virtualTables << t->value(0).toString();
        }
        t->finish();
        for (const QString& name : std::as_const(all)) {
            const bool own = std::any_of(virtualTables.cbegin(), virtualTables.cend(), [&](const QString& v) {
                return name == v || name.startsWith(v + QLatin1Char('_')); // FTS5 and its shadow tables
            });
            // compare_rows (migration 12) is the comparison's own, filled by triggers on targets;
            // agency_measures (migration 22) is filled with the measures' links; search_pending (migration
            // 23) is the search index's own, as PostgreSQL's search_ tables; since schema 25 the first two
            // and measure_areas are views over <name>_merged and <name>_fresh, filled the same way.
            const auto derived = [&](const QString& base) {
                return name == base || name == base + QStringLiteral("_merged") ||
                       name == base + QStringLiteral("_fresh");
            };
            if (!own && !derived(QStringLiteral("compare_rows")) &&
                !derived(QStringLiteral("agency_measures")) && !derived(QStringLiteral("measure_areas")) &&
                !name.startsWith(QLatin1String("search_")))
                tables << name;
        }
        // Schema 22: the unit links are the view measure_agencies (inserting into it stores a link).
        Result<QStringList> linkView = strings(
            db, QStringLiteral(
                    "SELECT name FROM sqlite_master WHERE type = 'view' AND name = 'measure_agencies'"));
        if (!linkView)
            return linkView.error();
        if (!linkView->isEmpty()) {
            tables << QStringLiteral("measure_agencies");
            references.append({QStringLiteral("measure_agencies"), QStringLiteral("measures")});
            references.append({QStringLiteral("measure_agencies"), QStringLiteral("agencies")});
        }
        for (const QString& name : std::as_const(tables)) {
            Result<QStringList> parents =
                strings(db, QStringLiteral("SELECT \"table\" FROM pragma_foreign_key_list(?)"), {name});
            if (!parents)
                return parents.error();
            for (const QString& p : std::as_const(*parents))
                references.append({name, p});
        }
    }
    // Parents first (Kahn's algorithm, by name among the tables that are ready).
    std::sort(tables.begin(), tables.end());
    QStringList ordered;
    QSet<QString> done;
    while (ordered.size() < tables.size()) {
        bool progressed = false;
        for (const QString& t : std::as_const(tables)) {
            if (done.contains(t))
                continue;
            const bool ready = std::all_of(references.cbegin(), references.cend(), [&](const auto& r) {
                return r.first != t || r.second == t || done.contains(r.second) || !tables.contains(r.second);
            });
            if (ready) {
                ordered << t;
                done.insert(t);
                progressed = true;
            }
        }
        if (!progressed)
            return Error{QStringLiteral("database %1: the foreign keys of its tables form a cycle")
                             .arg(database.path()),
                         QStringLiteral("db-query")};
    }
    return ordered;
}

Result<DatabaseDigest> digestDatabase(Database& database) {
    QSqlDatabase& db = database.connection();
    DatabaseDigest out;
    out.schemaVersion = database.schemaVersion();
    Result<QStringList> tables = copiedTables(database);
    if (!tables)
        return tables.error();
    QStringList names = *tables;
    std::sort(names.begin(), names.end());
    for (const QString& table : std::as_const(names)) {
        Result<QStringList> columns = columnsOf(db, table);
        if (!columns)
            return columns.error();
        QStringList sortedColumns = *columns;
        std::sort(sortedColumns.begin(), sortedColumns.end());
        QList<bool> packed, measureText;
        QStringList select;
        for (const QString& c : std::as_const(sortedColumns)) {
            select << selected(table, c, !store::isPostgres(db));
            packed << isPackedText(table, c);
            measureText << isMeasureText(table, c);
        }
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(
                QStringLiteral("SELECT %1 FROM %2").arg(select.join(QStringLiteral(", ")), quoted(table))))
            return store::sqlError(q.lastError(), QStringLiteral("reading table %1").arg(table),
                                   database.path());
        QList<QByteArray> rowHashes;
        while (q.next()) {
            QCryptographicHash h(QCryptographicHash::Sha256);
            for (int i = 0; i < sortedColumns.size(); ++i)
                h.addData(canonical(q.value(i), packed[i], measureText[i]));
            rowHashes << h.result();
        }
        // A reader that failed on a row (a measure's damaged texts) ends the rows early.
        if (q.lastError().isValid())
            return store::sqlError(q.lastError(), QStringLiteral("reading table %1").arg(table),
                                   database.path());
        TableDigest d;
        d.table = table;
        d.rows = rowHashes.size();
        d.sha256 = hexOfSorted(rowHashes, sortedColumns.join(QLatin1Char(',')).toUtf8());
        out.tables << d;
    }
    return out;
}

QStringList digestDifferences(const DatabaseDigest& a, const DatabaseDigest& b) {
    QStringList out;
    if (a.schemaVersion != b.schemaVersion)
        out << QStringLiteral("schema");
    QHash<QString, const TableDigest*> inB;
    for (const TableDigest& t : b.tables)
        inB.insert(t.table, &t);
    QSet<QString> seen;
    for (const TableDigest& t : a.tables) {
        seen.insert(t.table);
        const TableDigest* other = inB.value(t.table);
        if (!other || other->rows != t.rows || other->sha256 != t.sha256)
            out << t.table;
    }
    for (const TableDigest& t : b.tables) {
        if (!seen.contains(t.table))
            out << t.table;
    }
    return out;
}

Result<CopyReport> copyDatabase(Database& from, Database& to, const CopyOptions& options) {
    QElapsedTimer timer;
    timer.start();
    if (from.schemaVersion() != to.schemaVersion())
        return Error{
            QStringLiteral("cannot copy %1 (schema version %2) into %3 (schema version %4): both must "
                           "have the same version")
                .arg(from.path())
                .arg(from.schemaVersion())
                .arg(to.path())
                .arg(to.schemaVersion()),
            QStringLiteral("db-migration")};
    Result<QStringList> tables = copiedTables(from);
    if (!tables)
        return tables.error();
    Result<QStringList> targetTables = copiedTables(to);
    if (!targetTables)
        return targetTables.error();
    QSqlDatabase& src = from.connection();
    QSqlDatabase& dst = to.connection();
    const bool pgTarget = store::isPostgres(dst);
    const bool srcPg = store::isPostgres(src);
    for (const QString& t : std::as_const(*tables)) {
        if (!targetTables->contains(t))
            return Error{QStringLiteral("cannot copy %1 into %2: the target has no table %3")
                             .arg(from.path(), to.path(), t),
                         QStringLiteral("db-migration")};
    }
    CopyReport report;
    // The source is read in one snapshot, so that a team database others write to meanwhile is copied
    // as it was at one moment (PostgreSQL: REPEATABLE READ; SQLite: one read transaction).
    if (Status st = execStatus(src, store::isPostgres(src)
                                        ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                                        : QStringLiteral("BEGIN"));
        !st)
        return st.error();
    Status s = to.withTransaction([&]() -> Status {
        // The target must be empty: checked inside the transaction, so nobody fills it meanwhile.
        QStringList holding;
        qint64 plans = 0;
        for (const QString& t : std::as_const(*targetTables)) {
            Result<QSqlQuery> c = exec(dst, QStringLiteral("SELECT count(*) FROM %1").arg(quoted(t)));
            if (!c)
                return c.error();
            const qint64 n = c->next() ? c->value(0).toLongLong() : 0;
            if (n > 0)
                holding << QStringLiteral("%1: %2 rows").arg(t).arg(n);
            if (t == QLatin1String("documents"))
                plans = n;
        }
        if (!holding.isEmpty())
            return Status::failure(
                QStringLiteral("database %1 is not empty%2 (%3); copy into a new or empty "
                               "database — nothing was copied")
                    .arg(to.path(), plans > 0 ? QStringLiteral(": it holds %1 plans").arg(plans) : QString(),
                         holding.join(QStringLiteral(", "))),
                QStringLiteral("not-empty"));
        for (const QString& table : std::as_const(*tables)) {
            Result<QStringList> srcColumns = columnsOf(src, table);
            if (!srcColumns)
                return srcColumns.error();
            Result<QStringList> dstColumns = columnsOf(dst, table);
            if (!dstColumns)
                return dstColumns.error();
            QStringList a = *srcColumns, b = *dstColumns;
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            if (a != b)
                return Status::failure(
                    QStringLiteral("cannot copy table %1: its columns differ between %2 (%3) "
                                   "and %4 (%5)")
                        .arg(table, from.path(), a.join(QLatin1Char(',')), to.path(),
                             b.join(QLatin1Char(','))),
                    QStringLiteral("db-migration"));
            const QStringList& columns = *srcColumns;
            QStringList names, marks, reads;
            QList<bool> packed, measureText;
            // PostgreSQL to SQLite: a measure's four plain texts go into one value (schema 20).
            const int titleAt = int(columns.indexOf(QStringLiteral("title")));
            const int bodyAt = int(columns.indexOf(QStringLiteral("body")));
            const int unitsAt = int(columns.indexOf(QStringLiteral("units")));
            const int headingAt = int(columns.indexOf(QStringLiteral("area_heading")));
            const int originalAt = table == QLatin1String("document_files")
                                       ? int(columns.indexOf(QStringLiteral("original")))
                                       : -1;
            const bool packMeasures = table == QLatin1String("measures") && !pgTarget && srcPg &&
                                      titleAt >= 0 && bodyAt >= 0 && unitsAt >= 0 && headingAt >= 0;
            for (const QString& c : columns) {
                names << quoted(c);
                // SQLite to SQLite keeps NULL for a derived text (the source comes along) and a
                // measure's stored value.
                reads << selected(table, c, !srcPg && pgTarget);
                marks << QStringLiteral("?");
                packed << isPackedText(table, c);
                measureText << isMeasureText(table, c);
            }
            QSqlQuery read(src);
            read.setForwardOnly(true);
            if (!read.exec(
                    QStringLiteral("SELECT %1 FROM %2").arg(reads.join(QStringLiteral(", ")), quoted(table))))
                return store::sqlError(read.lastError(), QStringLiteral("reading table %1").arg(table),
                                       from.path());
            QSqlQuery write(dst);
            if (!write.prepare(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                                   .arg(quoted(table), names.join(QStringLiteral(", ")),
                                        marks.join(QStringLiteral(", ")))))
                return store::sqlError(write.lastError(), QStringLiteral("copying into table %1").arg(table),
                                       to.path());
            qint64 rows = 0;
            while (read.next()) {
                QByteArray measureValue;
                if (packMeasures)
                    measureValue = store::textpack::packMeasure(
                        read.value(titleAt).toString(), read.value(bodyAt).toString(),
                        read.value(unitsAt).toString(),
                        read.isNull(headingAt) ? QString() : store::text(read.value(headingAt).toString()));
                for (int i = 0; i < columns.size(); ++i) {
                    QVariant v = read.value(i);
                    if (packMeasures && (i == titleAt || i == unitsAt))
                        v = QStringLiteral("");
                    else if (packMeasures && i == headingAt)
                        v = QVariant(QMetaType(QMetaType::QString));
                    else if (packMeasures && i == bodyAt)
                        v = measureValue;
                    // Schema 24: the empty `original` of a file stored as its source; SQLite's driver
                    // reads a zero-length blob as a null QByteArray, which would be bound as NULL.
                    if (originalAt == i && v.typeId() == QMetaType::QByteArray && v.toByteArray().isEmpty())
                        v = QByteArray("");
                    // A plan text SQLite kept plain goes compressed into PostgreSQL's BYTEA column.
                    if (packed[i] && pgTarget && !v.isNull() && v.typeId() != QMetaType::QByteArray)
                        v = store::packSource(v.toString(), true);
                    // A measure's text: plain into PostgreSQL (read as text from SQLite's schema 20, or
                    // a packed value of an older row), packed into SQLite (above); SQLite to SQLite keeps
                    // the stored bytes.
                    if (measureText[i] && !v.isNull() && !packMeasures) {
                        if (pgTarget && v.typeId() == QMetaType::QByteArray) {
                            const std::optional<QString> s = store::textpack::valueText(v);
                            if (!s)
                                return Status::failure(
                                    QStringLiteral("database %1 is damaged: a measure's stored text (table "
                                                   "%2) does not unpack — nothing was copied")
                                        .arg(from.path(), table),
                                    QStringLiteral("db-corrupt"));
                            v = *s;
                        }
                    }
                    write.bindValue(i, v);
                }
                if (!write.exec())
                    return store::sqlError(write.lastError(),
                                           QStringLiteral("copying into table %1").arg(table), to.path());
                ++rows;
                if (rows % 1000 == 0 && options.progress && !options.progress(table, rows))
                    return Status::failure(QStringLiteral("copy cancelled"), QStringLiteral("cancelled"));
            }
            // A reader that failed on a row (a measure's damaged texts) ends the rows early.
            if (read.lastError().isValid())
                return store::sqlError(read.lastError(), QStringLiteral("reading table %1").arg(table),
                                       from.path());
            report.copied << TableDigest{table, rows, {}};
            report.rows += rows;
            if (options.progress && !options.progress(table, rows))
                return Status::failure(QStringLiteral("copy cancelled"), QStringLiteral("cancelled"));
        }
        // PostgreSQL: the next id of each identity column follows the copied ones.
        if (pgTarget) {
            Result<QSqlQuery> ids =
                exec(dst, QStringLiteral("SELECT table_name, column_name FROM "
                                         "information_schema.columns WHERE table_schema = "
                                         "current_schema() AND is_identity = 'YES'"));
            if (!ids)
                return ids.error();
            QList<std::pair<QString, QString>> identity;
            while (ids->next())
                identity.append({ids->value(0).toString(), ids->value(1).toString()});
            ids->finish();
            for (const auto& [table, column] : std::as_const(identity)) {
                if (Status st =
                        execStatus(dst,
                                   QStringLiteral("SELECT setval(pg_get_serial_sequence(?, ?), coalesce("
                                                  "(SELECT max(%1) FROM %2), 0) + 1, false)")
                                       .arg(quoted(column), quoted(table)),
                                   {quoted(table), column});
                    !st)
                    return st;
            }
        } else {
            // SQLite: the search index is filled by the importer, not by a trigger (migration 8).
            // The rebuild indexes every measure: nothing waits for it (migration 23).
            if (Status st = execStatus(
                    dst, QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('rebuild')"));
                !st)
                return st;
            if (Status st = execStatus(dst, QStringLiteral("DELETE FROM search_pending")); !st)
                return st;
            // Schema 25: the copied rows' comparison rows, unit and area keys, written fresh by the
            // triggers, join their merged tables.
            for (const QString& sql : store::freshRowsMerge()) {
                if (Status st = execStatus(dst, sql); !st)
                    return st;
            }
        }
        return okStatus();
    });
    execStatus(src, QStringLiteral("COMMIT"));
    if (!s)
        return s.error();
    report.milliseconds = timer.elapsed();
    return report;
}

} // namespace pc
