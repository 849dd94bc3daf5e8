// Prepared SQLite statements kept per connection and plain column readers for the hot read paths.
#include "statements.h"

#include "sqlutil.h"

#include <sqlite3.h>

namespace pc::store {

StatementCache::~StatementCache() {
    for (sqlite3_stmt* st : std::as_const(m_statements))
        sqlite3_finalize(st);
}

Result<sqlite3_stmt*> StatementCache::get(const QString& sql, const QString& what, const QString& path) {
    if (!m_db)
        return Error{QStringLiteral("database %1 is not open while %2").arg(path, what),
                     QStringLiteral("db-open")};
    if (sqlite3_stmt* st = m_statements.value(sql)) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return st;
    }
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt* st = nullptr;
    const int rc =
        sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &st, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(st);
        return sqliteError(m_db, rc, what, path);
    }
    m_statements.insert(sql, st);
    return st;
}

Status StatementCache::run(const QString& sql, const QVariantList& values, const QString& what,
                           const QString& path, qint64* rowid) {
    Result<sqlite3_stmt*> got = get(sql, what, path);
    if (!got)
        return got.error();
    sqlite3_stmt* st = *got;
    StatementScope scope(st);
    int i = 1;
    for (const QVariant& v : values) {
        const int rc = bindVariant(st, i, v);
        if (rc != SQLITE_OK)
            return sqliteError(m_db, rc, what, path);
        ++i;
    }
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        return sqliteError(m_db, rc, what, path);
    if (rowid)
        *rowid = sqlite3_last_insert_rowid(m_db);
    return okStatus();
}

StatementScope::~StatementScope() {
    if (m_st) {
        sqlite3_reset(m_st);
        sqlite3_clear_bindings(m_st);
    }
}

int bindVariant(sqlite3_stmt* st, int index, const QVariant& v) {
    switch (v.typeId()) {
    case QMetaType::UnknownType:
        return sqlite3_bind_null(st, index);
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        return v.isNull() ? sqlite3_bind_null(st, index) : sqlite3_bind_int64(st, index, v.toLongLong());
    case QMetaType::Double:
        return v.isNull() ? sqlite3_bind_null(st, index) : sqlite3_bind_double(st, index, v.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray b = v.toByteArray();
        return b.isNull() ? sqlite3_bind_null(st, index)
                          : sqlite3_bind_blob64(st, index, b.constData(), sqlite3_uint64(b.size()),
                                                SQLITE_TRANSIENT);
    }
    default: {
        if (v.isNull() && v.typeId() != QMetaType::QString)
            return sqlite3_bind_null(st, index);
        // UTF-16 straight from the QString; SQLite converts to the file's UTF-8 once, as it stores it.
        const QString t = v.toString();
        return t.isNull() ? sqlite3_bind_null(st, index)
                          : sqlite3_bind_text16(st, index, t.utf16(), int(t.size() * 2), SQLITE_TRANSIENT);
    }
    }
}

bool bindAll(sqlite3_stmt* st, const QVariantList& values) {
    int i = 1;
    for (const QVariant& v : values) {
        int rc = SQLITE_OK;
        if (v.isNull()) {
            rc = sqlite3_bind_null(st, i);
        } else {
            switch (v.typeId()) {
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::LongLong:
            case QMetaType::ULongLong:
            case QMetaType::Bool:
                rc = sqlite3_bind_int64(st, i, v.toLongLong());
                break;
            case QMetaType::Double:
                rc = sqlite3_bind_double(st, i, v.toDouble());
                break;
            default: {
                const QByteArray utf8 = v.toString().toUtf8();
                rc = sqlite3_bind_text(st, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
                break;
            }
            }
        }
        if (rc != SQLITE_OK)
            return false;
        ++i;
    }
    return true;
}

Error sqliteError(sqlite3* db, int rc, const QString& what, const QString& path) {
    const QString detail = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    return sqlError(rc & 0xFF, detail, what, path);
}

QString columnText(sqlite3_stmt* st, int column) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(st, column));
}

std::optional<double> columnOptionalDouble(sqlite3_stmt* st, int column) {
    if (sqlite3_column_type(st, column) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_column_double(st, column);
}

} // namespace pc::store
