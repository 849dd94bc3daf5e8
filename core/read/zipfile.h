// Reading members of a zip archive held in memory (libzip), with a budget against zip bombs.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

namespace pc::read {

// Names of the archive's members; empty when the bytes are not a readable zip archive.
QStringList zipMemberNames(const QByteArray& bytes);

class ZipArchive {
public:
    // `path` names the file in messages. Errors: "corrupt-zip".
    static Result<std::shared_ptr<ZipArchive>> open(const QByteArray& bytes, const QString& path,
                                                    qint64 maxExpandedBytes);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool contains(const QString& name) const;
    QStringList names() const;
    // The member's bytes. Every member read counts against one budget (maxExpandedBytes), checked
    // against the declared size before reading and the actual size while reading, so a member that
    // lies about its size is caught too. Errors: "zip-bomb", "corrupt-zip", "missing-member".
    Result<QByteArray> read(const QString& name);

private:
    ZipArchive() = default;
    QByteArray m_bytes; // libzip reads from this buffer; it must live as long as the archive
    struct Handle;
    std::unique_ptr<Handle> m_zip;
    QString m_path;
    qint64 m_budget = 0;
};

} // namespace pc::read
