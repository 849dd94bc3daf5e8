// Reader view: a plan's text with its outline, targets highlighted; click a target to see its fields,
// select text to add a target the extractor missed.
#pragma once

#include "data/workbenchdata.h"

#include <QWidget>

class QComboBox;
class QPushButton;
class QTextBrowser;
class QTreeWidget;
class QUrl;

namespace pc::ui {

class Workbench;

class ReaderView : public QWidget {
    Q_OBJECT
public:
    explicit ReaderView(Workbench& workbench, QWidget* parent = nullptr);
    QTextBrowser* text() const { return m_text; }
    QString currentDocId() const { return m_plan.plan.docId; }
    const PlanText& plan() const { return m_plan; }
    void openPlan(const QString& docId);
    void showPassage(const QString& docId, qsizetype start, qsizetype end);
    void showTargetFields(int targetIndex);
    void addTargetFromSelection();

private:
    void reload();
    void highlightTargets();

    Workbench& m_wb;
    QComboBox* m_plans;
    QTreeWidget* m_outline;
    QTextBrowser* m_text;
    QTextBrowser* m_fields;
    QPushButton* m_addTarget;
    PlanText m_plan;
};

} // namespace pc::ui
