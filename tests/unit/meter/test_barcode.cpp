// Nameplate barcode: a real Code128 rendered, rotated, noised and saved as JPEG, then scanned.
#define ZX_USE_UTF8 1
#include "media/barcode.h"

#include <QBuffer>
#include <QImageReader>
#include <QPainter>
#include <QRandomGenerator>
#include <QTransform>
#include <gtest/gtest.h>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

using namespace ms;

namespace {

QImage code128(const std::string &text)
{
    const ZXing::BitMatrix m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128).setMargin(30).encode(text, 1000, 220);
    QImage img(m.width(), m.height(), QImage::Format_RGB32);
    for (int y = 0; y < m.height(); ++y)
        for (int x = 0; x < m.width(); ++x)
            img.setPixel(x, y, m.get(x, y) ? qRgb(20, 20, 20) : qRgb(235, 235, 225));
    return img;
}

// A "photo": the label on a grey nameplate, rotated, with sensor noise, through JPEG.
QImage photoOf(const QImage &label, double degrees)
{
    QImage plate(1600, 1000, QImage::Format_RGB32);
    plate.fill(qRgb(150, 150, 150));
    QPainter p(&plate);
    p.translate(800, 500);
    p.rotate(degrees);
    p.drawImage(-label.width() / 2, -label.height() / 2, label);
    p.end();
    QRandomGenerator rng(7);
    for (int y = 0; y < plate.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(plate.scanLine(y));
        for (int x = 0; x < plate.width(); ++x) {
            const int n = int(rng.bounded(31)) - 15;
            const int v = std::clamp(qGray(line[x]) + n, 0, 255);
            line[x] = qRgb(v, v, v);
        }
    }
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    plate.save(&buffer, "JPEG", 80);
    return QImage::fromData(jpeg, "JPEG");
}

} // namespace

TEST(Barcode, readsTheAssetNumberFromARotatedNoisyJpeg)
{
    const QImage photo = photoOf(code128("1130010201000000012"), 12.0);
    ASSERT_FALSE(photo.isNull());
    const auto hits = scanBarcodes(photo);
    ASSERT_TRUE(hits.ok()) << hits.error().message.toStdString();
    const auto asset = pickAssetNumber(*hits);
    ASSERT_TRUE(asset.has_value());
    EXPECT_EQ(asset->text, QStringLiteral("1130010201000000012"));
    EXPECT_EQ(asset->format, QStringLiteral("Code128"));
}

TEST(Barcode, imageWithoutABarcodeSaysWhatToTry)
{
    QImage blank(800, 600, QImage::Format_RGB32);
    blank.fill(Qt::white);
    const auto hits = scanBarcodes(blank);
    ASSERT_FALSE(hits.ok());
    EXPECT_EQ(hits.error().code, QStringLiteral("barcode.none"));
    EXPECT_TRUE(hits.error().message.contains(QStringLiteral("清晰")));
    EXPECT_FALSE(scanBarcodes(QImage()).ok());
}

TEST(Barcode, addressIsTheTailOfTheAssetNumberUnderAConfigurableRule)
{
    const QString asset = QStringLiteral("1130010201000000012");
    EXPECT_TRUE(checkAssetAgainstAddress(asset, QStringLiteral("201000000012")).matches);
    const AssetCheck wrong = checkAssetAgainstAddress(asset, QStringLiteral("201000000077"));
    EXPECT_FALSE(wrong.matches);
    EXPECT_EQ(wrong.addressFromAsset, QStringLiteral("201000000012"));
    EXPECT_TRUE(wrong.message.contains(QStringLiteral("201000000077")));
    // a province that appends one check digit
    const auto tail1 = AssetAddressRule::fromText(QStringLiteral("tail-1"));
    EXPECT_EQ(tail1.skipTrailing, 1);
    EXPECT_TRUE(checkAssetAgainstAddress(asset + QLatin1Char('7'), QStringLiteral("201000000012"), tail1).matches);
    EXPECT_FALSE(checkAssetAgainstAddress(asset, QStringLiteral("201000000012"), tail1).matches);
    // anywhere in the number
    const auto contains = AssetAddressRule::fromText(QStringLiteral("contains"));
    EXPECT_TRUE(checkAssetAgainstAddress(QStringLiteral("11300102010000000129"), QStringLiteral("201000000012"), contains).matches);
    // too short to hold an address
    const AssetCheck shortAsset = checkAssetAgainstAddress(QStringLiteral("12345"), QStringLiteral("201000000012"));
    EXPECT_FALSE(shortAsset.matches);
    EXPECT_TRUE(shortAsset.message.contains(QStringLiteral("太短")));
}
