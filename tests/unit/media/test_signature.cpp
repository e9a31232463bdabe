#include "media/signature.h"

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace ms;

namespace {

const QString kSummary = QStringLiteral("户名 王建国 户号 0101234567\n旧表 3410001 止码 12345.67\n"
                                        "新表 3410999 起码 0.01");

Signature zigzag()
{
    Signature sig(QSize(600, 200));
    sig.beginStroke(QPointF(20, 100), 0);
    for (int i = 1; i <= 20; ++i)
        sig.addPoint(QPointF(20 + i * 20, i % 2 ? 60 : 140), i * 16);
    sig.beginStroke(QPointF(100, 170), 500);
    sig.addPoint(QPointF(400, 170), 560);
    return sig;
}

} // namespace

TEST(Signature, GivenStrokes_WhenRendered_ThenPngShowsInkWhereDrawn)
{
    // GIVEN a zig-zag signature on a 600×200 pad
    const Signature sig = zigzag();
    // WHEN rendered
    auto art = SignatureRenderer::render(sig, kSummary);
    // THEN a PNG of the pad size with black ink on the stroke and white elsewhere
    ASSERT_TRUE(art.ok()) << art.error().message.toStdString();
    const QImage img = QImage::fromData(art->png, "PNG");
    ASSERT_EQ(img.size(), QSize(600, 200));
    EXPECT_LT(qGray(img.pixel(250, 170)), 80);  // on the second stroke
    EXPECT_GT(qGray(img.pixel(550, 20)), 240);  // untouched corner
    EXPECT_EQ(art->pngSha256.size(), 64);
}

TEST(Signature, GivenSummary_WhenRendered_ThenPointsAreBoundToItsHash)
{
    auto art = SignatureRenderer::render(zigzag(), kSummary);
    ASSERT_TRUE(art.ok());
    EXPECT_EQ(art->summarySha256, SignatureRenderer::summarySha256(kSummary));
    EXPECT_TRUE(SignatureRenderer::isBoundTo(art->pointsJson, kSummary));
    // A different summary (a changed reading) does not match
    QString changed = kSummary;
    changed.replace(QStringLiteral("12345.67"), QStringLiteral("12345.68"));
    EXPECT_FALSE(SignatureRenderer::isBoundTo(art->pointsJson, changed));
}

TEST(Signature, GivenPointsJson_WhenReadBack_ThenStrokesAndTimesSurvive)
{
    const Signature sig = zigzag();
    auto art = SignatureRenderer::render(sig, kSummary);
    ASSERT_TRUE(art.ok());
    QString bound;
    auto back = SignatureRenderer::fromPointsJson(art->pointsJson, &bound);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(bound, art->summarySha256);
    EXPECT_EQ(back->canvas(), QSize(600, 200));
    ASSERT_EQ(back->strokes().size(), 2);
    EXPECT_EQ(back->pointCount(), sig.pointCount());
    EXPECT_EQ(back->strokes()[1][1].t, 560);
    EXPECT_DOUBLE_EQ(back->strokes()[1][1].pos.x(), 400.0);
    const auto obj = QJsonDocument::fromJson(art->pointsJson).object();
    EXPECT_EQ(obj.value(QStringLiteral("png_sha256")).toString(), art->pngSha256);
}

TEST(Signature, GivenTwoStrokes_WhenUndoThenClear_ThenStrokesGoOneByOne)
{
    Signature sig = zigzag();
    ASSERT_EQ(sig.strokes().size(), 2);
    sig.undo();
    EXPECT_EQ(sig.strokes().size(), 1);
    sig.clear();
    EXPECT_TRUE(sig.isEmpty());
    sig.undo(); // harmless on empty
    EXPECT_TRUE(sig.isEmpty());
}

TEST(Signature, GivenNoInk_WhenRendered_ThenErrorAsksToSign)
{
    auto art = SignatureRenderer::render(Signature(QSize(600, 200)), kSummary);
    ASSERT_FALSE(art.ok());
    EXPECT_EQ(art.error().code, QStringLiteral("signature.empty"));
}

TEST(Signature, GivenStrayTap_WhenRendered_ThenRejectedAsTooShort)
{
    Signature sig(QSize(600, 200));
    sig.beginStroke(QPointF(10, 10), 0);
    sig.addPoint(QPointF(13, 12), 10);
    auto art = SignatureRenderer::render(sig, kSummary);
    ASSERT_FALSE(art.ok());
    EXPECT_EQ(art.error().code, QStringLiteral("signature.too_short"));
}

TEST(Signature, GivenEmptySummary_WhenRendered_ThenRefused)
{
    auto art = SignatureRenderer::render(zigzag(), QStringLiteral("  "));
    ASSERT_FALSE(art.ok());
    EXPECT_EQ(art.error().code, QStringLiteral("signature.no_summary"));
}

TEST(Signature, GivenCorruptJson_WhenRead_ThenError)
{
    auto back = SignatureRenderer::fromPointsJson("{not json");
    ASSERT_FALSE(back.ok());
    EXPECT_FALSE(SignatureRenderer::isBoundTo("{not json", kSummary));
}
