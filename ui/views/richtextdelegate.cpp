// Rich-text cell painting through QTextDocument.
#include "richtextdelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace pc::ui {

RichTextDelegate::RichTextDelegate(int htmlRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_htmlRole(htmlRole) {}

QString RichTextDelegate::highlight(const QString& text, const QStringList& terms) {
    if (terms.isEmpty())
        return text.toHtmlEscaped();
    QString out;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype best = -1, bestLen = 0;
        for (const QString& t : terms) {
            if (t.isEmpty())
                continue;
            const qsizetype at = text.indexOf(t, pos, Qt::CaseInsensitive);
            if (at >= 0 && (best < 0 || at < best || (at == best && t.size() > bestLen))) {
                best = at;
                bestLen = t.size();
            }
        }
        if (best < 0)
            break;
        out += text.mid(pos, best - pos).toHtmlEscaped() +
               QStringLiteral("<span style=\"background-color:#ffe08a; font-weight:bold;\">") +
               text.mid(best, bestLen).toHtmlEscaped() + QStringLiteral("</span>");
        pos = best + bestLen;
    }
    return out + text.mid(pos).toHtmlEscaped();
}

QString RichTextDelegate::html(const QModelIndex& index) const {
    if (m_htmlRole >= 0) {
        const QString h = index.data(m_htmlRole).toString();
        if (!h.isEmpty())
            return h;
    }
    return highlight(index.data(Qt::DisplayRole).toString(), m_terms);
}

void RichTextDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = html(index);
    opt.text.clear();
    const QWidget* w = opt.widget;
    QStyle* style = w ? w->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, w);

    QTextDocument doc;
    doc.setDefaultFont(opt.font);
    doc.setDocumentMargin(2);
    doc.setHtml(text);
    const QRect r = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, w);
    doc.setTextWidth(r.width());
    painter->save();
    painter->translate(r.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), r.size()));
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = opt.palette;
    if (opt.state & QStyle::State_Selected)
        ctx.palette.setColor(QPalette::Text, opt.palette.color(QPalette::HighlightedText));
    doc.documentLayout()->draw(painter, ctx);
    painter->restore();
}

QSize RichTextDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QTextDocument doc;
    doc.setDefaultFont(opt.font);
    doc.setDocumentMargin(2);
    doc.setHtml(html(index));
    doc.setTextWidth(opt.rect.width() > 0 ? opt.rect.width() : 400);
    return QSize(int(doc.idealWidth()), int(doc.size().height()));
}

} // namespace pc::ui
