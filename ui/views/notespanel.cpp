// Notes panel.
#include "notespanel.h"

#include "app/workbench.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pc::ui {

NotesPanel::NotesPanel(WorkbenchData& data, QWidget* parent)
    : QWidget(parent)
    , m_data(data)
    , m_header(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_editor(new QPlainTextEdit(this))
    , m_save(new QPushButton(this))
    , m_edit(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_cancel(new QPushButton(this)) {
    setObjectName(QStringLiteral("notesPanel"));
    m_header->setWordWrap(true);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    // Three lines: enough for a remark, small enough to leave room for the list.
    m_editor->setFixedHeight(m_editor->fontMetrics().lineSpacing() * 3 + 12);
    m_cancel->setVisible(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_editor);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &NotesPanel::save);
    connect(m_edit, &QPushButton::clicked, this, &NotesPanel::editSelected);
    connect(m_cancel, &QPushButton::clicked, this, &NotesPanel::cancelEdit);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (selectedNoteId() == 0)
            return;
        if (QMessageBox::question(this, tr("删除注释"), tr("删除所选注释？此操作无法撤销。")) ==
            QMessageBox::Yes)
            removeSelected();
    });
    connect(m_list, &QListWidget::itemDoubleClicked, this, &NotesPanel::editSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &NotesPanel::updateButtons);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &NotesPanel::updateButtons);
    setSubject(NoteOn::Plan, 0, QString());
}

void NotesPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        updateHeader();
        updateButtons();
    }
    QWidget::changeEvent(event);
}

void NotesPanel::updateHeader() {
    m_edit->setText(tr("编辑"));
    m_remove->setText(tr("删除"));
    m_cancel->setText(tr("取消编辑"));
    m_editor->setPlaceholderText(tr("写下注释…"));
    if (m_subjectId == 0) {
        m_header->setText(tr("注释：未选择"));
    } else {
        const QString kind = m_on == NoteOn::Plan      ? tr("规划注释")
                             : m_on == NoteOn::Measure ? tr("措施注释")
                                                       : tr("目标注释");
        m_header->setText(m_label.isEmpty() ? kind : tr("%1：%2").arg(kind, m_label));
    }
}

void NotesPanel::setSubject(NoteOn on, qint64 subjectId, const QString& label) {
    const bool same = on == m_on && subjectId == m_subjectId;
    m_on = on;
    m_subjectId = subjectId;
    if (!same) {
        m_editing = 0;
        m_editor->clear();
    }
    m_label = label;
    updateHeader();
    reload();
}

void NotesPanel::reload() {
    m_list->clear();
    m_notes.clear();
    if (m_subjectId != 0) {
        const Result<QList<Note>> notes = m_data.notes(m_on, m_subjectId);
        if (notes) {
            m_notes = notes.value();
        } else {
            auto* item = new QListWidgetItem(notes.errorMessage(), m_list);
            item->setFlags(Qt::NoItemFlags);
        }
    }
    for (const Note& n : std::as_const(m_notes)) {
        auto* item = new QListWidgetItem(n.text, m_list);
        item->setData(Qt::UserRole, n.id);
        // Stored in UTC; shown as the date and minute it was last changed.
        item->setToolTip(
            tr("修改于 %1").arg(QString(n.updatedAt).replace(QLatin1Char('T'), QLatin1Char(' ')).left(16)));
    }
    updateButtons();
}

qint64 NotesPanel::selectedNoteId() const {
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void NotesPanel::updateButtons() {
    const bool enabled = m_subjectId != 0;
    // A read-only database: the notes are listed, but writing, editing and removing are not offered.
    const bool writable = !m_data.readOnly();
    m_list->setEnabled(enabled);
    m_editor->setEnabled(enabled && writable);
    m_editor->setReadOnly(!writable);
    m_save->setText(m_editing ? tr("保存修改") : tr("添加注释"));
    m_save->setEnabled(enabled && writable && !m_editor->toPlainText().trimmed().isEmpty());
    m_cancel->setVisible(m_editing != 0);
    m_edit->setEnabled(enabled && writable && selectedNoteId() != 0);
    m_remove->setEnabled(enabled && writable && selectedNoteId() != 0);
    const QString why = writable ? QString() : readOnlyMessage(m_data);
    for (QWidget* w : {static_cast<QWidget*>(m_editor), static_cast<QWidget*>(m_save),
                       static_cast<QWidget*>(m_edit), static_cast<QWidget*>(m_remove)})
        w->setToolTip(why);
    if (!writable)
        m_editor->setPlaceholderText(why);
}

void NotesPanel::followNotesOf(Workbench& workbench) {
    connect(this, &NotesPanel::notesChanged, &workbench, &Workbench::notesChanged);
    connect(&workbench, &Workbench::notesChanged, this, &NotesPanel::reload);
}

bool NotesPanel::save() {
    const QString text = m_editor->toPlainText().trimmed();
    if (m_subjectId == 0 || text.isEmpty())
        return false;
    if (m_editing) {
        const Status s = m_data.editNote(m_editing, text);
        if (!s) {
            QMessageBox::warning(this, tr("注释"), s.errorMessage());
            return false;
        }
    } else {
        const Result<qint64> id = m_data.addNote(m_on, m_subjectId, text);
        if (!id) {
            QMessageBox::warning(this, tr("注释"), id.errorMessage());
            return false;
        }
    }
    m_editing = 0;
    m_editor->clear();
    reload();
    Q_EMIT notesChanged();
    return true;
}

void NotesPanel::editSelected() {
    const qint64 id = selectedNoteId();
    for (const Note& n : std::as_const(m_notes))
        if (n.id == id) {
            m_editing = id;
            m_editor->setPlainText(n.text);
            m_editor->setFocus();
        }
    updateButtons();
}

void NotesPanel::cancelEdit() {
    m_editing = 0;
    m_editor->clear();
    updateButtons();
}

bool NotesPanel::removeSelected() {
    const qint64 id = selectedNoteId();
    if (id == 0)
        return false;
    const Status s = m_data.removeNote(id);
    if (!s) {
        QMessageBox::warning(this, tr("注释"), s.errorMessage());
        return false;
    }
    if (m_editing == id)
        cancelEdit();
    reload();
    Q_EMIT notesChanged();
    return true;
}

} // namespace pc::ui
