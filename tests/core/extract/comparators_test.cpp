// comparatorBefore against the search it replaced (every cue searched in the window): the same cue,
// comparator and start on hand-written and generated texts.
#include "extract/comparators.h"
#include "lcg.h"

#include <QRegularExpression>
#include <QStringList>

#include <gtest/gtest.h>

#include <array>

using namespace pc::extract::grammar;

namespace {

// comparatorBefore as it was: all 33 cues searched with lastIndexOf, whatever the window holds.
CueHit searchEveryCue(const QString& text, qsizetype clauseStart, qsizetype numStart) {
    struct Cue {
        QStringView word;
        const char16_t* comparator;
    };
    static const std::array<Cue, 33> cues = {{
        {u"提前", u">="},   {u"超", u">"},      {u"突破", u">"},    {u"逾", u">"},      {u"仅需", u"<="},
        {u"只需", u"<="},   {u"不足", u"<"},    {u"不超过", u"<="}, {u"不高于", u"<="}, {u"不多于", u"<="},
        {u"最多", u"<="},   {u"最长", u"<="},   {u"控制在", u"<="}, {u"压缩在", u"<="}, {u"只进行", u"<="},
        {u"只", u"<="},     {u"不大于", u"<="}, {u"少于", u"<"},    {u"低于", u"<"},    {u"不到", u"<"},
        {u"不低于", u">="}, {u"不少于", u">="}, {u"至少", u">="},   {u"达到", u">="},   {u"达", u">="},
        {u"超过", u">"},    {u"高于", u">"},    {u"多于", u">"},    {u"大于", u">"},    {u"大约", u"~"},
        {u"约", u"~"},      {u"至", u"="},      {u"为", u"="},
    }};
    // Look back a few characters only: 至少提前1个 / 控制在 20 / 达 80%.
    const qsizetype from = std::max(clauseStart, numStart - 8);
    const QStringView win = QStringView(text).mid(from, numStart - from);
    CueHit best;
    qsizetype bestEnd = -1;
    for (const Cue& c : cues) {
        const qsizetype at = win.lastIndexOf(c.word);
        if (at < 0)
            continue;
        const qsizetype start = from + at;
        const qsizetype end = start + c.word.size();
        // A one-character cue must touch the number; a word may leave room for 提前 / 平均 / 完成.
        const qsizetype maxGap = c.word.size() >= 2 ? 4 : 1;
        if (numStart - end > maxGap)
            continue;
        // 不低于 is not 低于, 至少 is not 至.
        if ((c.word == u"低于" || c.word == u"少于" || c.word == u"高于" || c.word == u"多于") && start > 0 &&
            text.at(start - 1) == u'不')
            continue;
        if (c.word == u"至" && end < text.size() && text.at(end) == u'少')
            continue;
        // The cue closest to the number wins; at the same end the longer one (达到 over 达).
        if (end > bestEnd || (end == bestEnd && start < best.start)) {
            best.comparator = QString::fromUtf16(c.comparator);
            best.start = start;
            bestEnd = end;
        }
    }
    return best;
}

} // namespace

TEST(Comparators, CueBeforeTheNumberOnHandWrittenTexts) {
    const QString a = QStringLiteral("办理时限不超过5个工作日");
    EXPECT_EQ(comparatorBefore(a, 0, 7).comparator, QStringLiteral("<="));
    EXPECT_EQ(comparatorBefore(a, 0, 7).start, 4);
    const QString b = QStringLiteral("满意度不低于95%");
    EXPECT_EQ(comparatorBefore(b, 0, 6).comparator, QStringLiteral(">="));
    EXPECT_EQ(comparatorBefore(b, 0, 6).start, 3);
    const QString c = QStringLiteral("至少提前1个");
    EXPECT_EQ(comparatorBefore(c, 0, 4).comparator, QStringLiteral(">="));
    EXPECT_EQ(comparatorBefore(c, 0, 4).start, 2); // 提前 touches the number
    // Qt 6.4's lastIndexOf of a one-character word in a view sees the character after the view: 逾
    // right after the window is found (the search it replaced did so; the result stays the same).
    const QString e = QStringLiteral("平均逾");
    EXPECT_EQ(searchEveryCue(e, 0, 2).comparator, QStringLiteral(">"));
    EXPECT_EQ(comparatorBefore(e, 0, 2).comparator, QStringLiteral(">"));
    EXPECT_EQ(comparatorBefore(e, 0, 2).start, 2);
    const QString d = QStringLiteral("全面推行办理");
    EXPECT_TRUE(comparatorBefore(d, 0, 6).comparator.isEmpty());
    EXPECT_EQ(comparatorBefore(d, 0, 6).start, -1);
}

// 30,000 generated texts of cue words, their near misses (不低 / 至少 / 超 alone), characters that share
// a cue's low six bits without being it, digits and filler, with clause starts and number positions
// drawn anywhere: the same comparator and start as searching every cue.
TEST(Comparators, CueBeforeTheNumberAgreesWithSearchingEveryCue) {
    const QStringList words = {
        QStringLiteral("提前"),     QStringLiteral("超"),        QStringLiteral("突破"),
        QStringLiteral("逾"),       QStringLiteral("仅需"),      QStringLiteral("只需"),
        QStringLiteral("不足"),     QStringLiteral("不超过"),    QStringLiteral("不高于"),
        QStringLiteral("不多于"),   QStringLiteral("最多"),      QStringLiteral("最长"),
        QStringLiteral("控制在"),   QStringLiteral("压缩在"),    QStringLiteral("只进行"),
        QStringLiteral("只"),       QStringLiteral("不大于"),    QStringLiteral("少于"),
        QStringLiteral("低于"),     QStringLiteral("不到"),      QStringLiteral("不低于"),
        QStringLiteral("不少于"),   QStringLiteral("至少"),      QStringLiteral("达到"),
        QStringLiteral("达"),       QStringLiteral("超过"),      QStringLiteral("高于"),
        QStringLiteral("多于"),     QStringLiteral("大于"),      QStringLiteral("大约"),
        QStringLiteral("约"),       QStringLiteral("至"),        QStringLiteral("为"),
        QStringLiteral("不"),       QStringLiteral("少"),        QStringLiteral("于"),
        QStringLiteral("在"),       QStringLiteral("办理"),      QStringLiteral("时限"),
        QStringLiteral("，"),       QStringLiteral("5"),         QStringLiteral("12"),
        QStringLiteral("个工作日"), QStringLiteral("%"),         QString(QChar(u'超' + 64)),
        QString(QChar(u'至' - 64)), QString(QChar(u'达' + 128)), QStringLiteral("平均")};
    pc::test::Lcg next(33);
    int found = 0;
    for (int round = 0; round < 30000; ++round) {
        const QString text = next.words(words, 12);
        if (text.isEmpty())
            continue;
        const qsizetype numStart = qsizetype(next(quint32(text.size()) + 1));
        const qsizetype clauseStart = qsizetype(next(quint32(numStart) + 1));
        const CueHit want = searchEveryCue(text, clauseStart, numStart);
        const CueHit got = comparatorBefore(text, clauseStart, numStart);
        ASSERT_EQ(got.comparator, want.comparator)
            << text.toStdString() << " " << clauseStart << " " << numStart;
        ASSERT_EQ(got.start, want.start) << text.toStdString() << " " << clauseStart << " " << numStart;
        found += !want.comparator.isEmpty();
    }
    EXPECT_GT(found, 5000);
}

// changeFollows runs its expression only where the ten characters after the unit hold 为, 成, 至 or 到:
// 30,000 generated texts of the verbs, those characters and near misses, from random unit ends and
// limits: the same answer as running the expression every time (what it did before).
TEST(Comparators, ChangeFollowsAgreesWithTheExpressionRunEveryTime) {
    static const QRegularExpression merged(QStringLiteral(
        "^[\\p{Han}]{0,4}?(?:整合|合并|归并|精简|压减|减少|缩减|压缩|简化|优化)(?:为|成|至|到)"));
    auto always = [](const QString& text, qsizetype unitEnd, qsizetype limit) -> qsizetype {
        const QRegularExpressionMatch m =
            merged.match(text.mid(unitEnd, std::min<qsizetype>(10, limit - unitEnd)));
        return m.hasMatch() ? unitEnd + m.capturedEnd() : 0;
    };
    const QStringList words = {QStringLiteral("整合"), QStringLiteral("合并"), QStringLiteral("压减"),
                               QStringLiteral("优化"), QStringLiteral("为"),   QStringLiteral("成"),
                               QStringLiteral("至"),   QStringLiteral("到"),   QStringLiteral("环节"),
                               QStringLiteral("个"),   QStringLiteral("，"),   QStringLiteral("3"),
                               QStringLiteral("减"),   QStringLiteral("并为")};
    pc::test::Lcg next(10);
    int found = 0;
    for (int round = 0; round < 30000; ++round) {
        const QString text = next.words(words, 10);
        const qsizetype unitEnd = qsizetype(next(quint32(text.size()) + 1));
        const qsizetype limit = unitEnd + qsizetype(next(quint32(text.size() - unitEnd) + 1));
        const qsizetype want = always(text, unitEnd, limit);
        ASSERT_EQ(changeFollows(text, unitEnd, limit), want) << text.toStdString() << " " << unitEnd;
        found += want > 0;
    }
    EXPECT_GT(found, 700);
}
