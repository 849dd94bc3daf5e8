// Report building and output; the same document feeds the print preview, the PDF and the CLI.
#include "reportdocument.h"

#include "align/diffusion.h"

#include "chart/chartpainter.h"
#include "export/reporthtml.h"
#include "pdftounicode.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPalette>
#include <QPdfWriter>
#include <QSaveFile>
#include <QScreen>
#include <QTextDocument>
#include <QUrl>

namespace pc::ui {

namespace {

QImage chartImage(const QList<ComparisonRow>& rows, const QString& title, Language language) {
    ChartStyle style;
    style.title = title;
    style.language = language;
    const QSizeF size = defaultChartSize();
    QImage image((size * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    ChartPainter::render(rows, image, size, style);
    return image;
}

QString chartName(const QString& indicatorId) {
    return QStringLiteral("chart-") + indicatorId + QStringLiteral(".png");
}

Status save(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(
            QStringLiteral("%1: cannot write the report (%2)").arg(path, file.errorString()),
            QStringLiteral("write-failed"));
    return okStatus();
}

} // namespace

std::unique_ptr<QTextDocument> ReportDocument::textDocument() const {
    auto doc = std::make_unique<QTextDocument>();
    QFont f(QStringLiteral("Noto Sans CJK SC"));
    f.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC")});
    f.setPointSizeF(10);
    doc->setDefaultFont(f);
    doc->setMetaInformation(QTextDocument::DocumentTitle, title);
    for (auto it = images.cbegin(); it != images.cend(); ++it)
        doc->addResource(QTextDocument::ImageResource, QUrl(it.key()), it.value());
    doc->setHtml(html);
    return doc;
}

QString ReportDocument::standaloneHtml() const {
    QString out = html;
    for (auto it = images.cbegin(); it != images.cend(); ++it) {
        QByteArray png;
        QBuffer buf(&png);
        buf.open(QIODevice::WriteOnly);
        it.value().save(&buf, "PNG");
        out.replace(QStringLiteral("src=\"") + it.key() + QLatin1Char('"'),
                    QStringLiteral("src=\"data:image/png;base64,") + QString::fromLatin1(png.toBase64()) +
                        QLatin1Char('"'));
    }
    return out;
}

void ReportDocument::print(QPagedPaintDevice& device) const {
    std::unique_ptr<QTextDocument> doc = textDocument();
    // Lay the document out on the page's printable area in logical (screen) pixels, so tables and
    // headings use the full width and <img width> means the same on screen, in PDF and on paper;
    // the painter scales logical pixels to the device. The bottom strip of each page holds the
    // footer: the report's title and "page n of N", so a printed stack can be put back in order.
    const QScreen* screen = QGuiApplication::primaryScreen();
    const qreal dpi = screen ? screen->logicalDotsPerInch() : 96.0;
    const QSizeF page = device.pageLayout().paintRect(QPageLayout::Inch).size() * dpi;
    QFont footerFont = doc->defaultFont();
    footerFont.setPixelSize(qRound(8 * dpi / 72)); // 8 pt in the logical pixels the painter scales
    const qreal footerHeight = QFontMetricsF(footerFont).height() * 2.2;
    const qreal bodyHeight = page.height() - footerHeight;
    doc->setPageSize(QSizeF(page.width(), bodyHeight));
    const int pages = doc->pageCount();

    QPainter painter(&device);
    const qreal scale = device.logicalDpiX() / dpi;
    painter.scale(scale, scale);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            device.newPage();
        painter.save();
        const QRectF clip(0, i * bodyHeight, page.width(), bodyHeight);
        painter.translate(0, -clip.top());
        painter.setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = clip;
        context.palette.setColor(QPalette::Text, Qt::black);
        doc->documentLayout()->draw(&painter, context);
        painter.restore();

        painter.setFont(footerFont);
        painter.setPen(QColor(0x60, 0x60, 0x60));
        const QRectF footer(0, bodyHeight, page.width(), footerHeight);
        painter.drawLine(footer.topLeft() + QPointF(0, footerHeight * 0.25),
                         footer.topRight() + QPointF(0, footerHeight * 0.25));
        const QRectF line = footer.adjusted(0, footerHeight * 0.35, 0, 0);
        painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, title);
        painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter,
                         (language == Language::English ? QStringLiteral("Page %1 of %2")
                                                        : QStringLiteral("第 %1 / %2 页"))
                             .arg(i + 1)
                             .arg(pages));
    }
}

Status ReportDocument::writePdf(const QString& path) const {
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter pdf(&buffer);
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("PlanCompare"));
        pdf.setResolution(300);
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                      QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter));
        print(pdf);
    }
    repairPdfToUnicode(bytes);
    return save(path, bytes);
}

Status ReportDocument::writeHtml(const QString& path) const {
    return save(path, standaloneHtml().toUtf8());
}

Status ReportDocument::write(const QString& path) const {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return writePdf(path);
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return writeHtml(path);
    return Status::failure(
        QStringLiteral("%1: unsupported report format '%2' (use .pdf or .html)").arg(path, suffix),
        QStringLiteral("bad-format"));
}

ReportBuilder::ReportBuilder(WorkbenchData& data, QString generatedAt, Language language)
    : m_data(data)
    , m_generatedAt(generatedAt.isEmpty()
                        ? QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                        : std::move(generatedAt))
    , m_language(language) {}

namespace {

report::ReportMeta metaOf(WorkbenchData& data, const QString& generatedAt, Language language) {
    QString version = QCoreApplication::applicationVersion();
    if (version.isEmpty())
        version = QStringLiteral(PLANCOMPARE_VERSION);
    return {data.location(), version, generatedAt, language};
}

// Every target note, by target id, read once per report.
Result<QHash<qint64, QStringList>> targetNotes(WorkbenchData& data) {
    Result<QList<Note>> notes = data.notes(NoteOn::Target, 0);
    if (!notes)
        return notes.error();
    QHash<qint64, QStringList> out;
    for (const Note& n : notes.value())
        if (n.subjectId > 0)
            out[n.subjectId] << n.text;
    return out;
}

} // namespace

Result<ReportDocument> ReportBuilder::indicatorReport(const QString& indicatorId) {
    const Indicator* ind = m_data.findIndicator(indicatorId);
    if (!ind)
        return Result<ReportDocument>::failure(QStringLiteral("unknown indicator '%1'").arg(indicatorId),
                                               QStringLiteral("unknown-indicator"));
    Result<QList<ComparisonRow>> rows = m_data.rows(indicatorId);
    if (!rows)
        return rows.error();
    Result<QHash<qint64, QStringList>> notes = targetNotes(m_data);
    if (!notes)
        return notes.error();
    report::IndicatorSection section{
        *ind, m_data.areaName(ind->area, m_language), rows.value(), {}, notes.value()};
    ReportDocument doc;
    doc.language = m_language;
    const QString name = naming::indicatorName(*ind, m_language);
    doc.title = (m_language == Language::English ? QStringLiteral("Indicator report: ")
                                                 : QStringLiteral("指标报告：")) +
                name;
    if (!rows->isEmpty()) {
        section.chartSrc = chartName(ind->id);
        doc.images.insert(section.chartSrc, chartImage(rows.value(), name, m_language));
    }
    doc.html = report::indicatorReportHtml(section, metaOf(m_data, m_generatedAt, m_language));
    return doc;
}

Result<ReportDocument> ReportBuilder::areaReport(const QString& areaId) {
    Area area;
    bool found = false;
    for (const Area& a : m_data.areas())
        if (a.id == areaId) {
            area = a;
            found = true;
        }
    if (!found)
        return Result<ReportDocument>::failure(QStringLiteral("unknown area '%1'").arg(areaId),
                                               QStringLiteral("unknown-area"));
    ReportDocument doc;
    doc.language = m_language;
    const QString areaName = naming::areaName(area, m_language);
    doc.title =
        (m_language == Language::English ? QStringLiteral("Area report: ") : QStringLiteral("领域报告：")) +
        areaName;
    Result<QHash<qint64, QStringList>> notes = targetNotes(m_data);
    if (!notes)
        return notes.error();
    QList<report::IndicatorSection> sections;
    for (const Indicator& ind : m_data.indicators()) {
        if (ind.area != areaId)
            continue;
        Result<QList<ComparisonRow>> rows = m_data.rows(ind.id);
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            continue; // the area report covers what the plans say; silent indicators are left out
        report::IndicatorSection s{ind, areaName, rows.value(), chartName(ind.id), notes.value()};
        doc.images.insert(s.chartSrc,
                          chartImage(rows.value(), naming::indicatorName(ind, m_language), m_language));
        sections << s;
    }
    // Diffusion: each district plan of the set against the plan it implements, with the targets on
    // this area's indicators.
    QList<report::DiffusionEntry> diffusion;
    Result<QList<PlanInfo>> selected = m_data.plans();
    Result<QList<PlanInfo>> all = m_data.allPlans();
    if (selected && all) {
        QHash<QString, Direction> better;
        QHash<QString, QString> names;
        for (const Indicator& i : m_data.indicators()) {
            better.insert(i.id, i.better);
            if (i.area == areaId)
                names.insert(i.id, naming::indicatorName(i, m_language));
        }
        QHash<QString, QString> jurisdictionOf;
        for (const PlanInfo& p : *all)
            jurisdictionOf.insert(p.docId, p.jurisdiction);
        QHash<QString, align::Plan> plans;
        auto planOf = [&](const QString& docId) -> const align::Plan* {
            if (!plans.contains(docId)) {
                Result<align::Plan> p = m_data.alignmentPlan(docId);
                if (!p)
                    return nullptr;
                plans.insert(docId, *p);
            }
            return &plans[docId];
        };
        for (const auto& [docId, againstId] : align::diffusionPairs(*selected, *all)) {
            const align::Plan* plan = planOf(docId);
            const align::Plan* against = planOf(againstId);
            if (!plan || !against)
                continue; // a data source without stored plans: no diffusion section
            const align::Alignment a = align::align(*plan, *against, better);
            report::DiffusionEntry e{jurisdictionOf.value(docId),
                                     docId,
                                     jurisdictionOf.value(againstId),
                                     againstId,
                                     a.summary,
                                     {},
                                     names};
            for (const align::TargetLink& t : a.targets)
                if (names.contains(t.target.indicator))
                    e.targets << t;
            diffusion << e;
        }
    }
    doc.html = report::areaReportHtml(area, sections, metaOf(m_data, m_generatedAt, m_language), diffusion);
    return doc;
}

} // namespace pc::ui
