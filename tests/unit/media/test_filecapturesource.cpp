#include "media/filecapturesource.h"
#include "unit/media/testimages.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;

namespace {
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}
} // namespace

TEST(FileCaptureSource, GivenJpegFile_WhenCaptured_ThenImageBytesAreDelivered)
{
    QTemporaryDir dir;
    const QByteArray jpeg = test::encodeJpeg(test::photoLikeImage(800, 600));
    FileCaptureSource source;
    source.setFile(writeFile(dir, QStringLiteral("meter.jpg"), jpeg));
    QSignalSpy ok(&source, &CaptureSource::captured);
    QSignalSpy bad(&source, &CaptureSource::failed);
    source.capture();
    ASSERT_TRUE(ok.wait(2000));
    EXPECT_EQ(bad.count(), 0);
    const auto media = ok.at(0).at(0).value<CapturedMedia>();
    EXPECT_EQ(media.kind, CapturedMedia::Kind::Image);
    EXPECT_EQ(media.mime, QStringLiteral("image/jpeg"));
    EXPECT_EQ(media.encoded, jpeg);
}

TEST(FileCaptureSource, GivenMissingFile_WhenCaptured_ThenFailedNamesThePath)
{
    FileCaptureSource source;
    source.setFile(QStringLiteral("/nonexistent/dir/photo.jpg"));
    QSignalSpy bad(&source, &CaptureSource::failed);
    source.capture();
    ASSERT_TRUE(bad.wait(2000));
    const auto err = bad.at(0).at(0).value<Error>();
    EXPECT_EQ(err.code, QStringLiteral("media.missing"));
    EXPECT_TRUE(err.message.contains(QStringLiteral("/nonexistent/dir/photo.jpg")));
}

TEST(FileCaptureSource, GivenTextFile_WhenLoaded_ThenRejectedAsNotMedia)
{
    QTemporaryDir dir;
    auto r = FileCaptureSource::load(writeFile(dir, QStringLiteral("notes.txt"), "hello"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("media.not_media"));
}

TEST(FileCaptureSource, GivenEmptyFile_WhenLoaded_ThenRejected)
{
    QTemporaryDir dir;
    auto r = FileCaptureSource::load(writeFile(dir, QStringLiteral("empty.jpg"), QByteArray()));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("media.empty"));
}

TEST(FileCaptureSource, GivenOggFile_WhenLoaded_ThenItIsAVideo)
{
    QTemporaryDir dir;
    // An Ogg page header is enough for content sniffing; the bytes are kept as they are.
    const QByteArray ogg = QByteArray("OggS\x00\x02", 6) + QByteArray(64, '\0');
    auto r = FileCaptureSource::load(writeFile(dir, QStringLiteral("clip.ogv"), ogg));
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(r->kind, CapturedMedia::Kind::Video);
    EXPECT_TRUE(r->mime.startsWith(QStringLiteral("video/")));
}
