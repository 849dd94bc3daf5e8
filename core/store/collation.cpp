// The "pc_zh" collation: pinyin order for jurisdictions and other Chinese names in query results.
#include "collation.h"

#include <QCollator>
#include <QLocale>
#include <QString>

#include <sqlite3.h>

namespace pc::store {

namespace {

int compareChinese(void*, int lengthA, const void* a, int lengthB, const void* b) {
    // One collator per thread: QCollator is not safe to share, and the importer has its own thread.
    thread_local const QCollator collator = [] {
        QCollator c(QLocale(QLocale::Chinese, QLocale::China));
        c.setNumericMode(true);
        return c;
    }();
    const QString sa = QString::fromUtf8(static_cast<const char*>(a), lengthA);
    const QString sb = QString::fromUtf8(static_cast<const char*>(b), lengthB);
    const int c = collator.compare(sa, sb);
    if (c != 0)
        return c;
    // Equal for the collator but different strings: fall back to code points so the order is total.
    return QString::compare(sa, sb, Qt::CaseSensitive);
}

} // namespace

Status registerChineseCollation(sqlite3* db) {
    if (!db)
        return Status::failure(QStringLiteral("no SQLite handle to register the pc_zh collation on"),
                               QStringLiteral("db-open"));
    const int rc =
        sqlite3_create_collation_v2(db, kChineseCollation, SQLITE_UTF8, nullptr, compareChinese, nullptr);
    if (rc != SQLITE_OK)
        return Status::failure(QStringLiteral("cannot register the pc_zh collation: %1")
                                   .arg(QString::fromUtf8(sqlite3_errstr(rc))),
                               QStringLiteral("db-open"));
    return okStatus();
}

} // namespace pc::store
