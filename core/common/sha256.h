// SHA-256 of a file's bytes, as lowercase hex: a stored plan's identity (documents.sha256) and what
// the importer compares to skip an unchanged file.
#pragma once

#include <QByteArray>
#include <QString>

namespace pc {

// OpenSSL's EVP SHA-256 (SHA-NI / AVX2 where the CPU has them): on this project's bench machine
// several times the speed of Qt 6.4's QCryptographicHash (tests/bench/bench_hash.cpp). Thread-safe.
QString sha256Hex(const QByteArray& bytes);

} // namespace pc
