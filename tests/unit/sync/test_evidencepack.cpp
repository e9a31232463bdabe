// EvidencePack: the office's append-only evidence volumes, on real files in a temporary directory.
#include "model/sha256.h"
#include "serverstore/evidencepack.h"
#include "serverstore/fileblobstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cerrno>
#include <csignal>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace ms;
using namespace ms::server;
using namespace ms::wire;
using Mode = EvidencePack::Mode;

namespace {
QByteArray photo(int n, int size = 3000)
{
    QByteArray bytes(size, '\0');
    for (int i = 0; i < size; ++i)
        bytes[i] = char((i * 31 + n * 7) & 0xff);
    return bytes;
}

QString sha(const QByteArray &bytes) { return Sha256::hexOf(bytes); }

qint64 fileSize(const QString &path) { return QFileInfo(path).size(); }

void appendTo(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::Append));
    f.write(bytes);
}

// What a crash leaves: the volumes as they are while the writer is still open (no clean mark).
void copyVolumes(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QString &f : QDir(from).entryList({QStringLiteral("pack-*.msp")}, QDir::Files))
        ASSERT_TRUE(QFile::copy(from + QLatin1Char('/') + f, to + QLatin1Char('/') + f));
}
} // namespace

TEST(EvidencePack, KeepsWholeFilesAcrossRestartsAndStoresEachOnce)
{
    QTemporaryDir dir;
    const QList<QByteArray> files{photo(1), photo(2), photo(3, 10)};
    {
        EvidencePack pack(dir.path());
        ASSERT_TRUE(pack.open(Mode::Writer).ok());
        for (const QByteArray &f : files) {
            auto added = pack.add(sha(f), f);
            ASSERT_TRUE(added) << added.error().message.toStdString();
            EXPECT_EQ(*added, f.size());
        }
        const qint64 volume = fileSize(pack.volumePath(1));
        EXPECT_EQ(volume, 3 * EvidencePack::kHeaderBytes + 6010);
        // the same file again is not written twice
        ASSERT_TRUE(pack.add(sha(files[0]), files[0]).ok());
        EXPECT_EQ(fileSize(pack.volumePath(1)), volume);
    }
    // a restarted server finds every file, byte for byte
    EvidencePack again(dir.path());
    ASSERT_TRUE(again.open(Mode::Writer).ok());
    EXPECT_EQ(again.cutBytes(), 0);
    EXPECT_EQ(again.list().size(), 3);
    for (const QByteArray &f : files) {
        EXPECT_EQ(again.size(sha(f)), f.size());
        auto bytes = again.read(sha(f));
        ASSERT_TRUE(bytes);
        EXPECT_EQ(*bytes, f);
    }
    EXPECT_FALSE(again.size(sha("never sent")).has_value());
    EXPECT_EQ(again.read(sha("never sent")).error().code, QStringLiteral("blob.missing"));
}

TEST(EvidencePack, StartsANewVolumeWhenTheCurrentOneIsFull)
{
    QTemporaryDir dir;
    {
        EvidencePack pack(dir.path(), 7000); // two 3000-byte files per volume
        ASSERT_TRUE(pack.open(Mode::Writer).ok());
        for (int i = 0; i < 5; ++i)
            ASSERT_TRUE(pack.add(sha(photo(i)), photo(i)).ok());
        EXPECT_TRUE(QFile::exists(pack.volumePath(3)));
        EXPECT_FALSE(QFile::exists(pack.volumePath(4)));
        EXPECT_LE(fileSize(pack.volumePath(1)), 7000);
    }
    EvidencePack again(dir.path(), 7000);
    ASSERT_TRUE(again.open(Mode::Writer).ok());
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(*again.read(sha(photo(i))), photo(i));
    ASSERT_TRUE(again.add(sha(photo(5)), photo(5)).ok()); // fills volume 3
    ASSERT_TRUE(again.add(sha(photo(6)), photo(6)).ok()); // opens volume 4
    EXPECT_TRUE(QFile::exists(again.volumePath(4)));
}

TEST(EvidencePack, SkipsADamagedEntryKeepsTheLaterOnesAndCutsOnlyATornTail)
{
    // GIVEN the volume as a crash left it: two acknowledged files, then an entry whose body never
    // reached the disk (zeros), an intact one after it, and a header whose body was cut short
    QTemporaryDir dir;
    const QString live = dir.filePath(QStringLiteral("live"));
    const QString crashed = dir.filePath(QStringLiteral("crashed"));
    EvidencePack pack(live);
    ASSERT_TRUE(pack.open(Mode::Writer).ok());
    ASSERT_TRUE(pack.add(sha(photo(1)), photo(1)).ok());
    ASSERT_TRUE(pack.add(sha(photo(2)), photo(2)).ok());
    const qint64 acknowledged = fileSize(pack.volumePath(1));
    ASSERT_TRUE(pack.add(sha(photo(3)), photo(3)).ok());
    ASSERT_TRUE(pack.add(sha(photo(4)), photo(4)).ok());
    copyVolumes(live, crashed);
    const QString volume = crashed + QStringLiteral("/pack-000001.msp");
    {
        QFile f(volume);
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        ASSERT_TRUE(f.seek(acknowledged + EvidencePack::kHeaderBytes));
        f.write(QByteArray(3000, '\0')); // photo 3's body lost
    }
    const qint64 before = fileSize(volume);
    appendTo(volume, QByteArray("MSPK\1\0\0\0", 8) + QByteArray(40, 'h')); // a torn header
    // WHEN the office starts on it
    EvidencePack recovered(crashed);
    ASSERT_TRUE(recovered.open(Mode::Writer).ok());
    // THEN the damaged entry is skipped, the intact one after it is kept (it may have been
    // acknowledged), and only the torn tail after the last intact entry is cut
    EXPECT_EQ(fileSize(volume), before);
    EXPECT_EQ(recovered.cutBytes(), 48);
    EXPECT_EQ(recovered.skippedBytes(), EvidencePack::kHeaderBytes + 3000);
    EXPECT_EQ(*recovered.read(sha(photo(1))), photo(1));
    EXPECT_EQ(*recovered.read(sha(photo(2))), photo(2));
    EXPECT_FALSE(recovered.size(sha(photo(3))).has_value()); // the client sends it again
    EXPECT_EQ(*recovered.read(sha(photo(4))), photo(4));
    // AND new files append on the clean end
    ASSERT_TRUE(recovered.add(sha(photo(3)), photo(3)).ok());
    EXPECT_EQ(*recovered.read(sha(photo(3))), photo(3));
}

TEST(EvidencePack, DamageFoundOnceIsSkippedByEveryLaterOpenEvenBehindACleanMark)
{
    // GIVEN three files whose middle header was damaged so that it still parses (a smaller size)
    // (found by tests/fuzz/fuzz_evidencepack: a later open trusted the header behind the clean
    // mark and indexed the damaged entry, or walked into the middle of the next one)
    QTemporaryDir dir;
    const QString live = dir.filePath(QStringLiteral("live"));
    const QString crashed = dir.filePath(QStringLiteral("crashed"));
    {
        EvidencePack pack(live);
        ASSERT_TRUE(pack.open(Mode::Writer).ok());
        for (int n = 1; n <= 3; ++n)
            ASSERT_TRUE(pack.add(sha(photo(n)), photo(n)).ok());
        copyVolumes(live, crashed);
    }
    const QString volume = crashed + QStringLiteral("/pack-000001.msp");
    {
        QFile f(volume);
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        const qint64 second = EvidencePack::kHeaderBytes + 3000;
        ASSERT_TRUE(f.seek(second + 8)); // the size field of photo 2's header
        const char hundred[8] = {100, 0, 0, 0, 0, 0, 0, 0};
        f.write(hundred, 8);
    }
    // WHEN the writer recovers it, appends a file and closes cleanly, and the office starts again
    {
        EvidencePack recovered(crashed);
        ASSERT_TRUE(recovered.open(Mode::Writer).ok());
        EXPECT_GT(recovered.skippedBytes(), 0);
        ASSERT_TRUE(recovered.add(sha(photo(4)), photo(4)).ok());
    }
    for (Mode mode : {Mode::Writer, Mode::ReadOnly}) {
        EvidencePack again(crashed);
        ASSERT_TRUE(again.open(mode).ok());
        // THEN the damaged entry stays skipped and every intact file reads back whole
        EXPECT_FALSE(again.size(sha(photo(2))).has_value());
        for (int n : {1, 3, 4}) {
            auto bytes = again.read(sha(photo(n)));
            ASSERT_TRUE(bytes) << n;
            EXPECT_EQ(*bytes, photo(n)) << n;
        }
    }
}

TEST(EvidencePack, AHeaderWithAHugeSizeCannotOverflowAndLaterFilesStayReachable)
{
    // GIVEN three stored files, the second one's header then rotting into a size near 2^63
    QTemporaryDir dir;
    {
        EvidencePack pack(dir.path());
        ASSERT_TRUE(pack.open(Mode::Writer).ok());
        for (int i = 1; i <= 3; ++i)
            ASSERT_TRUE(pack.add(sha(photo(i)), photo(i)).ok());
    }
    {
        QFile f(dir.filePath(QStringLiteral("pack-000001.msp")));
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        ASSERT_TRUE(f.seek(EvidencePack::kHeaderBytes + 3000 + 8));
        f.write(QByteArray("\xf0\xff\xff\xff\xff\xff\xff\x7f", 8));
    }
    // WHEN a reader and the writer open it
    for (const Mode mode : {Mode::ReadOnly, Mode::Writer}) {
        EvidencePack pack(dir.path());
        ASSERT_TRUE(pack.open(mode).ok());
        // THEN the bad entry is skipped, the ones before and after it are there
        EXPECT_EQ(*pack.read(sha(photo(1))), photo(1));
        EXPECT_FALSE(pack.size(sha(photo(2))).has_value());
        EXPECT_EQ(*pack.read(sha(photo(3))), photo(3));
    }
}

namespace {
int g_failSyncs = 0;
int flakySync(int fd)
{
    if (g_failSyncs > 0) {
        --g_failSyncs;
        errno = EIO;
        return -1;
    }
    return ::fdatasync(fd);
}
} // namespace

TEST(EvidencePack, AFailedSyncMovesOnToANewVolume)
{
    // GIVEN a volume whose next sync fails (EIO: the page cache may have dropped what we wrote)
    QTemporaryDir dir;
    {
        EvidencePack pack(dir.path());
        ASSERT_TRUE(pack.open(Mode::Writer).ok());
        pack.setSyncFunction(&flakySync);
        ASSERT_TRUE(pack.add(sha(photo(1)), photo(1)).ok());
        g_failSyncs = 1;
        // WHEN a file is stored
        auto failed = pack.add(sha(photo(2)), photo(2));
        // THEN it is not acknowledged, and the next file goes into a new volume
        ASSERT_FALSE(failed.ok());
        EXPECT_EQ(failed.error().code, QStringLiteral("blob.io"));
        EXPECT_FALSE(pack.size(sha(photo(2))).has_value());
        ASSERT_TRUE(pack.add(sha(photo(3)), photo(3)).ok());
        EXPECT_TRUE(QFile::exists(pack.volumePath(2)));
        ASSERT_TRUE(pack.add(sha(photo(2)), photo(2)).ok()); // the client sends it again
    }
    // AND after a restart every acknowledged file is there (the left volume re-hashed)
    EvidencePack again(dir.path());
    ASSERT_TRUE(again.open(Mode::Writer).ok());
    for (int i = 1; i <= 3; ++i)
        EXPECT_EQ(*again.read(sha(photo(i))), photo(i));
}

TEST(EvidencePack, ACleanCloseIsTrustedAndVerifyStillCatchesLaterDamage)
{
    // GIVEN files stored by a cleanly stopped office, the first of which later rots on disk
    QTemporaryDir dir;
    {
        FileBlobStore blobs(dir.path());
        ASSERT_TRUE(blobs.init().ok());
        ASSERT_TRUE(blobs.append(sha(photo(1)), 0, 3000, photo(1)).ok());
        ASSERT_TRUE(blobs.append(sha(photo(2)), 0, 3000, photo(2)).ok());
    }
    const QString volume = dir.filePath(QStringLiteral("packs/pack-000001.msp"));
    const qint64 size = fileSize(volume);
    {
        QFile f(volume);
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        ASSERT_TRUE(f.seek(EvidencePack::kHeaderBytes + 10));
        f.write("X");
    }
    // WHEN the office starts again THEN nothing is cut (the clean mark covers the volume) …
    FileBlobStore blobs(dir.path());
    ASSERT_TRUE(blobs.init().ok());
    EXPECT_EQ(fileSize(volume), size);
    // … and `verify`'s re-hash names the damaged file, and only that one
    auto damaged = blobs.verify(sha(photo(1)));
    ASSERT_FALSE(damaged.ok());
    EXPECT_EQ(damaged.error().code, QStringLiteral("blob.corrupt"));
    EXPECT_TRUE(blobs.verify(sha(photo(2))).ok());
}

TEST(EvidencePack, OneWriterPerDirectoryReadersBesideIt)
{
    QTemporaryDir dir;
    EvidencePack writer(dir.path());
    ASSERT_TRUE(writer.open(Mode::Writer).ok());
    ASSERT_TRUE(writer.add(sha(photo(1)), photo(1)).ok());
    // a second server on the same data is refused with a reason
    EvidencePack second(dir.path());
    auto refused = second.open(Mode::Writer);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, QStringLiteral("pack.busy"));
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("serve")));
    // `verify` or `stats` beside the server read what is there and cannot write
    EvidencePack reader(dir.path());
    ASSERT_TRUE(reader.open(Mode::ReadOnly).ok());
    EXPECT_EQ(*reader.read(sha(photo(1))), photo(1));
    EXPECT_EQ(reader.add(sha(photo(2)), photo(2)).error().code, QStringLiteral("pack.read_only"));
}

TEST(EvidencePack, DiskFullLeavesNoHalfEntryAndTheFileGoesInLater)
{
    // GIVEN a real OS write limit just above the first file
    QTemporaryDir dir;
    EvidencePack pack(dir.path());
    ASSERT_TRUE(pack.open(Mode::Writer).ok());
    ASSERT_TRUE(pack.add(sha(photo(1)), photo(1)).ok());
    const qint64 size = fileSize(pack.volumePath(1));
    rlimit old{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old), 0);
    auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit lim = old;
    lim.rlim_cur = rlim_t(size + 1000);
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &lim), 0);
    // WHEN a 3000-byte file arrives
    auto full = pack.add(sha(photo(2)), photo(2));
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous);
    // THEN it fails as disk full, the volume is as before, the file is not held
    ASSERT_FALSE(full.ok());
    EXPECT_EQ(full.error().code, QStringLiteral("blob.disk_full"));
    EXPECT_EQ(fileSize(pack.volumePath(1)), size);
    EXPECT_FALSE(pack.size(sha(photo(2))).has_value());
    // AND once there is room it goes in whole
    ASSERT_TRUE(pack.add(sha(photo(2)), photo(2)).ok());
    EXPECT_EQ(*pack.read(sha(photo(2))), photo(2));
}

TEST(FileBlobStore, WholeFilesGoToTheVolumesChunkedOnesToFilesAndBothAreVerified)
{
    QTemporaryDir dir;
    const QByteArray whole = photo(1);
    const QByteArray chunked = photo(2, 5000);
    {
        FileBlobStore blobs(dir.path());
        ASSERT_TRUE(blobs.init().ok());
        ASSERT_TRUE(blobs.append(sha(whole), 0, whole.size(), whole)->complete);
        ASSERT_FALSE(blobs.append(sha(chunked), 0, chunked.size(), chunked.left(2000))->complete);
        ASSERT_TRUE(blobs.append(sha(chunked), 2000, chunked.size(), chunked.mid(2000))->complete);
        // a whole file that does not match its name is refused and nothing is stored
        const QString lie = sha("other");
        EXPECT_EQ(blobs.append(lie, 0, whole.size(), whole).error().code, QStringLiteral("blob.hash_mismatch"));
        EXPECT_EQ(blobs.state(lie)->offset, 0);
    }
    EXPECT_FALSE(QFile::exists(dir.filePath(sha(whole).left(2) + QLatin1Char('/') + sha(whole))));
    EXPECT_TRUE(QFile::exists(dir.filePath(sha(chunked).left(2) + QLatin1Char('/') + sha(chunked))));
    FileBlobStore again(dir.path());
    ASSERT_TRUE(again.init(Mode::ReadOnly).ok());
    EXPECT_EQ(again.list()->size(), 2);
    for (const QByteArray &f : {whole, chunked}) {
        EXPECT_TRUE(again.state(sha(f))->complete);
        EXPECT_EQ(*again.size(sha(f)), f.size());
        EXPECT_EQ(*again.read(sha(f)), f);
        EXPECT_TRUE(again.verify(sha(f)).ok());
    }
}

TEST(FileBlobStore, AnUnfinishedUploadBelongsToItsDeviceKeepsItsTotalAndExpires)
{
    QTemporaryDir dir;
    FileBlobStore blobs(dir.path());
    ASSERT_TRUE(blobs.init().ok());
    blobs.setPartialLimits(12000, 7);
    const UploadOwner tabletA{1, QStringLiteral("tablet-a")};
    const UploadOwner tabletAReissued{7, QStringLiteral("tablet-a")};
    const UploadOwner tabletB{2, QStringLiteral("tablet-b")};
    const QByteArray video = photo(1, 8000);
    // GIVEN tablet A sent the first half of a file in chunks
    ASSERT_FALSE(blobs.append(sha(video), 0, video.size(), video.left(4000), tabletA)->complete);
    // WHEN tablet B appends the rest THEN it is refused with its own code, and nothing changes
    auto foreign = blobs.append(sha(video), 4000, video.size(), video.mid(4000), tabletB);
    ASSERT_FALSE(foreign.ok());
    EXPECT_EQ(foreign.error().code, QStringLiteral("blob.partial_foreign"));
    EXPECT_EQ(blobs.state(sha(video))->offset, 4000);
    // AND A may not change the total it declared
    auto total = blobs.append(sha(video), 4000, video.size() + 10, video.mid(4000, 10), tabletA);
    ASSERT_FALSE(total.ok());
    EXPECT_EQ(total.error().code, QStringLiteral("blob.total_mismatch"));
    // AND A's unfinished uploads count against its quota (12000 bytes), not B's
    const QByteArray other = photo(2, 9000);
    auto quota = blobs.append(sha(other), 0, other.size(), other.left(1000), tabletA);
    ASSERT_FALSE(quota.ok());
    EXPECT_EQ(quota.error().code, QStringLiteral("blob.partial_quota"));
    EXPECT_TRUE(blobs.append(sha(other), 0, other.size(), other.left(1000), tabletB).ok());
    // AND a token the office re-issued to the same device finishes A's file
    EXPECT_TRUE(blobs.append(sha(video), 4000, video.size(), video.mid(4000), tabletAReissued)->complete);
    EXPECT_TRUE(blobs.verify(sha(video)).ok());
    // AND an upload nobody touched for longer than the expiry is removed
    EXPECT_EQ(blobs.expirePartials(), 0);
    const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-8);
    for (const QString &name : QDir(dir.filePath(QStringLiteral("partial"))).entryList(QDir::Files)) {
        QFile f(dir.filePath(QStringLiteral("partial/") + name));
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        ASSERT_TRUE(f.setFileTime(old, QFileDevice::FileModificationTime));
    }
    EXPECT_EQ(blobs.expirePartials(), 1);
    EXPECT_EQ(blobs.state(sha(other))->offset, 0);
    EXPECT_TRUE(QDir(dir.filePath(QStringLiteral("partial"))).entryList(QDir::Files).isEmpty());
}
