// The target grammar on real sentences from the seed plans (and variants): value, unit, comparator, kind,
// baseline, deadline and scope of each target, and the numbers that must not become targets.
#include "extract/numbers.h"
#include "extract/targetgrammar.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace pc::extract;

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

} // namespace

struct GrammarCase {
    const char16_t* text;
    int year;  // the plan's year (今年内, 全年, 10月底前)
    int index; // which target of the sentence
    double value;
    const char16_t* unit;
    const char16_t* comparator;
    const char16_t* kind;
    double baseline; // kNone: no baseline
    const char16_t* deadline;
    const char16_t* scope; // a part the scope must contain (empty: not checked)
};

namespace {

const GrammarCase kCases[] = {
    {u"2019年底前实现办理营业执照、公章刻制、申领发票、员工参保登记3个工作日以内办结。", 2019, 0, 3,
     u"工作日", u"<=", u"level", kNone, u"2019-12", u"员工参保登记"},
    {u"将企业开办流程简化为办理营业执照、申领发票、员工参保登记3个环节。", 2019, 0, 3, u"个", u"=", u"level",
     kNone, u"", u""},
    {u"2019年底前将一般社会投资项目从立项到竣工验收的审批时间控制在50个工作日以内，小型社会投资项目控制在35个"
     u"工作日以内，带方案出让土地的项目控制在20个工作日以内，一般工业项目从取得土地到开工控制在15个工作日以内"
     u"。",
     2019, 0, 50, u"工作日", u"<=", u"level", kNone, u"2019-12", u"一般社会投资项目"},
    {u"2019年底前将一般社会投资项目从立项到竣工验收的审批时间控制在50个工作日以内，小型社会投资项目控制在35个"
     u"工作日以内，带方案出让土地的项目控制在20个工作日以内，一般工业项目从取得土地到开工控制在15个工作日以内"
     u"。",
     2019, 1, 35, u"工作日", u"<=", u"level", kNone, u"2019-12", u"小型社会投资项目"},
    {u"2019年底前将一般社会投资项目从立项到竣工验收的审批时间控制在50个工作日以内，小型社会投资项目控制在35个"
     u"工作日以内，带方案出让土地的项目控制在20个工作日以内，一般工业项目从取得土地到开工控制在15个工作日以内"
     u"。",
     2019, 2, 20, u"工作日", u"<=", u"level", kNone, u"2019-12", u"带方案出让土地"},
    {u"2019年底前将一般社会投资项目从立项到竣工验收的审批时间控制在50个工作日以内，小型社会投资项目控制在35个"
     u"工作日以内，带方案出让土地的项目控制在20个工作日以内，一般工业项目从取得土地到开工控制在15个工作日以内"
     u"。",
     2019, 3, 15, u"工作日", u"<=", u"level", kNone, u"2019-12", u"一般工业项目"},
    {u"2019年底前政府投资项目从立项到竣工验收的审批时间控制在80个工作日以内，其中一般政府投资房屋建筑和市政工"
     u"程建设项目控制在70个工作日以内。",
     2019, 0, 80, u"工作日", u"<=", u"level", kNone, u"2019-12", u"政府投资项目"},
    {u"2019年底前政府投资项目从立项到竣工验收的审批时间控制在80个工作日以内，其中一般政府投资房屋建筑和市政工"
     u"程建设项目控制在70个工作日以内。",
     2019, 1, 70, u"工作日", u"<=", u"level", kNone, u"2019-12", u"房屋建筑"},
    {u"分别压减高、低压客户办电环节至4个（申请受理、供电方案答复、外部工程实施和装表接电）、3个（申请受理、外"
     u"部工程实施和装表接电）。",
     2019, 0, 4, u"个", u"=", u"level", kNone, u"", u""},
    {u"分别压减高、低压客户办电环节至4个（申请受理、供电方案答复、外部工程实施和装表接电）、3个（申请受理、外"
     u"部工程实施和装表接电）。",
     2019, 1, 3, u"个", u"=", u"level", kNone, u"", u""},
    {u"对不涉及外部工程、具备直接装表条件的项目，取消“外部工程实施”，进一步压减环节至3个、2个。", 2019, 0, 3,
     u"个", u"=", u"level", kNone, u"", u""},
    {u"对不涉及外部工程、具备直接装表条件的项目，取消“外部工程实施”，进一步压减环节至3个、2个。", 2019, 1, 2,
     u"个", u"=", u"level", kNone, u"", u""},
    {u"2019年底前将高压客户在供电企业的办电时限控制在20个工作日以内；低压非居民客户在供电企业的办电时限控制在"
     u"4个工作日以内。",
     2019, 0, 20, u"工作日", u"<=", u"level", kNone, u"2019-12", u"高压客户在供电企业"},
    {u"2019年底前将高压客户在供电企业的办电时限控制在20个工作日以内；低压非居民客户在供电企业的办电时限控制在"
     u"4个工作日以内。",
     2019, 1, 4, u"工作日", u"<=", u"level", kNone, u"2019-12", u"低压非居民客户"},
    {u"对10千伏供电非居民客户，简化规划许可程序，在正式受理申请后5个工作日内办结规划许可，情况复杂的不超过10"
     u"个工作日。",
     2019, 0, 5, u"工作日", u"<=", u"level", kNone, u"", u""},
    {u"对10千伏供电非居民客户，简化规划许可程序，在正式受理申请后5个工作日内办结规划许可，情况复杂的不超过10"
     u"个工作日。",
     2019, 1, 10, u"工作日", u"<=", u"level", kNone, u"", u"情况复杂"},
    {u"临时占用城市道路、挖掘城市道路和临时占用绿地等行政审批事项2个工作日内办结。", 2019, 0, 2, u"工作日",
     u"<=", u"level", kNone, u"", u""},
    {u"将城镇地区分散式小微企业低压接入容量放宽至160千伏安并延伸投资至客户用电地址。", 2019, 0, 160,
     u"千伏安", u"=", u"level", kNone, u"", u"低压接入容量"},
    {u"2019年底前城市供电可靠率达到99.96%，农村供电可靠率达到99.81%。", 2019, 0, 99.96, u"%", u">=", u"level",
     kNone, u"2019-12", u"城市供电可靠率"},
    {u"2019年底前城市供电可靠率达到99.96%，农村供电可靠率达到99.81%。", 2019, 1, 99.81, u"%", u">=", u"level",
     kNone, u"2019-12", u"农村供电可靠率"},
    {u"至少提前1个电费账单周期公布电力用户销售电价等有关电价政策信息。", 2019, 0, 1, u"个", u">=", u"level",
     kNone, u"", u""},
    {u"确保一般工商业电价平均再降低10%的要求传导到终端客户。", 2019, 0, 10, u"%", u"=", u"reduce_by", kNone,
     u"", u"一般工商业电价"},
    {u"需用户提供正确的联系方式，根据申请时间安排实现1个工作日完成。", 2019, 0, 1, u"工作日", u"<=", u"level",
     kNone, u"", u""},
    {u"根据踏勘现场的实际情况在有供水管道具备供水条件下4个工作日装表通水。", 2019, 0, 4, u"工作日", u"<=",
     u"level", kNone, u"", u""},
    {u"将获得用气流程由9个减少为客户提出用气需求并商议用气方案、委托设计、设计审查备案、委托施工、竣工验收及"
     u"通气5个阶段。",
     2019, 0, 5, u"个", u"=", u"level", 9, u"", u""},
    {u"2021年底前用气总办理时限由30个工作日减少至14个工作日，其中，客户提出用气需求至与供气企业商议用气方案不"
     u"超过5个工作日，设计审查备案不超过1个工作日，竣工验收不超过5个工作日，通气不超过3个工作日。",
     2019, 0, 14, u"工作日", u"=", u"level", 30, u"2021-12", u"用气总办理时限"},
    {u"2021年底前用气总办理时限由30个工作日减少至14个工作日，其中，客户提出用气需求至与供气企业商议用气方案不"
     u"超过5个工作日，设计审查备案不超过1个工作日，竣工验收不超过5个工作日，通气不超过3个工作日。",
     2019, 1, 5, u"工作日", u"<=", u"level", kNone, u"2021-12", u"商议用气方案"},
    {u"2021年底前用气总办理时限由30个工作日减少至14个工作日，其中，客户提出用气需求至与供气企业商议用气方案不"
     u"超过5个工作日，设计审查备案不超过1个工作日，竣工验收不超过5个工作日，通气不超过3个工作日。",
     2019, 2, 1, u"工作日", u"<=", u"level", kNone, u"2021-12", u"设计审查备案"},
    {u"2021年底前用气总办理时限由30个工作日减少至14个工作日，其中，客户提出用气需求至与供气企业商议用气方案不"
     u"超过5个工作日，设计审查备案不超过1个工作日，竣工验收不超过5个工作日，通气不超过3个工作日。",
     2019, 3, 5, u"工作日", u"<=", u"level", kNone, u"2021-12", u"竣工验收"},
    {u"2021年底前用气总办理时限由30个工作日减少至14个工作日，其中，客户提出用气需求至与供气企业商议用气方案不"
     u"超过5个工作日，设计审查备案不超过1个工作日，竣工验收不超过5个工作日，通气不超过3个工作日。",
     2019, 4, 3, u"工作日", u"<=", u"level", kNone, u"2021-12", u"通气"},
    {u"2019年底前实现中小企业宽带平均资费降低15%，移动网络流量平均资费降低20%以上。", 2019, 0, 15, u"%", u"=",
     u"reduce_by", kNone, u"2019-12", u"中小企业宽带"},
    {u"2019年底前实现中小企业宽带平均资费降低15%，移动网络流量平均资费降低20%以上。", 2019, 1, 20, u"%",
     u">=", u"reduce_by", kNone, u"2019-12", u"移动网络流量"},
    {u"提升车站、学校、商场等流量热点区域4G网络覆盖率，2019年底前新增无线4G基站400个。", 2019, 0, 400, u"个",
     u"=", u"add", kNone, u"2019-12", u""},
    {u"推动城区部署千兆宽带接入网络，2019年底前实现光纤接入端口占比达到92%。", 2019, 0, 92, u"%", u">=",
     u"level", kNone, u"2019-12", u"光纤接入端口占比"},
    {u"推动5G网络覆盖，实现5G规模商用，2019年底前新建5G基站50个。", 2019, 0, 50, u"个", u"=", u"add", kNone,
     u"2019-12", u""},
    {u"2019年底前将一般登记压缩至3个工作日（乡镇所和批量件除外），抵押登记压缩至2个工作日，抵押注销登记实现立"
     u"等可取。",
     2019, 0, 3, u"工作日", u"=", u"level", kNone, u"2019-12", u"一般登记"},
    {u"2019年底前将一般登记压缩至3个工作日（乡镇所和批量件除外），抵押登记压缩至2个工作日，抵押注销登记实现立"
     u"等可取。",
     2019, 1, 2, u"工作日", u"=", u"level", kNone, u"2019-12", u"抵押登记"},
    {u"对增值税小规模纳税人减按50%征收资源税、城市维护建设税、房产税。", 2019, 0, 50, u"%", u"=", u"level",
     kNone, u"", u"小规模纳税人"},
    {u"对已建立破产启动费用和破产费用基金的企业，给予不超过20%的政府补助。", 2019, 0, 20, u"%", u"<=",
     u"level", kNone, u"", u""},
    {u"将普惠型小微企业贷款的不良贷款容忍度从不高于各项贷款不良率2个百分点放宽到3个百分点。", 2019, 0, 3,
     u"个百分点", u"=", u"level", 2, u"", u"不良贷款容忍度"},
    {u"2019年底前将企业集体合同备案审查办理时限从15个工作日压减至10个工作日。", 2019, 0, 10, u"工作日", u"=",
     u"level", 15, u"2019-12", u"企业集体合同备案审查"},
    {u"2019年底前将劳务派遣行政许可办理时限从20个工作日压减至15个工作日。", 2019, 0, 15, u"工作日", u"=",
     u"level", 20, u"2019-12", u"劳务派遣行政许可"},
    {u"2019年底前将特殊工作审批时间办理时限从20个工作日压减至10个工作日内。", 2019, 0, 10, u"工作日", u"<=",
     u"level", 20, u"2019-12", u""},
    {u"2019年底前开展职业培训6545人次。", 2019, 0, 6545, u"人次", u"=", u"level", kNone, u"2019-12", u""},
    {u"收取投标保证金的，应当在中标通知书发出后2日内，向投标人退还投标保证金；招标人与中标人签订合同后2日内，"
     u"向中标人退还投标保证金。",
     2019, 0, 2, u"日", u"<=", u"level", kNone, u"", u""},
    {u"收取投标保证金的，应当在中标通知书发出后2日内，向投标人退还投标保证金；招标人与中标人签订合同后2日内，"
     u"向中标人退还投标保证金。",
     2019, 1, 2, u"日", u"<=", u"level", kNone, u"", u""},
    {u"推动服务事项全流程网上办理，实现70%以上依申请类政务服务事项网上申办。", 2019, 0, 70, u"%", u">=",
     u"level", kNone, u"", u""},
    {u"政务服务事项进驻综合实体大厅比例达80%以上，加快推进“一窗”综合受理模式。", 2019, 0, 80, u"%", u">=",
     u"level", kNone, u"", u"进驻综合实体大厅比例"},
    {u"2019年底前实现万人发明专利拥有量达到3.2件；万户市场主体商标拥有量达到910件。", 2019, 0, 3.2, u"件",
     u">=", u"level", kNone, u"2019-12", u"万人发明专利拥有量"},
    {u"2019年底前实现万人发明专利拥有量达到3.2件；万户市场主体商标拥有量达到910件。", 2019, 1, 910, u"件",
     u">=", u"level", kNone, u"2019-12", u"商标拥有量"},
    {u"2019年底前实现2家高新技术企业、规模以上工业企业和外向型企业推行知识产权管理规范国家标准。", 2019, 0, 2,
     u"家", u"=", u"level", kNone, u"2019-12", u""},
    {u"专利侵权纠纷法定审限内结案率达90%以上。", 2019, 0, 90, u"%", u">=", u"level", kNone, u"", u"结案率"},
    {u"实施社会知识产权普法宣传教育提升行动，2019年底前普法人数达700人次。", 2019, 0, 700, u"人次", u">=",
     u"level", kNone, u"2019-12", u"普法人数"},
    {u"2020年底前实现“双随机、一公开”监管事项覆盖率100%、结果公示率100%。", 2019, 0, 100, u"%", u"=",
     u"level", kNone, u"2020-12", u"监管事项覆盖率"},
    {u"2020年底前实现“双随机、一公开”监管事项覆盖率100%、结果公示率100%。", 2019, 1, 100, u"%", u"=",
     u"level", kNone, u"2020-12", u"结果公示率"},
    {u"利用“信用大足”加强集中公示，2019年底前实现已归集的涉企监管执法信息公示率100%。", 2019, 0, 100, u"%",
     u"=", u"level", kNone, u"2019-12", u"公示率"},
    {u"对经营性人力资源服务机构从事职业中介活动的，审批时间由20日缩减至10个工作日。", 2019, 0, 10, u"工作日",
     u"=", u"level", 20, u"", u""},
    {u"进一步强化大气污染防治“四控两增”措施，实现空气质量优良天数稳定在300天以上。", 2019, 0, 300, u"天",
     u">=", u"level", kNone, u"", u"空气质量优良天数"},
    {u"实施国土绿化行动，2022年底前全区森林覆盖率达到50%。", 2019, 0, 50, u"%", u">=", u"level", kNone,
     u"2022-12", u"森林覆盖率"},
    {u"获得用水一般项目用户全流程总用时不超过9个工作日。", 2021, 0, 9, u"工作日", u"<=", u"level", kNone, u"",
     u"获得用水一般项目用户"},
    {u"获得用电低压小微用户全流程总用时不超过8个工作日，10千伏城镇用户全流程平均用时不超过30个工作日。", 2021,
     0, 8, u"工作日", u"<=", u"level", kNone, u"", u"低压小微用户"},
    {u"获得用电低压小微用户全流程总用时不超过8个工作日，10千伏城镇用户全流程平均用时不超过30个工作日。", 2021,
     1, 30, u"工作日", u"<=", u"level", kNone, u"", u"10千伏城镇用户"},
    {u"非居民用户用气报装办理总时限不超过8个工作日；城镇新建居民小区用户用气报装办理总时限不超过8个工作日；居"
     u"民用户通气办理时限不超过3个工作日。",
     2021, 0, 8, u"工作日", u"<=", u"level", kNone, u"", u"非居民用户用气报装"},
    {u"非居民用户用气报装办理总时限不超过8个工作日；城镇新建居民小区用户用气报装办理总时限不超过8个工作日；居"
     u"民用户通气办理时限不超过3个工作日。",
     2021, 1, 8, u"工作日", u"<=", u"level", kNone, u"", u"城镇新建居民小区"},
    {u"非居民用户用气报装办理总时限不超过8个工作日；城镇新建居民小区用户用气报装办理总时限不超过8个工作日；居"
     u"民用户通气办理时限不超过3个工作日。",
     2021, 2, 3, u"工作日", u"<=", u"level", kNone, u"", u"居民用户通气"},
    {u"压减签约等待时间，各采购单位在中标（成交）通知书发出之日起20日内和中标（成交）供应商签订政府采购合同"
     u"。",
     2021, 0, 20, u"日", u"<=", u"level", kNone, u"", u""},
    {u"合同执行完毕，采购单位或采购代理机构原则上应在7个工作日内组织履约情况验收。", 2021, 0, 7, u"工作日",
     u"<=", u"level", kNone, u"", u""},
    {u"对满足合同约定支付条件的，采购单位原则上应在收到发票后5个工作日内按程序办理支付手续。", 2021, 0, 5,
     u"工作日", u"<=", u"level", kNone, u"", u""},
    {u"提高预付款比例，推动实现预付款支付比例不低于30%（中小企业不低于50%），减轻中标企业资金压力。", 2021, 0,
     30, u"%", u">=", u"level", kNone, u"", u"预付款支付比例"},
    {u"提高预付款比例，推动实现预付款支付比例不低于30%（中小企业不低于50%），减轻中标企业资金压力。", 2021, 1,
     50, u"%", u">=", u"level", kNone, u"", u"中小企业"},
    {u"力争2021年底前，中介服务采购人入驻达200家以上、年交易规模达2000宗以上。", 2021, 0, 200, u"家", u">=",
     u"level", kNone, u"2021-12", u"中介服务采购人入驻"},
    {u"力争2021年底前，中介服务采购人入驻达200家以上、年交易规模达2000宗以上。", 2021, 1, 2000, u"宗", u">=",
     u"level", kNone, u"2021-12", u"年交易规模"},
    {u"川渝通办事项清单（第二批）115个事项于2021年底实现全部事项线上“全程网办”，线下“异地可办”。", 2021, 0,
     115, u"个", u"=", u"level", kNone, u"2021-12", u""},
    {u"根据风险等级确定质量安全监督检查频次和内容，小低项目只进行1次质量安全监督检查。", 2021, 0, 1, u"次",
     u"<=", u"level", kNone, u"", u"小低项目"},
    {u"开展“和谐同行”能力提升三年行动计划，今年内力争推荐评选AAA级和谐企业2家。", 2021, 0, 2, u"家", u"=",
     u"level", kNone, u"2021-12", u""},
    {u"积极落实就业事项即办即结，失业补助金、失业保险金申领不超过1个工作日。", 2021, 0, 1, u"工作日", u"<=",
     u"level", kNone, u"", u"失业保险金申领"},
    {u"推动道路运输从业人员从业资格证、道路运输证、网络预约出租汽车运输证等9类电子证照项目全国互认。", 2022,
     0, 9, u"类", u"=", u"level", kNone, u"", u""},
    {u"推动营运客车二维码、国内水路运输经营许可证、内河船舶证书信息簿等4类电子证照全市互认。", 2022, 0, 4,
     u"类", u"=", u"level", kNone, u"", u""},
    {u"制定武隆区公安机关窗口单位综合服务试点工作方案，选取1—2个派出所纳入市公安政务服务“一窗通办”试点。",
     2022, 0, 2, u"个", u"<=", u"level", kNone, u"", u""},
    {u"升级开办企业“E企办”功能，实现营业执照、税务、社保等事项“一次办结”，全流程办理时限压减至0.5天。", 2023,
     0, 0.5, u"天", u"=", u"level", kNone, u"", u"全流程办理时限"},
    {u"推动“证照分离”改革扩面提质，在全区范围实行告知承诺事项增加 50%，“多证合一”事项应纳尽纳。", 2023, 0, 50,
     u"%", u"=", u"increase_by", kNone, u"", u"告知承诺事项"},
    {u"将一般社会投资项目建筑许可全流程办理时限由50个工作日压减至45个工作日。", 2023, 0, 45, u"工作日", u"=",
     u"level", 50, u"", u"一般社会投资项目"},
    {u"社会投资小型低风险项目工程规划许可证实行告知承诺办理，全流程办理时限由16个工作日压减至13个工作日。",
     2023, 0, 13, u"工作日", u"=", u"level", 16, u"", u""},
    {u"推动全区新建建筑符合绿色建筑标准，2023年中心城区达标率达100%。", 2023, 0, 100, u"%", u">=", u"level",
     kNone, u"2023-12", u"中心城区达标率"},
    {u"用水报装全流程办理时限不超过8个工作日，用气报装全流程办理时限不超过10个工作日（不含外线工程施工时间）"
     u"。",
     2023, 0, 8, u"工作日", u"<=", u"level", kNone, u"", u"用水报装"},
    {u"用水报装全流程办理时限不超过8个工作日，用气报装全流程办理时限不超过10个工作日（不含外线工程施工时间）"
     u"。",
     2023, 1, 10, u"工作日", u"<=", u"level", kNone, u"", u"用气报装"},
    {u"按照市级统一部署，推动人力社保领域公共服务事项90%以上实现“一网通办”。", 2023, 0, 90, u"%", u">=",
     u"level", kNone, u"", u"人力社保领域公共服务事项"},
    {u"优化就业服务，失业登记办理时限压减至1个工作日，职业介绍办理时限压减至1个工作日。", 2023, 0, 1,
     u"工作日", u"=", u"level", kNone, u"", u"失业登记"},
    {u"优化就业服务，失业登记办理时限压减至1个工作日，职业介绍办理时限压减至1个工作日。", 2023, 1, 1,
     u"工作日", u"=", u"level", kNone, u"", u"职业介绍"},
    {u"积极培育跨境电商新业态，争取在解放碑商圈落地1-2家实体店。", 2023, 0, 2, u"家", u"<=", u"level", kNone,
     u"", u""},
    {u"2023年年底前，全区高新技术企业达208家、科技型企业达1070家。", 2023, 0, 208, u"家", u">=", u"level",
     kNone, u"2023-12", u"高新技术企业"},
    {u"2023年年底前，全区高新技术企业达208家、科技型企业达1070家。", 2023, 1, 1070, u"家", u">=", u"level",
     kNone, u"2023-12", u"科技型企业"},
    {u"加大对科技型企业信贷支持力度，2023年推动科技型企业获得知识价值信用贷款累计达2亿元。", 2023, 0, 2,
     u"亿元", u">=", u"level", kNone, u"2023-12", u""},
    {u"2023年全区建成孵化载体总面积18万平方米以上，着力培育市级以上孵化器和众创空间，全年新增5家以上市级孵化"
     u"器和众创空间。",
     2023, 0, 18, u"万平方米", u">=", u"level", kNone, u"2023-12", u"孵化载体总面积"},
    {u"2023年全区建成孵化载体总面积18万平方米以上，着力培育市级以上孵化器和众创空间，全年新增5家以上市级孵化"
     u"器和众创空间。",
     2023, 1, 5, u"家", u">=", u"add", kNone, u"2023-12", u""},
    {u"推进从企业开办到退出、新生儿出生到公民身后等50项以上“一件事”网上办理。", 2023, 0, 50, u"项", u">=",
     u"level", kNone, u"", u""},
    {u"推动建设一批公共文化场馆，2023年打造文化馆图书馆分馆、“城市书房”等新型文化空间3个。", 2023, 0, 3,
     u"个", u"=", u"level", kNone, u"2023-12", u"新型文化空间"},
    {u"深入开展家庭养老床位试点工作，完成特殊困难家庭适老化改造100户。", 2023, 0, 100, u"户", u"=", u"level",
     kNone, u"", u"适老化改造"},
    {u"贯彻落实市级总河长令，2023年长江、嘉陵江渝中段“一河一策”年度重点任务完成率达100%。", 2023, 0, 100,
     u"%", u">=", u"level", kNone, u"2023-12", u"重点任务完成率"},
    {u"2019年底前实现水表口径DN100以下的用水接入办理时间由12个工作日缩减至7个工作日以内。", 2019, 0, 7,
     u"工作日", u"<=", u"level", 12, u"2019-12", u"DN100"},
    {u"其中，水表口径DN40以下且不涉及行政审批的，4个工作日内装表通水；水表口径DN100以下或者涉及行政审批的，7"
     u"个工作日内装表通水。",
     2019, 0, 4, u"工作日", u"<=", u"level", kNone, u"", u""},
    {u"其中，水表口径DN40以下且不涉及行政审批的，4个工作日内装表通水；水表口径DN100以下或者涉及行政审批的，7"
     u"个工作日内装表通水。",
     2019, 1, 7, u"工作日", u"<=", u"level", kNone, u"", u""},
    {u"对于主城区中小微企业，不执行非居民超定额累进加价政策，按照非居民供水3.25元/吨的价格执行。", 2019, 0,
     3.25, u"元/吨", u"=", u"level", kNone, u"", u""},
    {u"对申请办理车库、车位、储藏室不动产登记，单独核发不动产权属证书的，不动产登记费由每件550元减至80元。",
     2019, 0, 80, u"元", u"=", u"level", 550, u"", u""},
    {u"压缩整体通关时间，2019年底前实现口岸整体通关时间在2017年基础上压缩60%。", 2019, 0, 60, u"%", u"=",
     u"reduce_by", kNone, u"2019-12", u""},
    {u"进出口环节验核的监管证件由86种减至46种。", 2019, 0, 46, u"种", u"=", u"level", 86, u"", u""},
    {u"2019年底前全市新建5G基站5000个。", 2019, 0, 5000, u"个", u"=", u"add", kNone, u"2019-12", u""},
    {u"2019年底前至少完成2次对上市公司董事、监事、高级管理人员的培训。", 2019, 0, 2, u"次", u">=", u"level",
     kNone, u"2019-12", u""},
    {u"2019年底前普法人数达5万人次。", 2019, 0, 5, u"万人次", u">=", u"level", kNone, u"2019-12",
     u"普法人数"},
    {u"2019年底前培育国家级创新创业孵化平台10家左右。", 2019, 0, 10, u"家", u"~", u"level", kNone, u"2019-12",
     u""},
    {u"2020年底前全市新增城市绿地3000万平方米，2022年底前主城区建成区绿化覆盖率达到45%。", 2019, 0, 3000,
     u"万平方米", u"=", u"add", kNone, u"2020-12", u"城市绿地"},
    {u"2020年底前全市新增城市绿地3000万平方米，2022年底前主城区建成区绿化覆盖率达到45%。", 2019, 1, 45, u"%",
     u">=", u"level", kNone, u"2022-12", u"绿化覆盖率"},
    {u"加快实施411公里次支道路建设，打通未贯通道路。", 2019, 0, 411, u"公里", u"=", u"level", kNone, u"",
     u""},
    {u"2019年底前实现“单一窗口”主要业务应用率达到100%。", 2019, 0, 100, u"%", u">=", u"level", kNone,
     u"2019-12", u"应用率"},
    {u"培育知识产权优势企业80家。", 2019, 0, 80, u"家", u"=", u"level", kNone, u"", u"知识产权优势企业"},
    {u"围绕人工智能、新材料等领域建设5个产业专利导航中心。", 2019, 0, 5, u"个", u"=", u"level", kNone, u"",
     u""},
    {u"在三个工作日内办结。", 2020, 0, 3, u"工作日", u"<=", u"level", kNone, u"", u""},
    {u"由十五个工作日压减至十个工作日。", 2020, 0, 10, u"工作日", u"=", u"level", 15, u"", u""},
    {u"两个工作日内完成审查。", 2020, 0, 2, u"工作日", u"<=", u"level", kNone, u"", u""},
    {u"审批时限不超过0.5个工作日。", 2020, 0, 0.5, u"工作日", u"<=", u"level", kNone, u"", u"审批时限"},
    {u"办理时限约3天。", 2020, 0, 3, u"天", u"~", u"level", kNone, u"", u"办理时限"},
    {u"不动产登记办理时限少于5个工作日。", 2020, 0, 5, u"工作日", u"<", u"level", kNone, u"", u"不动产登记"},
    {u"全年新增就业岗位1.2万个以上。", 2020, 0, 1.2, u"万个", u">=", u"add", kNone, u"2020-12", u""},
    {u"本年度电价平均降低2个百分点。", 2020, 0, 2, u"个百分点", u"=", u"reduce_by", kNone, u"2020-12", u""},
    {u"10月底前实现网上办理比例达到95%。", 2020, 0, 95, u"%", u">=", u"level", kNone, u"2020-10",
     u"网上办理比例"},
    {u"用水报装时间压缩至3个小时。", 2020, 0, 3, u"小时", u"=", u"level", kNone, u"", u"用水报装"},
    {u"平均办理时间缩短至2.5个工作日。", 2020, 0, 2.5, u"工作日", u"=", u"level", kNone, u"",
     u"平均办理时间"},
};

QString s(const char16_t* t) {
    return QString::fromUtf16(t);
}

} // namespace

// Readable test names in failures: the sentence and which target.
void PrintTo(const GrammarCase& c, std::ostream* os) {
    // Short enough for CTest's listing, cut on a character boundary; a failure prints the whole text.
    const QString text = QString::fromUtf16(c.text);
    *os << (text.size() > 24 ? text.left(24) + QStringLiteral("…") : text).toStdString() << " #" << c.index;
}

namespace {

class GrammarTable : public ::testing::TestWithParam<GrammarCase> {};

TEST_P(GrammarTable, ReadsTargetOfSentence) {
    const GrammarCase& c = GetParam();
    const QString text = s(c.text);
    SCOPED_TRACE(text.toStdString());
    GrammarOptions o;
    o.documentYear = c.year;
    QList<TextTarget> all = extractTextTargets(text, o);
    QList<TextTarget> found;
    for (const TextTarget& t : all) {
        if (!t.qualitative)
            found << t;
    }
    ASSERT_GT(found.size(), c.index);
    const TextTarget& t = found.at(c.index);
    ASSERT_TRUE(t.value.has_value());
    EXPECT_DOUBLE_EQ(*t.value, c.value);
    EXPECT_EQ(t.unit, s(c.unit));
    EXPECT_EQ(t.comparator, s(c.comparator));
    EXPECT_EQ(t.kind, s(c.kind));
    if (std::isnan(c.baseline)) {
        EXPECT_FALSE(t.baseline.has_value());
    } else {
        ASSERT_TRUE(t.baseline.has_value());
        EXPECT_DOUBLE_EQ(*t.baseline, c.baseline);
    }
    EXPECT_EQ(t.deadline, s(c.deadline));
    if (!s(c.scope).isEmpty()) {
        EXPECT_TRUE(t.scope.contains(s(c.scope))) << "scope: " << t.scope.toStdString();
    }
    // The quote holds the number and lies inside the text.
    ASSERT_GE(t.quoteStart, 0);
    ASSERT_LE(t.quoteEnd, text.size());
    EXPECT_LE(t.quoteStart, t.numberStart);
    EXPECT_GE(t.quoteEnd, t.numberEnd);
}

INSTANTIATE_TEST_SUITE_P(SeedSentences, GrammarTable, ::testing::ValuesIn(kCases));

const char16_t* const kNotTargets[] = {
    u"重点针对开办企业、办理建筑许可等与营商环境密切相关的20个重要方面，持续推进减时间。",
    u"推动依申请行使的行政许可、行政确认等6类行政权力网上办理，实现应上尽上。",
    u"深化规划核实测量、地籍测绘、房产测绘等5个测绘事项标准制定和流程再造。",
    u"加快推进第二批“川渝通办”事项落地见效。",
    u"力争通过3年左右的努力，全区营商环境短板弱项显著改善。",
    u"根据《重庆市人民政府办公厅关于印发重庆市营商环境优化提升工作方案的通知》（渝府办发〔2019〕81号）精神。",
    u"联系人：杨红露，联系电话：63765360，邮箱：yzfgshk@163.com",
    u"对使用水表口径在DN100以下的中小微企业实行免收水表安装费。",
    u"对用电容量在160千伏安/千瓦及以下的小微企业报装项目，实现用电地址红线外电力工程“零投资”。",
    u"各项工作任务牵头单位要会同配合单位，在本方案印发之日起1个月内制定具体措施。",
    u"发挥“三个作用”和营造良好政治生态的重要指示要求。",
    u"推行重庆口岸7×24小时通关全覆盖。",
    u"重庆市大足区人民政府办公室 2019年9月2日",
    u"按照市级要求采用直接取消审批、审批改为备案、实行告知承诺、优化审批服务4种方式分类推进审批制度改革。",
    u"11个税种合并申报功能已于2021年在电子税务局上线使用。",
    u"对同一市场主体在武隆辖区内存在两个及以上食品生产地址的，准予载明多个生产地址。",
    u"《重庆市营商环境优化提升工作方案》已经区政府第125次常务会议审议通过。",
    u"确保2019年底前纳入市级考核的2个断面水质优良比例达到要求标准。",
    u"提升车站、学校等覆盖薄弱地区4G网络覆盖率。",
    u"建立覆盖全区域的“三级”（城区、镇街、村）、“三类”（法定规划、专项规划、专业规划）规划体系。",
    u"推行“一窗受理、并行办理”，一次性收取所需全部材料。",
    u"按照要求开展欠税信息按季（半年）公告一次。",
    u"渝中府办〔2023〕32号",
    u"经过三至五年的创新试点，政府治理效能全面提升。",
    u"对“亲属关系证明”等三种事项推行告知承诺制。",
    u"深入贯彻党的二十大和二十届二中全会等精神，认真落实市委六届二次全会等部署。",
    u"推广以易审、易诉、易解、易达四大平台和法智云中心为核心架构的“4+1重庆智慧法院新生态”。",
    u"对市级工业园区10千伏工业企业项目接入工程投资到用地红线。",
};

// A sentence that holds no target; printed shortened in test listings.
struct NotTargetCase {
    const char16_t* text;
};

void PrintTo(const NotTargetCase& c, std::ostream* os) {
    const QString text = s(c.text);
    *os << (text.size() > 24 ? text.left(24) + QStringLiteral("…") : text).toStdString();
}

std::vector<NotTargetCase> notTargetCases() {
    std::vector<NotTargetCase> cases;
    for (const char16_t* t : kNotTargets)
        cases.push_back({t});
    return cases;
}

class NotATarget : public ::testing::TestWithParam<NotTargetCase> {};

TEST_P(NotATarget, FindsNoTarget) {
    const QString text = s(GetParam().text);
    GrammarOptions o;
    o.documentYear = 2019;
    const QList<TextTarget> found = extractTextTargets(text, o);
    for (const TextTarget& t : found)
        ADD_FAILURE() << text.toStdString() << " → " << (t.value ? *t.value : -1) << t.unit.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Enumerations, NotATarget, ::testing::ValuesIn(notTargetCases()));

TEST(Grammar, FindsEveryTargetOfAListSentence) {
    const QString text = QStringLiteral(
        "2019年底前将一般社会投资项目从立项到竣工验收的审批时间控制在50个工作日以内，小型社会投资项目控制在35"
        "个工作日"
        "以内，带方案出让土地的项目控制在20个工作日以内，一般工业项目从取得土地到开工控制在15个工作日以内。");
    const QList<TextTarget> found = extractTextTargets(text, {2019});
    ASSERT_EQ(found.size(), 4);
    EXPECT_EQ(text.mid(found[1].quoteStart, found[1].quoteEnd - found[1].quoteStart),
              QStringLiteral("小型社会投资项目控制在35个工作日以内"));
}

TEST(Grammar, BaselineIsNoTargetOfItsOwn) {
    const QList<TextTarget> found =
        extractTextTargets(QStringLiteral("2021年底前用气总办理时限由30个工作日减少至14个工作日。"), {2019});
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(*found[0].value, 14);
    EXPECT_EQ(*found[0].baseline, 30);
}

TEST(Grammar, WorkingDaysAndCalendarDaysStayDistinct) {
    const QList<TextTarget> found = extractTextTargets(
        QStringLiteral("审批时间由20日缩减至10个工作日，公示期不超过5天，退还保证金不超过2日。"), {2019});
    ASSERT_EQ(found.size(), 3);
    EXPECT_EQ(found[0].unit, QStringLiteral("工作日"));
    EXPECT_EQ(*found[0].baseline, 20);
    EXPECT_EQ(found[1].unit, QStringLiteral("天"));
    EXPECT_EQ(found[2].unit, QStringLiteral("日"));
}

TEST(Grammar, QualitativeTargetHasNoValue) {
    const QList<TextTarget> found = extractTextTargets(
        QStringLiteral("抵押登记压缩至2个工作日，抵押注销登记、查封及解除查封登记实现立等可取。"), {2019});
    ASSERT_EQ(found.size(), 2);
    EXPECT_FALSE(found[0].qualitative);
    EXPECT_TRUE(found[1].qualitative);
    EXPECT_FALSE(found[1].value.has_value());
    EXPECT_TRUE(found[1].unit.isEmpty());
}

TEST(Grammar, DeadlineComesFromItsOwnSentence) {
    const QList<TextTarget> found =
        extractTextTargets(QStringLiteral("2019年底前对10千伏客户在正式受理申请后5个工作日内办结规划许可。临"
                                          "时占用城市道路等行政审批事项2个工作日内办结。"),
                           {2019});
    ASSERT_EQ(found.size(), 2);
    EXPECT_EQ(found[0].deadline, QStringLiteral("2019-12"));
    EXPECT_TRUE(found[1].deadline.isEmpty());
}

TEST(Grammar, SubItemMarkerStartsANewSentence) {
    const QList<TextTarget> found = extractTextTargets(
        QStringLiteral(
            "（1）2019年底前新增无线4G基站400个（2）推动城区部署千兆宽带，光纤接入端口占比达到92%。"),
        {2019});
    ASSERT_EQ(found.size(), 2);
    EXPECT_EQ(found[0].deadline, QStringLiteral("2019-12"));
    EXPECT_TRUE(found[1].deadline.isEmpty());
}

TEST(Grammar, InterleavedTextReadsAcrossFragments) {
    GrammarOptions o;
    o.documentYear = 2019;
    o.interleaved = true;
    QList<TextTarget> f = extractTextTargets(
        QStringLiteral("2019年底前将高压客户的办电时限控制在20个工作日市经济能源公以内。"), o);
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].unit, QStringLiteral("工作日"));
    EXPECT_EQ(f[0].comparator, QStringLiteral("<="));
    f = extractTextTargets(QStringLiteral("带方案出让土地的项目控制在20个工6．压减市住房作日以内。"), o);
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].unit, QStringLiteral("工作日"));
    EXPECT_EQ(f[0].comparator, QStringLiteral("<="));
    f = extractTextTargets(QStringLiteral("不动产登记费由每件550元减至80市规划自然资源局元。"), o);
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(*f[0].value, 80);
    EXPECT_EQ(*f[0].baseline, 550);
    // The same words in a clean plan are not stretched over foreign text.
    o.interleaved = false;
    f = extractTextTargets(QStringLiteral("带方案出让土地的项目控制在20个工6．压减市住房作日以内。"), o);
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].unit, QStringLiteral("个"));
    // A bare 个 never reaches for a distant 工作日.
    o.interleaved = true;
    f = extractTextTargets(QStringLiteral("将企业开办流程简化为3个环节，工作日办结。"), o);
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].unit, QStringLiteral("个"));
}

TEST(Grammar, ThousandsSeparatorsAndPartsOfTheYear) {
    QList<TextTarget> f = extractTextTargets(QStringLiteral("2020年上半年新增5G基站5,000个。"), {2020});
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(*f[0].value, 5000);
    EXPECT_EQ(f[0].deadline, QStringLiteral("2020-06"));
    f = extractTextTargets(QStringLiteral("2021年三季度前网上办理比例达到90%。"), {2021});
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].deadline, QStringLiteral("2021-09"));
    f = extractTextTargets(QStringLiteral("联系电话：023-63765360。"), {2021});
    EXPECT_TRUE(f.isEmpty());
}

TEST(Numbers, ReadsChineseNumerals) {
    EXPECT_EQ(parseChineseNumber(u"三"), 3);
    EXPECT_EQ(parseChineseNumber(u"两"), 2);
    EXPECT_EQ(parseChineseNumber(u"十"), 10);
    EXPECT_EQ(parseChineseNumber(u"十五"), 15);
    EXPECT_EQ(parseChineseNumber(u"二十"), 20);
    EXPECT_EQ(parseChineseNumber(u"一百二十"), 120);
    EXPECT_FALSE(parseChineseNumber(u"三四").has_value());
}

TEST(Numbers, FormatsWithoutTrailingZeros) {
    EXPECT_EQ(formatNumber(8.0), QStringLiteral("8"));
    EXPECT_EQ(formatNumber(99.96), QStringLiteral("99.96"));
    EXPECT_EQ(formatNumber(0.5), QStringLiteral("0.5"));
    EXPECT_EQ(formatNumber(50000), QStringLiteral("50000"));
    EXPECT_EQ(formatNumber(0.1 * 3), QStringLiteral("0.3"));
}

TEST(Numbers, ReadsFullWidthDigitsAndDecimals) {
    const auto n = readNumber(QStringLiteral("达到９９．９６％"), 2);
    ASSERT_TRUE(n.has_value());
    EXPECT_DOUBLE_EQ(n->value, 99.96);
    EXPECT_EQ(n->end, 7);
}

} // namespace
