// The English interface: every string the five views, the charts, the timeline and the reports show is
// English outside source text (quotes, sentences, scopes, plan titles, 文号, measure titles and lead
// units as the plans write them); and switching the language takes effect in open windows at once.
#include "app/workbench.h"
#include "chart/timelinepainter.h"
#include "fakedata.h"
#include "guiapp.h"
#include "mainwindow.h"
#include "models/comparisonmodel.h"
#include "models/matrixmodel.h"
#include "models/measuresmodel.h"
#include "naming/naming.h"
#include "report/reportdocument.h"
#include "seeddb.h"
#include "testpaths.h"
#include "views/chartview.h"
#include "views/comparisonview.h"
#include "views/matrixview.h"
#include "views/measuresview.h"
#include "views/navigatordock.h"
#include "views/readerview.h"

#include <QAbstractAxis>
#include <QAbstractButton>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;
using pc::test::SeedDb;

namespace {

void settle() {
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

// The interface in English for one test, Chinese again afterwards.
struct EnglishInterface {
    EnglishInterface() {
        EXPECT_TRUE(installTranslation(QStringLiteral("en")));
        settle();
    }
    ~EnglishInterface() {
        installTranslation(QStringLiteral("zh"));
        settle();
    }
};

QString plain(const QString& html) {
    QTextDocument d;
    d.setHtml(html);
    return d.toPlainText();
}

// Collects strings and reports the ones that still contain Chinese once the allowed source strings
// are cut out. `checked` counts what was looked at, so an empty walk cannot pass.
class CjkCheck {
public:
    void allow(const QString& s) {
        if (!s.trimmed().isEmpty())
            m_allowed << s;
    }
    void sortAllowed() {
        m_allowed.removeDuplicates();
        // Longest first: a sentence goes before the quote inside it.
        std::sort(m_allowed.begin(), m_allowed.end(),
                  [](const QString& a, const QString& b) { return a.size() > b.size(); });
    }
    // `extra`: source text allowed in this string only.
    void check(const QString& where, QString text, const QStringList& extra = {}) {
        ++m_checked;
        QStringList local = extra;
        std::sort(local.begin(), local.end(),
                  [](const QString& a, const QString& b) { return a.size() > b.size(); });
        for (const QString& a : std::as_const(local))
            if (!a.isEmpty())
                text.remove(a);
        for (const QString& a : std::as_const(m_allowed))
            if (text.contains(a))
                text.remove(a);
        if (naming::containsCjk(text))
            m_failures << where + QStringLiteral(": ") + text;
    }
    int checked() const { return m_checked; }
    const QStringList& failures() const { return m_failures; }
    QString report() const { return m_failures.mid(0, 40).join(QLatin1Char('\n')); }

private:
    QStringList m_allowed;
    QStringList m_failures;
    int m_checked = 0;
};

// Source text of the seed database: what stays Chinese in every language.
void allowSources(CjkCheck& c, WorkbenchData& data) {
    const QList<PlanInfo> plans = data.plans().value();
    for (const PlanInfo& p : plans) {
        c.allow(QStringLiteral("《") + p.title + QStringLiteral("》"));
        c.allow(p.title);
        c.allow(p.docNumber);
        // Targets the reader shows, including those outside the taxonomy (other:<the plan's words>).
        const Result<PlanText> text = data.planText(p.docId);
        if (text)
            for (const ComparisonRow& r : text->targets) {
                c.allow(r.sentence);
                c.allow(r.quote);
                c.allow(r.scope);
                if (r.indicator.startsWith(QLatin1String("other:")))
                    c.allow(r.indicator.mid(6));
            }
    }
    for (const Indicator& ind : data.indicators())
        for (const ComparisonRow& r : QList<ComparisonRow>(data.rows(ind.id).value())) {
            c.allow(r.sentence);
            c.allow(r.quote);
            c.allow(r.scope);
            // other:<short name>: the name is the plan's own words (no English form exists).
            if (r.indicator.startsWith(QLatin1String("other:")))
                c.allow(r.indicator.mid(6));
        }
    c.sortAllowed();
}

void checkModel(CjkCheck& c, const QString& name, const QAbstractItemModel& m,
                const QList<int>& sourceColumns) {
    for (int col = 0; col < m.columnCount(); ++col)
        c.check(name + QStringLiteral(" header %1").arg(col), m.headerData(col, Qt::Horizontal).toString());
    for (int row = 0; row < m.rowCount(); ++row)
        for (int col = 0; col < m.columnCount(); ++col)
            if (!sourceColumns.contains(col))
                c.check(name + QStringLiteral(" %1,%2").arg(row).arg(col),
                        m.index(row, col).data().toString());
}

// Labels, buttons, placeholders, tabs, combo items, tree headers and menus of a window.
void checkChrome(CjkCheck& c, QWidget& w, const QList<const QWidget*>& skip) {
    c.check(QStringLiteral("window title"), w.windowTitle());
    for (QLabel* l : w.findChildren<QLabel*>())
        if (!skip.contains(l))
            c.check(QStringLiteral("label ") + l->objectName(), plain(l->text()));
    for (QAbstractButton* b : w.findChildren<QAbstractButton*>())
        c.check(QStringLiteral("button"), b->text());
    for (QLineEdit* e : w.findChildren<QLineEdit*>())
        c.check(QStringLiteral("placeholder"), e->placeholderText());
    for (QPlainTextEdit* e : w.findChildren<QPlainTextEdit*>())
        c.check(QStringLiteral("placeholder"), e->placeholderText());
    for (QTextBrowser* e : w.findChildren<QTextBrowser*>())
        c.check(QStringLiteral("placeholder"), e->placeholderText());
    for (QTabBar* t : w.findChildren<QTabBar*>())
        for (int i = 0; i < t->count(); ++i)
            c.check(QStringLiteral("tab"), t->tabText(i));
    for (QDockWidget* d : w.findChildren<QDockWidget*>())
        c.check(QStringLiteral("dock"), d->windowTitle());
    for (QComboBox* box : w.findChildren<QComboBox*>())
        if (!skip.contains(box))
            for (int i = 0; i < box->count(); ++i)
                c.check(QStringLiteral("combo item"), box->itemText(i));
    for (QTreeWidget* t : w.findChildren<QTreeWidget*>())
        for (int i = 0; i < t->headerItem()->columnCount(); ++i)
            c.check(QStringLiteral("tree header"), t->headerItem()->text(i));
    std::function<void(QMenu*)> walk = [&](QMenu* menu) {
        c.check(QStringLiteral("menu"), menu->title());
        for (QAction* a : menu->actions()) {
            c.check(QStringLiteral("action"), a->text());
            if (a->menu())
                walk(a->menu());
        }
    };
    if (auto* mw = qobject_cast<QMainWindow*>(&w))
        for (QAction* a : mw->menuBar()->actions())
            if (a->menu())
                walk(a->menu());
}

void checkChart(CjkCheck& c, ChartView& view) {
    const ChartSeriesData& s = view.series();
    QStringList scopes;
    for (const ComparisonRow& r : view.rows())
        if (!r.scope.isEmpty())
            scopes << QStringLiteral("·") + r.scope.left(6); // a bar of a plan with several scopes
    c.check(QStringLiteral("chart title"), s.title);
    c.check(QStringLiteral("chart unit"), s.unitLabel);
    for (const ChartBar& b : s.bars)
        c.check(QStringLiteral("chart bar"), b.label, scopes);
    for (const QString& src : s.sources)
        c.check(QStringLiteral("chart source"), src);
    for (const QString& n : s.notPlotted)
        c.check(QStringLiteral("chart not plotted"), n);
    QChart* chart = view.chart();
    ASSERT_TRUE(chart);
    c.check(QStringLiteral("chart widget title"), chart->title());
    for (QAbstractAxis* axis : chart->axes()) {
        c.check(QStringLiteral("axis title"), axis->titleText());
        if (auto* cat = qobject_cast<QBarCategoryAxis*>(axis))
            for (const QString& category : cat->categories())
                c.check(QStringLiteral("axis category"), category, scopes);
    }
    for (QAbstractSeries* series : chart->series())
        if (auto* bars = qobject_cast<QBarSeries*>(series))
            for (QBarSet* set : bars->barSets())
                c.check(QStringLiteral("legend"), set->label());
    const TimelineText t = TimelinePainter::texts(view.rows(), view.style());
    c.check(QStringLiteral("timeline title"), t.title);
    c.check(QStringLiteral("timeline empty"), t.empty);
    for (const QString& lane : t.lanes)
        c.check(QStringLiteral("timeline lane"), lane);
    for (const QString& mark : t.marks)
        c.check(QStringLiteral("timeline mark"), mark);
}

} // namespace

TEST_F(SeedDb, EnglishViewsShowNoChineseOutsideSourceText) {
    EnglishInterface english;
    auto data = open();
    Workbench wb(*data);
    MainWindow w(wb);
    w.resize(1440, 900);
    CjkCheck c;
    allowSources(c, *data);

    // Matrix: names, plan columns and cells; a qualitative cell shows the start of its quote.
    const MatrixModel& matrix = *w.matrixView()->model();
    ASSERT_GT(matrix.rowCount(), 50);
    for (int col = 0; col < matrix.columnCount(); ++col)
        c.check(QStringLiteral("matrix header"), matrix.headerData(col, Qt::Horizontal).toString());
    for (int row = 0; row < matrix.rowCount(); ++row)
        for (int col = 0; col < matrix.columnCount(); ++col) {
            QStringList quoteStarts;
            for (const ComparisonRow& r : matrix.cellRows(row, col))
                quoteStarts << r.quote.left(10);
            c.check(QStringLiteral("matrix %1,%2").arg(row).arg(col),
                    matrix.index(row, col).data().toString(), quoteStarts);
        }
    EXPECT_TRUE(matrix.headerData(MatrixModel::FirstPlanColumn, Qt::Horizontal)
                    .toString()
                    .startsWith(QStringLiteral("Chongqing Municipality")));

    // Navigator: areas, indicators, jurisdictions; plans are listed by year and 文号.
    for (QTreeWidgetItemIterator it(w.navigator()->tree()); *it; ++it)
        c.check(QStringLiteral("navigator"), (*it)->text(0));

    // Comparison and chart, for every indicator with targets.
    int indicators = 0;
    for (const Indicator& ind : data->indicators()) {
        if (data->rows(ind.id).value().isEmpty())
            continue;
        ++indicators;
        wb.setCurrentIndicator(ind.id);
        const ComparisonModel& cmp = *w.comparisonView()->model();
        checkModel(c, QStringLiteral("comparison ") + ind.id, cmp,
                   {ComparisonModel::SentenceColumn, ComparisonModel::ScopeColumn,
                    ComparisonModel::DocNumberColumn});
        // The header names the indicator in English; its Chinese name follows the id, one glance away.
        c.check(QStringLiteral("comparison header ") + ind.id, plain(w.comparisonView()->header()->text()),
                {ind.nameZh});
        checkChart(c, *w.chartView());
    }
    EXPECT_GT(indicators, 60);

    // Measures: jurisdiction, area, number and deadline; titles and lead units are the plans' own words.
    checkModel(c, QStringLiteral("measures"), *w.measuresView()->model(),
               {MeasuresModel::TitleColumn, MeasuresModel::LeadColumn, MeasuresModel::PartnersColumn});

    // Reader: the plan list and, for the first target of every plan, its fields and parser notes.
    ReaderView& reader = *w.readerView();
    QComboBox* plans = reader.findChild<QComboBox*>();
    ASSERT_TRUE(plans);
    ASSERT_EQ(plans->count(), 5);
    for (int i = 0; i < plans->count(); ++i) {
        c.check(QStringLiteral("reader plan"), plans->itemText(i));
        reader.openPlan(plans->itemData(i).toString());
        reader.showTargetFields(0);
        c.check(QStringLiteral("reader fields"), reader.fields()->toPlainText());
        for (int n = 0; n < reader.parserNotes()->count(); ++n)
            c.check(QStringLiteral("parser note"), reader.parserNotes()->item(n)->text());
    }

    checkChrome(c, w, {w.comparisonView()->header()});
    EXPECT_GT(c.checked(), 3000);
    EXPECT_TRUE(c.failures().isEmpty()) << c.failures().size() << " strings with Chinese:\n"
                                        << c.report().toStdString();
}

// Maximal runs of Chinese characters and punctuation.
QStringList cjkRuns(const QString& text) {
    QStringList out;
    QString run;
    for (const QChar ch : text) {
        if (naming::containsCjk(QString(ch))) {
            run += ch;
        } else if (!run.isEmpty()) {
            out << run;
            run.clear();
        }
    }
    if (!run.isEmpty())
        out << run;
    return out;
}

// Digits out (pdftotext drops some), and 戶 → 户: the font draws both with one glyph, which Qt's
// ToUnicode map names U+6236.
QString compact(QString s) {
    static const QRegularExpression digits(QStringLiteral("[0-9]+"));
    return s.remove(digits).replace(QChar(0x6236), QChar(0x6237));
}

// A report rendered in English: its PDF text and its HTML text are English outside the quoted sources.
// The HTML text must be exactly English plus whole sources. pdftotext reorders blocks (a page footer
// can land inside a sentence that crosses the page) and drops digits next to Latin letters (Qt's
// ToUnicode map; the digits are drawn), so in the PDF every run of Chinese must come from a source
// and none may be a bare Chinese unit or report label.
TEST_F(SeedDb, EnglishReportsShowNoChineseOutsideSourceText) {
    auto data = open();
    QStringList sources;
    const QList<PlanInfo> plans = data->plans().value();
    for (const PlanInfo& p : plans)
        sources << QStringLiteral("《") + p.title + QStringLiteral("》") << p.title << p.docNumber;
    for (const Indicator& ind : data->indicators())
        for (const ComparisonRow& r : QList<ComparisonRow>(data->rows(ind.id).value()))
            sources << r.sentence << r.quote << r.scope;
    // The Chinese names beside the ids in the headings, one glance away.
    for (const Area& a : data->areas())
        if (a.id == QLatin1String("water"))
            sources << a.nameZh;
    for (const Indicator& ind : data->indicators())
        if (ind.area == QLatin1String("water"))
            sources << ind.nameZh;
    QStringList compactSources;
    for (const QString& s : std::as_const(sources))
        if (!compact(s).isEmpty())
            compactSources << compact(s);
    const QStringList forbidden{
        QStringLiteral("工作日"), QStringLiteral("个工作日"),  QStringLiteral("个百分点"),
        QStringLiteral("领域："), QStringLiteral("单位："),    QStringLiteral("方向："),
        QStringLiteral("定义："), QStringLiteral("对比"),      QStringLiteral("原文出处"),
        QStringLiteral("辖区"),   QStringLiteral("目标"),      QStringLiteral("期限"),
        QStringLiteral("范围"),   QStringLiteral("文号"),      QStringLiteral("第"),
        QStringLiteral("页"),     QStringLiteral("项"),        QStringLiteral("生成时间"),
        QStringLiteral("重庆市"), QStringLiteral("渝中区"),    QStringLiteral("大足区"),
        QStringLiteral("江津区"), QStringLiteral("越低越好"),  QStringLiteral("提及，未设数值"),
        QStringLiteral("概览"),   QStringLiteral("指标报告：")};
    ReportBuilder builder(*data, QStringLiteral("2026-01-02 03:04"), Language::English);
    QTemporaryDir dir;
    QStringList failures;
    int reports = 0;
    int runs = 0;
    for (const Result<ReportDocument>& doc :
         {builder.areaReport(QStringLiteral("water")), builder.indicatorReport(QStringLiteral("wa.time"))}) {
        ASSERT_TRUE(doc.ok()) << doc.errorMessage().toStdString();
        const QString pdf = dir.filePath(QStringLiteral("r%1.pdf").arg(++reports));
        ASSERT_TRUE(doc->writePdf(pdf).ok());
        // -layout keeps table cells apart (separated by spaces), so a run never spans two cells.
        const test::RunResult text =
            test::run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        ASSERT_EQ(text.exitCode, 0);
        const QString t = text.outText().simplified();
        EXPECT_TRUE(t.contains(QStringLiteral("Water connection time"))) << t.toStdString();
        EXPECT_TRUE(t.contains(QStringLiteral("Yuzhong District")));
        EXPECT_TRUE(t.contains(QStringLiteral("working days")));
        EXPECT_TRUE(t.contains(QStringLiteral("Sources (quoted in Chinese)")));
        EXPECT_TRUE(t.contains(QStringLiteral("quoted in Chinese exactly as the plans write them")));
        EXPECT_TRUE(t.contains(QStringLiteral("Page")));
        for (const QString& run : cjkRuns(compact(text.outText()))) {
            ++runs;
            const bool fromSource = std::any_of(compactSources.cbegin(), compactSources.cend(),
                                                [&](const QString& s) { return s.contains(run); });
            if (forbidden.contains(run) || !fromSource)
                failures << QStringLiteral("pdf %1: %2").arg(reports).arg(run);
        }
        // The HTML as a text document: whole sources cut out, nothing Chinese may remain.
        CjkCheck c;
        for (const QString& s : std::as_const(sources))
            c.allow(s);
        c.sortAllowed();
        c.check(QStringLiteral("html %1").arg(reports), doc->textDocument()->toPlainText());
        failures << c.failures();
        EXPECT_TRUE(doc->html.contains(QStringLiteral("<html lang=\"en\">")));
        EXPECT_TRUE(doc->title.startsWith(reports == 1
                                              ? QStringLiteral("Area report: Getting water")
                                              : QStringLiteral("Indicator report: Water connection time")));
    }
    EXPECT_GT(runs, 20); // the sources are there, in Chinese
    EXPECT_TRUE(failures.isEmpty()) << failures.join(QLatin1Char('\n')).toStdString();
}

// The language changes in an open window: headers, labels, names and models follow at once, the
// window is the same, and the models say what changed (headerDataChanged) instead of being rebuilt.
TEST(MainWindow, LanguageSwitchesLiveInEveryOpenView) {
    ASSERT_TRUE(installTranslation(QStringLiteral("zh")));
    settle();
    test::FakeData data;
    Workbench wb(data);
    MainWindow w(wb);
    wb.setCurrentIndicator(QStringLiteral("wa.time"));
    const QTabWidget* tabs = w.findChild<QTabWidget*>();
    ASSERT_TRUE(tabs);
    EXPECT_EQ(tabs->tabText(0), QStringLiteral("矩阵"));
    const ComparisonModel& cmp = *w.comparisonView()->model();
    const MatrixModel& matrix = *w.matrixView()->model();
    EXPECT_EQ(cmp.headerData(ComparisonModel::JurisdictionColumn, Qt::Horizontal).toString(),
              QStringLiteral("辖区"));
    EXPECT_EQ(cmp.index(0, ComparisonModel::JurisdictionColumn).data().toString(), QStringLiteral("重庆市"));
    QSignalSpy cmpHeaders(&cmp, &QAbstractItemModel::headerDataChanged);
    QSignalSpy matrixCells(&matrix, &QAbstractItemModel::dataChanged);
    QSignalSpy matrixReset(&matrix, &QAbstractItemModel::modelReset);
    const QWidget* before = w.comparisonView();

    ASSERT_TRUE(installTranslation(QStringLiteral("en")));
    settle();
    EXPECT_EQ(w.comparisonView(), before);
    EXPECT_EQ(tabs->tabText(0), QStringLiteral("Matrix"));
    EXPECT_EQ(cmp.headerData(ComparisonModel::JurisdictionColumn, Qt::Horizontal).toString(),
              QStringLiteral("Jurisdiction"));
    EXPECT_EQ(cmp.index(0, ComparisonModel::JurisdictionColumn).data().toString(),
              QStringLiteral("Chongqing Municipality"));
    EXPECT_GE(cmpHeaders.count(), 1);
    EXPECT_GE(matrixCells.count(), 1);
    EXPECT_EQ(matrixReset.count(), 0);
    EXPECT_TRUE(matrix.headerData(MatrixModel::FirstPlanColumn, Qt::Horizontal)
                    .toString()
                    .startsWith(QStringLiteral("Chongqing Municipality")));
    const int row = matrix.rowOf(QStringLiteral("wa.time"));
    EXPECT_EQ(matrix.index(row, MatrixModel::IndicatorColumn).data().toString(),
              QStringLiteral("Water connection time"));
    EXPECT_TRUE(w.comparisonView()->header()->text().contains(QStringLiteral("Water connection time")));
    EXPECT_EQ(w.navigator()->tree()->topLevelItem(0)->text(0), QStringLiteral("Areas and indicators"));
    EXPECT_EQ(w.navigator()->tree()->topLevelItem(0)->child(0)->text(0), QStringLiteral("Getting water"));
    EXPECT_EQ(w.chartView()->series().title, QStringLiteral("Water connection time"));
    EXPECT_EQ(w.chartView()->series().unitLabel, QStringLiteral("working days"));
    EXPECT_EQ(
        w.measuresView()->model()->headerData(MeasuresModel::JurisdictionColumn, Qt::Horizontal).toString(),
        QStringLiteral("Jurisdiction"));
    EXPECT_EQ(w.menuBar()->actions().value(0)->text(), QStringLiteral("&File"));
    EXPECT_TRUE(w.windowTitle().startsWith(QStringLiteral("Water connection time")));

    ASSERT_TRUE(installTranslation(QStringLiteral("zh")));
    settle();
    EXPECT_EQ(tabs->tabText(0), QStringLiteral("矩阵"));
    EXPECT_EQ(cmp.index(0, ComparisonModel::JurisdictionColumn).data().toString(), QStringLiteral("重庆市"));
    EXPECT_EQ(w.chartView()->series().title, QStringLiteral("用水报装时限"));
    EXPECT_EQ(w.navigator()->tree()->topLevelItem(0)->child(0)->text(0), QStringLiteral("获得用水"));
}
