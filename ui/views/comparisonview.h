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
class NotesPanel;
class Workbench;

class ComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonView(Workbench& workbench, QWidget* parent = nullptr);
    ComparisonModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    NotesPanel* notes() const { return m_notes; }
    QLabel* header() const { return m_header; }
    void reload();

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
};

} // namespace pc::ui
