// Targets written without a number and unit: qualitative commitments (立等可取, 当天办结), zeros of
// something (0材料、0费用, 零跑动) and cuts by half (压缩一半以上).
#pragma once

#include "dates.h"
#include "targetgrammar.h"

#include <QList>
#include <QString>

#include <functional>

namespace pc::extract::grammar {

// Which special forms a sentence may hold, from the characters every match needs (the sentence
// splitter notes them as it walks the text, so the scanners run only on sentences that have them).
enum SentenceForms : unsigned {
    MayBeQualitative = 1, // 立, 即, 当 or 一 followed by one of 等即办来时到场日天次
    MayBeZero = 2,        // 零, 0 or ０
    MayBeHalf = 4,        // 半
    MayHaveDate = 8,      // 年 or 月: every date form names one (dates.h)
    AllForms = 15,
};

// The SentenceForms bits of one character of a text (`next`: the character after it, or 0).
inline unsigned sentenceFormsOf(char16_t c, char16_t next) {
    switch (c) {
    case u'零':
    case u'0':
    case u'０':
        return MayBeZero;
    case u'半':
        return MayBeHalf;
    case u'年':
    case u'月':
        return MayHaveDate;
    case u'立':
    case u'即':
    case u'当':
    case u'一':
        switch (next) {
        case u'等':
        case u'即':
        case u'办':
        case u'来':
        case u'时':
        case u'到':
        case u'场':
        case u'日':
        case u'天':
        case u'次':
            return MayBeQualitative;
        default:
            return 0;
        }
    default:
        return 0;
    }
}

// A sentence of a text: text[start, end) and the SentenceForms its characters allow.
struct SentenceRange {
    qsizetype start;
    qsizetype end;
    unsigned forms;
    bool operator==(const SentenceRange&) const = default;
};
// Sentences end at 。！？ and line breaks, and before a sub-item marker （2） even without a full stop.
// Each sentence notes which special forms (and dates) its characters allow, as `sentenceFormsOf` gives
// them character by character: one walk over the text, instead of a scanner per form (and a search for
// 年 and 月) over every sentence.
QList<SentenceRange> splitSentences(const QString& text);

// Adds those of the sentence starting at text[ss] (`sentence`, its index `sentenceIndex`) to `found`.
// `reporting`: whether the sentence reports statistics or past results (then a cut by half is none).
// `forms`: the SentenceForms the sentence may hold (a form whose bit is clear is not looked for).
void addSpecialForms(const QString& text, qsizetype ss, QStringView sentence, int sentenceIndex,
                     const QList<DateMention>& dates, const std::function<bool()>& reporting,
                     QList<TextTarget>& found, unsigned forms = AllForms);

} // namespace pc::extract::grammar
