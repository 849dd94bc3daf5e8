// Paints a cell's HTML (a role of the model) so source sentences show their highlighted number,
// and search matches show highlighted in plain-text cells.
#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace pc::ui {

class RichTextDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // htmlRole < 0: the display text, escaped, with `terms` highlighted.
    explicit RichTextDelegate(int htmlRole = -1, QObject* parent = nullptr);
    void setTerms(const QStringList& terms) { m_terms = terms; }
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static QString highlight(const QString& text, const QStringList& terms);

private:
    QString html(const QModelIndex& index) const;
    int m_htmlRole;
    QStringList m_terms;
};

} // namespace pc::ui
