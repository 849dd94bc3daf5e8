// Numbers that go together: rates sharing one quoted figure (覆盖率、回访率“两个100%”), and lists
// that share a comparator or pair with the items before 分别.
#pragma once

#include "dates.h"
#include "quantity.h"
#include "targetgrammar.h"

#include <QList>
#include <QString>

namespace pc::extract::grammar {

// “五个100%” after the rates it covers (覆盖率、回访率和整改率“三个100%”): one target per rate.
// Any other number in a short quoted name gives nothing. [open, close] are the quotes' positions.
QList<TextTarget> distributedRate(const QString& text, qsizetype ss, qsizetype open, qsizetype close,
                                  qsizetype ns, const Quantity& q, int sentenceIndex,
                                  const QList<DateMention>& dates);

// Numbers listed together (3、2个工作日内办结; 分别压减至2个、4个) share the comparator written
// with the last, and after 分别 pair in order with the items listed before it.
void pairLists(const QString& text, QList<TextTarget>& found);

} // namespace pc::extract::grammar
