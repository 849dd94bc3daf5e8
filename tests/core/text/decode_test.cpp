// Decoding plan bytes: UTF-8 with/without BOM, GB18030, and the rejections (empty, binary).
#include "text/decode.h"

#include <QStringEncoder>

#include <gtest/gtest.h>

using pc::text::decodeBytes;

TEST(Decode, ReadsUtf8WithoutBom) {
    const auto r = decodeBytes(QStringLiteral("一、开办企业").toUtf8(), QStringLiteral("a.txt"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->text, QStringLiteral("一、开办企业"));
    EXPECT_EQ(r->encoding, QStringLiteral("UTF-8"));
}

TEST(Decode, DropsUtf8ByteOrderMark) {
    const auto r = decodeBytes(QByteArray("\xEF\xBB\xBF") + QStringLiteral("牵头单位").toUtf8(),
                               QStringLiteral("a.txt"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->text, QStringLiteral("牵头单位"));
    EXPECT_EQ(r->text.size(), 4);
}

TEST(Decode, DetectsGb18030) {
    QStringEncoder enc("GB18030");
    const QString text = QStringLiteral("2019年底前实现企业开办3个工作日以内办结。");
    const QByteArray bytes = enc.encode(text);
    ASSERT_NE(bytes, text.toUtf8());
    const auto r = decodeBytes(bytes, QStringLiteral("gbk.txt"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->text, text);
    EXPECT_EQ(r->encoding, QStringLiteral("GB18030"));
}

TEST(Decode, RejectsEmptyFileNamingIt) {
    const auto r = decodeBytes({}, QStringLiteral("/tmp/empty.txt"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("empty-file"));
    EXPECT_EQ(r.errorMessage(), QStringLiteral("/tmp/empty.txt: the file is empty"));
}

TEST(Decode, RejectsWhitespaceOnlyFile) {
    const auto r = decodeBytes(QByteArray(" \n\t\r\n  "), QStringLiteral("blank.txt"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("empty-file"));
    EXPECT_TRUE(r.errorMessage().startsWith(QStringLiteral("blank.txt: ")));
}

TEST(Decode, RejectsBinaryWithNul) {
    QByteArray png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    const auto r = decodeBytes(png, QStringLiteral("chart.png"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("binary-file"));
    EXPECT_TRUE(r.errorMessage().contains(QStringLiteral("chart.png: this is a binary file")));
}

TEST(Decode, RejectsControlHeavyBytesWithoutNul) {
    QByteArray bytes;
    for (int i = 0; i < 400; ++i)
        bytes.append(static_cast<char>(1 + i % 7));
    const auto r = decodeBytes(bytes, QStringLiteral("x.bin"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("binary-file"));
}

TEST(Decode, RejectsBytesThatAreNeitherUtf8NorGb18030) {
    // 0xFF never starts a GB18030 sequence and is invalid UTF-8.
    const auto r = decodeBytes(QByteArray("abc\xFF\xFF\xFF def"), QStringLiteral("bad.txt"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("undecodable"));
}

TEST(Decode, KeepsUtf8WithARareDamagedByteAndCountsIt) {
    QByteArray bytes =
        QStringLiteral("一、开办企业。压减企业开办耗时，实现营业执照当日办结。").repeated(10).toUtf8();
    bytes.remove(7, 1); // cuts one three-byte character
    const auto r = decodeBytes(bytes, QStringLiteral("damaged.txt"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->encoding, QStringLiteral("UTF-8"));
    // The orphaned lead byte and the stray continuation byte are each replaced.
    EXPECT_EQ(r->invalidSequences, 2);
    EXPECT_TRUE(r->text.startsWith(QStringLiteral("一、") + QChar(QChar::ReplacementCharacter) +
                                   QChar(QChar::ReplacementCharacter) + QStringLiteral("办企业")));
}
