// libzip over a memory buffer; every member read is bounded by the expansion budget.
#include "zipfile.h"

#include <zip.h>

namespace pc::read {

struct ZipArchive::Handle {
    zip_t* zip = nullptr;
    ~Handle() {
        if (zip)
            zip_discard(zip);
    }
};

namespace {

zip_t* openBuffer(const QByteArray& bytes, int* errorCode) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &error);
    if (!src) {
        *errorCode = zip_error_code_zip(&error);
        zip_error_fini(&error);
        return nullptr;
    }
    zip_t* zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!zip) {
        // ZIP_CHECKCONS refuses archives many tools still read; try once more without it.
        zip_error_fini(&error);
        zip_error_init(&error);
        zip = zip_open_from_source(src, ZIP_RDONLY, &error);
    }
    if (!zip) {
        *errorCode = zip_error_code_zip(&error);
        zip_source_free(src);
    }
    zip_error_fini(&error);
    return zip;
}

QString libzipMessage(int code) {
    zip_error_t e;
    zip_error_init_with_code(&e, code);
    const QString s = QString::fromUtf8(zip_error_strerror(&e));
    zip_error_fini(&e);
    return s;
}

} // namespace

QStringList zipMemberNames(const QByteArray& bytes) {
    int code = 0;
    const QByteArray keep = bytes;
    zip_t* zip = openBuffer(keep, &code);
    if (!zip)
        return {};
    QStringList names;
    const zip_int64_t n = zip_get_num_entries(zip, 0);
    for (zip_int64_t i = 0; i < n && i < 100000; ++i) {
        if (const char* name = zip_get_name(zip, zip_uint64_t(i), ZIP_FL_ENC_GUESS))
            names << QString::fromUtf8(name);
    }
    zip_discard(zip);
    return names;
}

ZipArchive::~ZipArchive() = default;

Result<std::shared_ptr<ZipArchive>> ZipArchive::open(const QByteArray& bytes, const QString& path,
                                                     qint64 maxExpandedBytes) {
    std::shared_ptr<ZipArchive> a(new ZipArchive);
    a->m_bytes = bytes;
    a->m_path = path;
    a->m_budget = maxExpandedBytes;
    a->m_zip = std::make_unique<Handle>();
    int code = 0;
    a->m_zip->zip = openBuffer(a->m_bytes, &code);
    if (!a->m_zip->zip)
        return Error{
            QStringLiteral("%1: the file is a damaged zip archive (%2)").arg(path, libzipMessage(code)),
            QStringLiteral("corrupt-zip")};
    return a;
}

bool ZipArchive::contains(const QString& name) const {
    return zip_name_locate(m_zip->zip, name.toUtf8().constData(), 0) >= 0;
}

QStringList ZipArchive::names() const {
    QStringList out;
    const zip_int64_t n = zip_get_num_entries(m_zip->zip, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        if (const char* name = zip_get_name(m_zip->zip, zip_uint64_t(i), ZIP_FL_ENC_GUESS))
            out << QString::fromUtf8(name);
    }
    return out;
}

Result<QByteArray> ZipArchive::read(const QString& name) {
    const zip_int64_t index = zip_name_locate(m_zip->zip, name.toUtf8().constData(), 0);
    if (index < 0)
        return Error{QStringLiteral("%1: the archive has no %2").arg(m_path, name),
                     QStringLiteral("missing-member")};
    const auto bomb = [&](qint64 size) {
        return Error{QStringLiteral("%1: %2 expands to more than %3 MB (limit %4 MB); refusing a possible "
                                    "zip bomb")
                         .arg(m_path, name)
                         .arg(size >> 20)
                         .arg(m_budget >> 20),
                     QStringLiteral("zip-bomb")};
    };
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(m_zip->zip, zip_uint64_t(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > zip_uint64_t(m_budget))
        return bomb(qint64(std::min<zip_uint64_t>(st.size, zip_uint64_t(1) << 62)));
    zip_file_t* f = zip_fopen_index(m_zip->zip, zip_uint64_t(index), 0);
    if (!f)
        return Error{QStringLiteral("%1: cannot read %2 from the zip archive (%3)")
                         .arg(m_path, name, QString::fromUtf8(zip_strerror(m_zip->zip))),
                     QStringLiteral("corrupt-zip")};
    QByteArray out;
    if ((st.valid & ZIP_STAT_SIZE) && st.size > 0)
        out.reserve(qsizetype(st.size));
    char buf[64 * 1024];
    for (;;) {
        const zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            const QString why = QString::fromUtf8(zip_file_strerror(f));
            zip_fclose(f);
            return Error{QStringLiteral("%1: %2 in the zip archive is damaged (%3)").arg(m_path, name, why),
                         QStringLiteral("corrupt-zip")};
        }
        if (n == 0)
            break;
        if (out.size() + n > m_budget) {
            zip_fclose(f);
            return bomb(out.size() + n);
        }
        out.append(buf, qsizetype(n));
    }
    zip_fclose(f);
    m_budget -= out.size();
    return out;
}

} // namespace pc::read
