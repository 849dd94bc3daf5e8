// Application icon and desktop identity.
#include "appidentity.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace pc::ui {

QString desktopFileName() {
    return QStringLiteral("io.github.plancompare.PlanCompare");
}

QIcon applicationIcon() {
    QSvgRenderer svg(QStringLiteral(":/icons/plancompare.svg"));
    if (!svg.isValid())
        return {};
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

void applyApplicationIdentity() {
    QGuiApplication::setDesktopFileName(desktopFileName());
    QGuiApplication::setWindowIcon(applicationIcon());
}

} // namespace pc::ui
