// SHA-256 through OpenSSL's EVP interface (see sha256.h).
#include "sha256.h"

#include <QCryptographicHash>

#include <openssl/evp.h>

namespace pc {

namespace {

// Fetched once: EVP_sha256() would look the implementation up again on every digest (OpenSSL 3).
// An EVP_MD may be used by several threads at once. Null if no provider offers SHA-256 (a broken
// OpenSSL configuration): then Qt's implementation computes the same digest.
const EVP_MD* sha256Md() {
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

} // namespace

QString sha256Hex(const QByteArray& bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const EVP_MD* md = sha256Md();
    if (!md || EVP_Digest(bytes.constData(), size_t(bytes.size()), digest, &length, md, nullptr) != 1 ||
        length != 32)
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    static constexpr char kHex[] = "0123456789abcdef";
    QString out(64, Qt::Uninitialized);
    QChar* o = out.data();
    for (unsigned int i = 0; i < length; ++i) {
        o[2 * i] = QLatin1Char(kHex[digest[i] >> 4]);
        o[2 * i + 1] = QLatin1Char(kHex[digest[i] & 0xf]);
    }
    return out;
}

} // namespace pc
