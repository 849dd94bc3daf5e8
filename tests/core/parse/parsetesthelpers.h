// Helpers for the parser tests: parse a seed once, find a measure, join unit names.
#pragma once

#include "parse/parser.h"
#include "testpaths.h"

#include <QHash>

#include <gtest/gtest.h>

namespace pc::test {

inline const Document& seedDocument(const QString& stem) {
    static QHash<QString, Document> cache;
    auto it = cache.find(stem);
    if (it == cache.end()) {
        Result<Document> r = parseFile(seedPath(stem));
        EXPECT_TRUE(r.ok()) << r.errorMessage().toStdString();
        it = cache.insert(stem, r.ok() ? r.value() : Document{});
    }
    return it.value();
}

inline const Measure* measureNo(const Document& d, int number) {
    for (const Measure& m : d.measures) {
        if (m.number == number)
            return &m;
    }
    return nullptr;
}

inline QString units(const QList<Unit>& us) {
    QStringList names;
    for (const Unit& u : us)
        names.append(u.written);
    return names.join(QLatin1Char(';'));
}

} // namespace pc::test
