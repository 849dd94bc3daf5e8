// Comparison view: one indicator's targets side by side, with their sources; corrections in place.
#pragma once

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace pc {
struct ComparisonRow;
}

namespace pc::ui {

class ComparisonModel;
class LazyReload;
class NotesPanel;
class Workbench;

class ComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonView(Workbench& workbench, QWidget* parent = nullptr);
    // The accessors bring the view up to date first: while it is hidden, changes only mark it out of
    // date (see LazyReload).
    ComparisonModel* model() const;
    QTableView* table() const;
    NotesPanel* notes() const;
    QLabel* header() const;
    void reload();
    void ensureCurrent() const;             // a reload that waited for the view to be shown, now
    void setVisible(bool visible) override; // brought up to date before it is shown

    // Actions on the selected row (also in the context menu).
    void markSelectedNotTarget();
    void changeSelectedIndicator();
    void showSelectedInReader();

protected:
    void changeEvent(QEvent* event) override; // LanguageChange: names, header, model in the new language

private:
    void updateHeader();
    int selectedRow() const;
    void showDetails(int row);
    QString sectionText(const ComparisonRow& r) const;

    Workbench& m_wb;
    ComparisonModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLabel* m_header;
    QTableView* m_table;
    QTextBrowser* m_passage;
    NotesPanel* m_notes;
    LazyReload* m_lazy;
};

} // namespace pc::ui
