// Build-time tool: renders the SVG application icon to square PNGs (hicolor sizes) with QtSvg,
// so the package needs no rsvg/inkscape and the PNGs always match the SVG.
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

#include <cstdio>

int main(int argc, char** argv) {
    // Runs during the build, where there may be no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QGuiApplication::arguments();
    if (args.size() < 4 || (args.size() - 2) % 2 != 0) {
        err << "usage: plancompare-rendericon ICON.svg SIZE OUT.png [SIZE OUT.png ...]\n";
        return 2;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        err << "plancompare-rendericon: " << args.at(1) << " is not a readable SVG file\n";
        return 1;
    }
    for (qsizetype i = 2; i + 1 < args.size(); i += 2) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size <= 0 || size > 4096) {
            err << "plancompare-rendericon: bad size '" << args.at(i) << "'\n";
            return 2;
        }
        QImage img(size, size, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::transparent);
        {
            QPainter p(&img);
            p.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
            svg.render(&p, QRectF(0, 0, size, size));
        }
        if (!img.save(args.at(i + 1), "PNG")) {
            err << "plancompare-rendericon: cannot write " << args.at(i + 1) << "\n";
            return 1;
        }
    }
    return 0;
}
