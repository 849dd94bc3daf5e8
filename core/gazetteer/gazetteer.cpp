// Gazetteer of Chongqing, read once from the compiled-in resource.
#include "gazetteer.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

static void initGazetteerResource() {
    Q_INIT_RESOURCE(plancompare_gazetteer);
}

namespace pc::gazetteer {

namespace {

QList<Jurisdiction> load() {
    initGazetteerResource();
    QList<Jurisdiction> out;
    QFile f(QStringLiteral(":/plancompare/gazetteer/chongqing.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("gazetteer resource missing from the build");
    const QJsonArray rows = QJsonDocument::fromJson(f.readAll()).object().value(u"jurisdictions").toArray();
    for (const QJsonValue& v : rows) {
        const QJsonObject o = v.toObject();
        Jurisdiction j;
        j.code = o.value(u"code").toString();
        j.name = o.value(u"name").toString();
        j.shortName = o.value(u"short").toString();
        j.nameEn = o.value(u"name_en").toString();
        j.kind = o.value(u"kind").toString();
        j.parentCode = o.value(u"parent").toString();
        for (const QJsonValue& a : o.value(u"aliases").toArray())
            j.aliases.append(a.toString());
        out.append(j);
    }
    return out;
}

struct Index {
    QHash<QString, int> byName; // name, short name, alias → row
    QHash<QString, int> byCode;
};

const Index& index() {
    static const Index idx = [] {
        Index i;
        const QList<Jurisdiction>& rows = all();
        for (int r = 0; r < rows.size(); ++r) {
            i.byName.insert(rows[r].name, r);
            if (!rows[r].shortName.isEmpty() && !i.byName.contains(rows[r].shortName))
                i.byName.insert(rows[r].shortName, r);
            for (const QString& a : rows[r].aliases)
                i.byName.insert(a, r);
            if (!rows[r].code.isEmpty())
                i.byCode.insert(rows[r].code, r);
        }
        return i;
    }();
    return idx;
}

} // namespace

QString Jurisdiction::level() const {
    return kind == QLatin1String("municipality") ? QStringLiteral("municipal") : QStringLiteral("district");
}

const QList<Jurisdiction>& all() {
    static const QList<Jurisdiction> rows = load();
    return rows;
}

const Jurisdiction* find(const QString& name) {
    const auto it = index().byName.constFind(name.trimmed());
    return it == index().byName.constEnd() ? nullptr : &all()[*it];
}

const Jurisdiction* byCode(const QString& code) {
    const auto it = index().byCode.constFind(code.trimmed());
    return it == index().byCode.constEnd() ? nullptr : &all()[*it];
}

const Jurisdiction* named(const QString& text) {
    if (text.isEmpty())
        return nullptr;
    const Jurisdiction* best = nullptr;
    qsizetype bestAt = -1;
    qsizetype bestLength = 0;
    const Jurisdiction* municipality = nullptr;
    // Only full names and aliases: a short name (江北, 南岸) is too often part of other words.
    for (const Jurisdiction& j : all()) {
        QStringList names = j.aliases;
        names.prepend(j.name);
        for (const QString& n : names) {
            const qsizetype at = text.indexOf(n);
            if (at < 0)
                continue;
            if (j.kind == QLatin1String("municipality")) {
                municipality = &j;
                continue;
            }
            if (!best || at < bestAt || (at == bestAt && n.size() > bestLength)) {
                best = &j;
                bestAt = at;
                bestLength = n.size();
            }
        }
    }
    return best ? best : municipality;
}

const Jurisdiction* guessFromPlan(const QString& issuer, const QString& title,
                                  const QString& parsedJurisdiction) {
    if (const Jurisdiction* j = named(issuer))
        return j;
    // A plan of another place (成都市) that mentions Chongqing in its title (川渝 …) stays its own.
    if (!parsedJurisdiction.trimmed().isEmpty() && !find(parsedJurisdiction))
        return nullptr;
    if (const Jurisdiction* j = named(title))
        return j;
    return find(parsedJurisdiction);
}

} // namespace pc::gazetteer
