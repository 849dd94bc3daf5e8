// Measure texts as Zstandard frames against the shipped dictionary (see textpack.h).
#include "textpack.h"

#include "sqlutil.h"

#include <QFile>

#include <cstring>

#include <sqlite3.h>

#define ZSTD_STATIC_LINKING_ONLY // ZSTD_c_format / ZSTD_d_format (magicless frames): parameters only
#include <zstd.h>

static void initTextPackResource() {
    Q_INIT_RESOURCE(plancompare_store);
}

namespace pc::store::textpack {

namespace {

constexpr unsigned char kDictionaryId = 1;
constexpr int kLevel = 3; // level 19 packs bodies 10 % smaller at 18 times the CPU
// Nothing PlanCompare stores in one measure comes near this; a larger length is damage.
constexpr quint64 kMaxLength = quint64(1) << 30;

struct Dictionary {
    ZSTD_CDict* compress = nullptr;
    ZSTD_DDict* decompress = nullptr;
    Dictionary() {
        initTextPackResource();
        QFile f(QStringLiteral(":/plancompare/store/measures-1.zdict"));
        if (!f.open(QIODevice::ReadOnly))
            return;
        const QByteArray bytes = f.readAll();
        compress = ZSTD_createCDict(bytes.constData(), size_t(bytes.size()), kLevel);
        decompress = ZSTD_createDDict(bytes.constData(), size_t(bytes.size()));
    }
    ~Dictionary() {
        ZSTD_freeCDict(compress);
        ZSTD_freeDDict(decompress);
    }
};

const Dictionary& dictionary() {
    static const Dictionary d;
    return d;
}

// One compression and one decompression context per thread and frame format, set up once (a context is
// ~100 KB of tables; creating one per value would cost more than the work). Measure texts are magicless
// frames without size, checksum or dictionary id (pack); plan texts standard frames with all three
// (packFrame).
struct Contexts {
    ZSTD_CCtx* c = nullptr;
    ZSTD_DCtx* d = nullptr;
    explicit Contexts(bool standardFrame) {
        const Dictionary& dict = dictionary();
        c = ZSTD_createCCtx();
        d = ZSTD_createDCtx();
        if (c) {
            if (!standardFrame)
                ZSTD_CCtx_setParameter(c, ZSTD_c_format, ZSTD_f_zstd1_magicless);
            ZSTD_CCtx_setParameter(c, ZSTD_c_contentSizeFlag, standardFrame ? 1 : 0);
            ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, standardFrame ? 1 : 0);
            ZSTD_CCtx_setParameter(c, ZSTD_c_dictIDFlag, standardFrame ? 1 : 0);
            if (dict.compress)
                ZSTD_CCtx_refCDict(c, dict.compress);
        }
        if (d) {
            if (!standardFrame)
                ZSTD_DCtx_setParameter(d, ZSTD_d_format, ZSTD_f_zstd1_magicless);
            if (dict.decompress)
                ZSTD_DCtx_refDDict(d, dict.decompress);
        }
    }
    ~Contexts() {
        ZSTD_freeCCtx(c);
        ZSTD_freeDCtx(d);
    }
    Contexts(const Contexts&) = delete;
    Contexts& operator=(const Contexts&) = delete;
};

Contexts& contexts() {
    thread_local Contexts c(false);
    return c;
}

Contexts& frameContexts() {
    thread_local Contexts c(true);
    return c;
}

} // namespace

QByteArray pack(std::string_view utf8) {
    // Under 8 bytes nothing can be gained (header, length and the smallest frame).
    if (utf8.size() < 8 || utf8.size() > kMaxLength)
        return {};
    Contexts& cx = contexts();
    if (!cx.c || !dictionary().compress)
        return {};
    const size_t bound = ZSTD_compressBound(utf8.size());
    QByteArray out(qsizetype(1 + 10 + bound), Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    qsizetype at = 0;
    p[at++] = kDictionaryId;
    for (quint64 n = utf8.size();; n >>= 7) {
        if (n < 0x80) {
            p[at++] = static_cast<unsigned char>(n);
            break;
        }
        p[at++] = static_cast<unsigned char>(0x80 | (n & 0x7F));
    }
    const size_t n = ZSTD_compress2(cx.c, out.data() + at, bound, utf8.data(), utf8.size());
    if (ZSTD_isError(n) || at + qsizetype(n) >= qsizetype(utf8.size()))
        return {};
    out.truncate(at + qsizetype(n));
    return out;
}

bool unpack(std::string_view packed, std::string& out) {
    if (packed.size() < 3 || static_cast<unsigned char>(packed[0]) != kDictionaryId)
        return false;
    quint64 length = 0;
    size_t at = 1;
    for (int shift = 0;; shift += 7) {
        if (at >= packed.size() || shift > 35)
            return false;
        const auto b = static_cast<unsigned char>(packed[at++]);
        length |= quint64(b & 0x7F) << shift;
        if (!(b & 0x80))
            break;
    }
    // A damaged length must not make us allocate a gigabyte: no text PlanCompare packs shrinks by more
    // than this (a long run of one character comes nearest, at a few thousand to one).
    if (length > kMaxLength || length > quint64(packed.size()) * 32768)
        return false;
    Contexts& cx = contexts();
    if (!cx.d || !dictionary().decompress)
        return false;
    out.resize(size_t(length));
    const size_t n =
        ZSTD_decompressDCtx(cx.d, out.data(), out.size(), packed.data() + at, packed.size() - at);
    return !ZSTD_isError(n) && n == size_t(length);
}

namespace {

constexpr unsigned char kMeasurePacked = 2;
constexpr unsigned char kMeasurePlain = 3;

void appendVarint(QByteArray& out, quint64 n) {
    for (;; n >>= 7) {
        if (n < 0x80) {
            out.append(char(n));
            return;
        }
        out.append(char(0x80 | (n & 0x7F)));
    }
}

bool readVarint(std::string_view s, size_t& at, quint64& value) {
    value = 0;
    for (int shift = 0;; shift += 7) {
        if (at >= s.size() || shift > 35)
            return false;
        const auto b = static_cast<unsigned char>(s[at++]);
        value |= quint64(b & 0x7F) << shift;
        if (!(b & 0x80))
            return true;
    }
}

} // namespace

QByteArray packMeasure(std::string_view title, std::string_view body, std::string_view units,
                       std::optional<std::string_view> heading) {
    const std::string_view h = heading.value_or(std::string_view());
    const quint64 total = quint64(title.size()) + body.size() + units.size() + h.size();
    QByteArray header;
    header.append(char(kMeasurePlain));
    appendVarint(header, total);
    appendVarint(header, title.size());
    appendVarint(header, units.size());
    appendVarint(header, heading ? quint64(h.size()) + 1 : 0);
    std::string all;
    all.reserve(size_t(total));
    all.append(title).append(body).append(units).append(h);
    Contexts& cx = contexts();
    if (total >= 8 && total <= kMaxLength && cx.c && dictionary().compress) {
        const size_t bound = ZSTD_compressBound(all.size());
        QByteArray out(header.size() + qsizetype(bound), Qt::Uninitialized);
        std::memcpy(out.data(), header.constData(), size_t(header.size()));
        const size_t n = ZSTD_compress2(cx.c, out.data() + header.size(), bound, all.data(), all.size());
        if (!ZSTD_isError(n) && n < all.size()) {
            out[0] = char(kMeasurePacked);
            out.truncate(header.size() + qsizetype(n));
            return out;
        }
    }
    header.append(all.data(), qsizetype(all.size()));
    return header;
}

QByteArray packMeasure(const QString& title, const QString& body, const QString& units,
                       const QString& heading) {
    const QByteArray t = title.toUtf8(), b = body.toUtf8(), u = units.toUtf8(), h = heading.toUtf8();
    const auto view = [](const QByteArray& a) { return std::string_view(a.constData(), size_t(a.size())); };
    return packMeasure(view(t), view(b), view(u),
                       heading.isNull() ? std::nullopt : std::optional<std::string_view>(view(h)));
}

bool isMeasureValue(std::string_view stored) {
    return !stored.empty() && (static_cast<unsigned char>(stored[0]) == kMeasurePacked ||
                               static_cast<unsigned char>(stored[0]) == kMeasurePlain);
}

bool unpackMeasure(std::string_view stored, std::string& buffer, MeasureTexts& out) {
    if (!isMeasureValue(stored))
        return false;
    size_t at = 1;
    quint64 total = 0, title = 0, units = 0, heading = 0;
    if (!readVarint(stored, at, total) || !readVarint(stored, at, title) || !readVarint(stored, at, units) ||
        !readVarint(stored, at, heading))
        return false;
    const quint64 headingBytes = heading ? heading - 1 : 0;
    if (total > kMaxLength || title > total || units > total - title || headingBytes > total - title - units)
        return false;
    std::string_view all;
    if (static_cast<unsigned char>(stored[0]) == kMeasurePlain) {
        all = stored.substr(at);
        if (all.size() != total)
            return false;
    } else {
        // As unpack: a damaged length must not make us allocate a gigabyte.
        if (total > quint64(stored.size()) * 32768)
            return false;
        Contexts& cx = contexts();
        if (!cx.d || !dictionary().decompress)
            return false;
        buffer.resize(size_t(total));
        const size_t n =
            ZSTD_decompressDCtx(cx.d, buffer.data(), buffer.size(), stored.data() + at, stored.size() - at);
        if (ZSTD_isError(n) || n != size_t(total))
            return false;
        all = std::string_view(buffer);
    }
    const size_t body = size_t(total - title - units - headingBytes);
    out.parts[0] = all.substr(0, size_t(title));
    out.parts[1] = all.substr(size_t(title), body);
    out.parts[2] = all.substr(size_t(title) + body, size_t(units));
    out.parts[3] = all.substr(size_t(title) + body + size_t(units), size_t(headingBytes));
    out.headingNull = heading == 0;
    return true;
}

bool columnTexts(sqlite3_stmt* st, int titleColumn, int bodyColumn, int unitsColumn, std::string& buffer,
                 std::string_view out[3]) {
    if (sqlite3_column_type(st, bodyColumn) == SQLITE_BLOB) {
        const auto* blob = static_cast<const char*>(sqlite3_column_blob(st, bodyColumn));
        const std::string_view stored(blob ? blob : "", size_t(sqlite3_column_bytes(st, bodyColumn)));
        if (isMeasureValue(stored)) {
            MeasureTexts texts;
            if (!unpackMeasure(stored, buffer, texts))
                return false;
            for (int k = 0; k < 3; ++k)
                out[k] = texts.parts[k];
            return true;
        }
    }
    // An older row: each column its own value, plain or packed (schema 15 packs bodies).
    thread_local std::string others[2];
    const int columns[3] = {titleColumn, bodyColumn, unitsColumn};
    for (int k = 0; k < 3; ++k) {
        const std::optional<std::string_view> text =
            columnUtf8(st, columns[k], k == 1 ? buffer : others[k == 0 ? 0 : 1]);
        if (!text)
            return false;
        out[k] = *text;
    }
    return true;
}

QByteArray packFrame(std::string_view utf8) {
    Contexts& cx = frameContexts();
    if (!cx.c || !dictionary().compress || utf8.size() > kMaxLength)
        return {};
    QByteArray out(qsizetype(ZSTD_compressBound(utf8.size())), Qt::Uninitialized);
    const size_t n = ZSTD_compress2(cx.c, out.data(), size_t(out.size()), utf8.data(), utf8.size());
    if (ZSTD_isError(n))
        return {};
    out.truncate(qsizetype(n));
    return out;
}

unsigned frameDictionaryId() {
    return dictionary().decompress ? ZSTD_getDictID_fromDDict(dictionary().decompress) : 0;
}

std::optional<QByteArray> unpackFrame(std::string_view frame, size_t contentSize) {
    Contexts& cx = frameContexts();
    if (!cx.d || !dictionary().decompress || contentSize > kMaxLength ||
        ZSTD_getDictID_fromFrame(frame.data(), frame.size()) != frameDictionaryId())
        return std::nullopt;
    QByteArray out(qsizetype(contentSize), Qt::Uninitialized);
    const size_t n = ZSTD_decompressDCtx(cx.d, out.data(), contentSize, frame.data(), frame.size());
    if (ZSTD_isError(n) || n != contentSize)
        return std::nullopt;
    return out;
}

std::optional<QString> unpackToString(const QByteArray& packed) {
    thread_local std::string buffer;
    if (!unpack(std::string_view(packed.constData(), size_t(packed.size())), buffer))
        return std::nullopt;
    return QString::fromUtf8(buffer.data(), qsizetype(buffer.size()));
}

std::optional<std::string_view> columnUtf8(sqlite3_stmt* st, int column, std::string& buffer) {
    if (sqlite3_column_type(st, column) == SQLITE_BLOB) {
        const void* blob = sqlite3_column_blob(st, column);
        const int bytes = sqlite3_column_bytes(st, column);
        if (!unpack(std::string_view(static_cast<const char*>(blob), size_t(bytes)), buffer))
            return std::nullopt;
        return std::string_view(buffer);
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    const int bytes = sqlite3_column_bytes(st, column);
    return text ? std::string_view(text, size_t(bytes)) : std::string_view();
}

QVariant packedValue(const QString& text) {
    if (text.isNull())
        return QVariant(QString());
    const QByteArray utf8 = text.toUtf8();
    QByteArray packed = pack(std::string_view(utf8.constData(), size_t(utf8.size())));
    if (packed.isEmpty())
        return QVariant(text);
    return QVariant(packed);
}

std::optional<QString> valueText(const QVariant& stored) {
    if (stored.typeId() == QMetaType::QByteArray)
        return unpackToString(stored.toByteArray());
    return stored.toString();
}

namespace {

void textFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
    sqlite3_value* v = argv[0];
    if (sqlite3_value_type(v) != SQLITE_BLOB) {
        sqlite3_result_value(ctx, v);
        return;
    }
    thread_local std::string buffer;
    const void* blob = sqlite3_value_blob(v);
    const int bytes = sqlite3_value_bytes(v);
    if (!unpack(std::string_view(static_cast<const char*>(blob), size_t(bytes)), buffer)) {
        sqlite3_result_error(ctx, "a measure's stored text is damaged (it does not unpack)", -1);
        sqlite3_result_error_code(ctx, SQLITE_CORRUPT);
        return;
    }
    sqlite3_result_text64(ctx, buffer.data(), buffer.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void packFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
    sqlite3_value* v = argv[0];
    if (sqlite3_value_type(v) != SQLITE_TEXT) {
        sqlite3_result_value(ctx, v);
        return;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
    const int bytes = sqlite3_value_bytes(v);
    const QByteArray packed = pack(std::string_view(text ? text : "", text ? size_t(bytes) : 0));
    if (packed.isEmpty())
        sqlite3_result_value(ctx, v);
    else
        sqlite3_result_blob64(ctx, packed.constData(), sqlite3_uint64(packed.size()), SQLITE_TRANSIENT);
}

// pc_pack_source(x): a stored plan text (TEXT, or a BLOB of any earlier packing) repacked as schema 17
// stores it (packFrame) when that is smaller; a value that does not unpack is returned as it is, so an
// upgrade never loses what it cannot read (the reader reports it as before).
void packSourceFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
    sqlite3_value* v = argv[0];
    const int type = sqlite3_value_type(v);
    std::optional<QByteArray> utf8;
    if (type == SQLITE_TEXT) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
        utf8 = QByteArray(text ? text : "", sqlite3_value_bytes(v));
    } else if (type == SQLITE_BLOB) {
        const auto* blob = static_cast<const char*>(sqlite3_value_blob(v));
        utf8 = unpackBytes(QByteArray(blob ? blob : "", sqlite3_value_bytes(v)));
    }
    if (!utf8) {
        sqlite3_result_value(ctx, v);
        return;
    }
    const QByteArray packed = packFrame(std::string_view(utf8->constData(), size_t(utf8->size())));
    if (packed.isEmpty() || (type == SQLITE_TEXT && packed.size() >= utf8->size()) ||
        (type == SQLITE_BLOB && packed.size() >= sqlite3_value_bytes(v)))
        sqlite3_result_value(ctx, v);
    else
        sqlite3_result_blob64(ctx, packed.constData(), sqlite3_uint64(packed.size()), SQLITE_TRANSIENT);
}

// pc_title(body, title), pc_body(body), pc_units(body, units), pc_heading(body, area_heading): the part
// of a schema-20 value in body; an older row's own column as pc_text gives it. The last value unpacked
// is kept per thread: the measures_text view and the search's hit rows read three or two parts of one
// row in a row, and unpack it once.
template <Part P> void partFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    sqlite3_value* v = argv[0];
    if (sqlite3_value_type(v) == SQLITE_BLOB) {
        const auto* blob = static_cast<const char*>(sqlite3_value_blob(v));
        const std::string_view stored(blob ? blob : "", size_t(sqlite3_value_bytes(v)));
        if (isMeasureValue(stored)) {
            struct Last {
                std::string stored;
                std::string buffer;
                MeasureTexts texts;
                bool valid = false;
            };
            thread_local Last last;
            if (!last.valid || last.stored != stored) {
                last.valid = false;
                last.stored.assign(stored);
                if (!unpackMeasure(last.stored, last.buffer, last.texts)) {
                    sqlite3_result_error(ctx, "a measure's stored text is damaged (it does not unpack)", -1);
                    sqlite3_result_error_code(ctx, SQLITE_CORRUPT);
                    return;
                }
                last.valid = true;
            }
            if (P == Part::Heading && last.texts.headingNull) {
                sqlite3_result_null(ctx);
                return;
            }
            const std::string_view text = last.texts.part(P);
            sqlite3_result_text64(ctx, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
            return;
        }
    }
    textFunction(ctx, 1, argc > 1 ? argv + 1 : argv);
}

// pc_measure(title, body, units, area_heading): the schema-20 value of four plain texts (NULL: '';
// a NULL heading stays NULL).
void measureFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
    std::string_view texts[4];
    for (int k = 0; k < 4; ++k) {
        const auto* t = reinterpret_cast<const char*>(sqlite3_value_text(argv[k]));
        texts[k] = std::string_view(t ? t : "", t ? size_t(sqlite3_value_bytes(argv[k])) : 0);
    }
    const bool noHeading = sqlite3_value_type(argv[3]) == SQLITE_NULL;
    const QByteArray packed = packMeasure(
        texts[0], texts[1], texts[2], noHeading ? std::nullopt : std::optional<std::string_view>(texts[3]));
    sqlite3_result_blob64(ctx, packed.constData(), sqlite3_uint64(packed.size()), SQLITE_TRANSIENT);
}

} // namespace

Status registerFunctions(sqlite3* db) {
    // Innocuous and deterministic: the view and the triggers of the schema may call them.
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    struct Function {
        const char* name;
        int arguments;
        void (*fn)(sqlite3_context*, int, sqlite3_value**);
    };
    for (const Function& f : {Function{"pc_text", 1, &textFunction}, Function{"pc_pack", 1, &packFunction},
                              Function{"pc_pack_source", 1, &packSourceFunction},
                              Function{"pc_title", 2, &partFunction<Part::Title>},
                              Function{"pc_body", 1, &partFunction<Part::Body>},
                              Function{"pc_units", 2, &partFunction<Part::Units>},
                              Function{"pc_heading", 2, &partFunction<Part::Heading>},
                              Function{"pc_measure", 4, &measureFunction}}) {
        const char* name = f.name;
        const int rc = sqlite3_create_function_v2(db, name, f.arguments, flags, nullptr, f.fn, nullptr,
                                                  nullptr, nullptr);
        if (rc != SQLITE_OK)
            return Status::failure(QStringLiteral("cannot register the SQL function %1: %2")
                                       .arg(QLatin1String(name), QString::fromUtf8(sqlite3_errstr(rc))),
                                   QStringLiteral("db-open"));
    }
    if (!dictionary().compress || !dictionary().decompress)
        return Status::failure(QStringLiteral("the measures' text dictionary is missing from this build"),
                               QStringLiteral("db-open"));
    return okStatus();
}

} // namespace pc::store::textpack
