// Notes in the workbench on a seed database: the notes panel of the comparison, measures and reader
// views stores through the store (rows asserted with pc::Database), and notes reach the report.
#include "app/workbench.h"
#include "mainwindow.h"
#include "models/comparisonmodel.h"
#include "models/measuresmodel.h"
#include "report/reportdocument.h"
#include "seeddb.h"
#include "store/database.h"
#include "views/comparisonview.h"
#include "views/measuresview.h"
#include "views/notespanel.h"
#include "views/readerview.h"

#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;
using test::SeedDb;

namespace {

// The notes of one kind as stored, read through a second connection (what `notes list` would see).
// By kind, because the tests of this file share the seed database when run in one process.
QList<NoteRecord> storedNotes(const QString& path, NoteSubject subject) {
    Result<std::unique_ptr<Database>> db = Database::open(path);
    EXPECT_TRUE(db.ok()) << db.errorMessage().toStdString();
    if (!db)
        return {};
    NoteFilter filter;
    filter.subject = subject;
    Result<QList<NoteRecord>> notes = db.value()->notes(filter);
    EXPECT_TRUE(notes.ok());
    return notes ? notes.value() : QList<NoteRecord>{};
}

// Selects the comparison row of `jurisdiction` and returns its target.
const ComparisonRow* selectRow(ComparisonView& view, const QString& jurisdiction) {
    QTableView* table = view.table();
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        table->selectRow(r);
        const ComparisonRow* row = view.model()->rowAt(
            qobject_cast<QSortFilterProxyModel*>(table->model())->mapToSource(table->currentIndex()).row());
        if (row && row->jurisdiction == jurisdiction)
            return row;
    }
    return nullptr;
}

void type(NotesPanel& panel, const QString& text) {
    panel.editor()->setPlainText(text);
}

} // namespace

TEST_F(SeedDb, TargetNoteAddedInTheComparisonIsStoredAndShownForThatTargetOnly) {
    auto data = open();
    Workbench wb(*data);
    MainWindow w(wb);
    wb.setCurrentIndicator(QStringLiteral("wa.time"));
    ComparisonView& view = *w.comparisonView();
    NotesPanel& panel = *view.notes();

    const ComparisonRow* yuzhong = selectRow(view, QStringLiteral("渝中区"));
    ASSERT_NE(yuzhong, nullptr);
    const qint64 target = yuzhong->targetId;
    EXPECT_EQ(panel.subjectKind(), NoteOn::Target);
    EXPECT_EQ(panel.subjectId(), target);
    EXPECT_EQ(panel.list()->count(), 0);
    EXPECT_FALSE(panel.saveButton()->isEnabled()); // nothing typed yet

    type(panel, QStringLiteral("  8 个工作日含施工，需与市级口径核对  "));
    ASSERT_TRUE(panel.saveButton()->isEnabled());
    panel.saveButton()->click();
    EXPECT_TRUE(panel.editor()->toPlainText().isEmpty());
    ASSERT_EQ(panel.list()->count(), 1);
    EXPECT_EQ(panel.list()->item(0)->text(), QStringLiteral("8 个工作日含施工，需与市级口径核对"));
    // The reader shows the selected target too; its notes panel follows at once.
    EXPECT_EQ(w.readerView()->notes()->subjectId(), target);
    EXPECT_EQ(w.readerView()->notes()->list()->count(), 1);

    QList<NoteRecord> stored = storedNotes(path, NoteSubject::Target);
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored.at(0).subject, NoteSubject::Target);
    EXPECT_EQ(stored.at(0).subjectId, target);
    EXPECT_EQ(stored.at(0).docId, yuzhong->docId);
    EXPECT_EQ(stored.at(0).text, QStringLiteral("8 个工作日含施工，需与市级口径核对"));

    // Another target of the same indicator has no notes; back on 渝中区 the note is there again.
    ASSERT_NE(selectRow(view, QStringLiteral("江津区")), nullptr);
    EXPECT_NE(panel.subjectId(), target);
    EXPECT_EQ(panel.list()->count(), 0);
    ASSERT_NE(selectRow(view, QStringLiteral("渝中区")), nullptr);
    ASSERT_EQ(panel.list()->count(), 1);

    // Edit it: the same row, new text.
    panel.list()->setCurrentRow(0);
    panel.editSelected();
    EXPECT_EQ(panel.editor()->toPlainText(), QStringLiteral("8 个工作日含施工，需与市级口径核对"));
    EXPECT_EQ(panel.saveButton()->text(), QStringLiteral("保存修改"));
    type(panel, QStringLiteral("已与市级口径核对：一致"));
    ASSERT_TRUE(panel.save());
    stored = storedNotes(path, NoteSubject::Target);
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored.at(0).text, QStringLiteral("已与市级口径核对：一致"));
    EXPECT_EQ(panel.list()->item(0)->text(), QStringLiteral("已与市级口径核对：一致"));

    // The printed report carries it under 渝中区's source, and only there.
    ReportBuilder builder(*data, QStringLiteral("2026-01-02 03:04"));
    const Result<ReportDocument> report = builder.indicatorReport(QStringLiteral("wa.time"));
    ASSERT_TRUE(report.ok());
    const QString html = report->html;
    EXPECT_EQ(html.count(QStringLiteral("注释：")), 1);
    const qsizetype note = html.indexOf(QStringLiteral("注释：已与市级口径核对：一致"));
    ASSERT_GE(note, 0);
    const qsizetype source = html.lastIndexOf(QStringLiteral("<p class=\"src\">"), note);
    ASSERT_GE(source, 0);
    EXPECT_TRUE(html.mid(source, note - source).contains(QStringLiteral("渝中府办〔2023〕32号")))
        << html.mid(source, note - source).toStdString();

    // Remove it: gone from the database, the panel and the report.
    panel.list()->setCurrentRow(0);
    ASSERT_TRUE(panel.removeSelected());
    EXPECT_EQ(panel.list()->count(), 0);
    EXPECT_TRUE(storedNotes(path, NoteSubject::Target).isEmpty());
    EXPECT_FALSE(builder.indicatorReport(QStringLiteral("wa.time"))->html.contains(QStringLiteral("注释：")));
}

TEST_F(SeedDb, MeasureNoteFromTheMeasuresViewIsStoredOnThatMeasure) {
    auto data = open();
    Workbench wb(*data);
    MainWindow w(wb);
    MeasuresView& view = *w.measuresView();
    QTableView* table = view.table();
    ASSERT_GT(table->model()->rowCount(), 100);
    table->selectRow(3);
    const qint64 measure = table->currentIndex().data(MeasuresModel::MeasureIdRole).toLongLong();
    ASSERT_GT(measure, 0);
    NotesPanel& panel = *view.notes();
    EXPECT_EQ(panel.subjectKind(), NoteOn::Measure);
    EXPECT_EQ(panel.subjectId(), measure);
    type(panel, QStringLiteral("牵头单位与区县方案不一致"));
    ASSERT_TRUE(panel.save());
    const QList<NoteRecord> stored = storedNotes(path, NoteSubject::Measure);
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored.at(0).subject, NoteSubject::Measure);
    EXPECT_EQ(stored.at(0).subjectId, measure);
    table->selectRow(4);
    EXPECT_EQ(panel.list()->count(), 0);
    table->selectRow(3);
    EXPECT_EQ(panel.list()->count(), 1);
}

TEST_F(SeedDb, ReaderNotesFollowThePlanAndTheClickedTarget) {
    auto data = open();
    Workbench wb(*data);
    MainWindow w(wb);
    ReaderView& reader = *w.readerView();
    const QList<PlanInfo> plans = wb.snapshot().plans;
    ASSERT_EQ(plans.size(), 5);
    reader.openPlan(plans.at(1).docId);
    NotesPanel& panel = *reader.notes();
    EXPECT_EQ(panel.subjectKind(), NoteOn::Plan);
    EXPECT_EQ(panel.subjectId(), plans.at(1).documentId);
    type(panel, QStringLiteral("区级方案未写基线"));
    ASSERT_TRUE(panel.save());
    QList<NoteRecord> stored = storedNotes(path, NoteSubject::Document);
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored.at(0).subject, NoteSubject::Document);
    EXPECT_EQ(stored.at(0).docId, plans.at(1).docId);

    // Clicking a target switches the panel to that target's (empty) notes; the plan's come back.
    ASSERT_FALSE(reader.plan().targets.isEmpty());
    reader.showTargetFields(0);
    EXPECT_EQ(panel.subjectKind(), NoteOn::Target);
    EXPECT_EQ(panel.subjectId(), reader.plan().targets.at(0).targetId);
    EXPECT_EQ(panel.list()->count(), 0);
    reader.showPlanNotes();
    EXPECT_EQ(panel.list()->count(), 1);
    // Another plan has none.
    reader.openPlan(plans.at(2).docId);
    EXPECT_EQ(panel.subjectId(), plans.at(2).documentId);
    EXPECT_EQ(panel.list()->count(), 0);
}
