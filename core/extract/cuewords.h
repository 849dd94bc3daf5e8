// Cue words of the target grammar: what makes a number a commitment, and what makes it none.
#pragma once

#include <QStringView>

#include <initializer_list>

namespace pc::extract::grammar {

// Verbs anywhere earlier in the clause that make a count the object of a commitment.
inline const std::initializer_list<QStringView> kFarPredicates = {
    u"简化为", u"减少为", u"精简为", u"精简至", u"压减",   u"压缩",   u"缩减",   u"减少",   u"降低",
    u"减至",   u"降至",   u"放宽",   u"提高",   u"提升",   u"增加",   u"新增",   u"新建",   u"建成",
    u"培育",   u"建设",   u"打造",   u"实现",   u"实施",   u"推出",   u"完成",   u"开展",   u"选取",
    u"推荐",   u"落地",   u"创建",   u"控制在", u"稳定在", u"保持在", u"不超过", u"不少于", u"不低于",
    u"至少",   u"力争",   u"累计",   u"只进行", u"只需",
};
// Cues right before the number (a few characters at most).
inline const std::initializer_list<QStringView> kNearPredicates = {
    u"达到", u"达", u"至", u"到", u"为", u"只", u"约", u"超过", u"提前", u"增加", u"新增", u"新建",
};
// A verb after the counted noun that states the result the count is about (9类电子证照…互认).
inline const std::initializer_list<QStringView> kResultVerbs = {
    u"互认", u"实现", u"建成", u"落地", u"完成", u"全程网办", u"纳入",
};

// Words of a sentence that reports figures instead of committing to them.
inline const std::initializer_list<QStringView> kStatisticWords = {
    u"截至",   u"截止",     u"同比",     u"环比",     u"共受理",   u"共办理",
    u"全年共", u"累计受理", u"累计办理", u"数据显示", u"统计显示",
};
// Words of a narrative of what was already done.
inline const std::initializer_list<QStringView> kPastWords = {
    u"已有",     u"以来",     u"已上线",   u"已实现",   u"已完成",   u"已经",   u"已建成",
    u"已累计",   u"去年",     u"上年",     u"此前",     u"原来需要", u"过去",   u"占比",
    u"累计审批", u"累计发放", u"累计服务", u"累计减免", u"累计接待", u"累计为",
};
// Verbs that introduce the list a count then sums up as the new state (简化为A、B 2个环节).
inline const std::initializer_list<QStringView> kListPredicates = {
    u"简化为", u"精简为", u"压减为", u"减少为", u"合并为", u"整合为", u"压缩为",
    u"减为",   u"只需",   u"仅需",   u"优化为", u"调整为", u"分为",   u"缩减为",
};
// Nouns a count names when it describes the plan itself (30项行动计划, 26条措施).
inline const std::initializer_list<QStringView> kPlanStructure = {
    u"行动", u"措施",     u"举措",     u"任务",     u"条款", u"方面", u"要点",
    u"意见", u"政策措施", u"改革事项", u"重点工作", u"部分", u"章",   u"篇",
};
// Verbs that make an amount of money a commitment.
inline const std::initializer_list<QStringView> kMoneyPredicates = {
    u"安排", u"投入", u"设立", u"给予", u"奖励", u"补助", u"补贴", u"扶持", u"资助", u"支持", u"统筹",
};

} // namespace pc::extract::grammar
