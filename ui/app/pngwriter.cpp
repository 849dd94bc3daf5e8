// A fast PNG writer for screenshots.
#include "pngwriter.h"

#include <QImage>
#include <QSaveFile>

#include <zlib.h>

#include <vector>

namespace pc::ui {

namespace {

void appendBigEndian(QByteArray& out, quint32 v) {
    const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(bytes, 4);
}

// A chunk: length, type, data, CRC-32 of type and data.
void appendChunk(QByteArray& out, const char (&type)[5], const QByteArray& data) {
    appendBigEndian(out, quint32(data.size()));
    const qsizetype typeAt = out.size();
    out.append(type, 4);
    out.append(data);
    const uLong crc =
        crc32(0L, reinterpret_cast<const Bytef*>(out.constData() + typeAt), uInt(4 + data.size()));
    appendBigEndian(out, quint32(crc));
}

} // namespace

Status writeFastPng(const QImage& image, const QString& path) {
    if (image.isNull())
        return Status::failure(QStringLiteral("cannot write %1: the image is empty").arg(path));
    const bool alpha = image.hasAlphaChannel();
    // One 32-bit word per pixel, 0xAARRGGBB, not premultiplied; a window grab already is (RGB32).
    const QImage::Format wordFormat = alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32;
    const QImage img = image.format() == wordFormat ? image : image.convertToFormat(wordFormat);
    const int width = img.width();
    const int height = img.height();
    const int channels = alpha ? 4 : 3;
    const size_t rowBytes = size_t(width) * size_t(channels) + 1; // filter byte 0 (none), then the pixels

    z_stream zs{};
    if (deflateInit2(&zs, 1, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return Status::failure(QStringLiteral("cannot write %1: zlib failed to start").arg(path));
    QByteArray idat(qsizetype(deflateBound(&zs, uLong(rowBytes * size_t(height)))), Qt::Uninitialized);
    zs.next_out = reinterpret_cast<Bytef*>(idat.data());
    zs.avail_out = uInt(idat.size());
    std::vector<unsigned char> row(rowBytes);
    bool ok = true;
    for (int y = 0; y < height && ok; ++y) {
        const auto* px = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        unsigned char* o = row.data();
        *o++ = 0;
        for (int x = 0; x < width; ++x) {
            const QRgb p = px[x];
            *o++ = uchar(qRed(p));
            *o++ = uchar(qGreen(p));
            *o++ = uchar(qBlue(p));
            if (alpha)
                *o++ = uchar(qAlpha(p));
        }
        zs.next_in = row.data();
        zs.avail_in = uInt(rowBytes);
        ok = deflate(&zs, y + 1 == height ? Z_FINISH : Z_NO_FLUSH) == (y + 1 == height ? Z_STREAM_END : Z_OK);
    }
    idat.truncate(qsizetype(zs.total_out));
    deflateEnd(&zs);
    if (!ok)
        return Status::failure(QStringLiteral("cannot write %1: compression failed").arg(path));

    QByteArray header;
    appendBigEndian(header, quint32(width));
    appendBigEndian(header, quint32(height));
    header.append(char(8));             // bits per channel
    header.append(char(alpha ? 6 : 2)); // colour type: RGBA or RGB
    header.append(3, char(0));          // deflate, adaptive filtering method, no interlace
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(png, "IHDR", header);
    appendChunk(png, "IDAT", idat);
    appendChunk(png, "IEND", QByteArray());

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(png) != png.size() || !file.commit())
        return Status::failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return okStatus();
}

} // namespace pc::ui
