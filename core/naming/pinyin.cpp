// Pinyin names through ICU's Han-Latin transliterator (libicu, the library Qt itself links on Debian).
#include "naming.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace pc::naming {

namespace {

struct Transliteration {
    QMutex mutex; // a Transliterator instance is not safe to use from two threads at once
    std::unique_ptr<icu::Transliterator> han;
    bool tried = false;
    QHash<QString, QString> cache;
};

Transliteration& state() {
    static Transliteration t;
    return t;
}

// "yu zhong" → "Yuzhong", "nan an" → "Nan'an": syllables of one name are written together, with an
// apostrophe before a syllable that starts with a vowel (the pinyin rule that keeps xi'an ≠ xian).
QString joinSyllables(const QString& spaced) {
    QString out;
    bool first = true;
    for (const QString& syllable : spaced.split(u' ', Qt::SkipEmptyParts)) {
        const QChar c = syllable.at(0);
        if (!first && (c == u'a' || c == u'o' || c == u'e'))
            out += u'\'';
        out += syllable;
        first = false;
    }
    if (!out.isEmpty())
        out[0] = out.at(0).toUpper();
    return out;
}

} // namespace

QString pinyinName(const QString& han) {
    if (han.isEmpty())
        return {};
    Transliteration& t = state();
    const QMutexLocker lock(&t.mutex);
    if (const auto it = t.cache.constFind(han); it != t.cache.constEnd())
        return *it;
    if (!t.tried) {
        t.tried = true;
        UErrorCode status = U_ZERO_ERROR;
        // Han → pinyin with tone marks, then Latin-ASCII drops the marks (names are written without).
        t.han.reset(icu::Transliterator::createInstance(
            icu::UnicodeString::fromUTF8("Han-Latin; Latin-ASCII"), UTRANS_FORWARD, status));
        if (U_FAILURE(status))
            t.han.reset();
    }
    if (!t.han)
        return {};
    icu::UnicodeString s(reinterpret_cast<const UChar*>(han.utf16()), int32_t(han.size()));
    t.han->transliterate(s);
    const QString spaced =
        QString(reinterpret_cast<const QChar*>(s.getBuffer()), qsizetype(s.length())).toLower().simplified();
    const QString out = joinSyllables(spaced);
    t.cache.insert(han, out);
    return out;
}

} // namespace pc::naming
