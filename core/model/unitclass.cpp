// Unit families (see unitclass.h).
#include "unitclass.h"

#include <QHash>

namespace pc {

using namespace Qt::StringLiterals;

UnitClass unitClass(const QString& u) {
    static const QHash<QString, UnitClass> map = {
        {u"工作日"_s, UnitClass::Time},      {u"日"_s, UnitClass::Time},
        {u"天"_s, UnitClass::Time},          {u"小时"_s, UnitClass::Time},
        {u"分钟"_s, UnitClass::Time},        {u"月"_s, UnitClass::Time},
        {u"年"_s, UnitClass::Time},          {u"周"_s, UnitClass::Time},
        {u"季度"_s, UnitClass::Time},        {u"%"_s, UnitClass::Percent},
        {u"个百分点"_s, UnitClass::Percent}, {u"元"_s, UnitClass::Money},
        {u"万元"_s, UnitClass::Money},       {u"亿元"_s, UnitClass::Money},
        {u"万亿元"_s, UnitClass::Money},     {u"费用"_s, UnitClass::Money},
        {u"成本"_s, UnitClass::Money},       {u"投资"_s, UnitClass::Money},
        {u"收费"_s, UnitClass::Money},       {u"元/吨"_s, UnitClass::Money},
        {u"元/立方米"_s, UnitClass::Money},  {u"元/千瓦时"_s, UnitClass::Money},
        {u"平方米"_s, UnitClass::Area},      {u"万平方米"_s, UnitClass::Area},
        {u"平方公里"_s, UnitClass::Area},    {u"公里"_s, UnitClass::Length},
        {u"千伏安"_s, UnitClass::Power},     {u"千瓦"_s, UnitClass::Power},
    };
    if (u.isEmpty())
        return UnitClass::None;
    return map.value(u, UnitClass::Count);
}

} // namespace pc
