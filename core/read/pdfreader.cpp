// The PDF reader: Poppler (poppler-cpp, no GUI library) for the text layer and page images, Tesseract
// for pages without usable text, pdflayout for reading order, tables and paragraphs.
#include "pdfreader.h"

#include "ocr.h"
#include "pdflayout.h"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace pc::read {
namespace {

using pdf::PageWords;
using pdf::Word;

void silentPoppler(const std::string&, void*) {}

// Poppler's error output goes to stderr unless redirected; damaged files are reported by us instead.
void silencePoppler() {
    static const bool once = [] {
        poppler::set_debug_error_function(silentPoppler, nullptr);
        return true;
    }();
    (void)once;
}

QString fromUstring(const poppler::ustring& s) {
    const std::vector<char> utf8 = s.to_utf8();
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

// Letters and digits: what makes a text layer worth reading rather than OCR'ing.
int usableCharacters(const QList<Word>& words) {
    int n = 0;
    for (const Word& w : words) {
        for (QChar c : w.text)
            n += c.isLetterOrNumber();
    }
    return n;
}

bool pageIsBlank(const poppler::page& page) {
    poppler::page_renderer r;
    r.set_image_format(poppler::image::format_gray8);
    const poppler::image img = r.render_page(&page, 18, 18);
    if (!img.is_valid())
        return true;
    for (int y = 0; y < img.height(); ++y) {
        const auto* row =
            reinterpret_cast<const unsigned char*>(img.const_data()) + qsizetype(y) * img.bytes_per_row();
        for (int x = 0; x < img.width(); ++x) {
            if (row[x] < 200)
                return false;
        }
    }
    return true;
}

Error fail(const QString& path, const QString& what, const char* code) {
    return Error{path + QStringLiteral(": ") + what, QString::fromLatin1(code)};
}

} // namespace

Result<ReadResult> readPdf(const QByteArray& bytes, const QString& path, const ReadOptions& options) {
    silencePoppler();
    if (bytes.size() > options.maxInputBytes || bytes.size() > std::numeric_limits<int>::max()) {
        return fail(path,
                    QStringLiteral("the PDF is %1 MB, more than the %2 MB limit")
                        .arg(double(bytes.size()) / 1048576.0, 0, 'f', 1)
                        .arg(double(options.maxInputBytes) / 1048576.0, 0, 'f', 0),
                    "too-large");
    }
    const qsizetype header = bytes.left(1024).indexOf("%PDF-");
    if (header < 0)
        return fail(path, QStringLiteral("not a PDF file (no %PDF- header)"), "pdf-damaged");
    if (!bytes.right(16384).contains("%%EOF")) {
        return fail(
            path, QStringLiteral("the PDF is truncated or damaged (no %%EOF end marker); download it again"),
            "pdf-damaged");
    }
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.constData(), int(bytes.size())));
    if (!doc)
        return fail(path, QStringLiteral("the PDF is damaged and cannot be read; download it again"),
                    "pdf-damaged");
    if (doc->is_locked()) {
        return fail(
            path,
            QStringLiteral("the PDF is encrypted with a password; open it with the password and save an "
                           "unprotected copy"),
            "pdf-encrypted");
    }
    const int pageCount = doc->pages();
    if (pageCount <= 0)
        return fail(path, QStringLiteral("the PDF has no pages"), "pdf-damaged");

    ReadResult result;
    result.format = Format::Pdf;
    result.pageCount = pageCount;
    QList<PageWords> pages;
    pages.reserve(pageCount);
    std::shared_ptr<pdf::OcrEngine> ocr;
    Error ocrError;
    QList<std::pair<int, QString>> unreadPages; // no usable text and no OCR: page, why
    QList<float> pageConfidence;                // OCR pages: mean word confidence
    int textPages = 0;
    for (int i = 0; i < pageCount; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page)
            return fail(path, QStringLiteral("page %1 of %2 is damaged").arg(i + 1).arg(pageCount),
                        "pdf-damaged");
        const poppler::rectf rect = page->page_rect();
        PageWords pw;
        pw.number = i + 1;
        pw.rect = QRectF(0, 0, rect.width(), rect.height());
        for (const poppler::text_box& box : page->text_list(poppler::page::text_list_include_font)) {
            Word w;
            w.text = pdf::cleanText(fromUstring(box.text()));
            const poppler::rectf b = box.bbox();
            w.box = QRectF(b.x(), b.y(), b.width(), b.height());
            w.spaceAfter = box.has_space_after();
            w.fontSize = box.get_font_size();
            if (!w.text.isEmpty())
                pw.words.append(w);
        }
        // PDF pages are at most 200 inches a side; larger boxes come from damaged files and are not rendered.
        const bool renderable =
            rect.width() > 0 && rect.height() > 0 && rect.width() <= 14400 && rect.height() <= 14400;
        if (usableCharacters(pw.words) >= 5) {
            ++textPages;
        } else if (!renderable) {
            unreadPages.append({i + 1, QStringLiteral("its page box is too large to render")});
        } else if (!pageIsBlank(*page)) {
            if (options.allowOcr && !ocr && ocrError.code.isEmpty()) {
                Result<std::shared_ptr<pdf::OcrEngine>> opened = pdf::OcrEngine::open(options.tessdataDir);
                if (opened)
                    ocr = opened.value();
                else
                    ocrError = opened.error();
            }
            if (ocr) {
                const double maxPixels = 80e6;
                const double area = std::max(1.0, double(rect.width()) * double(rect.height()));
                const double dpi = std::clamp(
                    std::min(double(options.ocrDpi), 72.0 * std::sqrt(maxPixels / area)), 36.0, 600.0);
                poppler::page_renderer renderer;
                renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
                renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
                renderer.set_image_format(poppler::image::format_gray8);
                const poppler::image img = renderer.render_page(page.get(), dpi, dpi);
                if (img.is_valid()) {
                    pw.words = ocr->recognize(reinterpret_cast<const unsigned char*>(img.const_data()),
                                              img.width(), img.height(), img.bytes_per_row(), dpi);
                    pw.ocr = true;
                    ++result.ocrPages;
                    double sum = 0;
                    for (const Word& w : std::as_const(pw.words))
                        sum += w.confidence;
                    pageConfidence.append(pw.words.isEmpty() ? 0.0f : float(sum / double(pw.words.size())));
                } else {
                    unreadPages.append({i + 1, QStringLiteral("it could not be rendered for OCR")});
                }
            } else {
                unreadPages.append(
                    {i + 1, options.allowOcr ? ocrError.message : QStringLiteral("OCR is turned off")});
            }
        }
        pages.append(pw);
        if (options.progress && !options.progress(i + 1, pageCount))
            return fail(path, QStringLiteral("reading cancelled at page %1 of %2").arg(i + 1).arg(pageCount),
                        "cancelled");
    }

    int ocrWords = 0;
    for (const PageWords& p : std::as_const(pages))
        ocrWords += p.ocr ? int(p.words.size()) : 0;
    if (textPages == 0 && ocrWords == 0) {
        if (!unreadPages.isEmpty() && !options.allowOcr)
            return fail(path, QStringLiteral("the PDF has no text layer (a scan?) and OCR is turned off"),
                        "pdf-no-text");
        if (!unreadPages.isEmpty() && !ocrError.code.isEmpty())
            return fail(path,
                        QStringLiteral("the PDF has no text layer (a scan?) and cannot be OCR'd: %1")
                            .arg(ocrError.message),
                        "ocr-unavailable");
        return fail(path, QStringLiteral("the PDF contains no text, not even by OCR"), "pdf-no-text");
    }

    const pdf::LayoutStats stats = pdf::layoutPages(pages, result);
    auto pageSpan = [&](int number) {
        const qsizetype start = result.pageStarts.value(number - 1, result.text.size());
        const qsizetype end =
            number < result.pageStarts.size() ? result.pageStarts[number] : result.text.size();
        return Span{start, std::max(start, end)};
    };
    int ocrIndex = 0;
    for (const PageWords& p : std::as_const(pages)) {
        if (!p.ocr)
            continue;
        const float c = pageConfidence.value(ocrIndex++);
        const bool low = c < 0.75f;
        result.issues.append({low ? Issue::Severity::Warning : Issue::Severity::Info,
                              low ? QStringLiteral("pdf-ocr-low-confidence") : QStringLiteral("pdf-ocr-page"),
                              QStringLiteral("%1: page %2 has no text layer and was read by OCR (mean word "
                                             "confidence %3%); check its numbers against the page")
                                  .arg(path)
                                  .arg(p.number)
                                  .arg(qRound(c * 100)),
                              pageSpan(p.number)});
    }
    for (const auto& [number, why] : std::as_const(unreadPages)) {
        result.issues.append({Issue::Severity::Warning, QStringLiteral("pdf-page-unread"),
                              QStringLiteral("%1: page %2 has no text layer and was skipped: %3")
                                  .arg(path)
                                  .arg(number)
                                  .arg(why),
                              pageSpan(number)});
    }
    if (stats.runningLinesRemoved > 0) {
        QStringList quoted;
        for (const QString& e : stats.runningExamples)
            quoted << QStringLiteral("“%1”").arg(e);
        result.issues.append(
            {Issue::Severity::Info, QStringLiteral("pdf-running-text"),
             QStringLiteral("%1: removed %2 running header, footer and page-number lines (%3)")
                 .arg(path)
                 .arg(stats.runningLinesRemoved)
                 .arg(quoted.join(QStringLiteral(", "))),
             Span{}});
    }
    if (stats.tables > 0) {
        result.issues.append({Issue::Severity::Info, QStringLiteral("pdf-tables"),
                              QStringLiteral("%1: %2 table rows rebuilt from the layout of %3 tables (%4 "
                                             "rows broken over a page break joined)")
                                  .arg(path)
                                  .arg(stats.tableRows)
                                  .arg(stats.tables)
                                  .arg(stats.joinedRows),
                              Span{}});
    }
    return result;
}

} // namespace pc::read
