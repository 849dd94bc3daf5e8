// Display names of data in a language: areas, indicators, units, comparators, kinds, coverage,
// jurisdictions. The one place the GUI, the reports, the charts and the CLI take them from; the stored
// values (ids, Chinese units, jurisdictions, quotes) never change, only how they are shown.
#pragma once

#include "compare/comparison.h"
#include "taxonomy/taxonomy.h"

#include <QString>

#include <optional>

namespace pc {

enum class Language { Chinese, English };

namespace naming {

// "zh", "zh_CN", "zh-Hans", "en", "en_GB.UTF-8", … (case-insensitive); nullopt for anything else.
std::optional<Language> parseLanguage(const QString& code);
QString languageCode(Language language); // "zh" | "en"
// The language the environment asks for: the first entry of LANGUAGE, else LC_ALL, LC_MESSAGES,
// LANG. English when that names English, Chinese otherwise (Chinese is the source language).
Language languageFromEnvironment();

// Names from the taxonomy: the English name in English when there is one, else the Chinese name,
// else the id. A user indicator without name_en therefore shows its Chinese name.
QString areaName(const Area& area, Language language);
QString indicatorName(const Indicator& indicator, Language language);
// For ids not in the taxonomy: `other:电子证照互认类数` → `电子证照互认类数（其他）` / `Other:
// 电子证照互认类数` (the short name comes from the plan's text and has no English form).
QString otherIndicatorName(const QString& indicatorId, Language language);
// The definition in the language, falling back to the other one when it is missing.
QString definition(const Indicator& indicator, Language language);
QString directionText(Direction better, Language language); // 越低越好 / lower is better

// A unit as the extractor writes it (工作日, 日, 天, 个, %, 元, 个百分点, 元/吨, …). In English the
// singular form when `value` is exactly 1; unknown units are returned unchanged (Chinese).
QString unitName(const QString& unit, Language language, std::optional<double> value = std::nullopt);
// True when the unit has an English form (so the Chinese one is worth a tooltip).
bool hasEnglishUnit(const QString& unit);
// `<=` → ≤, `>=` → ≥, `~` → 约 / about, `=` → empty, others unchanged.
QString comparatorText(const QString& comparator, Language language);
// reduce_by → 压减 / cut by, increase_by → 提高 / raise by, add → 新增 / add, level → empty.
QString kindText(const QString& kind, Language language);
QString coverageText(Coverage coverage, Language language); // 提及，未设数值 / mentioned, no number, …
QString qualitativeText(Language language);                 // 定性 / qualitative
QString levelName(const QString& level, Language language); // municipal → 市级 / municipal
// Deadlines are YYYY-MM (kept) or 已完成 (→ completed).
QString deadlineText(const QString& deadline, Language language);

// A jurisdiction's name: 渝中区 → Yuzhong District, 重庆市 → Chongqing Municipality. Known names come
// from a table; others are transliterated to pinyin (ICU's Han-Latin) with the administrative suffix
// (区 District, 县 County, 市 City, 自治县 Autonomous County, 新区 New Area, …) translated.
// Chinese: unchanged.
QString jurisdictionName(const QString& name, Language language);
// Han characters as a pinyin name without tones: 渝中 → Yuzhong, 南岸 → Nan'an. Other characters
// are kept; an empty string when the transliterator is unavailable.
QString pinyinName(const QString& han);

// `≤ 8 工作日` / `≤ 8 working days`, `压减 50%` / `cut by 50%`; empty when the target has no number.
QString targetText(const ComparisonRow& row, Language language);

// True when `text` contains a CJK ideograph or CJK punctuation (what an English rendering must not
// show outside source text).
bool containsCjk(const QString& text);

} // namespace naming
} // namespace pc
