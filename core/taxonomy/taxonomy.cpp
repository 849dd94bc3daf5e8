// Loading the canonical taxonomy (shipped JSON merged with the user's JSON) and looking entries up.
#include "taxonomy.h"

#include "common/datapaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStandardPaths>

namespace pc {

namespace {

struct Parsed {
    QList<Area> areas;
    QList<Indicator> indicators;
};

// Line and column of a byte offset, so JSON errors point where an editor shows them.
QString lineColumn(const QByteArray& bytes, int offset) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(bytes.at(i)) & 0xC0) != 0x80) {
            ++col;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(col);
}

QStringList stringList(const QJsonValue& v) {
    QStringList out;
    const QJsonArray a = v.toArray();
    for (const QJsonValue& x : a) {
        const QString s = x.toString().trimmed();
        if (!s.isEmpty())
            out << s;
    }
    return out;
}

Result<Parsed> parseFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Result<Parsed>::failure(QStringLiteral("%1: cannot read taxonomy file: %2")
                                           .arg(QDir::toNativeSeparators(path), f.errorString()),
                                       QStringLiteral("taxonomy-unreadable"));
    const QByteArray bytes = f.readAll();
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        return Result<Parsed>::failure(
            QStringLiteral("%1: invalid JSON at %2: %3")
                .arg(QDir::toNativeSeparators(path), lineColumn(bytes, err.offset), err.errorString()),
            QStringLiteral("taxonomy-json"));
    if (!doc.isObject())
        return Result<Parsed>::failure(
            QStringLiteral("%1: the top level must be an object with \"areas\" and \"indicators\"")
                .arg(QDir::toNativeSeparators(path)),
            QStringLiteral("taxonomy-format"));
    const QJsonObject root = doc.object();
    Parsed out;
    const QJsonArray areas = root.value(QStringLiteral("areas")).toArray();
    for (qsizetype i = 0; i < areas.size(); ++i) {
        const QJsonObject o = areas.at(i).toObject();
        Area a;
        a.id = o.value(QStringLiteral("id")).toString().trimmed();
        if (a.id.isEmpty())
            return Result<Parsed>::failure(
                QStringLiteral("%1: area #%2 has no \"id\"").arg(QDir::toNativeSeparators(path)).arg(i + 1),
                QStringLiteral("taxonomy-format"));
        a.nameZh = o.value(QStringLiteral("name_zh")).toString();
        a.nameEn = o.value(QStringLiteral("name_en")).toString();
        a.cues = stringList(o.value(QStringLiteral("cues")));
        out.areas << a;
    }
    const QJsonArray inds = root.value(QStringLiteral("indicators")).toArray();
    for (qsizetype i = 0; i < inds.size(); ++i) {
        const QJsonObject o = inds.at(i).toObject();
        Indicator ind;
        ind.id = o.value(QStringLiteral("id")).toString().trimmed();
        if (ind.id.isEmpty())
            return Result<Parsed>::failure(QStringLiteral("%1: indicator #%2 has no \"id\"")
                                               .arg(QDir::toNativeSeparators(path))
                                               .arg(i + 1),
                                           QStringLiteral("taxonomy-format"));
        if (ind.id.startsWith(QStringLiteral("other:")))
            return Result<Parsed>::failure(
                QStringLiteral(
                    "%1: indicator id \"%2\" is reserved (other:… names targets that fit no indicator)")
                    .arg(QDir::toNativeSeparators(path), ind.id),
                QStringLiteral("taxonomy-format"));
        ind.area = o.value(QStringLiteral("area")).toString().trimmed();
        if (ind.area.isEmpty())
            return Result<Parsed>::failure(QStringLiteral("%1: indicator \"%2\" has no \"area\"")
                                               .arg(QDir::toNativeSeparators(path), ind.id),
                                           QStringLiteral("taxonomy-format"));
        ind.nameZh = o.value(QStringLiteral("name_zh")).toString();
        ind.nameEn = o.value(QStringLiteral("name_en")).toString();
        ind.unit = o.value(QStringLiteral("unit")).toString();
        const QString better = o.value(QStringLiteral("better")).toString(QStringLiteral("none"));
        if (better == QStringLiteral("lower"))
            ind.better = Direction::Lower;
        else if (better == QStringLiteral("higher"))
            ind.better = Direction::Higher;
        else if (better == QStringLiteral("none"))
            ind.better = Direction::None;
        else
            return Result<Parsed>::failure(
                QStringLiteral("%1: indicator \"%2\": \"better\" must be lower, higher or none, not \"%3\"")
                    .arg(QDir::toNativeSeparators(path), ind.id, better),
                QStringLiteral("taxonomy-format"));
        ind.definition = o.value(QStringLiteral("definition")).toString();
        ind.definitionZh = o.value(QStringLiteral("definition_zh")).toString();
        ind.cues = stringList(o.value(QStringLiteral("cues")));
        out.indicators << ind;
    }
    return out;
}

} // namespace

// Builds a Taxonomy from parsed files: later files replace entries with the same id.
class TaxonomyBuilder {
public:
    static void merge(Taxonomy& t, const Parsed& p, bool user) {
        for (const Area& a : p.areas) {
            auto it = t.m_areaIndex.constFind(a.id);
            if (it != t.m_areaIndex.constEnd()) {
                t.m_areas[*it] = a;
            } else {
                t.m_areaIndex.insert(a.id, t.m_areas.size());
                t.m_areas << a;
            }
        }
        for (Indicator ind : p.indicators) {
            ind.userDefined = user;
            auto it = t.m_indicatorIndex.constFind(ind.id);
            if (it != t.m_indicatorIndex.constEnd()) {
                t.m_indicators[*it] = ind;
            } else {
                t.m_indicatorIndex.insert(ind.id, t.m_indicators.size());
                t.m_indicators << ind;
            }
        }
    }
};

Result<Taxonomy> Taxonomy::load(const QString& shippedPath, const QString& userPath) {
    const Result<Parsed> shipped = parseFile(shippedPath);
    if (!shipped)
        return shipped.error();
    Taxonomy t;
    TaxonomyBuilder::merge(t, shipped.value(), false);
    QString checkedPath = shippedPath;
    if (!userPath.isEmpty() && QFileInfo::exists(userPath)) {
        const Result<Parsed> user = parseFile(userPath);
        if (!user)
            return user.error();
        TaxonomyBuilder::merge(t, user.value(), true);
        checkedPath = userPath;
    }
    if (t.m_areas.isEmpty())
        return Result<Taxonomy>::failure(
            QStringLiteral("%1: the taxonomy defines no areas").arg(QDir::toNativeSeparators(shippedPath)),
            QStringLiteral("taxonomy-format"));
    for (const Indicator& ind : std::as_const(t.m_indicators)) {
        if (!t.m_areaIndex.contains(ind.area))
            return Result<Taxonomy>::failure(
                QStringLiteral("%1: indicator \"%2\" names unknown area \"%3\"")
                    .arg(QDir::toNativeSeparators(ind.userDefined ? checkedPath : shippedPath), ind.id,
                         ind.area),
                QStringLiteral("taxonomy-format"));
    }
    return t;
}

QString Taxonomy::userTaxonomyPath() {
    // GenericConfigLocation + "plancompare" (~/.config/plancompare/indicators.json), the same for
    // the GUI and the CLI and easy to tell a user; AppConfigLocation would add organisation/app.
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.config");
    return dir + QStringLiteral("/plancompare/indicators.json");
}

Result<Taxonomy> Taxonomy::loadDefault() {
    const Result<QString> shipped = findDataFile(QStringLiteral("taxonomy/indicators.json"));
    if (!shipped)
        return shipped.error();
    return load(shipped.value(), userTaxonomyPath());
}

const Area* Taxonomy::area(const QString& id) const {
    auto it = m_areaIndex.constFind(id);
    return it == m_areaIndex.constEnd() ? nullptr : &m_areas.at(*it);
}

const Indicator* Taxonomy::indicator(const QString& id) const {
    auto it = m_indicatorIndex.constFind(id);
    return it == m_indicatorIndex.constEnd() ? nullptr : &m_indicators.at(*it);
}

QList<const Indicator*> Taxonomy::indicatorsOf(const QString& areaId) const {
    QList<const Indicator*> out;
    for (const Indicator& ind : m_indicators) {
        if (ind.area == areaId)
            out << &ind;
    }
    return out;
}

QString Taxonomy::displayName(const QString& indicatorId) const {
    if (const Indicator* ind = indicator(indicatorId))
        return ind->nameZh.isEmpty() ? ind->id : ind->nameZh;
    static const QString other = QStringLiteral("other:");
    if (indicatorId.startsWith(other)) {
        const QString name = indicatorId.mid(other.size()).trimmed();
        // Marked so users see it is not a canonical indicator yet.
        return name.isEmpty() ? QStringLiteral("其他") : name + QStringLiteral("（其他）");
    }
    return indicatorId;
}

} // namespace pc
