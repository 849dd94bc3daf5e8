// Page provenance in the GUI: a plan read from a paged file shows 第 N 页 for the cursor and the
// selected target in the reader, and beside the source sentence in the comparison detail and reports.
#include "app/workbench.h"
#include "export/reporthtml.h"
#include "fakedata.h"
#include "mainwindow.h"
#include "read/readresult.h"
#include "views/readerview.h"

#include <QLabel>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;

namespace {

// The fake plan text ("一、获得用水\n用水报装…不超过8个工作日。\n") as if read from a two-page PDF:
// page 2 starts at the second line; one target on "8个工作日" (offsets 21–26) on page 2.
class PagedData : public test::FakeData {
public:
    Result<PlanText> planText(const QString& docId) override {
        Result<PlanText> t = FakeData::planText(docId);
        if (!t)
            return t;
        PlanText p = t.value();
        p.pageStarts = {0, p.text.indexOf(QLatin1Char('\n')) + 1};
        ComparisonRow r;
        r.targetId = 99;
        r.docId = docId;
        r.indicator = QStringLiteral("wa.time");
        r.comparator = QStringLiteral("<=");
        r.value = 8;
        r.unit = QStringLiteral("工作日");
        r.quote = QStringLiteral("8个工作日");
        r.start = p.text.indexOf(r.quote);
        r.end = r.start + r.quote.size();
        r.page = pc::read::pageOfOffset(p.pageStarts, r.start);
        p.targets = {r};
        return p;
    }
};

} // namespace

TEST(Pages, ReaderShowsThePageOfTheCursorAndOfTheSelectedTarget) {
    PagedData data;
    Workbench wb(data);
    MainWindow w(wb);
    ReaderView& reader = *w.readerView();
    reader.openPlan(QStringLiteral("jiangjin-2021"));
    ASSERT_EQ(reader.currentDocId(), QStringLiteral("jiangjin-2021"));
    ASSERT_EQ(reader.plan().targets.size(), 1);
    const ComparisonRow t = reader.plan().targets.first();
    EXPECT_EQ(t.page, 2);
    EXPECT_EQ(reader.pageLabel()->text(), QStringLiteral("第 1 页")); // cursor at the start
    reader.showPassage(QStringLiteral("jiangjin-2021"), t.start, t.end);
    EXPECT_EQ(reader.currentPage(), 2);
    EXPECT_EQ(reader.pageLabel()->text(), QStringLiteral("第 2 页"));
    EXPECT_TRUE(reader.fields()->toPlainText().contains(QStringLiteral("第 2 页")))
        << reader.fields()->toPlainText().toStdString();
    reader.showPassage(QStringLiteral("jiangjin-2021"), 0, 2);
    EXPECT_EQ(reader.pageLabel()->text(), QStringLiteral("第 1 页"));
}

TEST(Pages, PlansWithoutPagesShowNone) {
    test::FakeData data;
    Workbench wb(data);
    MainWindow w(wb);
    ReaderView& reader = *w.readerView();
    reader.openPlan(QStringLiteral("jiangjin-2021"));
    reader.showPassage(QStringLiteral("jiangjin-2021"), 21, 26);
    EXPECT_EQ(reader.currentPage(), 0);
    EXPECT_EQ(reader.pageLabel()->text(), QString());
}

TEST(Pages, ReportsPrintThePageBesideEachSourceSentence) {
    report::IndicatorSection section;
    section.indicator.id = QStringLiteral("wa.time");
    section.indicator.nameZh = QStringLiteral("用水报装时间");
    ComparisonRow paged;
    paged.targetId = 1;
    paged.docId = QStringLiteral("a");
    paged.jurisdiction = QStringLiteral("甲区");
    paged.measureNumber = 3;
    paged.quote = QStringLiteral("8个工作日");
    paged.sentence = QStringLiteral("用水报装不超过8个工作日。");
    paged.page = 7;
    ComparisonRow text = paged;
    text.targetId = 2;
    text.jurisdiction = QStringLiteral("乙区");
    text.page = 0;
    section.rows = {paged, text};
    const QString html = report::indicatorReportHtml(section, {});
    EXPECT_EQ(html.count(QStringLiteral("第 7 页")), 1);
    EXPECT_EQ(html.count(QStringLiteral("第 3 项 · 第 7 页")), 1);
    EXPECT_FALSE(html.contains(QStringLiteral("第 0 页")));
}
