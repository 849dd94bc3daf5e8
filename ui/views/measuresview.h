// Measures view: every measure in a sortable, filterable table with a full-text search box.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QTimer;

namespace pc::ui {

class MeasuresFilter;
class MeasuresModel;
class NotesPanel;
class RichTextDelegate;
class Workbench;

class MeasuresView : public QWidget {
    Q_OBJECT
public:
    explicit MeasuresView(Workbench& workbench, QWidget* parent = nullptr);
    MeasuresModel* model() const { return m_model; }
    MeasuresFilter* filter() const { return m_filter; }
    QLineEdit* searchBox() const { return m_search; }
    QTableView* table() const { return m_table; }
    NotesPanel* notes() const { return m_notes; }
    QLabel* countLabel() const { return m_count; }
    // Shown when a search matched more measures than are ranked (the store's candidate cap).
    QLabel* capNote() const { return m_capNote; }
    void reload();
    void runSearch();

protected:
    void changeEvent(QEvent* event) override; // LanguageChange: retranslate()

private:
    void showBody(const QModelIndex& proxyIndex);
    void updateCount();
    void updateCapNote();
    void retranslate();
    void fillFilters();

    Workbench& m_wb;
    MeasuresModel* m_model;
    MeasuresFilter* m_filter;
    QLineEdit* m_search;
    QComboBox* m_jurisdiction;
    QComboBox* m_area;
    QLabel* m_jurisdictionLabel;
    QLabel* m_areaLabel;
    QLabel* m_count;
    QLabel* m_capNote;
    int m_rankedAmong = 0; // of the last search; 0: every match ranked
    QTableView* m_table;
    QTextBrowser* m_body;
    RichTextDelegate* m_delegate;
    QTimer* m_debounce;
    NotesPanel* m_notes;
    QStringList m_terms;
};

} // namespace pc::ui
