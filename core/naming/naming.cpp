// Display names of data in Chinese or English (see naming.h).
#include "naming.h"

#include "gazetteer/gazetteer.h"

#include <QHash>

#include <array>

namespace pc::naming {

using namespace Qt::StringLiterals;

std::optional<Language> parseLanguage(const QString& code) {
    const QString c = code.trimmed().toLower();
    if (c == u"zh"_s || c.startsWith(u"zh_"_s) || c.startsWith(u"zh-"_s) || c.startsWith(u"zh."_s))
        return Language::Chinese;
    if (c == u"en"_s || c.startsWith(u"en_"_s) || c.startsWith(u"en-"_s) || c.startsWith(u"en."_s))
        return Language::English;
    return std::nullopt;
}

QString languageCode(Language language) {
    return language == Language::English ? u"en"_s : u"zh"_s;
}

Language languageFromEnvironment() {
    // gettext's order: LANGUAGE (a colon-separated preference list) wins, then the locale variables.
    const QString list = qEnvironmentVariable("LANGUAGE");
    for (const QString& entry : list.split(u':', Qt::SkipEmptyParts))
        if (const auto l = parseLanguage(entry))
            return *l;
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const QString v = qEnvironmentVariable(var);
        if (v.isEmpty())
            continue;
        return parseLanguage(v).value_or(Language::Chinese);
    }
    return Language::Chinese;
}

QString areaName(const Area& area, Language language) {
    if (language == Language::English && !area.nameEn.trimmed().isEmpty())
        return area.nameEn;
    return area.nameZh.isEmpty() ? area.id : area.nameZh;
}

QString indicatorName(const Indicator& indicator, Language language) {
    if (language == Language::English && !indicator.nameEn.trimmed().isEmpty())
        return indicator.nameEn;
    return indicator.nameZh.isEmpty() ? indicator.id : indicator.nameZh;
}

QString otherIndicatorName(const QString& indicatorId, Language language) {
    static const QString other = u"other:"_s;
    if (!indicatorId.startsWith(other))
        return indicatorId;
    const QString name = indicatorId.mid(other.size()).trimmed();
    if (language == Language::English)
        return name.isEmpty() ? u"Other"_s : u"Other: "_s + name;
    return name.isEmpty() ? u"其他"_s : name + u"（其他）"_s;
}

QString definition(const Indicator& indicator, Language language) {
    return indicator.definitionIn(language == Language::Chinese);
}

QString directionText(Direction better, Language language) {
    const bool en = language == Language::English;
    switch (better) {
    case Direction::Lower:
        return en ? u"lower is better"_s : u"越低越好"_s;
    case Direction::Higher:
        return en ? u"higher is better"_s : u"越高越好"_s;
    case Direction::None:
        break;
    }
    return en ? u"no direction"_s : u"无方向"_s;
}

namespace {

struct UnitName {
    QString singular;
    QString plural;
};

// Every unit the target grammar writes (core/extract/targetgrammar.cpp, unitLexicon) and the
// taxonomy's usual units. 工作日 and 日/天 stay apart: working days are not calendar days.
const QHash<QString, UnitName>& englishUnits() {
    static const QHash<QString, UnitName> map = {
        {u"工作日"_s, {u"working day"_s, u"working days"_s}},
        {u"日"_s, {u"calendar day"_s, u"calendar days"_s}},
        {u"天"_s, {u"calendar day"_s, u"calendar days"_s}},
        {u"小时"_s, {u"hour"_s, u"hours"_s}},
        {u"分钟"_s, {u"minute"_s, u"minutes"_s}},
        {u"月"_s, {u"month"_s, u"months"_s}},
        {u"季度"_s, {u"quarter"_s, u"quarters"_s}},
        {u"年"_s, {u"year"_s, u"years"_s}},
        {u"周"_s, {u"week"_s, u"weeks"_s}},
        {u"%"_s, {u"%"_s, u"%"_s}},
        {u"个百分点"_s, {u"percentage point"_s, u"percentage points"_s}},
        {u"元"_s, {u"yuan"_s, u"yuan"_s}},
        {u"万元"_s, {u"10,000 yuan"_s, u"10,000 yuan"_s}},
        {u"亿元"_s, {u"100 million yuan"_s, u"100 million yuan"_s}},
        {u"元/吨"_s, {u"yuan/t"_s, u"yuan/t"_s}},
        {u"元/立方米"_s, {u"yuan/m³"_s, u"yuan/m³"_s}},
        {u"元/千瓦时"_s, {u"yuan/kWh"_s, u"yuan/kWh"_s}},
        {u"平方米"_s, {u"m²"_s, u"m²"_s}},
        {u"万平方米"_s, {u"10,000 m²"_s, u"10,000 m²"_s}},
        {u"平方公里"_s, {u"km²"_s, u"km²"_s}},
        {u"公里"_s, {u"km"_s, u"km"_s}},
        {u"千伏安"_s, {u"kVA"_s, u"kVA"_s}},
        {u"千瓦"_s, {u"kW"_s, u"kW"_s}},
        {u"人次"_s, {u"person-time"_s, u"person-times"_s}},
        {u"户"_s, {u"household"_s, u"households"_s}},
        {u"家"_s, {u"firm"_s, u"firms"_s}},
        {u"件"_s, {u"case"_s, u"cases"_s}},
        {u"项"_s, {u"item"_s, u"items"_s}},
        {u"种"_s, {u"type"_s, u"types"_s}},
        {u"次"_s, {u"time"_s, u"times"_s}},
        {u"类"_s, {u"category"_s, u"categories"_s}},
        {u"宗"_s, {u"case"_s, u"cases"_s}},
        {u"座"_s, {u"facility"_s, u"facilities"_s}},
        {u"所"_s, {u"institution"_s, u"institutions"_s}},
        {u"条"_s, {u"item"_s, u"items"_s}},
        {u"批"_s, {u"batch"_s, u"batches"_s}},
        {u"名"_s, {u"person"_s, u"people"_s}},
        {u"人"_s, {u"person"_s, u"people"_s}},
        {u"个"_s, {u"count"_s, u"count"_s}},
        {u"份"_s, {u"document"_s, u"documents"_s}},
        {u"张"_s, {u"sheet"_s, u"sheets"_s}},
        {u"位"_s, {u"person"_s, u"people"_s}},
        {u"台"_s, {u"unit"_s, u"units"_s}},
        {u"套"_s, {u"set"_s, u"sets"_s}},
        {u"吨"_s, {u"tonne"_s, u"tonnes"_s}},
        {u"万亿元"_s, {u"trillion yuan"_s, u"trillion yuan"_s}},
        // The nouns of a zero target (0材料、0费用、零跑动 …): the value is 0 of them.
        {u"材料"_s, {u"documents"_s, u"documents"_s}},
        {u"费用"_s, {u"fees"_s, u"fees"_s}},
        {u"成本"_s, {u"cost"_s, u"cost"_s}},
        {u"收费"_s, {u"charges"_s, u"charges"_s}},
        {u"投资"_s, {u"investment"_s, u"investment"_s}},
        {u"跑动"_s, {u"trips"_s, u"trips"_s}},
        {u"跑腿"_s, {u"trips"_s, u"trips"_s}},
        {u"上门"_s, {u"visits"_s, u"visits"_s}},
        {u"审批"_s, {u"approvals"_s, u"approvals"_s}},
        {u"见面"_s, {u"meetings"_s, u"meetings"_s}},
        {u"证明"_s, {u"certificates"_s, u"certificates"_s}},
    };
    return map;
}

// 万X and 亿X (万人次, 万户, 亿元 …) are X counted in ten thousands or hundred millions; a bare 万 is
// ten thousand.
std::optional<UnitName> scaledUnit(const QString& unit) {
    for (const auto& [prefix, factor] :
         {std::pair{u"万"_s, u"10,000"_s}, std::pair{u"亿"_s, u"100 million"_s}}) {
        if (!unit.startsWith(prefix))
            continue;
        const QString rest = unit.mid(prefix.size());
        if (rest.isEmpty())
            return UnitName{factor, factor};
        const auto it = englishUnits().constFind(rest);
        if (it != englishUnits().constEnd())
            return UnitName{factor + u' ' + it->plural, factor + u' ' + it->plural};
    }
    return std::nullopt;
}

} // namespace

bool hasEnglishUnit(const QString& unit) {
    return englishUnits().contains(unit) || scaledUnit(unit).has_value();
}

QString unitName(const QString& unit, Language language, std::optional<double> value) {
    if (language == Language::Chinese)
        return unit;
    const auto it = englishUnits().constFind(unit);
    if (it == englishUnits().constEnd()) {
        const std::optional<UnitName> scaled = scaledUnit(unit);
        return scaled ? scaled->plural : unit;
    }
    return value && *value == 1.0 ? it->singular : it->plural;
}

QString comparatorText(const QString& comparator, Language language) {
    if (comparator == u"<="_s)
        return u"≤"_s;
    if (comparator == u">="_s)
        return u"≥"_s;
    if (comparator == u"~"_s)
        return language == Language::English ? u"about"_s : u"约"_s;
    if (comparator == u"="_s)
        return {};
    return comparator;
}

QString kindText(const QString& kind, Language language) {
    const bool en = language == Language::English;
    if (kind == u"reduce_by"_s)
        return en ? u"cut by"_s : u"压减"_s;
    if (kind == u"increase_by"_s)
        return en ? u"raise by"_s : u"提高"_s;
    if (kind == u"add"_s)
        return en ? u"add"_s : u"新增"_s;
    return {};
}

QString coverageText(Coverage coverage, Language language) {
    const bool en = language == Language::English;
    switch (coverage) {
    case Coverage::NumberSet:
        return en ? u"number set"_s : u"设定数值"_s;
    case Coverage::MentionedNoNumber:
        return en ? u"mentioned, no number"_s : u"提及，未设数值"_s;
    case Coverage::Silent:
        break;
    }
    return en ? u"not mentioned"_s : u"未提及"_s;
}

QString qualitativeText(Language language) {
    return language == Language::English ? u"qualitative"_s : u"定性"_s;
}

QString levelName(const QString& level, Language language) {
    const bool en = language == Language::English;
    if (level == u"municipal"_s)
        return en ? u"municipal"_s : u"市级"_s;
    if (level == u"district"_s)
        return en ? u"district"_s : u"区县级"_s;
    return level;
}

QString deadlineText(const QString& deadline, Language language) {
    if (language == Language::English && deadline == u"已完成"_s)
        return u"completed"_s;
    return deadline;
}

namespace {

// Places outside the gazetteer (core/gazetteer, which holds Chongqing's municipality, districts,
// counties and zones with their English names) that comparisons name: the forms used in
// English-language government and statistical publications, which a transliteration of polyphonic
// characters (成都 dōu/dū) would get wrong.
const QHash<QString, QString>& knownJurisdictions() {
    static const QHash<QString, QString> map = {
        {u"重庆"_s, u"Chongqing"_s},
        {u"北京市"_s, u"Beijing Municipality"_s},
        {u"上海市"_s, u"Shanghai Municipality"_s},
        {u"天津市"_s, u"Tianjin Municipality"_s},
        {u"成都市"_s, u"Chengdu City"_s}, // Chongqing's neighbour in 川渝 comparisons; 都 reads dōu in ICU
    };
    return map;
}

// Administrative suffixes, longest first so 自治县 wins over 县 and 新区 over 区.
const std::array<std::pair<QStringView, QStringView>, 11>& suffixes() {
    static const std::array<std::pair<QStringView, QStringView>, 11> list = {{
        {u"自治州", u"Autonomous Prefecture"},
        {u"自治县", u"Autonomous County"},
        {u"自治区", u"Autonomous Region"},
        {u"新区", u"New Area"},
        {u"街道", u"Subdistrict"},
        {u"区", u"District"},
        {u"县", u"County"},
        {u"市", u"City"},
        {u"省", u"Province"},
        {u"镇", u"Town"},
        {u"乡", u"Township"},
    }};
    return list;
}

// Ethnic groups that name autonomous prefectures and counties, with their English ethnonyms (which
// pinyin would not give: 藏 Tibetan, not Cang). Two-character names first, so 土家 wins over 土.
const std::array<std::pair<QStringView, QStringView>, 37>& ethnicGroups() {
    static const std::array<std::pair<QStringView, QStringView>, 37> list = {{
        {u"维吾尔", u"Uyghur"}, {u"哈萨克", u"Kazakh"}, {u"土家", u"Tujia"},  {u"蒙古", u"Mongol"},
        {u"仡佬", u"Gelao"},    {u"布依", u"Buyei"},    {u"傈僳", u"Lisu"},   {u"纳西", u"Naxi"},
        {u"哈尼", u"Hani"},     {u"拉祜", u"Lahu"},     {u"朝鲜", u"Korean"}, {u"仫佬", u"Mulao"},
        {u"毛南", u"Maonan"},   {u"撒拉", u"Salar"},    {u"裕固", u"Yugur"},  {u"东乡", u"Dongxiang"},
        {u"景颇", u"Jingpo"},   {u"独龙", u"Derung"},   {u"普米", u"Pumi"},   {u"保安", u"Bonan"},
        {u"苗", u"Miao"},       {u"畲", u"She"},        {u"彝", u"Yi"},       {u"藏", u"Tibetan"},
        {u"羌", u"Qiang"},      {u"壮", u"Zhuang"},     {u"侗", u"Dong"},     {u"瑶", u"Yao"},
        {u"佤", u"Va"},         {u"黎", u"Li"},         {u"满", u"Manchu"},   {u"回", u"Hui"},
        {u"白", u"Bai"},        {u"傣", u"Dai"},        {u"水", u"Shui"},     {u"土", u"Tu"},
        {u"怒", u"Nu"},
    }};
    return list;
}

} // namespace

QString jurisdictionName(const QString& name, Language language) {
    if (language == Language::Chinese || name.isEmpty())
        return name;
    const QString trimmed = name.trimmed();
    if (const gazetteer::Jurisdiction* j = gazetteer::find(trimmed); j && j->name == trimmed)
        return j->nameEn; // Nan'an District, Zhong County, Shizhu Tujia Autonomous County
    if (const auto it = knownJurisdictions().constFind(trimmed); it != knownJurisdictions().constEnd())
        return *it;
    if (!containsCjk(trimmed))
        return trimmed;
    QString stem = trimmed;
    QString suffix;
    for (const auto& [zh, en] : suffixes()) {
        if (stem.size() > zh.size() && stem.endsWith(zh)) {
            stem.chop(zh.size());
            suffix = en.toString();
            break;
        }
    }
    // Ethnic groups before 自治县/自治州/自治区 (秀山土家族苗族…): their English ethnonyms, joined by "and".
    QStringList groups;
    if (suffix.startsWith(u"Autonomous"_s)) {
        for (bool found = true; found && stem.endsWith(u'族');) {
            found = false;
            for (const auto& [zh, en] : ethnicGroups()) {
                const QString written = zh.toString() + u'族';
                if (stem.size() > written.size() && stem.endsWith(written)) {
                    stem.chop(written.size());
                    groups.prepend(en.toString());
                    found = true;
                    break;
                }
            }
        }
    }
    const QString latin = pinyinName(stem);
    if (latin.isEmpty() || containsCjk(latin))
        return trimmed; // no transliterator: the Chinese name rather than a half-translated one
    QStringList parts{latin};
    if (!groups.isEmpty())
        parts << groups.join(u" and "_s);
    if (!suffix.isEmpty())
        parts << suffix;
    return parts.join(u' ');
}

QString targetText(const ComparisonRow& row, Language language) {
    if (!row.value)
        return {};
    const QString kind = kindText(row.kind, language);
    const QString cmp = comparatorText(row.comparator, language);
    QString text;
    if (!kind.isEmpty())
        text += kind + u' ';
    if (!cmp.isEmpty())
        text += cmp + u' ';
    text += [&] {
        QString s = QString::number(*row.value, 'f', 6);
        while (s.contains(u'.') && (s.endsWith(u'0') || s.endsWith(u'.')))
            s.chop(1);
        return s;
    }();
    if (row.unit.isEmpty())
        return text;
    if (language == Language::English && row.unit == u"个"_s)
        return text; // a plain count: the number says it (the unit column still reads "count")
    const QString unit = unitName(row.unit, language, row.value);
    text += (row.unit == u"%"_s ? QString() : u" "_s) + unit;
    return text;
}

bool containsCjk(const QString& text) {
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) || (u >= 0x3000 && u <= 0x303F) ||
            (u >= 0xFF01 && u <= 0xFF60) || (u >= 0xF900 && u <= 0xFAFF))
            return true;
    }
    return false;
}

} // namespace pc::naming
