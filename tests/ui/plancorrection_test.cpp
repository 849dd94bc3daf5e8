// Correcting a plan's jurisdiction, year or kind from the navigator: the dialog's values reach the
// store's plan corrections, and the navigator and the matrix show the corrected plan.
#include "app/workbench.h"
#include "guiapp.h"
#include "mainwindow.h"
#include "models/matrixmodel.h"
#include "seeddb.h"
#include "views/matrixview.h"
#include "views/navigatordock.h"
#include "views/plancorrectiondialog.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;

namespace {

class PlanCorrectionUi : public test::SeedDb {};

PlanInfo planOf(Workbench& wb, const QString& docId) {
    for (const PlanInfo& p : wb.snapshot().plans)
        if (p.docId == docId)
            return p;
    return {};
}

QTreeWidgetItem* navigatorItem(NavigatorDock* nav, int kind, const QString& id) {
    for (QTreeWidgetItemIterator it(nav->tree()); *it; ++it)
        if ((*it)->data(0, NavigatorDock::KindRole).toInt() == kind &&
            (*it)->data(0, NavigatorDock::IdRole).toString() == id)
            return *it;
    return nullptr;
}

} // namespace

TEST_F(PlanCorrectionUi, TheDialogStartsFromThePlanAndChangesNothingUntouched) {
    std::unique_ptr<WorkbenchData> data = open();
    Workbench wb(*data);
    const PlanInfo plan = planOf(wb, QStringLiteral("jiangjin-2021"));
    ASSERT_EQ(plan.jurisdiction, QStringLiteral("江津区"));
    PlanCorrectionDialog dlg(plan);
    EXPECT_EQ(dlg.jurisdictionBox()->currentText(), QStringLiteral("江津区"));
    EXPECT_TRUE(dlg.jurisdictionBox()->isEditable());
    // Every gazetteer entry is offered: the municipality and its 40-odd districts, counties and zones.
    EXPECT_GE(dlg.jurisdictionBox()->count(), 40);
    EXPECT_GE(dlg.jurisdictionBox()->findText(QStringLiteral("大足区")), 0);
    EXPECT_EQ(dlg.yearBox()->value(), 2021);
    EXPECT_EQ(dlg.kindBox()->currentData().toString(), QStringLiteral("comprehensive"));
    EXPECT_TRUE(dlg.changes().isEmpty());
}

TEST_F(PlanCorrectionUi, CorrectionsReachTheStoreAndTheNavigatorAndMatrixShowThem) {
    std::unique_ptr<WorkbenchData> data = open();
    Workbench wb(*data);
    MainWindow w(wb);
    NavigatorDock* nav = w.navigator();

    // The context menu offers the correction on a plan, and only there.
    QTreeWidgetItem* planItem = navigatorItem(nav, NavigatorDock::PlanItem, QStringLiteral("jiangjin-2021"));
    ASSERT_NE(planItem, nullptr);
    QMenu menu;
    nav->fillContextMenu(menu, planItem);
    EXPECT_NE(menu.findChild<QAction*>(QStringLiteral("correctPlan")), nullptr);
    QMenu jurisdictionMenu;
    nav->fillContextMenu(jurisdictionMenu,
                         navigatorItem(nav, NavigatorDock::JurisdictionItem, QStringLiteral("江津区")));
    EXPECT_TRUE(jurisdictionMenu.isEmpty());

    PlanCorrectionDialog dlg(planOf(wb, QStringLiteral("jiangjin-2021")));
    dlg.jurisdictionBox()->setEditText(QStringLiteral("永川")); // a short name, as typed
    dlg.yearBox()->setValue(2020);
    dlg.kindBox()->setCurrentIndex(dlg.kindBox()->findData(QStringLiteral("special")));
    EXPECT_EQ(dlg.changes(),
              (QList<QPair<QString, QString>>{{QStringLiteral("jurisdiction"), QStringLiteral("永川")},
                                              {QStringLiteral("year"), QStringLiteral("2020")},
                                              {QStringLiteral("kind"), QStringLiteral("special")}}));
    const Status s = dlg.apply(wb.data());
    ASSERT_TRUE(s.ok()) << s.errorMessage().toStdString();
    wb.reload();

    // The store resolved the short name through the gazetteer.
    const PlanInfo corrected = planOf(wb, QStringLiteral("jiangjin-2021"));
    EXPECT_EQ(corrected.jurisdiction, QStringLiteral("永川区"));
    EXPECT_EQ(corrected.jurisdictionCode, QStringLiteral("500118"));
    EXPECT_EQ(corrected.year, 2020);
    EXPECT_EQ(corrected.planKind, QStringLiteral("special"));

    // The navigator lists the plan under its new jurisdiction, with its new year; 江津区 is gone.
    EXPECT_EQ(navigatorItem(nav, NavigatorDock::JurisdictionItem, QStringLiteral("江津区")), nullptr);
    QTreeWidgetItem* moved = navigatorItem(nav, NavigatorDock::PlanItem, QStringLiteral("jiangjin-2021"));
    ASSERT_NE(moved, nullptr);
    ASSERT_NE(moved->parent(), nullptr);
    EXPECT_EQ(moved->parent()->data(0, NavigatorDock::IdRole).toString(), QStringLiteral("永川区"));
    EXPECT_TRUE(moved->text(0).startsWith(QStringLiteral("2020 ")));

    // The matrix' column of the plan is headed by the corrected jurisdiction.
    MatrixModel* model = w.matrixView()->model();
    QStringList headers;
    for (int c = MatrixModel::FirstPlanColumn; c < model->columnCount(); ++c)
        headers << model->headerData(c, Qt::Horizontal).toString().section(QLatin1Char('\n'), 0, 0);
    EXPECT_TRUE(headers.contains(QStringLiteral("永川区"))) << headers.join(QLatin1Char(' ')).toStdString();
    EXPECT_FALSE(headers.contains(QStringLiteral("江津区")));

    // Back to what the parser read: an empty value removes the correction.
    ASSERT_TRUE(
        wb.data().correctPlan(QStringLiteral("jiangjin-2021"), QStringLiteral("jurisdiction"), {}).ok());
    wb.reload();
    EXPECT_EQ(planOf(wb, QStringLiteral("jiangjin-2021")).jurisdiction, QStringLiteral("江津区"));
}

TEST_F(PlanCorrectionUi, TheDialogSpeaksEnglishInTheEnglishInterface) {
    std::unique_ptr<WorkbenchData> data = open();
    Workbench wb(*data);
    const PlanInfo plan = planOf(wb, QStringLiteral("jiangjin-2021"));
    ASSERT_TRUE(installTranslation(QStringLiteral("en")));
    QStringList texts;
    {
        PlanCorrectionDialog dlg(plan);
        texts << dlg.windowTitle() << dlg.kindBox()->itemText(0) << dlg.kindBox()->itemText(1);
        for (QLabel* label : dlg.findChildren<QLabel*>())
            texts << label->text().remove(plan.title); // the plan's title stays as the plan writes it
        EXPECT_EQ(dlg.kindBox()->itemText(1), QStringLiteral("Special plan"));
        EXPECT_TRUE(texts.contains(QStringLiteral("Jurisdiction:")));
    }
    installTranslation(QStringLiteral("zh"));
    QCoreApplication::processEvents();
    const QRegularExpression han(QStringLiteral("\\p{Han}"));
    for (const QString& t : texts)
        EXPECT_FALSE(t.contains(han)) << t.toStdString();
    EXPECT_GE(texts.size(), 7);
}
