#include "unitlinks.h"

#include <QString>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <new>

namespace pc::store::unitlinks {

namespace {

void putVarint(QByteArray& out, quint64 v) {
    while (v >= 0x80) {
        out.append(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

bool getVarint(const char*& p, const char* end, quint64& v) {
    v = 0;
    for (int shift = 0; p < end && shift < 64; shift += 7) {
        const auto byte = quint8(*p++);
        v |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

// Agency ids are row ids: positive, and three bits of the head hold the flags.
constexpr qint64 kMaxAgency = qint64(1) << 60;

Link linkOf(sqlite3_value** argv) {
    Link l;
    l.agency = sqlite3_value_int64(argv[0]);
    l.role = sqlite3_value_int64(argv[1]) != 0 ? 1 : 0;
    l.ordinal = sqlite3_value_int64(argv[2]);
    if (sqlite3_value_type(argv[3]) != SQLITE_NULL) {
        const auto* t = reinterpret_cast<const char*>(sqlite3_value_text(argv[3]));
        l.written = QByteArray(t ? t : "", sqlite3_value_bytes(argv[3]));
        if (l.written.isNull())
            l.written = QByteArray("", 0);
    }
    return l;
}

bool agencyInRange(const Link& l) {
    return l.agency > 0 && l.agency < kMaxAgency;
}

void resultPacked(sqlite3_context* ctx, const QList<Link>& links) {
    if (links.isEmpty()) {
        sqlite3_result_null(ctx);
        return;
    }
    const QByteArray packed = pack(links);
    sqlite3_result_blob64(ctx, packed.constData(), sqlite3_uint64(packed.size()), SQLITE_TRANSIENT);
}

std::optional<QList<Link>> linksOf(sqlite3_value* v) {
    if (sqlite3_value_type(v) == SQLITE_NULL)
        return QList<Link>();
    const auto* p = static_cast<const char*>(sqlite3_value_blob(v));
    return unpack(p, sqlite3_value_bytes(v));
}

constexpr const char* kDamaged = "a measure's unit links (measures.unit_links) are damaged";

// pc_links(agency_id, role, ordinal, written): the links gathered in a QList the aggregate context points to.
void linksStep(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto** list = static_cast<QList<Link>**>(sqlite3_aggregate_context(ctx, sizeof(QList<Link>*)));
    if (!list) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (!*list)
        *list = new (std::nothrow) QList<Link>();
    if (!*list) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    const Link l = linkOf(argv);
    if (!agencyInRange(l)) {
        sqlite3_result_error(ctx, "a unit link names no valid agency id", -1);
        return;
    }
    (*list)->append(l);
}

void linksFinal(sqlite3_context* ctx) {
    auto** list = static_cast<QList<Link>**>(sqlite3_aggregate_context(ctx, 0));
    if (!list || !*list) {
        sqlite3_result_null(ctx);
        return;
    }
    resultPacked(ctx, **list);
    delete *list;
    *list = nullptr;
}

void addFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
    std::optional<QList<Link>> links = linksOf(argv[0]);
    if (!links) {
        sqlite3_result_error(ctx, kDamaged, -1);
        return;
    }
    const Link l = linkOf(argv + 1);
    if (!agencyInRange(l)) {
        sqlite3_result_error(ctx, "a unit link names no valid agency id", -1);
        return;
    }
    for (const Link& o : std::as_const(*links)) {
        if (o.role == l.role && o.ordinal == l.ordinal) {
            sqlite3_result_error(ctx,
                                 "UNIQUE constraint failed: measure_agencies.measure_id, "
                                 "measure_agencies.role, measure_agencies.ordinal",
                                 -1);
            return;
        }
    }
    links->append(l);
    resultPacked(ctx, *links);
}

void appendJsonString(QByteArray& out, const QByteArray& s) {
    out.append('"');
    for (const char c : s) {
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (quint8(c) < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out.append("\\u00");
            out.append(hex[quint8(c) >> 4]);
            out.append(hex[quint8(c) & 15]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

// A reader's argument: its links, or nullopt with the result already set (NULL for no links, the
// damage error for a value that does not unpack).
std::optional<QList<Link>> argumentLinks(sqlite3_context* ctx, sqlite3_value* v) {
    if (sqlite3_value_type(v) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return std::nullopt;
    }
    std::optional<QList<Link>> links = linksOf(v);
    if (!links)
        sqlite3_result_error(ctx, kDamaged, -1);
    return links;
}

void jsonFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const std::optional<QList<Link>> links = argumentLinks(ctx, argv[0]);
    if (!links)
        return;
    QByteArray out("[");
    for (const Link& l : *links) {
        if (out.size() > 1)
            out.append(',');
        out.append('[');
        out.append(QByteArray::number(l.agency));
        out.append(',');
        out.append(QByteArray::number(l.role));
        out.append(',');
        out.append(QByteArray::number(l.ordinal));
        out.append(',');
        if (l.written.isNull())
            out.append("null");
        else
            appendJsonString(out, l.written);
        out.append(']');
    }
    out.append(']');
    sqlite3_result_text64(ctx, out.constData(), sqlite3_uint64(out.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void agenciesFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const std::optional<QList<Link>> links = argumentLinks(ctx, argv[0]);
    if (!links)
        return;
    QList<qint64> ids;
    for (const Link& l : *links)
        ids.append(l.agency);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    QByteArray out("[");
    for (const qint64 id : std::as_const(ids)) {
        if (out.size() > 1)
            out.append(',');
        out.append(QByteArray::number(id));
    }
    out.append(']');
    sqlite3_result_text64(ctx, out.constData(), sqlite3_uint64(out.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
}

} // namespace

QByteArray pack(QList<Link> links) {
    std::stable_sort(links.begin(), links.end(), [](const Link& a, const Link& b) {
        return a.ordinal != b.ordinal ? a.ordinal < b.ordinal : a.role < b.role;
    });
    QByteArray out;
    out.reserve(links.size() * 3);
    qint64 previous = -1;
    for (const Link& l : std::as_const(links)) {
        const bool explicitOrdinal = l.ordinal != previous + 1;
        const quint64 head = quint64(l.agency) << 3 | quint64(l.role != 0 ? 4 : 0) |
                             quint64(l.written.isNull() ? 0 : 2) | quint64(explicitOrdinal ? 1 : 0);
        putVarint(out, head);
        if (explicitOrdinal)
            putVarint(out, quint64(l.ordinal));
        if (!l.written.isNull()) {
            putVarint(out, quint64(l.written.size()));
            out.append(l.written);
        }
        previous = l.ordinal;
    }
    return out;
}

std::optional<QList<Link>> unpack(const char* data, qsizetype size) {
    QList<Link> out;
    if (size <= 0)
        return out;
    const char* p = data;
    const char* end = data + size;
    qint64 previous = -1;
    while (p < end) {
        quint64 head = 0;
        if (!getVarint(p, end, head))
            return std::nullopt;
        Link l;
        l.agency = qint64(head >> 3);
        l.role = (head & 4) ? 1 : 0;
        l.ordinal = previous + 1;
        if (head & 1) {
            quint64 ordinal = 0;
            if (!getVarint(p, end, ordinal))
                return std::nullopt;
            l.ordinal = qint64(ordinal);
        }
        if (head & 2) {
            quint64 n = 0;
            if (!getVarint(p, end, n) || n > quint64(end - p))
                return std::nullopt;
            l.written = QByteArray(p, qsizetype(n));
            if (l.written.isNull())
                l.written = QByteArray("", 0);
            p += n;
        }
        if (l.agency <= 0)
            return std::nullopt;
        previous = l.ordinal;
        out.append(std::move(l));
    }
    return out;
}

Status registerFunctions(sqlite3* db) {
    // Deterministic and innocuous: the view measure_agencies, its trigger and migration 22 call them.
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    struct Function {
        const char* name;
        int arguments;
        void (*fn)(sqlite3_context*, int, sqlite3_value**);
        void (*step)(sqlite3_context*, int, sqlite3_value**);
        void (*final)(sqlite3_context*);
    };
    for (const Function& f : {Function{"pc_links", 4, nullptr, &linksStep, &linksFinal},
                              Function{"pc_links_add", 5, &addFunction, nullptr, nullptr},
                              Function{"pc_links_json", 1, &jsonFunction, nullptr, nullptr},
                              Function{"pc_links_agencies", 1, &agenciesFunction, nullptr, nullptr}}) {
        const int rc = sqlite3_create_function_v2(db, f.name, f.arguments, flags, nullptr, f.fn, f.step,
                                                  f.final, nullptr);
        if (rc != SQLITE_OK)
            return Status::failure(QStringLiteral("cannot register the SQL function %1: %2")
                                       .arg(QLatin1String(f.name), QString::fromUtf8(sqlite3_errstr(rc))),
                                   QStringLiteral("db-open"));
    }
    return okStatus();
}

} // namespace pc::store::unitlinks
