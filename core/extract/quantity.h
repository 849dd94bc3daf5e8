// A number with its unit as the plans write it: 14个工作日, 1—2个, 120多个, 5000万元, 2、6个工作日.
#pragma once

#include "numbers.h"

#include <QString>

#include <optional>

namespace pc::extract::grammar {

struct Quantity {
    NumberToken number;
    qsizetype unitEnd = -1; // end of number + unit
    QString unit;
    double value = 0;
    bool range = false;
    double rangeLow = 0;
    bool more = false; // 120多个 / 100余项: "more than"
};

// Longest gap a foreign fragment may open inside a unit or between a unit and its cue.
constexpr qsizetype kMaxFragment = 10;

// The quantity whose number starts at `pos`, read no further than `limit`; nullopt without a unit.
// `interleaved`: a unit may be broken by a fragment of another column (个工 + 6．压减市住房 + 作日).
std::optional<Quantity> readQuantity(const QString& text, qsizetype pos, qsizetype limit, bool interleaved);

// A unit written at text[i] but broken by a foreign fragment (个工 + 6．压减市住房 + 作日, within `limit`):
// its name and end. Used by readQuantity for interleaved text; public for its test.
bool readSplitUnit(const QString& text, qsizetype i, qsizetype limit, QString* unit, qsizetype* end);

} // namespace pc::extract::grammar
