// Bringing a view up to date only when someone looks at it.
#include "lazyreload.h"

#include <QEvent>
#include <QLineEdit>
#include <QWidget>

namespace pc::ui {

LazyReload::LazyReload(QWidget* view, std::function<void()> update)
    : QObject(view)
    , m_view(view)
    , m_update(std::move(update)) {
    view->installEventFilter(this);
}

void LazyReload::request() {
    m_stale = true;
    if (m_view->isVisible())
        ensure();
}

void LazyReload::ensure() {
    if (!m_stale)
        return;
    m_stale = false; // first: the update may read the view (and so call ensure() again)
    m_update();
}

bool LazyReload::eventFilter(QObject* watched, QEvent* event) {
    // Show arrives before the view's first paint: it paints current data.
    if (watched == m_view && event->type() == QEvent::Show)
        ensure();
    return QObject::eventFilter(watched, event);
}

void enableClearButtonWhenFilled(QLineEdit* edit) {
    if (!edit->text().isEmpty()) {
        edit->setClearButtonEnabled(true);
        return;
    }
    // The box is empty: its first change fills it.
    QObject::connect(
        edit, &QLineEdit::textChanged, edit, [edit] { edit->setClearButtonEnabled(true); },
        Qt::SingleShotConnection);
}

} // namespace pc::ui
