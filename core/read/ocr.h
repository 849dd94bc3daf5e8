// OCR of a rendered page through Tesseract (chi_sim): words with boxes and confidences.
#pragma once

#include "common/result.h"
#include "read/pdflayout.h"

#include <QStringList>

#include <memory>

namespace pc::read::pdf {

// The tessdata folder holding chi_sim.traineddata: `preferred` if given, else $TESSDATA_PREFIX (the
// folder itself or its tessdata/), then the Debian and /usr/local locations. Empty if none; `looked`
// receives the folders tried.
QString findTessdata(const QString& preferred, QStringList* looked = nullptr);

class OcrEngine {
public:
    // Errors: "ocr-unavailable" (built without Tesseract, model missing or not loadable).
    static Result<std::shared_ptr<OcrEngine>> open(const QString& preferredTessdata);
    ~OcrEngine();
    OcrEngine(const OcrEngine&) = delete;
    OcrEngine& operator=(const OcrEngine&) = delete;

    // Recognises an 8-bit grayscale image rendered at `dpi`; word boxes come back in points.
    QList<Word> recognize(const unsigned char* gray, int width, int height, int bytesPerLine, double dpi);

private:
    OcrEngine();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace pc::read::pdf
