// What the parser flagged, shown in the workbench on a seed database: the reader's parser notes for
// the municipal plan, selecting a note's span in the text, and low-confidence measures marked.
#include "app/workbench.h"
#include "mainwindow.h"
#include "models/measuresmodel.h"
#include "seeddb.h"
#include "views/measuresview.h"
#include "views/readerview.h"

#include <QLabel>
#include <QListWidget>
#include <QRegularExpression>
#include <QSet>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;
using test::SeedDb;

TEST_F(SeedDb, ReaderListsTheMunicipalPlansParserNotes) {
    auto data = open();
    Workbench wb(*data);
    MainWindow w(wb);
    ReaderView& reader = *w.readerView();
    const QList<PlanInfo> plans = wb.snapshot().plans;
    ASSERT_FALSE(plans.isEmpty());
    ASSERT_EQ(plans.at(0).level, QStringLiteral("municipal"));
    reader.openPlan(plans.at(0).docId);
    ASSERT_EQ(reader.currentDocId(), plans.at(0).docId);

    QListWidget* list = reader.parserNotes();
    const int count = list->count();
    ASSERT_GT(count, 0);
    EXPECT_EQ(reader.parserNotesToggle()->text(), QStringLiteral("解析提示（%1）").arg(count));
    // Warnings among them: the list starts unfolded.
    EXPECT_TRUE(reader.parserNotesToggle()->isChecked());

    // The missing measure numbers are listed, and really are absent from the plan's measures.
    static const QRegularExpression missing(
        QStringLiteral("measure numbers not found in the text: ([0-9, ]+)"));
    QStringList numbers;
    for (int i = 0; i < count; ++i) {
        const QRegularExpressionMatch m = missing.match(list->item(i)->text());
        if (m.hasMatch()) {
            numbers = m.captured(1).split(QStringLiteral(", "), Qt::SkipEmptyParts);
            EXPECT_TRUE(list->item(i)->text().startsWith(QStringLiteral("警告：")))
                << list->item(i)->text().toStdString();
        }
    }
    ASSERT_FALSE(numbers.isEmpty());
    QSet<int> present;
    const Result<QList<MeasureRow>> measures = data->measures();
    ASSERT_TRUE(measures.ok());
    for (const MeasureRow& m : measures.value())
        if (m.docId == plans.at(0).docId)
            present.insert(m.number);
    ASSERT_GT(present.size(), 50);
    for (const QString& n : std::as_const(numbers)) {
        ASSERT_GT(n.toInt(), 0) << n.toStdString();
        EXPECT_FALSE(present.contains(n.toInt())) << n.toStdString();
    }

    // The seeds' notes are about the whole plan (no span): clicking one leaves the text as it is.
    const Result<QList<ParserNote>> notes = data->parserNotes(plans.at(0).docId);
    ASSERT_TRUE(notes.ok());
    ASSERT_EQ(notes->size(), count);
    reader.showParserNote(0);
    EXPECT_FALSE(reader.text()->textCursor().hasSelection());

    // Another plan gets its own list.
    reader.openPlan(plans.at(1).docId);
    const Result<QList<ParserNote>> other = data->parserNotes(plans.at(1).docId);
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(reader.parserNotes()->count(), other->size());
}

TEST_F(SeedDb, LowConfidenceMeasuresAreMarked) {
    auto data = open();
    Workbench wb(*data);
    MainWindow w(wb);
    const MeasuresModel& m = *w.measuresView()->model();
    int low = 0;
    int sure = 0;
    for (int r = 0; r < m.rowCount(); ++r) {
        const QModelIndex title = m.index(r, MeasuresModel::TitleColumn);
        const double confidence = title.data(MeasuresModel::ConfidenceRole).toDouble();
        EXPECT_EQ(title.data(MeasuresModel::LowConfidenceRole).toBool(),
                  confidence < MeasuresModel::kLowConfidence);
        if (confidence < MeasuresModel::kLowConfidence) {
            ++low;
            EXPECT_FALSE(title.data(Qt::DecorationRole).value<QIcon>().isNull());
            EXPECT_TRUE(title.data(Qt::FontRole).value<QFont>().italic());
            EXPECT_TRUE(
                title.data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("解析置信度 %1").arg(QLocale().toString(confidence, 'f', 2))));
        } else {
            ++sure;
            EXPECT_FALSE(title.data(Qt::DecorationRole).isValid());
            EXPECT_FALSE(title.data(Qt::FontRole).isValid());
        }
    }
    // The municipal plan's interleaved table leaves some measures reconstructed with low confidence.
    EXPECT_GT(low, 0);
    EXPECT_GT(sure, low);
    // The count above the table says how many of the listed measures to check.
    EXPECT_EQ(w.measuresView()->countLabel()->text(),
              QStringLiteral("%1 条措施（%2 条解析置信度低）").arg(low + sure).arg(low));
}
