// Loading the PDF reader module on first use (see pdfmodule.h).
#include "pdfmodule.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

#include <dlfcn.h>

namespace pc::read {

namespace {

constexpr auto kModuleName = "libplancompare_pdf.so";

QString programDir() {
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    return QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
}

struct Loaded {
    PlancomparePdfReadFn read = nullptr;
    QString error; // why it could not be used
};

// One dlopen per module file for the whole process (the module stays loaded).
Loaded load(const QString& file) {
    static QMutex mutex;
    static QHash<QString, Loaded> cache;
    const QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(file); it != cache.cend())
        return *it;
    Loaded l;
    void* handle = dlopen(QFile::encodeName(file).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        l.error = QString::fromLocal8Bit(dlerror());
    } else {
        const auto abi = reinterpret_cast<PlancomparePdfAbiFn>(dlsym(handle, "plancompare_pdf_module_abi"));
        const auto read = reinterpret_cast<PlancomparePdfReadFn>(dlsym(handle, "plancompare_read_pdf"));
        if (!abi || !read)
            l.error = QStringLiteral("it has no PlanCompare PDF reader entry points");
        else if (abi() != PLANCOMPARE_PDF_MODULE_ABI * 1000000 + QT_VERSION)
            l.error = QStringLiteral("it is from another PlanCompare or Qt version");
        else
            l.read = read;
    }
    cache.insert(file, l);
    return l;
}

} // namespace

QStringList pdfModuleCandidates() {
    QStringList out;
    const QString env = qEnvironmentVariable("PLANCOMPARE_PDF_MODULE");
    if (!env.isEmpty())
        out << env;
    else
        out << QDir::cleanPath(programDir() + QLatin1Char('/') +
                               QStringLiteral(PLANCOMPARE_PDF_MODULE_SUBDIR) + QLatin1Char('/') +
                               QLatin1String(kModuleName));
    return out;
}

Result<ReadResult> readPdfThroughModule(const QByteArray& bytes, const QString& path,
                                        const ReadOptions& options) {
    const QStringList candidates = pdfModuleCandidates();
    for (const QString& file : candidates) {
        if (!QFileInfo::exists(file))
            continue;
        const Loaded l = load(file);
        if (!l.read)
            return Error{QStringLiteral("%1: a PDF, but the PDF reader module %2 cannot be used (%3)")
                             .arg(path, file, l.error),
                         QStringLiteral("pdf-module-invalid")};
        Result<ReadResult> out =
            Error{path + QStringLiteral(": the PDF reader returned nothing"), QStringLiteral("pdf-damaged")};
        l.read(&bytes, &path, &options, &out);
        return out;
    }
    return Error{QStringLiteral("%1: a PDF, but the PDF reader module (%2) is not installed; looked for %3")
                     .arg(path, QLatin1String(kModuleName), candidates.join(QStringLiteral(", "))),
                 QStringLiteral("pdf-module-missing")};
}

} // namespace pc::read
