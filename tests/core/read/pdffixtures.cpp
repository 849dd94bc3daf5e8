// Typesetting of the test PDFs (see pdffixtures.h). Coordinates are points: the writer runs at 72 dpi.
#include "pdffixtures.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>

namespace pc::test::pdf {
namespace {

constexpr double kLeft = 60, kWidth = 475, kTop = 72, kBottom = 770;

QFont cjkFont(double size) {
    QFont f(QStringLiteral("Noto Sans CJK SC"));
    f.setPointSizeF(size);
    return f;
}

class Writer {
public:
    Writer()
        : m_buffer(&m_bytes) {
        m_buffer.open(QIODevice::WriteOnly);
        m_writer = std::make_unique<QPdfWriter>(&m_buffer);
        m_writer->setResolution(72);
        m_writer->setPageSize(QPageSize(QPageSize::A4));
        m_writer->setPageMargins(QMarginsF(0, 0, 0, 0));
        m_writer->setCreator(QStringLiteral("PlanCompare tests"));
        m_painter = std::make_unique<QPainter>(m_writer.get());
    }
    QPainter& painter() { return *m_painter; }
    QPdfWriter& device() { return *m_writer; }
    void newPage() { m_writer->newPage(); }
    QByteArray finish() {
        m_painter->end();
        m_buffer.close();
        return m_bytes;
    }

private:
    QByteArray m_bytes;
    QBuffer m_buffer;
    std::unique_ptr<QPdfWriter> m_writer;
    std::unique_ptr<QPainter> m_painter;
};

// Lays a paragraph out in `width`; returns the lines' texts and heights.
struct Laid {
    QStringList texts;
    QList<double> heights;
    std::unique_ptr<QTextLayout> layout;
};

Laid layOut(const QString& text, const QFont& font, QPaintDevice* device, double width, double indent) {
    Laid l;
    l.layout = std::make_unique<QTextLayout>(text, font, device);
    l.layout->beginLayout();
    double y = 0;
    for (bool first = true;; first = false) {
        QTextLine line = l.layout->createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width - (first ? indent : 0));
        line.setPosition(QPointF(first ? indent : 0, y));
        y += line.height();
        l.texts << text.mid(line.textStart(), line.textLength());
        l.heights << line.height();
    }
    l.layout->endLayout();
    return l;
}

} // namespace

TypesetPdf typeset(const QStringList& paragraphs, const TypesetOptions& options) {
    Writer w;
    QPainter& p = w.painter();
    const QFont font = cjkFont(options.fontSize);
    const QFont small = cjkFont(9);
    std::vector<Laid> laid;
    for (const QString& para : paragraphs)
        laid.push_back(layOut(para, font, &w.device(), kWidth, options.indent ? 2 * options.fontSize : 0));
    // Paginate first: the page numbers need the page count.
    struct Placed {
        QTextLine line;
        QString text;
        int page;
        double y;
    };
    QList<Placed> placed;
    int page = 1;
    double y = kTop;
    for (const Laid& l : laid) {
        for (int i = 0; i < l.layout->lineCount(); ++i) {
            if (y + l.heights[i] > kBottom) {
                ++page;
                y = kTop;
            }
            placed.append({l.layout->lineAt(i), l.texts[i], page, y});
            y += l.heights[i];
        }
    }
    TypesetPdf out;
    for (int n = 1; n <= page; ++n) {
        if (n > 1)
            w.newPage();
        out.pages << QString();
        p.setFont(small);
        if (!options.header.isEmpty())
            p.drawText(QRectF(kLeft, 30, kWidth, 16), Qt::AlignHCenter, options.header);
        if (options.numbers != PageNumbers::None) {
            const QString label = options.numbers == PageNumbers::Dashes
                                      ? QStringLiteral("- %1 -").arg(n)
                                      : QStringLiteral("第 %1 页 共 %2 页").arg(n).arg(page);
            p.drawText(QRectF(kLeft, 800, kWidth, 16), Qt::AlignHCenter, label);
        }
        p.setFont(font);
        for (const Placed& pl : std::as_const(placed)) {
            if (pl.page != n)
                continue;
            pl.line.draw(&p, QPointF(kLeft, pl.y - pl.line.y()));
            out.pages.last() += pl.text;
        }
    }
    out.bytes = w.finish();
    return out;
}

QByteArray twoColumnPage(const QString& title, const QStringList& left, const QStringList& right,
                         const QString& closing) {
    Writer w;
    QPainter& p = w.painter();
    const QFont font = cjkFont(10.5);
    p.setFont(cjkFont(14));
    p.drawText(QRectF(kLeft, kTop, kWidth, 24), Qt::AlignHCenter, title);
    p.setFont(font);
    const double gutter = 24, colWidth = (kWidth - gutter) / 2;
    double bottom = 0;
    for (int c = 0; c < 2; ++c) {
        double y = kTop + 40;
        for (const QString& para : c == 0 ? left : right) {
            const Laid l = layOut(para, font, &w.device(), colWidth, 21);
            l.layout->draw(&p, QPointF(kLeft + c * (colWidth + gutter), y));
            for (double h : l.heights)
                y += h;
        }
        bottom = std::max(bottom, y);
    }
    const Laid l = layOut(closing, font, &w.device(), kWidth, 21);
    l.layout->draw(&p, QPointF(kLeft, bottom + 20));
    return w.finish();
}

QByteArray tablePdf(const QString& before, const QList<QStringList>& rows, const QList<double>& columnWidths,
                    const QString& after, bool splitRows) {
    Writer w;
    QPainter& p = w.painter();
    const QFont font = cjkFont(10.5);
    p.setFont(font);
    const double pad = 5;
    double y = kTop;
    auto paragraph = [&](const QString& text) {
        const Laid l = layOut(text, font, &w.device(), kWidth, 21);
        l.layout->draw(&p, QPointF(kLeft, y));
        for (double h : l.heights)
            y += h;
        y += 8;
    };
    paragraph(before);
    for (const QStringList& row : rows) {
        std::vector<Laid> cells;
        double height = 0;
        for (qsizetype c = 0; c < columnWidths.size(); ++c) {
            cells.push_back(layOut(row.value(c), font, &w.device(), columnWidths[c] - 2 * pad, 0));
            double h = 0;
            for (double lh : cells.back().heights)
                h += lh;
            height = std::max(height, h);
        }
        // Draws lines [from[c], …) of every cell that fit below y within `room`; returns the part's height.
        std::vector<int> from(cells.size(), 0);
        auto part = [&](double room) {
            double used = 0;
            std::vector<int> to(cells.size());
            for (size_t c = 0; c < cells.size(); ++c) {
                double h = 0;
                int k = from[c];
                for (; k < cells[c].layout->lineCount() && h + cells[c].heights[k] <= room; ++k)
                    h += cells[c].heights[k];
                to[c] = k;
                used = std::max(used, h);
            }
            double x = kLeft;
            for (size_t c = 0; c < cells.size(); ++c) {
                p.drawRect(QRectF(x, y, columnWidths[c], used + 2 * pad));
                double ly = y + pad;
                for (int k = from[c]; k < to[c]; ++k) {
                    const QTextLine line = cells[c].layout->lineAt(k);
                    line.draw(&p, QPointF(x + pad, ly - line.y()));
                    ly += cells[c].heights[k];
                }
                from[c] = to[c];
                x += columnWidths[c];
            }
            y += used + 2 * pad;
        };
        if (y + height + 2 * pad > kBottom) {
            // Word and WPS break a long row across the page; otherwise the row moves to the next page.
            if (splitRows && kBottom - y > 4 * pad + 40)
                part(kBottom - y - 2 * pad);
            w.newPage();
            y = kTop;
        }
        part(1e9);
    }
    y += 12;
    paragraph(after);
    return w.finish();
}

QImage scannedPage(const QStringList& paragraphs, int dpi, double fontSize) {
    const double scale = dpi / 72.0;
    QImage img(int(595 * scale), int(842 * scale), QImage::Format_Grayscale8);
    img.fill(Qt::white);
    // Lay out in points (the image claims 72 dpi) and scale the painter to the scan resolution.
    img.setDotsPerMeterX(int(72 / 0.0254 + 0.5));
    img.setDotsPerMeterY(int(72 / 0.0254 + 0.5));
    QPainter p(&img);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.scale(scale, scale);
    p.setPen(Qt::black);
    const QFont font = cjkFont(fontSize);
    p.setFont(font);
    double y = kTop;
    for (const QString& para : paragraphs) {
        const Laid l = layOut(para, font, &img, kWidth, 2 * fontSize);
        l.layout->draw(&p, QPointF(kLeft, y));
        for (double h : l.heights)
            y += h;
        y += fontSize * 0.5;
    }
    p.end();
    return img;
}

QByteArray imagePdf(const QList<QImage>& pages) {
    Writer w;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (i > 0)
            w.newPage();
        w.painter().drawImage(QRectF(0, 0, 595, 842), pages[i]);
    }
    return w.finish();
}

QByteArray blankPdf(int pages) {
    Writer w;
    for (int i = 1; i < pages; ++i)
        w.newPage();
    return w.finish();
}

} // namespace pc::test::pdf
