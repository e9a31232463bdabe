// Data safety at start-up (issue 12 §1): evidence is never deleted by a guess, a database is
// moved aside only when it is really corrupt, what a corrupt one held can be restored, the office
// never moves its database aside, and tablet commits are durable when acknowledged.
#include "common/storefixture.h"

#include "common/resultvalue.h"
#include "serverstore/sqlofficestore.h"
#include "store/databaserescue.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

using namespace ms;
using namespace ms::test;

namespace {

NewEvidence photoOf(RowId job, const QByteArray &bytes, const QString &supersedes = {})
{
    NewEvidence n;
    n.record.jobId = job;
    n.record.cardId = QStringLiteral("21.3");
    n.record.requirement = QStringLiteral("old_meter_face");
    n.record.kind = EvidenceKind::Photo;
    n.record.mime = QStringLiteral("image/jpeg");
    n.data = bytes;
    n.supersedes = supersedes;
    return n;
}

QStringList evidenceFiles(const QString &root)
{
    QStringList out;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QFileInfo(it.next()).fileName();
    out.sort();
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void overwriteStart(const QString &path, int bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    f.write(QByteArray(bytes, '\x5A'));
}

} // namespace

class DataSafetyTest : public StoreTest
{
protected:
    QString evidenceDir() const { return dir() + QStringLiteral("/evidence"); }

    // 3 jobs with 2 photos each, as `meterswapctl demo seed --jobs 3 --photos-per-job 2` makes.
    QStringList seedSixPhotos()
    {
        const RowId task = makeTask(3);
        JobQuery q;
        q.taskId = task;
        QStringList shas;
        int n = 0;
        for (const auto &item : test::valueOf(store().jobs().list(q)))
            for (int i = 0; i < 2; ++i) {
                auto e = store().evidence().add(photoOf(item.job.id, QByteArray("photo ") + QByteArray::number(++n)));
                EXPECT_TRUE(e.ok());
                if (e.ok())
                    shas << e->sha256;
            }
        shas.sort();
        return shas;
    }
};

TEST_F(DataSafetyTest, OverwrittenDatabaseHeaderKeepsEveryPhotoAndTheRecordsCanBeRestored)
{
    // GIVEN a tablet with six unsynced photos whose database's first bytes are overwritten
    const QStringList photos = seedSixPhotos();
    ASSERT_EQ(photos.size(), 6);
    close();
    overwriteStart(dbPath(), 100);
    // WHEN the app opens the store
    reopen();
    // THEN the database was moved aside, and every photo is still on disk: nothing swept
    ASSERT_TRUE(store().openNotice().movedAside);
    EXPECT_EQ(evidenceFiles(evidenceDir()), photos);
    EXPECT_TRUE(store().sweepReport().leftAsFound);
    EXPECT_EQ(store().sweepReport().orphansQuarantined, 0);
    EXPECT_FALSE(QDir(dir() + QStringLiteral("/evidence-quarantine")).exists());
    EXPECT_TRUE(store().openNotice().message.contains(store().openNotice().movedTo));

    // AND a second start (the empty database now "new" no longer) still touches none of them
    const QString movedTo = store().openNotice().movedTo;
    const QByteArray damaged = readAll(movedTo);
    reopen();
    EXPECT_EQ(evidenceFiles(evidenceDir()), photos);

    // AND the rescue restores all the records from a copy, leaving the damaged file unchanged
    auto found = DatabaseRescue::inspect(movedTo);
    ASSERT_TRUE(found.ok()) << found.error().message.toStdString();
    EXPECT_TRUE(found->recovered) << found->message.toStdString();
    EXPECT_TRUE(found->headerRepaired);
    EXPECT_EQ(found->jobs, 3);
    EXPECT_EQ(found->evidence, 6);
    EXPECT_EQ(found->missingFiles, 0);
    EXPECT_EQ(readAll(movedTo), damaged);
    close();
    ASSERT_TRUE(DatabaseRescue::adopt(dir(), found.value()).ok());
    reopen();
    EXPECT_FALSE(store().openNotice().movedAside);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM evidence")), 6);
    EXPECT_TRUE(store().evidence().verifyFiles().ok());
    EXPECT_EQ(test::valueOf(store().outbox().pending()).size(),
              test::valueOf(store().outbox().all()).size());
    EXPECT_EQ(store().sweepReport().orphansQuarantined, 0);
    EXPECT_EQ(evidenceFiles(evidenceDir()), photos);
}

TEST_F(DataSafetyTest, RescueRefusesToReplaceADatabaseThatAlreadyHoldsNewWork)
{
    seedSixPhotos();
    close();
    overwriteStart(dbPath(), 16);
    reopen();
    const QString movedTo = store().openNotice().movedTo;
    makeTask(1);
    ASSERT_TRUE(store().evidence().add(photoOf(firstJob(makeTask(1)), "new work")).ok());
    auto found = DatabaseRescue::inspect(movedTo);
    ASSERT_TRUE(found.ok() && found->recovered);
    close();
    auto adopted = DatabaseRescue::adopt(dir(), found.value());
    ASSERT_FALSE(adopted.ok());
    EXPECT_EQ(adopted.error().code, QStringLiteral("store.rescue_refused"));
    reopen();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM evidence")), 1);
}

TEST_F(DataSafetyTest, NewDatabaseNeverSweepsFilesItFindsOnDisk)
{
    const QStringList photos = seedSixPhotos();
    close();
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(dbPath() + QLatin1String(suffix));
    reopen();
    EXPECT_TRUE(store().openNotice().created);
    EXPECT_EQ(evidenceFiles(evidenceDir()), photos);
    EXPECT_EQ(store().sweepReport().unaccounted, 6);
}

TEST_F(DataSafetyTest, AFewOrphansGoToQuarantineNeverDeleted)
{
    // GIVEN a healthy store and one file a crash left between its rename and its row's commit
    const QStringList photos = seedSixPhotos();
    const QByteArray bytes("left between rename and commit");
    const QString sha = EvidenceFiles::sha256Hex(bytes);
    QDir().mkpath(evidenceDir() + QLatin1Char('/') + sha.left(2));
    QFile f(store().files().path(sha));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    // WHEN reopened THEN the orphan is in quarantine with its bytes, and every photo in place
    reopen();
    EXPECT_EQ(store().sweepReport().orphansQuarantined, 1);
    EXPECT_EQ(readAll(store().files().quarantineDir() + QLatin1Char('/') + sha), bytes);
    EXPECT_EQ(evidenceFiles(evidenceDir()), photos);
}

TEST_F(DataSafetyTest, ManyUnaccountedFilesAreLeftInPlaceAndThePersonIsTold)
{
    // GIVEN a database that names one photo while the folder holds 20 more (a replaced database)
    ASSERT_TRUE(store().evidence().add(photoOf(firstJob(makeTask(1)), "named")).ok());
    for (int i = 0; i < 20; ++i) {
        const QByteArray bytes = "unnamed " + QByteArray::number(i);
        const QString sha = EvidenceFiles::sha256Hex(bytes);
        QDir().mkpath(evidenceDir() + QLatin1Char('/') + sha.left(2));
        QFile f(store().files().path(sha));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    reopen();
    EXPECT_TRUE(store().sweepReport().leftAsFound);
    EXPECT_EQ(store().sweepReport().unaccounted, 20);
    EXPECT_EQ(evidenceFiles(evidenceDir()).size(), 21);
    EXPECT_FALSE(store().openNotice().message.isEmpty());
}

TEST_F(DataSafetyTest, OnlyARetakeConfirmedByTheOfficeFreesTheOldFile)
{
    const RowId job = firstJob(makeTask(1));
    auto first = store().evidence().add(photoOf(job, "blurred"));
    ASSERT_TRUE(first.ok());
    auto retake = store().evidence().add(photoOf(job, "sharp", first->uuid));
    ASSERT_TRUE(retake.ok());
    // not confirmed yet: both files stay
    reopen();
    EXPECT_EQ(store().sweepReport().supersededRemoved, 0);
    EXPECT_TRUE(store().files().exists(first->sha256));
    // the office confirmed the file but not the records: still kept
    ASSERT_TRUE(store().outbox().markBlobsUploaded({first->sha256, retake->sha256}).ok());
    reopen();
    EXPECT_TRUE(store().files().exists(first->sha256));
    // records confirmed too: the superseded file goes, the retake stays
    QList<qint64> seqs;
    for (const OutboxEntry &o : test::valueOf(store().outbox().all()))
        seqs << o.seq;
    ASSERT_TRUE(store().outbox().markConfirmed(seqs).ok());
    reopen();
    EXPECT_EQ(store().sweepReport().supersededRemoved, 1);
    EXPECT_FALSE(store().files().exists(first->sha256));
    EXPECT_TRUE(store().files().exists(retake->sha256));
}

TEST_F(DataSafetyTest, DatabaseThatCannotBeOpenedIsAnErrorAndIsNotMovedAside)
{
    // GIVEN a data dir whose database path is a directory (SQLITE_CANTOPEN, not corruption)
    close();
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(dbPath() + QLatin1String(suffix));
    ASSERT_TRUE(QDir().mkpath(dbPath()));
    // WHEN opened THEN a clear error naming the file, and nothing was moved or created
    StoreOptions options;
    options.dataDir = dir();
    auto opened = Store::open(options);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, QStringLiteral("store.cantopen"));
    EXPECT_TRUE(opened.error().message.contains(dbPath()));
    EXPECT_TRUE(QFileInfo(dbPath()).isDir());
    EXPECT_TRUE(QDir(dir()).entryList({QStringLiteral("*.corrupt-*")}).isEmpty());
}

TEST_F(DataSafetyTest, TabletCommitsAreDurableWhenAcknowledged)
{
    auto st = store().database().prepare(QStringLiteral("PRAGMA synchronous"));
    ASSERT_TRUE(st.ok() && st.value().step());
    EXPECT_EQ(st.value().integer(0), 2) << "synchronous=FULL";
}

TEST(OfficeDataSafety, CorruptOfficeDatabaseRefusesToStartAndIsLeftUntouched)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("office.db"));
    {
        auto store = server::SqlOfficeStore::open(path);
        ASSERT_TRUE(store.ok());
        ASSERT_TRUE(store.value()->createToken(QStringLiteral("tablet-01"), QStringLiteral("张伟")).ok());
    }
    overwriteStart(path, 100);
    const QByteArray before = readAll(path);
    auto again = server::SqlOfficeStore::open(path);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, QStringLiteral("store.corrupt"));
    EXPECT_TRUE(again.error().message.contains(path));
    EXPECT_EQ(readAll(path), before);
    EXPECT_TRUE(QDir(dir.path()).entryList({QStringLiteral("*.corrupt-*")}).isEmpty());
}
