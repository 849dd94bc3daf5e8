// Tesseract behind a small interface, so the PDF reader builds (and says OCR is unavailable) without it.
#include "ocr.h"

#include <QDir>
#include <QFileInfo>

#ifdef PLANCOMPARE_HAVE_TESSERACT
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>
#endif

namespace pc::read::pdf {

namespace {
const QString kModel = QStringLiteral("chi_sim.traineddata");
const QString kPackage = QStringLiteral("tesseract-ocr-chi-sim");
} // namespace

QString findTessdata(const QString& preferred, QStringList* looked) {
    QStringList candidates;
    if (!preferred.isEmpty()) {
        candidates << preferred;
    } else {
        const QString env = qEnvironmentVariable("TESSDATA_PREFIX");
        if (!env.isEmpty())
            candidates << env << env + QStringLiteral("/tessdata");
        candidates << QStringLiteral("/usr/share/tesseract-ocr/5/tessdata")
                   << QStringLiteral("/usr/share/tesseract-ocr/4.00/tessdata")
                   << QStringLiteral("/usr/share/tessdata") << QStringLiteral("/usr/local/share/tessdata");
    }
    for (const QString& dir : std::as_const(candidates)) {
        if (looked)
            looked->append(dir);
        if (QFileInfo(dir + QLatin1Char('/') + kModel).isFile())
            return QDir(dir).absolutePath();
    }
    return {};
}

#ifdef PLANCOMPARE_HAVE_TESSERACT

struct OcrEngine::Impl {
    tesseract::TessBaseAPI api;
};

OcrEngine::OcrEngine()
    : d(std::make_unique<Impl>()) {}

OcrEngine::~OcrEngine() {
    d->api.End();
}

Result<std::shared_ptr<OcrEngine>> OcrEngine::open(const QString& preferredTessdata) {
    QStringList looked;
    const QString dir = findTessdata(preferredTessdata, &looked);
    if (dir.isEmpty()) {
        return Error{
            QStringLiteral("the Chinese OCR model %1 was not found (looked in %2); install the Debian "
                           "package %3")
                .arg(kModel, looked.join(QStringLiteral(", ")), kPackage),
            QStringLiteral("ocr-unavailable")};
    }
    std::shared_ptr<OcrEngine> engine(new OcrEngine());
    const QByteArray path = QFile::encodeName(dir);
    if (engine->d->api.Init(path.constData(), "chi_sim", tesseract::OEM_LSTM_ONLY) != 0) {
        return Error{QStringLiteral("Tesseract could not load %1 from %2; reinstall the Debian package %3")
                         .arg(kModel, dir, kPackage),
                     QStringLiteral("ocr-unavailable")};
    }
    // A page of prose or a table: let Tesseract find the blocks. Chinese text needs no dictionary pass.
    engine->d->api.SetPageSegMode(tesseract::PSM_AUTO);
    return engine;
}

QList<Word> OcrEngine::recognize(const unsigned char* gray, int width, int height, int bytesPerLine,
                                 double dpi) {
    QList<Word> words;
    tesseract::TessBaseAPI& api = d->api;
    api.SetImage(gray, width, height, 1, bytesPerLine);
    api.SetSourceResolution(int(dpi + 0.5));
    if (api.Recognize(nullptr) != 0) {
        api.Clear();
        return words;
    }
    const double scale = 72.0 / dpi;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    const tesseract::PageIteratorLevel level = tesseract::RIL_WORD;
    // Glyph boxes of CJK characters vary wildly in height (一 is a dash); words take their line's height.
    int lineTop = 0, lineBottom = 0;
    if (it) {
        do {
            if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
                int lx1 = 0, lx2 = 0;
                if (!it->BoundingBox(tesseract::RIL_TEXTLINE, &lx1, &lineTop, &lx2, &lineBottom))
                    lineTop = lineBottom = 0;
            }
            std::unique_ptr<char[]> text(it->GetUTF8Text(level));
            int x1 = 0, y1 = 0, x2 = 0, y2 = 0;
            if (!text || !it->BoundingBox(level, &x1, &y1, &x2, &y2))
                continue;
            Word w;
            w.text = cleanText(QString::fromUtf8(text.get()).trimmed());
            if (w.text.isEmpty())
                continue;
            if (lineBottom > lineTop) {
                y1 = std::min(y1, lineTop);
                y2 = std::max(y2, lineBottom);
            }
            w.box = QRectF(x1 * scale, y1 * scale, (x2 - x1) * scale, (y2 - y1) * scale);
            w.fontSize = (y2 - y1) * scale * 0.85;
            w.confidence = std::clamp(it->Confidence(level) / 100.0f, 0.0f, 1.0f);
            words.append(w);
        } while (it->Next(level));
    }
    api.Clear();
    return words;
}

#else

struct OcrEngine::Impl {};

OcrEngine::OcrEngine() = default;
OcrEngine::~OcrEngine() = default;

Result<std::shared_ptr<OcrEngine>> OcrEngine::open(const QString&) {
    return Error{QStringLiteral("this build of PlanCompare has no OCR; install libtesseract-dev and %1 and "
                                "rebuild")
                     .arg(kPackage),
                 QStringLiteral("ocr-unavailable")};
}

QList<Word> OcrEngine::recognize(const unsigned char*, int, int, int, double) {
    return {};
}

#endif

} // namespace pc::read::pdf
