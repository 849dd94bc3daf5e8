// SQL helpers for the store: statements run with bindings, failures become user-facing Errors.
#include "sqlutil.h"

#include "dialect.h"
#include "textpack.h"

#include <QDataStream>
#include <QDateTime>
#include <QIODevice>
#include <QStringList>

#include <zstd.h>

#include <limits>
#include <optional>

namespace pc::store {

namespace {

// PostgreSQL reports a five-character SQLSTATE (SQLite a decimal result code of at most four digits).
Error postgresError(const QString& state, const QSqlError& e, const QString& what, const QString& path) {
    const QString detail = (e.databaseText().isEmpty() ? e.text() : e.databaseText()).trimmed();
    const QString cls = state.left(2);
    // Without an SQLSTATE the server did not answer at all: the connection is gone (QPSQL then
    // closes the database, and every later statement fails with "database not open").
    const bool lost = cls == QLatin1String("08") || state.startsWith(QLatin1String("57P")) || state.isEmpty();
    if (lost)
        return {QStringLiteral("lost the connection to database %1 while %2 (%3); the transaction was "
                               "rolled back, nothing changed. Check that the server is running and try "
                               "again.")
                    .arg(path, what, detail.isEmpty() ? QStringLiteral("no answer from the server") : detail),
                QStringLiteral("db-connection")};
    if (state == QLatin1String("57014"))
        return {QStringLiteral("database %1: %2 took longer than the statement timeout and was stopped "
                               "(PLANCOMPARE_STATEMENT_TIMEOUT_MS); nothing changed.")
                    .arg(path, what),
                QStringLiteral("db-timeout")};
    if (state == QLatin1String("25006") || state == QLatin1String("42501"))
        return {QStringLiteral("database %1 is read-only for you (%2); %3 was rolled back, nothing "
                               "changed. Ask the database's owner for the editor role.")
                    .arg(path, detail, what),
                QStringLiteral("db-readonly")};
    if (state == QLatin1String("55P03") || state == QLatin1String("40P01") || state == QLatin1String("40001"))
        return {QStringLiteral("database %1 is busy: another researcher is changing the same rows; gave "
                               "up %2 after waiting. Try again.")
                    .arg(path, what),
                QStringLiteral("db-locked")};
    if (state == QLatin1String("53100"))
        return {QStringLiteral("database %1: the server's disk is full (%2); %3 was rolled back, nothing "
                               "changed.")
                    .arg(path, detail, what),
                QStringLiteral("db-full")};
    return {QStringLiteral("database %1: %2 failed: %3 (SQLSTATE %4)").arg(path, what, detail, state),
            QStringLiteral("db-query")};
}

} // namespace

Error sqlError(const QSqlError& e, const QString& what, const QString& path) {
    const QString native = e.nativeErrorCode();
    // Messages name a PostgreSQL database by its URI (connectionLabel, Database::path).
    if (native.size() == 5 || isPostgresUri(path))
        return postgresError(native.size() == 5 ? native : QString(), e, what, path);
    const int code = native.toInt() & 0xFF; // primary SQLite result code
    const QString detail = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    return sqlError(code, detail, what, path);
}

Error sqlError(int code, const QString& detail, const QString& what, const QString& path) {
    switch (code) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return {QStringLiteral("database %1 is busy: another program (the PlanCompare window or another "
                               "plancompare-cli) is writing to it; gave up %2 after waiting. Close the other "
                               "program or try again.")
                    .arg(path, what),
                QStringLiteral("db-locked")};
    case 8: // SQLITE_READONLY
        return {
            QStringLiteral("database %1 is read-only (%2); %3 was rolled back, nothing changed. Check the "
                           "file's and its folder's permissions.")
                .arg(path, detail, what),
            QStringLiteral("db-readonly")};
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return {QStringLiteral(
                    "database %1 is damaged or not a PlanCompare database (%2); it was left "
                    "untouched. Rebuild from the seeds into a new file: plancompare-cli --db NEW.sqlite "
                    "import --seeds")
                    .arg(path, detail),
                QStringLiteral("db-corrupt")};
    case 13: // SQLITE_FULL
        return {QStringLiteral("database %1: the disk is full (%2); %3 was rolled back, nothing changed.")
                    .arg(path, detail, what),
                QStringLiteral("db-full")};
    case 10: // SQLITE_IOERR
    case 14: // SQLITE_CANTOPEN
        return {QStringLiteral("database %1 cannot be read or written (%2) while %3").arg(path, detail, what),
                QStringLiteral("db-io")};
    default:
        return {QStringLiteral("database %1: %2 failed: %3").arg(path, what, detail),
                QStringLiteral("db-query")};
    }
}

Result<QSqlQuery> exec(QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // PostgreSQL prepares only queries and data changes (not DDL, BEGIN, SET …): run those directly.
    if (binds.size() == 0 && isPostgres(db)) {
        if (!q.exec(sql))
            return sqlError(q.lastError(), sql.left(60), connectionLabel(db));
        return q;
    }
    if (!q.prepare(sql))
        return sqlError(q.lastError(), sql.left(60), connectionLabel(db));
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return sqlError(q.lastError(), sql.left(60), connectionLabel(db));
    return q;
}

Status execStatus(QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds) {
    Result<QSqlQuery> r = exec(db, sql, binds);
    if (!r)
        return r.error();
    return okStatus();
}

QString connectionLabel(const QSqlDatabase& db) {
    if (!isPostgres(db))
        return db.databaseName();
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(db.userName(), db.hostName())
        .arg(db.port())
        .arg(db.databaseName());
}

QVariant nullable(const QString& s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}

std::optional<double> optionalDouble(const QVariant& v) {
    if (v.isNull() || !v.isValid())
        return std::nullopt;
    return v.toDouble();
}

QByteArray packBytes(const QByteArray& raw) {
    // One context per thread (creating one costs more than compressing a plan); level 3 with the
    // content size and a checksum in the frame, so damage is reported rather than read as text.
    struct Context {
        ZSTD_CCtx* cctx = ZSTD_createCCtx();
        Context() {
            ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, 3);
            ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
        }
        ~Context() { ZSTD_freeCCtx(cctx); }
        Context(const Context&) = delete;
        Context& operator=(const Context&) = delete;
    };
    thread_local Context context;
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(raw.size()))), Qt::Uninitialized);
    const size_t n = context.cctx ? ZSTD_compress2(context.cctx, out.data(), size_t(out.size()),
                                                   raw.constData(), size_t(raw.size()))
                                  : size_t(-1);
    if (ZSTD_isError(n))
        return qCompress(raw, 1); // not expected (the buffer is large enough); still readable
    out.truncate(qsizetype(n));
    return out;
}

std::optional<QByteArray> unpackBytes(const QByteArray& stored) {
    const auto* p = reinterpret_cast<const unsigned char*>(stored.constData());
    if (stored.size() >= 4 && p[0] == 0x28 && p[1] == 0xB5 && p[2] == 0x2F && p[3] == 0xFD) {
        const unsigned long long size = ZSTD_getFrameContentSize(stored.constData(), size_t(stored.size()));
        // packBytes always records the size; nothing PlanCompare stores is 2 GB.
        if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
            size > (unsigned long long)(std::numeric_limits<int>::max()))
            return std::nullopt;
        // A plan text of schema 17 on: a frame against the shipped dictionary, which it names.
        if (ZSTD_getDictID_fromFrame(stored.constData(), size_t(stored.size())) != 0)
            return textpack::unpackFrame(std::string_view(stored.constData(), size_t(stored.size())),
                                         size_t(size));
        QByteArray out(qsizetype(size), Qt::Uninitialized);
        const size_t n =
            ZSTD_decompress(out.data(), size_t(out.size()), stored.constData(), size_t(stored.size()));
        if (ZSTD_isError(n) || n != size_t(size))
            return std::nullopt;
        return out;
    }
    // Schema 12 and older: qCompress (a four-byte big-endian length, then a zlib stream).
    QByteArray raw = qUncompress(stored);
    if (raw.isEmpty() && !stored.isEmpty()) {
        const bool emptyData = stored.size() >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 0;
        if (!emptyData)
            return std::nullopt;
    }
    return raw;
}

QVariant packSource(const QString& text, bool alwaysBytes) {
    return packSourceUtf8(text, text.toUtf8(), alwaysBytes);
}

QVariant packSourceUtf8(const QString& text, const QByteArray& utf8, bool alwaysBytes) {
    QByteArray packed = textpack::packFrame(std::string_view(utf8.constData(), size_t(utf8.size())));
    if (packed.isEmpty())
        packed = packBytes(utf8);
    if (packed.size() >= utf8.size() && !alwaysBytes)
        return store::text(text);
    return packed;
}

std::optional<QString> unpackSource(const QVariant& stored) {
    if (stored.typeId() != QMetaType::QByteArray)
        return stored.toString();
    const std::optional<QByteArray> utf8 = unpackBytes(stored.toByteArray());
    if (!utf8)
        return std::nullopt;
    return QString::fromUtf8(*utf8);
}

QString formatPageStarts(const QList<qsizetype>& starts) {
    QStringList parts;
    parts.reserve(starts.size());
    for (const qsizetype s : starts)
        parts << QString::number(s);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

QList<qsizetype> parsePageStarts(const QString& stored) {
    QList<qsizetype> out;
    QStringView v = QStringView(stored).trimmed();
    if (v.startsWith(QLatin1Char('[')) && v.endsWith(QLatin1Char(']')))
        v = v.mid(1, v.size() - 2);
    for (const QStringView part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qlonglong n = part.trimmed().toLongLong(&ok);
        if (ok && n >= 0 && (out.isEmpty() || n >= out.last()))
            out << qsizetype(n);
    }
    return out;
}

// Fixed-width little-endian records: start, length (int64), page, block (int32), box x, y, w, h
// (float64), ocr (uint8), confidence (float64) — 65 bytes each, versioned by a leading byte.
QVariant packOrigins(const QList<read::OriginRun>& origins) {
    if (origins.isEmpty())
        return QVariant(QMetaType(QMetaType::QByteArray));
    QByteArray raw;
    QDataStream out(&raw, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.setFloatingPointPrecision(QDataStream::DoublePrecision);
    out << quint8(1) << quint32(origins.size());
    for (const read::OriginRun& r : origins) {
        out << qint64(r.start) << qint64(r.length) << qint32(r.origin.page) << qint32(r.origin.block)
            << r.origin.box.x() << r.origin.box.y() << r.origin.box.width() << r.origin.box.height()
            << quint8(r.origin.ocr ? 1 : 0) << double(r.origin.confidence);
    }
    return qCompress(raw);
}

std::optional<QList<read::OriginRun>> unpackOrigins(const QByteArray& stored) {
    QList<read::OriginRun> runs;
    if (stored.isEmpty())
        return runs;
    const QByteArray raw = qUncompress(stored);
    QDataStream in(raw);
    in.setByteOrder(QDataStream::LittleEndian);
    in.setFloatingPointPrecision(QDataStream::DoublePrecision);
    quint8 version = 0;
    quint32 n = 0;
    in >> version >> n;
    if (version != 1 || qint64(n) * 65 > qint64(raw.size()))
        return std::nullopt;
    runs.reserve(qsizetype(n));
    for (quint32 i = 0; i < n; ++i) {
        qint64 start = 0, length = 0;
        qint32 page = 0, block = 0;
        double x = 0, y = 0, w = 0, h = 0, confidence = 1;
        quint8 ocr = 0;
        in >> start >> length >> page >> block >> x >> y >> w >> h >> ocr >> confidence;
        read::OriginRun r;
        r.start = start;
        r.length = length;
        r.origin.page = page;
        r.origin.block = block;
        r.origin.box = QRectF(x, y, w, h);
        r.origin.ocr = ocr != 0;
        r.origin.confidence = float(confidence);
        runs.append(r);
    }
    if (in.status() != QDataStream::Ok)
        return std::nullopt;
    return runs;
}

QString nowUtc() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace pc::store
