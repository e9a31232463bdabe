// ms::Sha256 (OpenSSL) against the FIPS 180-2 vectors and against Qt's own implementation.
#include "model/sha256.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTemporaryFile>

#include <gtest/gtest.h>

using ms::Sha256;

TEST(Sha256, KnownVectors)
{
    EXPECT_EQ(Sha256::hexOf(""), QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    EXPECT_EQ(Sha256::hexOf("abc"), QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    EXPECT_EQ(Sha256::hexOf("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
}

TEST(Sha256, PiecewiseFileAndOneShotAgreeWithQt)
{
    QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (char &c : data)
        c = char(rng.bounded(256));
    const QString expected = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    EXPECT_EQ(Sha256::hexOf(data), expected);

    Sha256 pieces;
    for (qsizetype at = 0; at < data.size(); at += 1000)
        pieces.addData(QByteArrayView(data.constData() + at, std::min<qsizetype>(1000, data.size() - at)));
    EXPECT_EQ(pieces.hex(), expected);

    QTemporaryFile file;
    ASSERT_TRUE(file.open());
    ASSERT_EQ(file.write(data), data.size());
    ASSERT_TRUE(file.seek(0));
    Sha256 fromFile;
    ASSERT_TRUE(fromFile.addData(&file));
    EXPECT_EQ(fromFile.hex(), expected);
}

TEST(Sha256, UnreadableDeviceIsReportedNotHashedAsEmpty)
{
    QBuffer closed; // never opened: read() fails
    Sha256 h;
    EXPECT_FALSE(h.addData(&closed));
}
