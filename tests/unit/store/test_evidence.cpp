// Evidence: content-addressed files, one transaction for several rows, retakes, hash chain,
// tamper detection, full disk, start-up sweep.
#include "common/resultvalue.h"
#include "common/storefixture.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <csignal>
#include <sys/resource.h>

using namespace ms;
using namespace ms::test;

namespace {

NewEvidence photo(RowId job, const QByteArray &bytes, const char *card = "21.3")
{
    NewEvidence n;
    n.record.jobId = job;
    n.record.cardId = QString::fromLatin1(card);
    n.record.requirement = QStringLiteral("old_meter_face");
    n.record.kind = EvidenceKind::Photo;
    n.record.mime = QStringLiteral("image/jpeg");
    n.record.meta = {{QStringLiteral("watermark"), QStringLiteral("21.3 2026-11-05 09:12")}};
    n.data = bytes;
    return n;
}

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QFileInfo(it.next()).fileName();
    out.sort();
    return out;
}

} // namespace

class EvidenceTest : public StoreTest
{
protected:
    void SetUp() override
    {
        StoreTest::SetUp();
        m_job = firstJob(makeTask(2));
    }
    QString evidenceDir() const { return dir() + QStringLiteral("/evidence"); }
    RowId m_job = 0;
};

TEST_F(EvidenceTest, PhotoIsStoredUnderItsHashAndNamedByTheRowAndItsOutboxRow)
{
    QSignalSpy spy(&store(), &Store::evidenceAdded);
    const QByteArray bytes = QByteArray("\xFF\xD8\xFF\xE0 fake jpeg body ").repeated(100);
    auto e = store().evidence().add(photo(m_job, bytes));
    ASSERT_TRUE(e.ok()) << e.error().message.toStdString();
    const QString sha = EvidenceFiles::sha256Hex(bytes);
    EXPECT_EQ(e->sha256, sha);
    EXPECT_EQ(e->size, bytes.size());
    QFile f(store().files().path(sha));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), bytes);
    EXPECT_TRUE(store().files().verify(sha).ok());
    EXPECT_EQ(spy.count(), 1);
    const OutboxEntry last = test::valueOf(store().outbox().all()).last();
    EXPECT_EQ(last.entity, QStringLiteral("evidence"));
    EXPECT_EQ(last.blobs, QStringList{sha});
    EXPECT_EQ(last.payload.value(QStringLiteral("chain_hash")).toString(),
              test::valueOf(store().evidence().chainHash(e->uuid)));
    const auto listed =
        test::valueOf(store().evidence().list(RecordOwner::job(m_job), QStringLiteral("21.3")));
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed.first().meta, e->meta);
    EXPECT_EQ(listed.first().capturedAt, e->capturedAt);
}

TEST_F(EvidenceTest, SeveralRowsSaveTogetherOrNotAtAll)
{
    // GIVEN a reading, a raw-frames file and a photo, where the last names a job that does not exist
    NewEvidence reading;
    reading.record.jobId = m_job;
    reading.record.cardId = QStringLiteral("21.4");
    reading.record.kind = EvidenceKind::MeterReading;
    reading.record.value = QStringLiteral("12345.67");
    reading.record.unit = QStringLiteral("kWh");
    NewEvidence frames = photo(m_job, "68 01 00 00 00 00 00 68 11 04 33 33 33 33 B2 16", "21.4");
    frames.record.kind = EvidenceKind::MeterFrames;
    NewEvidence bad = photo(9999, "orphan bytes that must not stay");
    // WHEN saved in one call
    auto r = store().evidence().add({reading, frames, bad});
    // THEN nothing is stored, neither rows, outbox rows nor files
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("store.bad_input"));
    EXPECT_TRUE(test::valueOf(store().evidence().list(RecordOwner::job(m_job))).isEmpty());
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity='evidence'")), 0);
    EXPECT_TRUE(filesUnder(evidenceDir()).isEmpty());
    // WHEN saved without the bad one THEN both are there, in order, in one chain
    auto ok = store().evidence().add({reading, frames});
    ASSERT_TRUE(ok.ok());
    const auto rows = test::valueOf(store().evidence().list(RecordOwner::job(m_job)));
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows[0].value, QStringLiteral("12345.67"));
    EXPECT_TRUE(rows[0].sha256.isEmpty());
    EXPECT_EQ(rows[1].kind, EvidenceKind::MeterFrames);
    EXPECT_TRUE(store().evidence().verifyChain(RecordOwner::job(m_job)).ok);
}

TEST_F(EvidenceTest, RetakeSupersedesAndRowsCannotBeChangedInPlace)
{
    auto first = store().evidence().add(photo(m_job, "blurry"));
    ASSERT_TRUE(first.ok());
    NewEvidence retake = photo(m_job, "sharp");
    retake.supersedes = first->uuid;
    auto second = store().evidence().add(retake);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(test::valueOf(store().evidence().supersededBy(first->uuid)), second->uuid);
    const auto current =
        test::valueOf(store().evidence().list(RecordOwner::job(m_job), QStringLiteral("21.3")));
    ASSERT_EQ(current.size(), 1);
    EXPECT_EQ(current.first().uuid, second->uuid);
    EXPECT_EQ(test::valueOf(
                  store().evidence().list(RecordOwner::job(m_job), QStringLiteral("21.3"), true))
                  .size(),
              2);
    // a second retake of the same old photo is refused; so is a raw UPDATE or DELETE
    NewEvidence again = photo(m_job, "other");
    again.supersedes = first->uuid;
    EXPECT_EQ(store().evidence().add(again).error().code, QStringLiteral("store.bad_input"));
    EXPECT_FALSE(store().database().exec(QStringLiteral("UPDATE evidence SET value='x'")).ok());
    EXPECT_FALSE(store().database().exec(QStringLiteral("DELETE FROM evidence")).ok());
    EXPECT_TRUE(store().files().exists(first->sha256)); // the old photo is kept
}

TEST_F(EvidenceTest, HashChainDetectsAChangedRow)
{
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE(store().evidence().add(photo(m_job, QByteArray::number(i))).ok());
    const ChainReport good = store().evidence().verifyChain(RecordOwner::job(m_job));
    EXPECT_TRUE(good.ok);
    EXPECT_EQ(good.rows, 4);
    // WHEN someone edits the third row's value bypassing the store
    const QString victim =
        test::valueOf(store().evidence().list(RecordOwner::job(m_job))).at(2).uuid;
    ASSERT_TRUE(store().database().exec(QStringLiteral("DROP TRIGGER evidence_no_update")).ok());
    ASSERT_TRUE(store().database()
                    .exec(QStringLiteral("UPDATE evidence SET value='99999' WHERE uuid='%1'").arg(victim))
                    .ok());
    // THEN the chain names that row
    const ChainReport bad = store().evidence().verifyChain(RecordOwner::job(m_job));
    EXPECT_FALSE(bad.ok);
    EXPECT_EQ(bad.brokenUuid, victim);
    EXPECT_FALSE(bad.message.isEmpty());
}

TEST_F(EvidenceTest, ChangedFileBytesAreDetected)
{
    auto e = store().evidence().add(photo(m_job, "original bytes"));
    ASSERT_TRUE(e.ok());
    EXPECT_TRUE(store().evidence().verifyFiles().ok());
    QFile f(store().files().path(e->sha256));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("tampered bytes");
    f.close();
    auto r = store().evidence().verifyFiles(m_job);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("store.evidence_mismatch"));
    QFile::remove(store().files().path(e->sha256));
    EXPECT_EQ(store().evidence().verifyFiles().error().code, QStringLiteral("store.evidence_missing"));
}

TEST_F(EvidenceTest, DiskFullDuringAFileWriteFailsCleanlyWithNothingHalfWritten)
{
    // GIVEN a store whose evidence writes hit ENOSPC after the first 256 KiB
    StoreOptions options;
    options.writeFault = [](qint64 written) { return written >= 256 * 1024 ? ENOSPC : 0; };
    reopen(options);
    ASSERT_TRUE(store().evidence().add(photo(m_job, "small one fits")).ok());
    const QStringList before = filesUnder(evidenceDir());
    // WHEN a 1 MB photo is saved
    auto r = store().evidence().add(photo(m_job, QByteArray(1024 * 1024, 'x')));
    // THEN the action fails with store.disk_full, no row, no outbox row, no temporary left
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("store.disk_full"));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("空间")));
    EXPECT_EQ(test::valueOf(store().evidence().list(RecordOwner::job(m_job))).size(), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity='evidence'")), 1);
    EXPECT_EQ(filesUnder(evidenceDir()), before);
}

TEST_F(EvidenceTest, FileSizeLimitFromTheOperatingSystemIsReportedAsDiskFull)
{
    // GIVEN a real OS write limit (RLIMIT_FSIZE) below the size of the source file
    QTemporaryDir src;
    const QString big = src.filePath(QStringLiteral("video.mp4"));
    {
        QFile f(big);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(3 * 1024 * 1024, 'v'));
    }
    rlimit old{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old), 0);
    auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit lim = old;
    lim.rlim_cur = 2 * 1024 * 1024;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &lim), 0);
    NewEvidence video = photo(m_job, {});
    video.record.kind = EvidenceKind::Video;
    video.sourcePath = big;
    auto r = store().evidence().add(video);
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous);
    // THEN disk full, nothing left behind
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("store.disk_full"));
    EXPECT_TRUE(filesUnder(evidenceDir()).isEmpty());
    EXPECT_TRUE(test::valueOf(store().evidence().list(RecordOwner::job(m_job))).isEmpty());
    // and the same file goes in once the limit is gone
    EXPECT_TRUE(store().evidence().add(video).ok());
}

TEST_F(EvidenceTest, StartupSweepRemovesTemporariesAndQuarantinesUnreferencedFiles)
{
    auto kept = store().evidence().add(photo(m_job, "kept"));
    ASSERT_TRUE(kept.ok());
    const QString orphanSha = EvidenceFiles::sha256Hex("orphan");
    QDir().mkpath(evidenceDir() + QLatin1Char('/') + orphanSha.left(2));
    for (const QString &p : {evidenceDir() + QStringLiteral("/tmp-abc123"),
                             store().files().path(orphanSha)}) {
        QFile f(p);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("left by a crash");
    }
    reopen();
    EXPECT_EQ(store().sweepReport().temporariesRemoved, 1);
    EXPECT_EQ(store().sweepReport().orphansQuarantined, 1);
    EXPECT_EQ(filesUnder(evidenceDir()), QStringList{kept->sha256});
    EXPECT_EQ(filesUnder(store().files().quarantineDir()), QStringList{orphanSha});
}

TEST_F(EvidenceTest, UnknownSourceFileIsABadInputNotACrash)
{
    NewEvidence n = photo(m_job, {});
    n.sourcePath = dir() + QStringLiteral("/does-not-exist.jpg");
    auto r = store().evidence().add(n);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("store.bad_input"));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("does-not-exist.jpg")));
}
