// Measure texts (title, body, units, area heading) as small Zstandard frames against a shipped dictionary.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace pc::store::textpack {

// A measure's texts are a few hundred bytes each: alone, Zstandard barely shrinks them, but against a
// dictionary of the plans' wording (resources/store/measures-1.zdict, trained on the seed plans'
// measures, never changed once shipped) a body takes 0.23 of its UTF-8 on the seed-made benchmark, 0.56 on
// plans of other provinces (0.84 without a dictionary). SQLite keeps a packed text
// as a BLOB and a text that packing does not shrink (short titles, many headings) as TEXT, so the value's
// type tells which, and rows written before schema 15 still read. Layout of a BLOB: one byte naming the
// dictionary (1), the UTF-8 length as a varint, then a Zstandard frame without magic number, checksum or
// dictionary id (those would cost 8 of the 20–100 bytes a packed value takes).
// Schema 15 packs bodies and area headings (titles and units stay plain: see migration 15); schema 20
// packs all four into one value (packMeasure below). PostgreSQL keeps plain text.

// The packed form of `utf8`, or an empty array when packing would not make it smaller.
QByteArray pack(std::string_view utf8);
// The UTF-8 text of a packed value into `out` (whose capacity is reused); false when the value is
// damaged or names a dictionary this build does not have.
bool unpack(std::string_view packed, std::string& out);
// As unpack, as a QString; nullopt when damaged.
std::optional<QString> unpackToString(const QByteArray& packed);

// SQLite column `column` of `st` as UTF-8: the stored text, or the packed value unpacked into `buffer`
// (which the view then points into). nullopt when a packed value is damaged.
std::optional<std::string_view> columnUtf8(sqlite3_stmt* st, int column, std::string& buffer);

// A plan's whole text (sources.text, schema 17) as a standard Zstandard frame — magic number, content
// size, checksum and the dictionary's id — against the same dictionary at the same level: the wording a
// plan shares with every other plan is not stored again in each (0.46 instead of 0.59 of the UTF-8 on
// excerpts of other provinces' plans, 0.17 instead of 0.35 on the seeds it was trained on). Empty
// when the build has no dictionary (the caller then packs without one).
QByteArray packFrame(std::string_view utf8);
// The id such a frame names (ZSTD_getDictID_fromFrame), never 0 in a build with the dictionary.
unsigned frameDictionaryId();
// The bytes of a frame packFrame made, which records `contentSize` bytes; nullopt when the frame is
// damaged or names another dictionary.
std::optional<QByteArray> unpackFrame(std::string_view frame, size_t contentSize);

// A value to bind for a measure text on SQLite: the packed BLOB when smaller, else the text.
QVariant packedValue(const QString& text);
// A value read from a measure text column without pc_text(): text as is, a BLOB unpacked; nullopt when
// a BLOB is damaged.
std::optional<QString> valueText(const QVariant& stored);

// Schema 20: a measure's four texts in one value, stored in measures.body (title and units then hold
// '' and area_heading NULL), so a search candidate is one decompression and titles and units (plain
// until schema 19) are packed too. A BLOB: one byte, 2 (a Zstandard frame against the dictionary, as
// pack makes) or 3 (the bytes as they are, where packing does not shrink them); then varints of the
// UTF-8 length of all four together, of the title, of the units and of the area heading (0: NULL, else
// its length + 1); then the frame or the bytes of title, body, units and heading one after the other
// (the body's length is what the others leave). Lengths, not a separator: any text stores.
enum class Part { Title = 0, Body = 1, Units = 2, Heading = 3 };
struct MeasureTexts {
    std::string_view parts[4]; // Part order
    bool headingNull = true;
    std::string_view part(Part p) const { return parts[int(p)]; }
};
// The stored value of a measure's texts (never empty).
QByteArray packMeasure(std::string_view title, std::string_view body, std::string_view units,
                       std::optional<std::string_view> heading);
// Whether a stored measures.body value is such a value (a BLOB starting with 2 or 3).
bool isMeasureValue(std::string_view stored);
// The texts of such a value, viewing into `buffer` (or into `stored` for the plain kind); false when
// it is damaged.
bool unpackMeasure(std::string_view stored, std::string& buffer, MeasureTexts& out);
// The value to bind on SQLite for a measure's texts (a BLOB, packMeasure).
QByteArray packMeasure(const QString& title, const QString& body, const QString& units,
                       const QString& heading);
// A measure's title, body and units as a search statement reads them: the stored columns `titleColumn`,
// `bodyColumn`, `unitsColumn` of `st` (any schema: a body of schema 20 holds all three, else each column
// its own, plain or packed), into out[0..2]; false when a stored value is damaged.
bool columnTexts(sqlite3_stmt* st, int titleColumn, int bodyColumn, int unitsColumn, std::string& buffer,
                 std::string_view out[3]);

// Registers the SQL functions pc_text(x) (a packed value's text; text and NULL as they are; a damaged
// value fails the statement with SQLITE_CORRUPT) and pc_pack(x) (the value to store for text x), which
// migration 15 uses, and pc_pack_source(x) (a stored plan text repacked with packFrame, migration 17);
// and schema 20's readers pc_title(body, title), pc_body(body), pc_units(body, units) and
// pc_heading(body, area_heading) (the part of a measure value in body, else the column's own value as
// pc_text gives it: any schema's row reads; a damaged value fails the statement with SQLITE_CORRUPT),
// which the measures_text view and the search index's triggers use too, and pc_measure(title, body,
// units, area_heading) (the value packMeasure makes of four plain texts, migration 20). PostgreSQL,
// which keeps plain columns, has the same readers as functions returning the column.
Status registerFunctions(sqlite3* db);

} // namespace pc::store::textpack
