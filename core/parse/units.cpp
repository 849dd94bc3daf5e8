// Unit splitting and normalization: labels stripped, line wraps rejoined, jurisdiction folded.
#include "units.h"

#include "text/normalizedtext.h"

#include <QRegularExpression>
#include <QVarLengthArray>

#include <array>
#include <iterator>

namespace pc::parse {
namespace {

// Last characters of Chinese organisation names; a line break after one of them ends a unit,
// a break anywhere else is a wrap inside the name ("区规划自然资\n源局").
bool endsUnitName(QStringView s) {
    static const QString finals =
        QStringLiteral("局委办司心院会府行部队所处站室厅团馆社组庭科署区县市村镇街园");
    return !s.isEmpty() && finals.contains(s.back());
}

bool isSeparator(QChar c) {
    switch (c.unicode()) {
    case u'、':
    case u'，':
    case u',':
    case u'；':
    case u';':
        return true;
    default:
        return false;
    }
}

QString cleanName(QString s) {
    s = s.trimmed();
    s.remove(QLatin1Char(' '));
    s.remove(QChar(0x3000));
    // Stray brackets left when a clause was cut out of "（牵头单位：…）".
    while (!s.isEmpty() && (s.front() == QChar(u'（') || s.front() == QLatin1Char('(')))
        s.remove(0, 1);
    while (!s.isEmpty() &&
           (s.back() == QChar(u'）') || s.back() == QLatin1Char(')') || s.back() == QChar(u'。')))
        s.chop(1);
    return s;
}

bool isPlaceholder(const QString& s) {
    return s.isEmpty() || s == QStringLiteral("无") || s == QStringLiteral("/") || s == QStringLiteral("—") ||
           s == QStringLiteral("-") || s == QStringLiteral("——");
}

} // namespace

QString cleanUnitName(const QString& written) {
    return cleanName(written);
}

UnitNamer::UnitNamer(QString jurisdiction)
    : m_jurisdiction(std::move(jurisdiction)) {}

const QList<std::pair<QString, QString>>& agencyAliases() {
    // Common long forms of agency names → the short forms the plans mostly use.
    static const QList<std::pair<QString, QString>> aliases{
        {QStringLiteral("城市管理局"), QStringLiteral("城管局")},
        {QStringLiteral("人力资源和社会保障局"), QStringLiteral("人力社保局")},
        {QStringLiteral("市场监督管理局"), QStringLiteral("市场监管局")},
        {QStringLiteral("住房和城乡建设委员会"), QStringLiteral("住房城乡建委")},
        {QStringLiteral("发展和改革委员会"), QStringLiteral("发展改革委")},
        {QStringLiteral("经济和信息化委员会"), QStringLiteral("经济信息委")},
        {QStringLiteral("政务服务管理办公室"), QStringLiteral("政务服务管理办")},
        {QStringLiteral("政务服务办公室"), QStringLiteral("政务服务办")},
        {QStringLiteral("规划和自然资源局"), QStringLiteral("规划自然资源局")},
        {QStringLiteral("生态环境保护局"), QStringLiteral("生态环境局")},
        {QStringLiteral("经信委"), QStringLiteral("经济信息委")},
    };
    return aliases;
}

QString UnitNamer::normalizedName(const QString& written) const {
    // Plans name the same units on row after row: each written form is normalized once per namer (the
    // result depends only on it and the namer's jurisdiction).
    const auto known = m_cache.constFind(written);
    if (known != m_cache.cend())
        return *known;
    QString s = computeNormalized(written);
    m_cache.insert(written, s);
    return s;
}

QString UnitNamer::computeNormalized(const QString& written) const {
    // Written through a pointer (an append call per character before); CJK ideographs are never
    // spaces, so most characters skip QChar::isSpace's table lookup.
    QString s(written.size(), Qt::Uninitialized);
    QChar* out = s.data();
    for (const QChar c : written) {
        const char16_t u = c.unicode();
        if ((u >= 0x4E00 && u <= 0x9FFF) || !c.isSpace())
            *out++ = text::foldChar(c);
    }
    s.truncate(out - s.constData());
    const auto& aliases = agencyAliases();
    // (QString::replace builds a search table even when there is nothing to replace: look first.)
    auto replaceAll = [&s](const QString& from, const QString& to) {
        if (s.contains(from))
            s.replace(from, to);
    };
    // Which characters the name holds, by their low six bits: an alias with a character the name
    // lacks cannot occur in it, and most names hold none of the aliases' words.
    auto charMask = [](QStringView v) {
        quint64 m = 0;
        for (QChar c : v)
            m |= quint64(1) << (c.unicode() & 63);
        return m;
    };
    static const QList<quint64> aliasMasks = [&] {
        QList<quint64> m;
        for (const auto& alias : aliases)
            m.append(charMask(alias.first));
        return m;
    }();
    for (qsizetype k = 0; k < aliases.size(); ++k) {
        // A replacement changes the name: its mask is taken afresh for each alias.
        if ((aliasMasks[k] & ~charMask(s)) == 0)
            replaceAll(aliases[k].first, aliases[k].second);
    }
    if (!m_jurisdiction.isEmpty()) {
        const QString j = m_jurisdiction;                     // 江津区 / 重庆市
        const QString generic = QString(j.back());            // 区 / 县 / 市
        const QString stem = j.size() > 1 ? j.chopped(1) : j; // 江津 / 重庆
        if (j != QStringLiteral("重庆市")) {
            if (s.contains(j)) {
                replaceAll(QStringLiteral("重庆市") + j, generic);
                replaceAll(QStringLiteral("重庆") + j, generic);
            }
        }
        if (s.startsWith(j))
            s = generic + s.mid(j.size());
        else
            replaceAll(j, generic);
        // "人行江津中心支行": the stem alone names the place inside a name; keep it.
        Q_UNUSED(stem);
    }
    return s;
}

QList<Unit> UnitNamer::split(QStringView cell) const {
    QList<Unit> out;
    // The name being read: characters are pushed inline (QString::append is a library call per
    // character), and a QString is made once per name.
    QVarLengthArray<QChar, 64> current;
    auto flush = [&] {
        const QString name = cleanName(QString(current.constData(), current.size()));
        current.clear();
        if (isPlaceholder(name))
            return;
        Unit u{name, normalizedName(name)};
        // mergeUnits for one unit, without a list made for it.
        for (const Unit& v : std::as_const(out)) {
            if (v.normalized == u.normalized)
                return;
        }
        out.append(std::move(u));
    };
    int quoteDepth = 0; // "“双随机、一公开”联席会议" is one name: no split inside quotes
    for (qsizetype i = 0; i < cell.size(); ++i) {
        const QChar c = cell.at(i);
        if (c == QChar(u'“') || c == QChar(u'《'))
            ++quoteDepth;
        else if ((c == QChar(u'”') || c == QChar(u'》')) && quoteDepth > 0)
            --quoteDepth;
        if (quoteDepth > 0 && c != QLatin1Char('\n')) {
            current.push_back(c);
        } else if (isSeparator(c)) {
            flush();
        } else if (c == QLatin1Char('\n')) {
            if (endsUnitName(QStringView(current.constData(), current.size()).trimmed()))
                flush();
        } else if (c == QLatin1Char('\t') || c == QLatin1Char('\r')) {
            continue;
        } else {
            current.push_back(c);
        }
    }
    flush();
    return out;
}

UnitClauses UnitNamer::clauses(QStringView text) const {
    static const QRegularExpression label(
        QStringLiteral("(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协同单位|参与单位)\\s*[：:]"));
    UnitClauses out;
    QRegularExpressionMatchIterator it = label.globalMatch(text);
    struct Hit {
        qsizetype start, end;
        bool lead;
    };
    QList<Hit> hits;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        hits.append({m.capturedStart(), m.capturedEnd(), m.capturedView(1).startsWith(u"牵头")});
    }
    for (qsizetype h = 0; h < hits.size(); ++h) {
        qsizetype end = h + 1 < hits.size() ? hits[h + 1].start : text.size();
        QStringView part = text.mid(hits[h].end, end - hits[h].end);
        // The clause ends at the closing bracket of its parenthesis, if any.
        const qsizetype close = part.indexOf(QChar(u'）'));
        if (close >= 0)
            part = part.left(close);
        const qsizetype close2 = part.indexOf(QLatin1Char(')'));
        if (close2 >= 0)
            part = part.left(close2);
        const QList<Unit> units = split(part);
        mergeUnits(hits[h].lead ? out.lead : out.partners, units);
        out.found = true;
    }
    return out;
}

void mergeUnits(QList<Unit>& into, const QList<Unit>& more) {
    for (const Unit& u : more) {
        bool seen = false;
        for (const Unit& v : into) {
            if (v.normalized == u.normalized) {
                seen = true;
                break;
            }
        }
        if (!seen)
            into.append(u);
    }
}

QString joinWritten(const QList<Unit>& units, QChar sep) {
    QString out;
    for (const Unit& u : units) {
        if (!out.isEmpty())
            out.append(sep);
        out.append(u.written);
    }
    return out;
}

} // namespace pc::parse
