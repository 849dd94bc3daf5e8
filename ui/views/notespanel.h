// Notes panel: the researcher's notes on one plan, measure or target, with add, edit and remove,
// stored through WorkbenchData (the store's notes). Used in the comparison, measures and reader views.
#pragma once

#include "data/workbenchdata.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace pc::ui {

class Workbench;

class NotesPanel : public QWidget {
    Q_OBJECT
public:
    explicit NotesPanel(WorkbenchData& data, QWidget* parent = nullptr);

    // What the notes are on; `subjectId` 0 clears the panel (nothing selected). `label` names the
    // subject for the header ("渝中区 · 第 3 项").
    void setSubject(NoteOn on, qint64 subjectId, const QString& label);
    NoteOn subjectKind() const { return m_on; }
    qint64 subjectId() const { return m_subjectId; }
    const QList<Note>& notes() const { return m_notes; }

    QListWidget* list() const { return m_list; }
    QPlainTextEdit* editor() const { return m_editor; }
    QPushButton* saveButton() const { return m_save; }

    // Adds the editor's text as a new note, or saves it into the note being edited.
    bool save();
    // Loads the selected note into the editor; save() then replaces its text.
    void editSelected();
    void cancelEdit();
    // Removes the selected note (the remove button asks first).
    bool removeSelected();
    void reload();
    // Keeps this panel in step with the other views' panels (and them with it) through `workbench`.
    void followNotesOf(Workbench& workbench);

Q_SIGNALS:
    void notesChanged();

protected:
    void changeEvent(QEvent* event) override; // LanguageChange: buttons and header anew

private:
    void updateButtons();
    void updateHeader();
    qint64 selectedNoteId() const;

    WorkbenchData& m_data;
    NoteOn m_on = NoteOn::Plan;
    qint64 m_subjectId = 0;
    qint64 m_editing = 0; // note being edited, 0 = the editor adds a new note
    QList<Note> m_notes;
    QLabel* m_header;
    QListWidget* m_list;
    QPlainTextEdit* m_editor;
    QPushButton* m_save;
    QPushButton* m_edit;
    QPushButton* m_remove;
    QPushButton* m_cancel;
    QString m_label; // what the notes are on, as the owner named it
};

} // namespace pc::ui
