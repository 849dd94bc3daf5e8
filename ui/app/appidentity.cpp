// Application icon and desktop identity.
#include "appidentity.h"

#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

#include <algorithm>
#include <utility>

namespace pc::ui {

QString desktopFileName() {
    return QStringLiteral("io.github.plancompare.PlanCompare");
}

namespace {

// The icon's pixmaps are drawn from the SVG when a size is first asked for (a window manager asks
// for one or two), not all seven at start-up: that cost 1.5 % of a first start, twice.
class SvgIconEngine : public QIconEngine {
public:
    explicit SvgIconEngine(QString path)
        : m_path(std::move(path)) {}

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override {
        painter->drawPixmap(rect, pixmap(rect.size(), mode, state));
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode, QIcon::State) override {
        const int side = std::min(size.width(), size.height());
        if (side <= 0)
            return {};
        if (const auto it = m_cache.constFind(side); it != m_cache.cend())
            return *it;
        QPixmap pm(side, side);
        pm.fill(Qt::transparent);
        QSvgRenderer svg(m_path);
        if (svg.isValid()) {
            QPainter painter(&pm);
            painter.setRenderHint(QPainter::Antialiasing);
            svg.render(&painter);
        }
        m_cache.insert(side, pm);
        return pm;
    }
    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override {
        const int side = std::min(size.width(), size.height());
        return {side, side};
    }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override {
        QList<QSize> sizes;
        for (const int side : {16, 24, 32, 48, 64, 128, 256})
            sizes << QSize(side, side);
        return sizes;
    }
    QIconEngine* clone() const override { return new SvgIconEngine(*this); }
    QString key() const override { return QStringLiteral("plancompare-svg"); }

private:
    QString m_path;
    QHash<int, QPixmap> m_cache;
};

} // namespace

QIcon applicationIcon() {
    static const QString path = QStringLiteral(":/icons/plancompare.svg");
    if (!QFile::exists(path))
        return {};
    return QIcon(new SvgIconEngine(path));
}

void applyApplicationIdentity() {
    QGuiApplication::setDesktopFileName(desktopFileName());
    QGuiApplication::setWindowIcon(applicationIcon());
}

} // namespace pc::ui
