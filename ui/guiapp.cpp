// Start-up of the desktop application.
#include "guiapp.h"

#include "common/datapaths.h"
#include "common/manifest.h"
#include "mainwindow.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QTextStream>

namespace pc::ui {

void applyChineseFont()
{
    QFont f = QApplication::font();
    f.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC"), QStringLiteral("WenQuanYi Micro Hei")});
    QApplication::setFont(f);
}

int runGui(QApplication& app, const GuiOptions& options)
{
    Q_UNUSED(app);
    applyChineseFont();
    QTextStream err(stderr);
    const bool headless = !options.screenshotPath.isEmpty();

    auto fail = [&](const QString& message) {
        err << "plancompare: " << message << "\n";
        if (!headless)
            QMessageBox::critical(nullptr, QStringLiteral("PlanCompare"), message);
        return 1;
    };

    const Result<QString> seeds = findSeedsDir();
    if (!seeds)
        return fail(seeds.errorMessage());
    const Result<Manifest> manifest = readManifest(seeds.value());
    if (!manifest)
        return fail(manifest.errorMessage());
    const Status writable = ensureWritableParent(options.dbPath);
    if (!writable)
        return fail(writable.errorMessage());

    MainWindow window(manifest.value());
    window.resize(1280, 800);
    if (headless) {
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.show();
        QApplication::processEvents();
        const QImage image = window.grab().toImage();
        if (image.isNull() || !image.save(options.screenshotPath, "PNG"))
            return fail(QStringLiteral("cannot write the screenshot %1").arg(options.screenshotPath));
        return 0;
    }
    window.show();
    return QApplication::exec();
}

} // namespace pc::ui
