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

class LazyReload;
class MeasuresFilter;
class MeasuresModel;
class NotesPanel;
class RichTextDelegate;
class Workbench;

class MeasuresView : public QWidget {
    Q_OBJECT
public:
    explicit MeasuresView(Workbench& workbench, QWidget* parent = nullptr);
    // The accessors bring the view up to date first: while it is hidden, changes only mark it out of
    // date (see LazyReload).
    MeasuresModel* model() const;
    MeasuresFilter* filter() const;
    QLineEdit* searchBox() const { return m_search; }
    QTableView* table() const;
    NotesPanel* notes() const;
    QLabel* countLabel() const;
    // Shown when a search matched more measures than are ranked (the store's candidate cap).
    QLabel* capNote() const { return m_capNote; }
    void reload();
    void ensureCurrent() const;             // a reload that waited for the view to be shown, now
    void setVisible(bool visible) override; // brought up to date before it is shown
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
    LazyReload* m_lazy;
};

} // namespace pc::ui
