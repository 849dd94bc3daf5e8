<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>正在从内置规划建立数据库…</source>
        <translation>Building the database from the bundled plans…</translation>
    </message>
    <message>
        <source>已从内置规划建立数据库（%1 份规划）</source>
        <translation>Database built from the bundled plans (%1 plans)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>无法从内置规划建立数据库：
%1</source>
        <translation>Could not build the database from the bundled plans:
%1</translation>
    </message>
</context>
<context>
    <name>pc::ui::AddTargetDialog</name>
    <message>
        <source>添加目标</source>
        <translation>Add target</translation>
    </message>
    <message>
        <source>原文：</source>
        <translation>Source text:</translation>
    </message>
    <message>
        <source>指标：</source>
        <translation>Indicator:</translation>
    </message>
    <message>
        <source>比较：</source>
        <translation>Comparator:</translation>
    </message>
    <message>
        <source>数值：</source>
        <translation>Value:</translation>
    </message>
    <message>
        <source>单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>期限：</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <source>范围：</source>
        <translation>Scope:</translation>
    </message>
</context>
<context>
    <name>pc::ui::ChartView</name>
    <message>
        <source>导出图表</source>
        <translation>Export Chart</translation>
    </message>
    <message>
        <source>图表已导出到 %1</source>
        <translation>Chart exported to %1</translation>
    </message>
    <message>
        <source>宽度（96 DPI 下）：</source>
        <translation>Width (at 96 DPI):</translation>
    </message>
    <message>
        <source>高度（96 DPI 下）：</source>
        <translation>Height (at 96 DPI):</translation>
    </message>
    <message>
        <source>分辨率（DPI）：</source>
        <translation>Resolution (DPI):</translation>
    </message>
    <message>
        <source>图表：</source>
        <translation>Chart:</translation>
    </message>
    <message>
        <source>各方案（含基线）</source>
        <translation>Each plan (with baselines)</translation>
    </message>
    <message>
        <source>排序条形（市级目标参考线）</source>
        <translation>Sorted bars (municipal target line)</translation>
    </message>
    <message>
        <source>分布（箱线图与中位数）</source>
        <translation>Distribution (box plot, median)</translation>
    </message>
    <message>
        <source>历年趋势</source>
        <translation>Trend over the years</translation>
    </message>
</context>
<context>
    <name>pc::ui::ComparisonModel</name>
    <message>
        <source>定性</source>
        <translation>Qualitative</translation>
    </message>
    <message>
        <source>提及，未设数值</source>
        <translation>Mentioned, no number</translation>
    </message>
    <message>
        <source>辖区</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>比较</source>
        <translation>Comparator</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>基线 → 目标</source>
        <translation>From → to</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>原文</source>
        <translation>Source sentence</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>印发日期</source>
        <translation>Issued</translation>
    </message>
</context>
<context>
    <name>pc::ui::ComparisonView</name>
    <message>
        <source>选择一行查看原文出处</source>
        <translation>Select a row to see its source passage</translation>
    </message>
    <message>
        <source>在阅读器中显示(&amp;R)</source>
        <translation>Show in &amp;Reader</translation>
    </message>
    <message>
        <source>更改指标(&amp;I)…</source>
        <translation>Change &amp;Indicator…</translation>
    </message>
    <message>
        <source>标记为非目标(&amp;N)</source>
        <translation>Mark as &amp;Not a Target</translation>
    </message>
    <message>
        <source>&lt;h3&gt;请选择一个指标&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Select an indicator&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>越低越好</source>
        <translation>lower is better</translation>
    </message>
    <message>
        <source>越高越好</source>
        <translation>higher is better</translation>
    </message>
    <message>
        <source>无方向</source>
        <translation>no direction</translation>
    </message>
    <message>
        <source>单位：%1</source>
        <translation>Unit: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n 个目标</source>
        <translation><numerusform>%n target</numerusform><numerusform>%n targets</numerusform></translation>
    </message>
    <message>
        <source> · 第 %1 项</source>
        <translation> · item %1</translation>
    </message>
    <message>
        <source>更改指标</source>
        <translation>Change Indicator</translation>
    </message>
    <message>
        <source>该目标属于哪个指标：</source>
        <translation>Indicator this target belongs to:</translation>
    </message>
    <message>
        <source>目标段落</source>
        <translation>goal section</translation>
    </message>
    <message>
        <source>表格</source>
        <translation>table</translation>
    </message>
    <message>
        <source>正文（措施之外）</source>
        <translation>text outside the measures</translation>
    </message>
</context>
<context>
    <name>pc::ui::Corrections</name>
    <message>
        <source>数据库为只读（%1），不能修改。/ The database is read-only: %1.</source>
        <translation>The database is read-only: %1.</translation>
    </message>
    <message>
        <source>只读 / read-only</source>
        <translation>read-only</translation>
    </message>
    <message>
        <source>修改 %1 的%2</source>
        <translation>Edit %2 of %1</translation>
    </message>
    <message>
        <source>标记 %1 的目标为非目标</source>
        <translation>Mark target of %1 as not a target</translation>
    </message>
    <message>
        <source>添加目标</source>
        <translation>Add target</translation>
    </message>
</context>
<context>
    <name>pc::ui::DiffusionModel</name>
    <message>
        <source>采纳</source>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>改写</source>
        <translation>Adapted</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>未采纳</source>
        <translation>Not taken up</translation>
    </message>
    <message>
        <source>对照规划的标题是文本碎片（解析置信度低）；括号中是根据本规划推断的标题，仅供参考，原文未改</source>
        <translation>The other plan's title is a fragment of its text (low parser confidence); the title in brackets is inferred from this plan, for reference only — the source is unchanged</translation>
    </message>
    <message>
        <source>不按两份规划共同的顺序，仅凭高度相似对应</source>
        <translation>Taken up outside the order the two plans share, on high similarity alone</translation>
    </message>
    <message>
        <source>（推断：%1）</source>
        <translation> (inferred: %1)</translation>
    </message>
    <message>
        <source>收紧 %1</source>
        <translation>tightened %1</translation>
    </message>
    <message>
        <source>放宽 %1</source>
        <translation>loosened %1</translation>
    </message>
    <message>
        <source>措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>对照措施</source>
        <translation>Other measure</translation>
    </message>
    <message>
        <source>对照标题</source>
        <translation>Other title</translation>
    </message>
    <message>
        <source>相似度</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Targets</translation>
    </message>
</context>
<context>
    <name>pc::ui::DiffusionView</name>
    <message>
        <source>规划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>对照</source>
        <translation>Against</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>仅采纳</source>
        <translation>Adopted only</translation>
    </message>
    <message>
        <source>仅改写</source>
        <translation>Adapted only</translation>
    </message>
    <message>
        <source>仅新增</source>
        <translation>New only</translation>
    </message>
    <message>
        <source>未采纳</source>
        <translation>Not taken up</translation>
    </message>
    <message>
        <source>目标收紧</source>
        <translation>Targets tightened</translation>
    </message>
    <message>
        <source>目标放宽</source>
        <translation>Targets loosened</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>采纳</source>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>改写</source>
        <translation>Adapted</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>采纳 %1 · 改写 %2 · 新增 %3 · 未采纳 %4；目标：收紧 %5 · 相同 %6 · 放宽 %7</source>
        <translation>adopted %1 · adapted %2 · new %3 · not taken up %4; targets: tightened %5 · same %6 · loosened %7</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;本规划没有对应措施&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;No measure of this plan takes it up&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;对照规划中没有对应措施&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;No measure of the other plan corresponds&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>pc::ui::ImportDialog</name>
    <message>
        <source>导入规划</source>
        <translation>Import Plans</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>等待</source>
        <translation>Waiting</translation>
    </message>
    <message numerus="yes">
        <source>正在导入 %n 个文件…</source>
        <translation><numerusform>Importing %n file…</numerusform><numerusform>Importing %n files…</numerusform></translation>
    </message>
    <message>
        <source>处理中</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>未变化</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>完成：导入 %1，未变化 %2，失败 %3</source>
        <translation>Done: %1 imported, %2 unchanged, %3 failed</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>pc::ui::MainWindow</name>
    <message>
        <source>连接团队数据库(&amp;T)…</source>
        <translation>Connect to a &amp;Team Database…</translation>
    </message>
    <message>
        <source>压缩数据库(&amp;K)…</source>
        <translation>Compact Data&amp;base…</translation>
    </message>
    <message>
        <source>团队数据库由服务器自行回收空间，无需压缩</source>
        <translation>A team database&apos;s server reclaims its space itself: there is nothing to compact</translation>
    </message>
    <message>
        <source>正在压缩…</source>
        <translation>Compacting…</translation>
    </message>
    <message>
        <source>把已删除或已替换的数据占用的空间还给磁盘：可释放约 %1</source>
        <translation>Give the space of removed or replaced data back to the disk: about %1 can be freed</translation>
    </message>
    <message>
        <source>正在压缩数据库 %1…</source>
        <translation>Compacting the database %1…</translation>
    </message>
    <message>
        <source>压缩数据库</source>
        <translation>Compact Database</translation>
    </message>
    <message>
        <source>已压缩 %1：%2 → %3，释放 %4。</source>
        <translation>Compacted %1: %2 → %3, %4 freed.</translation>
    </message>
    <message>
        <source>未能压缩数据库：%1</source>
        <translation>Could not compact the database: %1</translation>
    </message>
    <message>
        <source>目标已被他人修改</source>
        <translation>Target Changed by Someone Else</translation>
    </message>
    <message>
        <source>传导</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>矩阵</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>对比</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>图表</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>阅读</source>
        <translation>Reader</translation>
    </message>
    <message>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>%1 份规划，%2 个指标有目标，共 %3 个目标</source>
        <translation>%1 plans, %2 indicators with targets, %3 targets in all</translation>
    </message>
    <message>
        <source>PlanCompare 营商环境政策对比</source>
        <translation>PlanCompare — Business Environment Plan Comparison</translation>
    </message>
    <message>
        <source>%1 — PlanCompare 营商环境政策对比</source>
        <translation>%1 — PlanCompare</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>导入规划(&amp;I)…</source>
        <translation>&amp;Import Plans…</translation>
    </message>
    <message>
        <source>导出图表(&amp;E)…</source>
        <translation>&amp;Export Chart…</translation>
    </message>
    <message>
        <source>打印指标报告(&amp;P)…</source>
        <translation>&amp;Print Indicator Report…</translation>
    </message>
    <message>
        <source>打印领域报告(&amp;A)…</source>
        <translation>Print &amp;Area Report…</translation>
    </message>
    <message>
        <source>导出指标报告(&amp;R)…</source>
        <translation>Export Indicator &amp;Report…</translation>
    </message>
    <message>
        <source>导出领域报告…</source>
        <translation>Export Area Report…</translation>
    </message>
    <message>
        <source>导出数据表(&amp;D)…</source>
        <translation>Export &amp;Data Tables…</translation>
    </message>
    <message>
        <source>导出数据表</source>
        <translation>Export Data Tables</translation>
    </message>
    <message>
        <source>数据表已导出到 %1</source>
        <translation>Data tables exported to %1</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>标记为非目标(&amp;N)</source>
        <translation>Mark as &amp;Not a Target</translation>
    </message>
    <message>
        <source>更改指标(&amp;C)…</source>
        <translation>&amp;Change Indicator…</translation>
    </message>
    <message>
        <source>将所选文字添加为目标(&amp;A)…</source>
        <translation>&amp;Add Selected Text as Target…</translation>
    </message>
    <message>
        <source>查找措施(&amp;F)</source>
        <translation>&amp;Find Measures</translation>
    </message>
    <message>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>在阅读器中显示所选目标(&amp;R)</source>
        <translation>Show Selected Target in &amp;Reader</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于 PlanCompare(&amp;A)</source>
        <translation>&amp;About PlanCompare</translation>
    </message>
    <message>
        <source>关于 Qt</source>
        <translation>About Qt</translation>
    </message>
    <message>
        <source>打印报告</source>
        <translation>Print Report</translation>
    </message>
    <message>
        <source>请先在导航中选择%1。
%2</source>
        <translation>Select %1 in the navigator first.
%2</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>导出报告</source>
        <translation>Export Report</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <source>报告已导出到 %1</source>
        <translation>Report exported to %1</translation>
    </message>
    <message>
        <source>导入规划</source>
        <translation>Import Plans</translation>
    </message>
    <message>
        <source>规划文本 (*.txt);;所有文件 (*)</source>
        <translation>Plan text (*.txt);;All files (*)</translation>
    </message>
    <message>
        <source>关于 PlanCompare</source>
        <translation>About PlanCompare</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PlanCompare 营商环境政策对比&lt;/h3&gt;&lt;p&gt;版本 %1（Qt %2）&lt;/p&gt;&lt;p&gt;比较重庆市及各区县营商环境方案中各项指标的目标设定，每个数字都可追溯到原文。&lt;/p&gt;&lt;p&gt;数据库：%3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PlanCompare — Business Environment Plan Comparison&lt;/h3&gt;&lt;p&gt;Version %1 (Qt %2)&lt;/p&gt;&lt;p&gt;Compares the targets that Chongqing's municipal and district business-environment plans set per indicator; every figure is traceable to its sentence.&lt;/p&gt;&lt;p&gt;Database: %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>pc::ui::MatrixModel</name>
    <message>
        <source>提及，未设数值</source>
        <translation>Mentioned, no number</translation>
    </message>
    <message>
        <source>定性：%1</source>
        <translation>Qualitative: %1</translation>
    </message>
    <message>
        <source>（另 %1 项）</source>
        <translation> (+%1 more)</translation>
    </message>
    <message>
        <source>%1 的规划提到该指标，但未设定数值目标</source>
        <translation>The plan of %1 mentions this indicator but sets no number</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
</context>
<context>
    <name>pc::ui::MatrixView</name>
    <message>
        <source>筛选指标…</source>
        <translation>Filter indicators…</translation>
    </message>
    <message>
        <source>颜色表示同一指标各规划目标的相对力度：&lt;span style="background-color:%1"&gt;&amp;nbsp;更有力&amp;nbsp;&lt;/span&gt; &lt;span style="background-color:%2"&gt;&amp;nbsp;居中&amp;nbsp;&lt;/span&gt; &lt;span style="background-color:%3"&gt;&amp;nbsp;较保守&amp;nbsp;&lt;/span&gt;　灰色：提及但未设数值。只比较时限、费用、比率和环节/材料数；绝对数量（如新增基站数）随辖区规模而异，不着色。双击打开对比。</source>
        <translation>Colour shows how ambitious each plan is relative to the others on the row: &lt;span style="background-color:%1"&gt;&amp;nbsp;more ambitious&amp;nbsp;&lt;/span&gt; &lt;span style="background-color:%2"&gt;&amp;nbsp;middle&amp;nbsp;&lt;/span&gt; &lt;span style="background-color:%3"&gt;&amp;nbsp;less ambitious&amp;nbsp;&lt;/span&gt;  Grey: mentioned, no number. Only times, costs, rates and counts of steps or documents are ranked; absolute counts (e.g. new base stations) grow with a jurisdiction's size and stay uncoloured. Double-click to compare.</translation>
    </message>
    <message>
        <source>列…</source>
        <translation>Columns…</translation>
    </message>
    <message>
        <source>选择显示哪些方案</source>
        <translation>Choose which plans to show</translation>
    </message>
    <message>
        <source>按所选指标排序辖区</source>
        <translation>Sort plans by the selected indicator</translation>
    </message>
    <message>
        <source>按当前指标的目标排列各方案列，目标最有力的在前</source>
        <translation>Order the plan columns by their target on the current indicator, most ambitious first</translation>
    </message>
</context>
<context>
    <name>pc::ui::MeasuresModel</name>
    <message>
        <source>辖区</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>Lead units</translation>
    </message>
    <message>
        <source>配合单位</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>解析置信度 %1：解析器对这条措施的识别把握较低，请对照原文核对。</source>
        <translation>Parser confidence %1: the parser is unsure it read this measure correctly; check it against the text.</translation>
    </message>
</context>
<context>
    <name>pc::ui::MeasuresView</name>
    <message numerus="yes">
        <source>（%n 条解析置信度低）</source>
        <translation><numerusform> (%n with low parser confidence)</numerusform><numerusform> (%n with low parser confidence)</numerusform></translation>
    </message>
    <message>
        <source>斜体灰字、带警告图标的措施由解析器推测还原，请对照原文核对。</source>
        <translation>Measures in grey italics with a warning icon were reconstructed by the parser with low confidence; check them against the text.</translation>
    </message>
    <message>
        <source>全文检索（如：用水、不动产登记）</source>
        <translation>Full-text search of the plans (type Chinese words)</translation>
    </message>
    <message>
        <source>匹配过多，仅对最近导入的 %1 条措施排序；请加词缩小范围。</source>
        <translation>Too many matches: ranked the %1 most recently imported measures only; add words to narrow the search.</translation>
    </message>
    <message>
        <source>检索只对最近导入的 %1 条匹配措施计算相关度，更早导入的匹配不在结果中。</source>
        <translation>The search ranks only the %1 most recently imported matching measures; earlier matches are not in the results.</translation>
    </message>
    <message numerus="yes">
        <source>%n 条措施</source>
        <translation><numerusform>%n measure</numerusform><numerusform>%n measures</numerusform></translation>
    </message>
    <message>
        <source>辖区：</source>
        <translation>Jurisdiction:</translation>
    </message>
    <message>
        <source>领域：</source>
        <translation>Area:</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source> · 第 %1 项</source>
        <translation> · measure %1</translation>
    </message>
</context>
<context>
    <name>pc::ui::NavigatorDock</name>
    <message>
        <source>导航</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>领域与指标</source>
        <translation>Areas and indicators</translation>
    </message>
    <message>
        <source>辖区与规划</source>
        <translation>Jurisdictions and plans</translation>
    </message>
    <message>
        <source>综合方案</source>
        <translation>comprehensive plan</translation>
    </message>
    <message>
        <source>专项方案</source>
        <translation>special plan</translation>
    </message>
    <message>
        <source>在阅读器中打开</source>
        <translation>Open in the Reader</translation>
    </message>
    <message>
        <source>更正辖区、年份或类型…</source>
        <translation>Correct Jurisdiction, Year or Kind…</translation>
    </message>
    <message>
        <source>更正方案信息</source>
        <translation>Correct Plan</translation>
    </message>
    <message>
        <source>已更正方案 %1</source>
        <translation>Plan %1 corrected</translation>
    </message>
</context>
<context>
    <name>pc::ui::NotesPanel</name>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>添加注释</source>
        <translation>Add Note</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>取消编辑</source>
        <translation>Cancel Edit</translation>
    </message>
    <message>
        <source>写下注释…</source>
        <translation>Write a note…</translation>
    </message>
    <message>
        <source>删除注释</source>
        <translation>Remove Note</translation>
    </message>
    <message>
        <source>删除所选注释？此操作无法撤销。</source>
        <translation>Remove the selected note? This cannot be undone.</translation>
    </message>
    <message>
        <source>注释：未选择</source>
        <translation>Notes: nothing selected</translation>
    </message>
    <message>
        <source>规划注释</source>
        <translation>Notes on the plan</translation>
    </message>
    <message>
        <source>措施注释</source>
        <translation>Notes on the measure</translation>
    </message>
    <message>
        <source>目标注释</source>
        <translation>Notes on the target</translation>
    </message>
    <message>
        <source>修改于 %1</source>
        <translation>Changed %1 (UTC)</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save Changes</translation>
    </message>
    <message>
        <source>注释</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>pc::ui::ReaderView</name>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>将所选文字添加为目标(&amp;A)…</source>
        <translation>&amp;Add Selected Text as Target…</translation>
    </message>
    <message>
        <source>目录</source>
        <translation>Outline</translation>
    </message>
    <message>
        <source>点击高亮的目标查看其字段</source>
        <translation>Click a highlighted target to see its fields</translation>
    </message>
    <message>
        <source>规划：</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>比较</source>
        <translation>Comparator</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>基线</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>置信度</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>已更正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>规划注释</source>
        <translation>Notes on the Plan</translation>
    </message>
    <message>
        <source>显示整份规划的注释</source>
        <translation>Show the notes on the whole plan</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>（点击在原文中查看）</source>
        <translation> (click to see it in the text)</translation>
    </message>
    <message>
        <source>解析提示（%1）</source>
        <translation>Parser notes (%1)</translation>
    </message>
</context>
<context>
    <name>pc::ui::SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>界面语言：</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <source>更改立即应用于所有打开的视图。</source>
        <translation>The change applies at once to every open view.</translation>
    </message>
</context>
<context>
    <name>pc::ui::PlanSetChooser</name>
    <message>
        <source>方案集：</source>
        <translation>Plans:</translation>
    </message>
    <message>
        <source>保存为集合…</source>
        <translation>Save as set…</translation>
    </message>
    <message>
        <source>把当前比较的方案保存为一个命名集合</source>
        <translation>Save the plans being compared as a named set</translation>
    </message>
    <message>
        <source>保存方案集</source>
        <translation>Save plan set</translation>
    </message>
    <message>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>最新方案（每个辖区）</source>
        <translation>Latest plan per jurisdiction</translation>
    </message>
    <message>
        <source>全部方案</source>
        <translation>All plans</translation>
    </message>
    <message>
        <source>%1 年的方案</source>
        <translation>Plans of %1</translation>
    </message>
    <message>
        <source>集合：%1</source>
        <translation>Set: %1</translation>
    </message>
    <message>
        <source>已保存方案集“%1”（%2 个方案）</source>
        <translation>Saved plan set “%1” (%2 plans)</translation>
    </message>
</context>
<context>
    <name>pc::ui::PlanCorrectionDialog</name>
    <message>
        <source>更正方案信息</source>
        <translation>Correct Plan</translation>
    </message>
    <message>
        <source>综合方案</source>
        <translation>Comprehensive plan</translation>
    </message>
    <message>
        <source>专项方案</source>
        <translation>Special plan</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>更正保存在数据库中，重新导入后仍然有效。</source>
        <translation>Corrections are stored in the database and survive re-imports.</translation>
    </message>
    <message>
        <source>辖区：</source>
        <translation>Jurisdiction:</translation>
    </message>
    <message>
        <source>年份：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>类型：</source>
        <translation>Kind:</translation>
    </message>
</context>
<context>
    <name>pc::ui::SeedImport</name>
    <message>
        <source>导入已取消</source>
        <translation>Import cancelled</translation>
    </message>
</context>
<context>
    <name>pc::ui::ConnectDialog</name>
    <message>
        <source>连接团队数据库</source>
        <translation>Connect to a Team Database</translation>
    </message>
    <message>
        <source>默认（prefer）</source>
        <translation>default (prefer)</translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>（新连接）</source>
        <translation>(new connection)</translation>
    </message>
    <message>
        <source>最近连接：</source>
        <translation>Recent:</translation>
    </message>
    <message>
        <source>服务器：</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>端口：</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>数据库：</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>用户：</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>SSL 模式：</source>
        <translation>SSL mode:</translation>
    </message>
    <message>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>密码取自环境变量 PGPASSWORD。</source>
        <translation>The password comes from the environment variable PGPASSWORD.</translation>
    </message>
    <message>
        <source>密码取自 ~/.pgpass。</source>
        <translation>The password comes from ~/.pgpass.</translation>
    </message>
    <message>
        <source>~/.pgpass 中没有此连接的密码：服务器需要时会询问，密码不会保存。</source>
        <translation>~/.pgpass holds no password for this connection: you are asked if the server wants one; it is not saved.</translation>
    </message>
    <message>
        <source>正在连接 %1 …</source>
        <translation>Connecting to %1 …</translation>
    </message>
</context>
</TS>