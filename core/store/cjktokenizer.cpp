// FTS5 tokenizers for Chinese plans. "pc_cjk2" (the index since schema 11) gives one token per CJK
// character position: the bigram starting there, or the character alone at the end of a run; a query
// of one character is then a prefix token (电*), longer ones phrases of overlapping bigrams. The
// older "pc_cjk" (schema 2–10) also indexed every character as a unigram in the same position, twice
// the index for the same matches; it stays registered for the migrations that build it.
#include "cjktokenizer.h"

#include <QRegularExpression>

#include <sqlite3.h>

#include <string>

namespace pc::fts {

namespace {

enum class Cls { Sep, Word, Cjk };

// Decodes one UTF-8 code point at p (n bytes left); malformed bytes count as one separator byte.
inline char32_t decode(const unsigned char* p, int n, int* len) {
    const unsigned char c = p[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    if ((c >> 5) == 0x6 && n >= 2) {
        *len = 2;
        return (char32_t(c & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if ((c >> 4) == 0xE && n >= 3) {
        *len = 3;
        return (char32_t(c & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    if ((c >> 3) == 0x1E && n >= 4) {
        *len = 4;
        return (char32_t(c & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) | (char32_t(p[2] & 0x3F) << 6) |
               (p[3] & 0x3F);
    }
    *len = 1;
    return 0xFFFD;
}

inline bool isCjk(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) ||
           (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF) || cp == 0x3007;
}

// Word characters, folded: ASCII letters to lower case, full-width digits and letters to ASCII.
// Returns 0 for anything that is not part of a word.
inline char32_t wordFold(char32_t cp) {
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z')
            return cp + 32;
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
            return cp;
        return 0;
    }
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return cp - 0xFF10 + '0';
    if (cp >= 0xFF21 && cp <= 0xFF3A)
        return cp - 0xFF21 + 'a';
    if (cp >= 0xFF41 && cp <= 0xFF5A)
        return cp - 0xFF41 + 'a';
    // Latin, Greek and Cyrillic letters (names, units such as μ) stay as written.
    if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x4FF))
        return cp;
    return 0;
}

inline void appendUtf8(std::string& s, char32_t cp) {
    if (cp < 0x80) {
        s.push_back(char(cp));
    } else if (cp < 0x800) {
        s.push_back(char(0xC0 | (cp >> 6)));
        s.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        s.push_back(char(0xE0 | (cp >> 12)));
        s.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        s.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        s.push_back(char(0xF0 | (cp >> 18)));
        s.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        s.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        s.push_back(char(0x80 | (cp & 0x3F)));
    }
}

enum class Mode {
    LegacyDocument, // pc_cjk documents: every character, and the bigram starting at it colocated
    LegacyQuery,    // pc_cjk queries: one token per position, a run's last character alone
    Document,       // pc_cjk2 documents: one token per position, a run's last character alone
    Query,          // pc_cjk2 queries: the same, without the last character of a run that ends the text
    Characters,     // pc_cjk_chars: every CJK character alone (documents and queries)
    Verbatim,       // pc_cjk_set queries: the whole text is one token (built from pc_cjk2 tokens)
};

// emit(colocated, token, tokenLength, byteStart, byteEnd) → SQLite status; stops on non-OK.
template <typename Emit> int run(const char* text, int n, Mode mode, Emit&& emit) {
    if (mode == Mode::Verbatim)
        return n > 0 ? emit(false, text, n, 0, n) : SQLITE_OK;
    const auto* p = reinterpret_cast<const unsigned char*>(text);
    int i = 0;
    std::string word;
    // Start offsets of the current CJK run's characters (bytes), to form bigrams without copying.
    int runStart[3] = {-1, -1, -1}; // previous character start, current character start, its end
    // Query mode: the last character of a run of two or more, emitted only if a token follows (at the
    // end of the text the bigram before it already says the character is there).
    int pendingStart = -1;
    int pendingEnd = -1;
    bool runHasBigram = false;
    const auto flushPending = [&]() -> int {
        if (pendingStart < 0)
            return SQLITE_OK;
        const int s = pendingStart;
        pendingStart = -1;
        return emit(false, text + s, pendingEnd - s, s, pendingEnd);
    };
    auto flushCjkPrev = [&](bool runContinues, int nextEnd) -> int {
        // Emits the token(s) for the character at runStart[0]..runStart[1].
        const int s = runStart[0];
        const int e = runStart[1];
        if (s < 0)
            return SQLITE_OK;
        if (mode == Mode::Characters)
            return emit(false, text + s, e - s, s, e);
        if (mode == Mode::LegacyDocument) {
            int rc = emit(false, text + s, e - s, s, e);
            if (rc == SQLITE_OK && runContinues)
                rc = emit(true, text + s, nextEnd - s, s, nextEnd);
            return rc;
        }
        if (runContinues) {
            runHasBigram = true;
            return emit(false, text + s, nextEnd - s, s, nextEnd);
        }
        if (mode == Mode::Query && runHasBigram) {
            pendingStart = s;
            pendingEnd = e;
            return SQLITE_OK;
        }
        return emit(false, text + s, e - s, s, e);
    };
    while (i < n) {
        int len = 1;
        const char32_t cp = decode(p + i, n - i, &len);
        if (isCjk(cp)) {
            if (runStart[0] >= 0) {
                const int rc = flushCjkPrev(true, i + len);
                if (rc != SQLITE_OK)
                    return rc;
            } else if (const int rc = flushPending(); rc != SQLITE_OK) {
                return rc;
            }
            runStart[0] = i;
            runStart[1] = i + len;
            i += len;
            continue;
        }
        if (runStart[0] >= 0) {
            const int rc = flushCjkPrev(false, 0);
            if (rc != SQLITE_OK)
                return rc;
            runStart[0] = -1;
            runHasBigram = false;
        }
        const char32_t folded = wordFold(cp);
        if (!folded) {
            i += len;
            continue;
        }
        if (const int rc = flushPending(); rc != SQLITE_OK)
            return rc;
        const int start = i;
        word.clear();
        while (i < n) {
            int l = 1;
            const char32_t c = decode(p + i, n - i, &l);
            const char32_t f = wordFold(c);
            if (!f)
                break;
            appendUtf8(word, f);
            i += l;
        }
        const int rc = emit(false, word.data(), int(word.size()), start, i);
        if (rc != SQLITE_OK)
            return rc;
    }
    if (runStart[0] >= 0)
        return flushCjkPrev(false, 0);
    return SQLITE_OK;
}

struct TokenizerInstance {
    int unused = 0;
};

int xCreate(void*, const char**, int, Fts5Tokenizer** out) {
    *out = reinterpret_cast<Fts5Tokenizer*>(new TokenizerInstance);
    return SQLITE_OK;
}

void xDelete(Fts5Tokenizer* t) {
    delete reinterpret_cast<TokenizerInstance*>(t);
}

template <Mode DocumentMode, Mode QueryMode>
int xTokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int n,
              int (*xToken)(void*, int, const char*, int, int, int)) {
    const Mode mode = (flags & FTS5_TOKENIZE_QUERY) != 0 ? QueryMode : DocumentMode;
    return run(text, n, mode, [&](bool colocated, const char* tok, int len, int s, int e) {
        return xToken(ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, tok, len, s, e);
    });
}

bool hasSearchableChar(const QString& s) {
    for (const char32_t cp : s.toUcs4()) {
        if (isCjk(cp) || wordFold(cp))
            return true;
    }
    return false;
}

// One phrase of the user's query for the pc_cjk2 index (see MatchQuery::fts5): the text cut after
// every CJK run that another CJK run follows (across spaces or punctuation), each run-final single
// character a prefix token, the pieces joined with FTS5's "+" into one phrase.
QString fts5Phrase(const QString& text, QueryPhrase* phrase) {
    enum class C { Sep, Word, Cjk };
    struct Cp {
        qsizetype begin, end;
        C cls;
    };
    QList<Cp> cps;
    for (qsizetype i = 0; i < text.size();) {
        char32_t cp = text.at(i).unicode();
        qsizetype len = 1;
        if (QChar::isHighSurrogate(cp) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            len = 2;
        }
        cps.append({i, i + len, isCjk(cp) ? C::Cjk : (wordFold(cp) ? C::Word : C::Sep)});
        i += len;
    }
    const auto quoted = [phrase](QString piece, bool prefix) -> QString {
        // The piece's tokens as FTS5 takes them: tokenized in query mode, the prefix on the last one.
        const QByteArray utf8 = piece.toUtf8();
        const qsizetype first = phrase->tokens.size();
        run(utf8.constData(), int(utf8.size()), Mode::Query, [&](bool, const char* tok, int len, int, int) {
            phrase->tokens.append({QByteArray(tok, len), false});
            return SQLITE_OK;
        });
        if (prefix && phrase->tokens.size() > first)
            phrase->tokens.last().prefix = true;
        piece.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + piece + QLatin1Char('"') + (prefix ? QStringLiteral(" *") : QString());
    };
    QStringList pieces;
    qsizetype pieceStart = 0;
    bool lastIsLoneCjk = false;
    qsizetype runLength = 0;
    for (qsizetype k = 0; k < cps.size(); ++k) {
        if (cps[k].cls != C::Cjk) {
            runLength = 0;
            if (cps[k].cls == C::Word)
                lastIsLoneCjk = false;
            continue;
        }
        ++runLength;
        if (k + 1 < cps.size() && cps[k + 1].cls == C::Cjk)
            continue;
        // k ends a CJK run: what comes next?
        qsizetype next = k + 1;
        while (next < cps.size() && cps[next].cls == C::Sep)
            ++next;
        lastIsLoneCjk = runLength == 1;
        if (next == cps.size() || cps[next].cls == C::Word)
            continue;
        // Another CJK run follows: the documents may hold this character alone or in a bigram.
        if (runLength == 1) {
            pieces << quoted(text.mid(pieceStart, cps[k].end - pieceStart), true);
        } else {
            pieces << quoted(text.mid(pieceStart, cps[k].end - pieceStart), false)
                   << quoted(text.mid(cps[k].begin, cps[k].end - cps[k].begin), true);
        }
        pieceStart = cps[k].end;
    }
    pieces << quoted(text.mid(pieceStart), lastIsLoneCjk);
    return pieces.join(QStringLiteral(" + "));
}

Error syntaxError(const QString& message) {
    return Error{message, QStringLiteral("search-syntax")};
}

} // namespace

fts5_api* fts5Api(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(st, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

Status registerTokenizer(sqlite3* db) {
    if (!db)
        return Status::failure(QStringLiteral("no SQLite handle to register the search tokenizer on"),
                               QStringLiteral("db-open"));
    fts5_api* api = fts5Api(db);
    if (!api)
        return Status::failure(QStringLiteral("this SQLite has no FTS5 full-text search"),
                               QStringLiteral("db-open"));
    static fts5_tokenizer legacy{xCreate, xDelete, xTokenize<Mode::LegacyDocument, Mode::LegacyQuery>};
    static fts5_tokenizer tokenizer{xCreate, xDelete, xTokenize<Mode::Document, Mode::Query>};
    static fts5_tokenizer characters{xCreate, xDelete, xTokenize<Mode::Characters, Mode::Characters>};
    static fts5_tokenizer set{xCreate, xDelete, xTokenize<Mode::LegacyDocument, Mode::Verbatim>};
    int rc = api->xCreateTokenizer(api, kLegacyTokenizerName, nullptr, &legacy, nullptr);
    if (rc == SQLITE_OK)
        rc = api->xCreateTokenizer(api, kTokenizerName, nullptr, &tokenizer, nullptr);
    if (rc == SQLITE_OK)
        rc = api->xCreateTokenizer(api, kCharacterTokenizerName, nullptr, &characters, nullptr);
    if (rc == SQLITE_OK)
        rc = api->xCreateTokenizer(api, kSetTokenizerName, nullptr, &set, nullptr);
    if (rc != SQLITE_OK)
        return Status::failure(QStringLiteral("could not register the search tokenizer: %1")
                                   .arg(QString::fromUtf8(sqlite3_errstr(rc))),
                               QStringLiteral("db-open"));
    return okStatus();
}

QStringList tokenize(const QString& text, bool queryMode) {
    const QByteArray utf8 = text.toUtf8();
    QStringList out;
    run(utf8.constData(), int(utf8.size()), queryMode ? Mode::Query : Mode::Document,
        [&](bool colocated, const char* tok, int len, int, int) {
            const QString t = QString::fromUtf8(tok, len);
            out << (colocated ? QStringLiteral("+") + t : t);
            return SQLITE_OK;
        });
    return out;
}

void documentTokens(const char* utf8, int bytes, DocumentTokens& out) {
    out.arena.clear();
    out.spans.clear();
    if (!utf8)
        return;
    run(utf8, bytes, Mode::Document, [&](bool, const char* tok, int len, int, int) {
        out.spans.emplace_back(int(out.arena.size()), len);
        out.arena.append(tok, size_t(len));
        return SQLITE_OK;
    });
}

int phraseInstances(const DocumentTokens& tokens, const QueryPhrase& phrase) {
    const size_t n = size_t(phrase.tokens.size());
    if (n == 0 || tokens.spans.size() < n)
        return 0;
    int count = 0;
    for (size_t start = 0; start + n <= tokens.spans.size(); ++start) {
        bool all = true;
        for (size_t k = 0; k < n && all; ++k) {
            const QueryToken& q = phrase.tokens[qsizetype(k)];
            const std::string_view want(q.bytes.constData(), size_t(q.bytes.size()));
            const std::string_view have = tokens.at(start + k);
            all = q.prefix ? have.substr(0, want.size()) == want : have == want;
        }
        count += all ? 1 : 0;
    }
    return count;
}

int phraseInstances(const char* utf8, int bytes, const QueryPhrase& phrase, int* positions) {
    const qsizetype n = phrase.tokens.size();
    if (!utf8 || n == 0 || n > 64) {
        DocumentTokens tokens;
        documentTokens(utf8, bytes, tokens);
        if (positions)
            *positions = int(tokens.spans.size());
        return phraseInstances(tokens, phrase);
    }
    int count = 0;
    int at = 0;
    quint64 partial = 0; // bit k: the tokens up to here are the phrase's first k + 1 tokens
    const auto next = [&](std::string_view have) {
        ++at;
        quint64 matched = 0;
        for (qsizetype k = 0; k < n; ++k) {
            if (k > 0 && ((partial >> (k - 1)) & 1) == 0)
                continue;
            const QueryToken& q = phrase.tokens[k];
            const std::string_view want(q.bytes.constData(), size_t(q.bytes.size()));
            if (q.prefix ? have.substr(0, want.size()) == want : have == want)
                matched |= quint64(1) << k;
        }
        count += int((matched >> (n - 1)) & 1);
        partial = matched;
    };
    // A phrase of words only (5G, ICP, 12345): a CJK position is never one of its tokens, so the text's
    // CJK characters only count and break a partial match, without forming their bigrams.
    bool wordsOnly = true;
    for (const QueryToken& q : phrase.tokens) {
        int len = 1;
        wordsOnly = wordsOnly && !q.bytes.isEmpty() &&
                    !isCjk(decode(reinterpret_cast<const unsigned char*>(q.bytes.constData()),
                                  int(q.bytes.size()), &len));
    }
    if (!wordsOnly) {
        run(utf8, bytes, Mode::Document, [&](bool, const char* tok, int len, int, int) {
            next(std::string_view(tok, size_t(len)));
            return SQLITE_OK;
        });
    } else {
        // run()'s document mode, less the bigrams: one position per CJK character and per word.
        const auto* p = reinterpret_cast<const unsigned char*>(utf8);
        std::string word;
        for (int i = 0; i < bytes;) {
            int len = 1;
            const char32_t cp = decode(p + i, bytes - i, &len);
            if (isCjk(cp)) {
                ++at;
                partial = 0;
                i += len;
                continue;
            }
            if (!wordFold(cp)) {
                i += len;
                continue;
            }
            word.clear();
            while (i < bytes) {
                int l = 1;
                const char32_t f = wordFold(decode(p + i, bytes - i, &l));
                if (!f)
                    break;
                appendUtf8(word, f);
                i += l;
            }
            next(word);
        }
    }
    if (positions)
        *positions = at;
    return count;
}

QByteArray phraseLiteral(const QueryPhrase& phrase) {
    const auto characters = [](const QByteArray& bytes) {
        QList<char32_t> out;
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
        for (int i = 0; i < bytes.size();) {
            int len = 1;
            const char32_t cp = decode(p + i, int(bytes.size()) - i, &len);
            if (!isCjk(cp))
                return QList<char32_t>();
            out << cp;
            i += len;
        }
        return out;
    };
    if (phrase.tokens.size() == 1 && phrase.tokens.first().prefix) {
        const QList<char32_t> one = characters(phrase.tokens.first().bytes);
        return one.size() == 1 ? phrase.tokens.first().bytes : QByteArray();
    }
    QList<char32_t> chain;
    for (const QueryToken& t : phrase.tokens) {
        const QList<char32_t> pair = characters(t.bytes);
        if (t.prefix || pair.size() != 2 || (!chain.isEmpty() && chain.last() != pair.first()))
            return QByteArray();
        if (chain.isEmpty())
            chain << pair.first();
        chain << pair.last();
    }
    if (chain.isEmpty())
        return QByteArray();
    std::string out;
    for (const char32_t cp : std::as_const(chain))
        appendUtf8(out, cp);
    return QByteArray(out.data(), qsizetype(out.size()));
}

int tokenCount(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    return tokenCount(utf8.constData(), int(utf8.size()));
}

int tokenCount(const char* utf8, int bytes) {
    // One position per CJK character and one per word (a run of word characters), as run() emits them
    // in document mode, without building the tokens.
    if (!utf8)
        return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(utf8);
    int n = 0;
    bool inWord = false;
    for (int i = 0; i < bytes;) {
        if (p[i] < 0x80) {
            const unsigned char c = p[i++];
            const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            n += word && !inWord ? 1 : 0;
            inWord = word;
            continue;
        }
        int len = 1;
        const char32_t cp = decode(p + i, bytes - i, &len);
        i += len;
        if (isCjk(cp)) {
            ++n;
            inWord = false;
            continue;
        }
        const bool word = wordFold(cp) != 0;
        n += word && !inWord ? 1 : 0;
        inWord = word;
    }
    return n;
}

QString singleCharacter(const QString& userQuery) {
    QString q = userQuery.trimmed();
    if (q.size() >= 2 && q.front() == QLatin1Char('"') && q.back() == QLatin1Char('"'))
        q = q.mid(1, q.size() - 2).trimmed();
    const QList<uint> cps = q.toUcs4();
    return cps.size() == 1 && isCjk(cps.front()) ? q : QString();
}

Result<MatchQuery> buildMatchQuery(const QString& userQuery) {
    struct Item {
        bool isOr = false;
        QString text;
        bool phrase = false;
    };
    QList<Item> items;
    const QString q = userQuery.trimmed();
    qsizetype i = 0;
    while (i < q.size()) {
        const QChar c = q.at(i);
        if (c.isSpace() || c == QChar(0x3000)) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('"') || c == QChar(0x201C) || c == QChar(0x201D)) {
            qsizetype j = i + 1;
            while (j < q.size() && q.at(j) != QLatin1Char('"') && q.at(j) != QChar(0x201C) &&
                   q.at(j) != QChar(0x201D))
                ++j;
            if (j >= q.size())
                return syntaxError(
                    QStringLiteral("the search \u201c%1\u201d has an opening quote without a closing one")
                        .arg(userQuery));
            items.append({false, q.mid(i + 1, j - i - 1), true});
            i = j + 1;
            continue;
        }
        qsizetype j = i;
        while (j < q.size() && !q.at(j).isSpace() && q.at(j) != QChar(0x3000) &&
               q.at(j) != QLatin1Char('"') && q.at(j) != QChar(0x201C) && q.at(j) != QChar(0x201D))
            ++j;
        const QString w = q.mid(i, j - i);
        items.append({w == QLatin1String("OR"), w, false});
        i = j;
    }
    QList<Item> kept;
    for (const Item& it : items) {
        if (it.isOr || hasSearchableChar(it.text))
            kept.append(it);
    }
    if (kept.isEmpty())
        return syntaxError(
            QStringLiteral(
                "the search \u201c%1\u201d has no letters, digits or Chinese characters to look for")
                .arg(userQuery));
    MatchQuery out;
    for (qsizetype k = 0; k < kept.size(); ++k) {
        const Item& it = kept[k];
        if (it.isOr) {
            if (k == 0 || k + 1 == kept.size() || kept[k - 1].isOr)
                return syntaxError(
                    QStringLiteral("in the search \u201c%1\u201d, OR must stand between two words")
                        .arg(userQuery));
            out.expression += QStringLiteral(" OR");
            out.fts5 += QStringLiteral(" OR");
            continue;
        }
        QString escaped = it.text;
        escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        if (!out.expression.isEmpty()) {
            out.expression += QLatin1Char(' ');
            out.fts5 += QLatin1Char(' ');
        }
        out.expression += QLatin1Char('"') + escaped + QLatin1Char('"');
        QueryPhrase phrase;
        out.fts5 += fts5Phrase(it.text, &phrase);
        if (out.groups.isEmpty() || (k > 0 && kept[k - 1].isOr))
            out.groups.append(QList<int>());
        out.groups.last().append(int(out.phrases.size()));
        out.phrases.append(phrase);
        static const QRegularExpression space(QStringLiteral("\\s+"));
        const QStringList parts = it.text.split(space, Qt::SkipEmptyParts);
        for (const QString& part : parts) {
            if (hasSearchableChar(part))
                out.terms << part;
        }
    }
    return out;
}

} // namespace pc::fts
