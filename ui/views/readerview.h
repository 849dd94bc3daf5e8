// Reader view: a plan's text with its outline, targets highlighted; click a target to see its fields,
// select text to add a target the extractor missed.
#pragma once

#include "data/workbenchdata.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QToolButton;
class QTextBrowser;
class QTreeWidget;
class QUrl;

namespace pc::ui {

class LazyReload;
class NotesPanel;
class Workbench;

class ReaderView : public QWidget {
    Q_OBJECT
public:
    explicit ReaderView(Workbench& workbench, QWidget* parent = nullptr);
    // The accessors and actions bring the view up to date first: while it is hidden, reloads and
    // requested passages only wait for it to be shown or read (see LazyReload).
    QTextBrowser* text() const;
    QTextBrowser* fields() const; // the selected target's fields
    QString currentDocId() const;
    const PlanText& plan() const;
    NotesPanel* notes() const;
    // The parser's notes on the current plan: one item per note, "警告：message", in order.
    QListWidget* parserNotes() const;
    QToolButton* parserNotesToggle() const;
    void ensureCurrent() const;
    void setVisible(bool visible) override; // brought up to date before it is shown
    // Selects a parser note's span in the text (no-op for notes about the whole plan).
    void showParserNote(int index);
    // Notes panel back on the plan after a target was clicked.
    void showPlanNotes();
    void openPlan(const QString& docId);
    void showPassage(const QString& docId, qsizetype start, qsizetype end);
    void showTargetFields(int targetIndex);
    void addTargetFromSelection();
    // The page (第 N 页) of the cursor or selection in a paged plan, shown above the text; 0 without pages.
    int currentPage() const;
    QLabel* pageLabel() const;

protected:
    void changeEvent(QEvent* event) override; // LanguageChange: retranslate()

private:
    void reload();
    void fillPlanList();
    void bringUpToDate(); // the reload and the passage that waited while the view was hidden
    int pageOfCursor() const;
    void retranslate();
    QString planLabel(const PlanInfo& plan) const;
    void highlightTargets();
    void loadParserNotes();
    void updatePage();

    Workbench& m_wb;
    QComboBox* m_plans;
    QTreeWidget* m_outline;
    QTextBrowser* m_text;
    QTextBrowser* m_fields;
    QPushButton* m_addTarget;
    QToolButton* m_issuesToggle;
    QListWidget* m_issues;
    QPushButton* m_planNotes;
    NotesPanel* m_notes;
    QLabel* m_page;
    PlanText m_plan;
    QList<ParserNote> m_parserNotes;
    QLabel* m_planLabel;
    int m_shownTarget = -1; // index into m_plan.targets of the fields shown, -1 none
    struct Passage {
        QString docId;
        qsizetype start = -1;
        qsizetype end = -1;
    };
    std::optional<Passage> m_pendingPassage; // requested while hidden
    bool m_reloadPending = false;            // the data changed while hidden
    LazyReload* m_lazy;
};

} // namespace pc::ui
