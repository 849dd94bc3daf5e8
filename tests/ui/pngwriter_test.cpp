// The screenshot's PNG writer: lossless, RGB or RGBA, any source format; failures name the file.
#include "app/pngwriter.h"

#include <QFile>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;

namespace {

// Flat areas, a gradient, antialiased text and lines: what window pictures hold.
QImage windowLike(QImage::Format format, int w, int h) {
    QImage img(w, h, format);
    img.fill(QColor(240, 240, 240));
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient g(0, 0, w, 0);
    g.setColorAt(0, QColor(30, 120, 200));
    g.setColorAt(1, QColor(250, 200, 40, 128));
    p.fillRect(QRect(0, 0, w, h / 3), g);
    p.setPen(QColor(20, 20, 20));
    p.drawText(QRect(5, h / 3, w - 10, h / 3), Qt::AlignLeft | Qt::TextWordWrap,
               QStringLiteral("用水报装时限 ≤ 7 工作日 water connection 12 → 7"));
    p.setPen(QPen(QColor(200, 30, 30, 90), 3));
    p.drawLine(0, h - 1, w - 1, h / 2);
    p.end();
    return img;
}

QImage readBack(const QString& path) {
    QImage back(path, "PNG");
    return back;
}

} // namespace

TEST(PngWriter, RgbImageReadsBackPixelForPixel) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rgb.png"));
    const QImage img = windowLike(QImage::Format_RGB32, 333, 121); // odd sizes: no row padding assumed
    ASSERT_TRUE(writeFastPng(img, path));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    EXPECT_TRUE(bytes.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)));
    EXPECT_EQ(bytes.at(25), 2); // colour type RGB: an opaque window gets no alpha channel
    const QImage back = readBack(path);
    ASSERT_FALSE(back.isNull());
    EXPECT_FALSE(back.hasAlphaChannel());
    EXPECT_EQ(back.convertToFormat(QImage::Format_RGB32), img);
    // Flat colour compresses: far below the 121 kB of raw RGB.
    EXPECT_LT(bytes.size(), 333 * 121 * 3 / 2);
}

TEST(PngWriter, TranslucentImageKeepsItsAlphaUnpremultiplied) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rgba.png"));
    QImage img = windowLike(QImage::Format_ARGB32_Premultiplied, 64, 48);
    img.setPixelColor(0, 0, QColor(255, 0, 0, 0));
    img.setPixelColor(1, 0, QColor(10, 200, 30, 77));
    ASSERT_TRUE(writeFastPng(img, path));
    const QImage back = readBack(path);
    ASSERT_TRUE(back.hasAlphaChannel());
    EXPECT_EQ(back.convertToFormat(QImage::Format_ARGB32), img.convertToFormat(QImage::Format_ARGB32));
    EXPECT_EQ(back.pixelColor(1, 0).alpha(), 77);
}

TEST(PngWriter, OtherFormatsAreConverted) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gray.png"));
    const QImage gray = windowLike(QImage::Format_RGB32, 50, 20).convertToFormat(QImage::Format_Grayscale8);
    ASSERT_TRUE(writeFastPng(gray, path));
    EXPECT_EQ(readBack(path).convertToFormat(QImage::Format_RGB32),
              gray.convertToFormat(QImage::Format_RGB32));
}

TEST(PngWriter, FailureNamesTheFileAndLeavesNoFile) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/dir/x.png"));
    const Status st = writeFastPng(windowLike(QImage::Format_RGB32, 8, 8), path);
    ASSERT_FALSE(st);
    EXPECT_TRUE(st.errorMessage().contains(path));
    EXPECT_FALSE(QFile::exists(path));
    const Status empty = writeFastPng(QImage(), dir.filePath(QStringLiteral("e.png")));
    ASSERT_FALSE(empty);
    EXPECT_TRUE(empty.errorMessage().contains(QStringLiteral("e.png")));
}
