// SHA-256 of a plan file's bytes (an import hashes every file): Qt 6.4's QCryptographicHash against
// pc::sha256Hex (OpenSSL's EVP SHA-256, which uses the CPU's SHA extensions where it has them).
// Arg: the buffer size in bytes (43 KB is the seeds' mean file size). Bytes/s in the output.
#include "benchseeds.h"
#include "common/sha256.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <benchmark/benchmark.h>

namespace {

QByteArray bytesOf(qsizetype n) {
    QByteArray b(n, Qt::Uninitialized);
    quint32 x = 2463534242u;
    for (qsizetype i = 0; i < n; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        b[i] = char(x);
    }
    return b;
}

void BM_QtSha256(benchmark::State& state) {
    const QByteArray b = bytesOf(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(
            QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex()));
    state.SetBytesProcessed(state.iterations() * state.range(0));
}

void BM_Sha256Hex(benchmark::State& state) {
    const QByteArray b = bytesOf(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(pc::sha256Hex(b));
    state.SetBytesProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_QtSha256)->Arg(1 << 10)->Arg(43 << 10)->Arg(1 << 20);
BENCHMARK(BM_Sha256Hex)->Arg(1 << 10)->Arg(43 << 10)->Arg(1 << 20);

} // namespace

PLANCOMPARE_BENCHMARK_MAIN()
