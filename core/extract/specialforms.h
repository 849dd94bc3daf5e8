// Targets written without a number and unit: qualitative commitments (立等可取, 当天办结), zeros of
// something (0材料、0费用, 零跑动) and cuts by half (压缩一半以上).
#pragma once

#include "dates.h"
#include "targetgrammar.h"

#include <QList>
#include <QString>

#include <functional>

namespace pc::extract::grammar {

// Adds those of the sentence starting at text[ss] (`sentence`, its index `sentenceIndex`) to `found`.
// `reporting`: whether the sentence reports statistics or past results (then a cut by half is none).
void addSpecialForms(const QString& text, qsizetype ss, const QString& sentence, int sentenceIndex,
                     const QList<DateMention>& dates, const std::function<bool()>& reporting,
                     QList<TextTarget>& found);

} // namespace pc::extract::grammar
