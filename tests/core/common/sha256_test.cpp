// sha256Hex: the published digests (FIPS 180-2 examples), bytes of our own against Qt's independent
// implementation, and the same digest from several threads at once (the import's workers).
#include "common/sha256.h"

#include <QCryptographicHash>

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using namespace pc;

TEST(Sha256, KnownDigests) {
    EXPECT_EQ(sha256Hex(QByteArray()),
              QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    EXPECT_EQ(sha256Hex(QByteArrayLiteral("abc")),
              QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    EXPECT_EQ(sha256Hex(QByteArrayLiteral("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
              QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    EXPECT_EQ(sha256Hex(QByteArray(1000000, 'a')),
              QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

TEST(Sha256, DigestsOfAPlanSentenceInBothEncodings) {
    const QString sentence = QStringLiteral("到2025年，办理时间压缩至3个工作日以内。");
    EXPECT_EQ(sha256Hex((sentence + QLatin1Char('\n')).toUtf8()),
              QStringLiteral("7d7ea85f40f77e6883d1adfdbfaec88c4c34f837350aac65209735c55b27e50a"));
    // The GB18030 bytes, written out (a file in the other encoding the readers accept).
    const QByteArray gb =
        QByteArray::fromHex("b5bd32303235c4eaa3acb0ecc0edcab1bce4d1b9cbf5d6c133b8f6b9a4d7f7c8d5d2d4c4daa1a3");
    EXPECT_EQ(sha256Hex(gb),
              QStringLiteral("6657c63f44e6df194ab89dd08f06fdc0b99d52eb4b74513cc9840c2358766998"));
}

TEST(Sha256, AgreesWithQtOnEveryLengthAroundTheBlockSize) {
    QByteArray b;
    for (int n = 0; n < 300; ++n) {
        EXPECT_EQ(sha256Hex(b),
                  QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex()))
            << n;
        b.append(char(n * 37 + 11));
    }
}

TEST(Sha256, SameDigestFromSeveralThreadsAtOnce) {
    const QByteArray bytes(200000, 'x');
    const QString expected =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    std::vector<QString> got(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < got.size(); ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i)
                got[t] = sha256Hex(bytes);
        });
    for (std::thread& t : threads)
        t.join();
    for (const QString& g : got)
        EXPECT_EQ(g, expected);
}
