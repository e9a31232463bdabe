#include "media/photopipeline.h"
#include "unit/media/testimages.h"

#include <QImage>
#include <gtest/gtest.h>

using namespace ms;

namespace {

Watermark sampleMark()
{
    Watermark m;
    m.accountNo = QStringLiteral("0101234567");
    m.customerName = QStringLiteral("王建国");
    m.cardId = QStringLiteral("21.3");
    m.cardTitle = QStringLiteral("换表前检查");
    m.at = QDateTime(QDate(2026, 5, 12), QTime(9, 41, 7));
    m.installer = QStringLiteral("李师傅");
    return m;
}

int brightness(QRgb c)
{
    return (qRed(c) + qGreen(c) + qBlue(c)) / 3;
}

} // namespace

TEST(PhotoPipeline, GivenLargePhoto_WhenProcessed_ThenLongEdgeIsLimitedAndAspectKept)
{
    // GIVEN a 4000×3000 JPEG and the default long edge
    const QByteArray jpeg = test::encodeJpeg(test::photoLikeImage(4000, 3000));
    PhotoPipeline pipeline;
    // WHEN it goes through the pipeline
    auto out = pipeline.process(jpeg, sampleMark());
    // THEN the stored photo is 2048×1536 and the original size is remembered
    ASSERT_TRUE(out.ok()) << out.error().message.toStdString();
    EXPECT_EQ(out->size, QSize(2048, 1536));
    EXPECT_EQ(out->originalSize, QSize(4000, 3000));
    const QImage stored = QImage::fromData(out->jpeg, "JPEG");
    EXPECT_EQ(stored.size(), QSize(2048, 1536));
}

TEST(PhotoPipeline, GivenConfiguredLongEdge_WhenProcessed_ThenItIsUsed)
{
    PhotoOptions opts;
    opts.longEdge = 1024;
    PhotoPipeline pipeline(opts);
    auto out = pipeline.process(test::encodeJpeg(test::photoLikeImage(1200, 1600)), sampleMark());
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out->size, QSize(768, 1024));
}

TEST(PhotoPipeline, GivenSmallPhoto_WhenProcessed_ThenItIsNotEnlarged)
{
    PhotoPipeline pipeline;
    auto out = pipeline.process(test::encodeJpeg(test::photoLikeImage(640, 480)), sampleMark());
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out->size, QSize(640, 480));
}

TEST(PhotoPipeline, GivenExifOrientation6_WhenProcessed_ThenPhotoIsUpright)
{
    // GIVEN a landscape JPEG (red left, blue right) tagged "rotate 90° clockwise to display"
    const QByteArray jpeg =
        test::withExifOrientation(test::encodeJpeg(test::twoColourImage(400, 200)), 6);
    // WHEN processed
    auto out = PhotoPipeline().process(jpeg, Watermark{});
    // THEN it is portrait with red on top and blue below (what the camera saw)
    ASSERT_TRUE(out.ok()) << out.error().message.toStdString();
    ASSERT_EQ(out->size, QSize(200, 400));
    const QImage img = QImage::fromData(out->jpeg, "JPEG");
    const QColor top = img.pixelColor(100, 60);
    const QColor bottom = img.pixelColor(100, 340);
    EXPECT_GT(top.red(), 150);
    EXPECT_LT(top.blue(), 100);
    EXPECT_GT(bottom.blue(), 150);
    EXPECT_LT(bottom.red(), 100);
}

TEST(PhotoPipeline, GivenExifOrientation6AndLargePhoto_WhenProcessed_ThenResizedUpright)
{
    const QByteArray jpeg =
        test::withExifOrientation(test::encodeJpeg(test::twoColourImage(4000, 3000)), 6);
    auto out = PhotoPipeline().process(jpeg, Watermark{});
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out->size, QSize(1536, 2048));
    EXPECT_EQ(out->originalSize, QSize(3000, 4000));
}

TEST(PhotoPipeline, GivenWatermark_WhenProcessed_ThenBandWithLightTextIsBurnedAtBottom)
{
    // GIVEN a flat mid-grey photo
    QImage grey(1600, 1200, QImage::Format_RGB32);
    grey.fill(QColor(128, 128, 128));
    // WHEN processed with a watermark
    auto out = PhotoPipeline().process(test::encodeJpeg(grey), sampleMark());
    ASSERT_TRUE(out.ok());
    const QImage img = QImage::fromData(out->jpeg, "JPEG");
    // THEN the top is untouched grey ...
    EXPECT_NEAR(brightness(img.pixel(800, 100)), 128, 6);
    // ... and the bottom band is darkened and carries near-white text pixels
    int dark = 0, white = 0;
    const int bandTop = img.height() - 120;
    for (int y = bandTop; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2) {
            const int b = brightness(img.pixel(x, y));
            dark += b < 70;
            white += b > 220;
        }
    EXPECT_GT(dark, 5000);
    EXPECT_GT(white, 300);
    // AND the lines say what was burned in
    ASSERT_EQ(out->watermark.size(), 3);
    EXPECT_TRUE(out->watermark[0].contains(QStringLiteral("0101234567")));
    EXPECT_TRUE(out->watermark[1].contains(QStringLiteral("21.3")));
    EXPECT_TRUE(out->watermark[2].contains(QStringLiteral("2026-05-12 09:41:07")));
    EXPECT_TRUE(out->watermark[2].contains(QStringLiteral("李师傅")));
}

TEST(PhotoPipeline, GivenPhoto_WhenProcessed_ThenJpegHashAndThumbnailAreConsistent)
{
    auto out = PhotoPipeline().process(test::encodeJpeg(test::photoLikeImage(3000, 2000)),
                                       sampleMark());
    ASSERT_TRUE(out.ok());
    ASSERT_GE(out->jpeg.size(), 4);
    EXPECT_EQ(quint8(out->jpeg[0]), 0xFF);
    EXPECT_EQ(quint8(out->jpeg[1]), 0xD8);
    EXPECT_EQ(out->sha256, PhotoPipeline::sha256Hex(out->jpeg));
    EXPECT_EQ(out->sha256.size(), 64);
    const QImage thumb = QImage::fromData(out->thumbnailJpeg, "JPEG");
    EXPECT_EQ(thumb.size(), QSize(320, 213));
    EXPECT_EQ(out->thumbnail.size(), thumb.size());
}

TEST(PhotoPipeline, GivenDecodedCameraFrame_WhenProcessed_ThenSameRulesApply)
{
    auto out = PhotoPipeline().process(test::photoLikeImage(4032, 3024), sampleMark());
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out->size, QSize(2048, 1536));
}

TEST(PhotoPipeline, GivenGarbageBytes_WhenProcessed_ThenClearErrorAndNoPhoto)
{
    auto out = PhotoPipeline().process(QByteArray("this is not a photo at all"), sampleMark());
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().code, QStringLiteral("media.not_image"));
    EXPECT_FALSE(out.error().message.isEmpty());
}

TEST(PhotoPipeline, GivenNullFrame_WhenProcessed_ThenError)
{
    auto out = PhotoPipeline().process(QImage(), sampleMark());
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().code, QStringLiteral("media.not_image"));
}
