// Bringing a view up to date only when someone looks at it.
#pragma once

#include <QObject>

#include <functional>

class QLineEdit;
class QWidget;

namespace pc::ui {

// A view whose data changed (a reload, another indicator, the first start's import) is brought up to
// date at once when it is on screen, else when it is next shown or read: the views behind the other
// tabs cost nothing at start-up and nothing per change while hidden. Views call request() where they
// used to reload, and ensure() before anything outside reads their widgets or models.
class LazyReload : public QObject {
public:
    // `update` brings the view up to date; it runs on the view's Show event, from ensure(), or at
    // once from request() when the view is visible.
    LazyReload(QWidget* view, std::function<void()> update);

    void request();                         // the view is out of date
    void ensure();                          // out of date: update now (re-entrant calls do nothing)
    void markCurrent() { m_stale = false; } // brought up to date some other way (a direct reload)
    bool stale() const { return m_stale; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_view;
    std::function<void()> m_update;
    bool m_stale = false;
};

// QLineEdit::setClearButtonEnabled(true), done when the box first holds text (the button shows only
// then): the style's clear icon is read from PNG files through QImageReader, which loads every image
// format plugin — 1.3 % of a start, for a button nobody sees on an empty box.
void enableClearButtonWhenFilled(QLineEdit* edit);

} // namespace pc::ui
