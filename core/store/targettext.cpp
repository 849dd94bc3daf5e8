#include "targettext.h"

#include "sqlutil.h"

#include <QByteArray>

#include <sqlite3.h>

#include <array>
#include <cstring>

namespace pc::store {

namespace {

bool isSentenceEnd(QChar c) {
    return c == QChar(0x3002) || c == QChar(0xFF1B) || c == QLatin1Char(';') || c == QChar(0xFF01) ||
           c == QChar(0xFF1F) || c == QLatin1Char('\n') || c == QLatin1Char('\t');
}

// The last sources unpacked on this thread, keyed by their stored bytes (so a plan re-imported under
// the same id never reads a stale text): rows come grouped by plan, a handful covers any order.
struct SourceCache {
    struct Entry {
        int type = SQLITE_NULL;
        QByteArray stored;
        QString text;
        bool ok = false;
    };
    std::array<Entry, 4> entries;
    size_t next = 0;

    const Entry* find(sqlite3_value* v) {
        const int type = sqlite3_value_type(v);
        const void* p = type == SQLITE_BLOB ? sqlite3_value_blob(v) : sqlite3_value_text(v);
        const int n = sqlite3_value_bytes(v);
        for (const Entry& e : entries) {
            if (e.type == type && e.stored.size() == n &&
                (n == 0 || memcmp(e.stored.constData(), p, size_t(n)) == 0))
                return &e;
        }
        Entry& e = entries[next];
        next = (next + 1) % entries.size();
        e.type = type;
        e.stored = QByteArray(static_cast<const char*>(p), n);
        if (type == SQLITE_BLOB) {
            const std::optional<QString> text = unpackSource(QVariant(e.stored));
            e.ok = text.has_value();
            e.text = text.value_or(QString());
        } else {
            e.ok = true;
            e.text = QString::fromUtf8(e.stored);
        }
        return &e;
    }
    // An entry for a value whose text the caller knows (the importer, which has just packed it).
    void remember(int type, QByteArray stored, const QString& text) {
        for (Entry& e : entries) {
            if (e.type == type && e.stored == stored) {
                e.text = text;
                e.ok = true;
                return;
            }
        }
        Entry& e = entries[next];
        next = (next + 1) % entries.size();
        e.type = type;
        e.stored = std::move(stored);
        e.text = text;
        e.ok = true;
    }
};

// One cache on each thread for pc_sentence and pc_quote.
thread_local SourceCache sourceCache;

template <QString (*derive)(const QString&, qsizetype, qsizetype)>
void deriveFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const int type = sqlite3_value_type(argv[0]);
    if (type != SQLITE_TEXT && type != SQLITE_BLOB) {
        sqlite3_result_null(ctx);
        return;
    }
    if (sqlite3_value_type(argv[1]) == SQLITE_NULL || sqlite3_value_type(argv[2]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const SourceCache::Entry* source = sourceCache.find(argv[0]);
    if (!source->ok) {
        sqlite3_result_error(ctx, "a plan's stored source text is damaged (it does not decompress)", -1);
        sqlite3_result_error_code(ctx, SQLITE_CORRUPT);
        return;
    }
    const QString text = derive(source->text, qsizetype(sqlite3_value_int64(argv[1])),
                                qsizetype(sqlite3_value_int64(argv[2])));
    if (text.isNull()) {
        sqlite3_result_null(ctx);
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    sqlite3_result_text64(ctx, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
}

QString derivedSql(Engine engine, const QString& prefix, const char* column, const char* function) {
    // Qualified always: a bare document_id in the subquery would name sources' own column.
    const QString t = prefix.isEmpty() ? QStringLiteral("targets.") : prefix;
    const QString c = t + QLatin1String(column);
    if (engine == Engine::PostgreSQL)
        return c;
    return QStringLiteral("coalesce(%1, %2((SELECT text FROM sources WHERE document_id = %3document_id), "
                          "%3span_start, %3span_end))")
        .arg(c, QLatin1String(function), t);
}

} // namespace

QString sentenceAround(const QString& source, qsizetype start, qsizetype end) {
    if (start < 0 || end > source.size() || end < start)
        return {};
    qsizetype s = start;
    const qsizetype minS = qMax<qsizetype>(0, start - 200);
    while (s > minS && !isSentenceEnd(source.at(s - 1)))
        --s;
    qsizetype e = end;
    const qsizetype maxE = qMin<qsizetype>(source.size(), end + 200);
    while (e < maxE && !isSentenceEnd(source.at(e)))
        ++e;
    if (e < source.size() && e < maxE && source.at(e) != QLatin1Char('\n') &&
        source.at(e) != QLatin1Char('\t'))
        ++e;
    return source.mid(s, e - s).trimmed();
}

QString quoteAt(const QString& source, qsizetype start, qsizetype end) {
    if (start < 0 || end > source.size() || end < start)
        return {};
    return source.mid(start, end - start);
}

void rememberSource(const QVariant& stored, const QString& text) {
    if (stored.typeId() == QMetaType::QByteArray)
        sourceCache.remember(SQLITE_BLOB, stored.toByteArray(), text);
    else if (stored.typeId() == QMetaType::QString)
        sourceCache.remember(SQLITE_TEXT, stored.toString().toUtf8(), text);
}

QString sentenceSql(Engine engine, const QString& t) {
    return derivedSql(engine, t, "sentence", "pc_sentence");
}

QString quoteSql(Engine engine, const QString& t) {
    return derivedSql(engine, t, "quote", "pc_quote");
}

QString parsedSql(const QString& column, const QString& t) {
    const QString prefix = t.isEmpty() ? QStringLiteral("targets.") : t;
    return QStringLiteral("CASE WHEN %1corrected_fields = '' THEN %1%2 ELSE %1p_%2 END").arg(prefix, column);
}

QString parsedCopySql() {
    return QStringLiteral(
        "UPDATE targets SET p_area = area, p_indicator = indicator, p_scope = scope, p_kind = "
        "kind, p_comparator = comparator, p_value = value, p_unit = unit, p_baseline = "
        "baseline, p_deadline = deadline WHERE id = ? AND corrected_fields = ''");
}

Status registerTargetTextFunctions(sqlite3* db) {
    // Deterministic and innocuous: the comparison table's triggers and migration 19 call them.
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    for (const auto& [name, fn] : {std::pair{"pc_sentence", &deriveFunction<&sentenceAround>},
                                   std::pair{"pc_quote", &deriveFunction<&quoteAt>}}) {
        const int rc = sqlite3_create_function_v2(db, name, 3, flags, nullptr, fn, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return Status::failure(QStringLiteral("cannot register the SQL function %1: %2")
                                       .arg(QLatin1String(name), QString::fromUtf8(sqlite3_errstr(rc))),
                                   QStringLiteral("db-open"));
    }
    return okStatus();
}

} // namespace pc::store
