// GIVEN a child process writing to the store WHEN it is SIGKILLed at a random moment THEN, after
// the next start-up: integrity_check ok, every evidence file exists and matches its hash, no
// file lies around that no row names, every record has its outbox row, every hash chain holds.
#include "common/resultvalue.h"
#include "store/store.h"

#include <QDirIterator>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <csignal>
#include <cstdio>
#include <gtest/gtest.h>

using namespace ms;

namespace {

qint64 scalar(Store &s, const QString &sql)
{
    auto st = s.database().prepare(sql);
    return st.ok() && st.value().step() ? st.value().integer(0) : -1;
}

void checkWhole(Store &s, int round)
{
    SCOPED_TRACE(round);
    ASSERT_TRUE(s.database().integrityCheck().ok());
    auto files = s.evidence().verifyFiles();
    EXPECT_TRUE(files.ok()) << (files.ok() ? "" : files.error().message.toStdString());

    // no stray file: everything under evidence/ is named by a row
    const QSet<QString> referenced = s.evidence().referencedBlobs().value();
    QDirIterator it(s.files().rootDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString name = QFileInfo(it.next()).fileName();
        EXPECT_TRUE(referenced.contains(name)) << "stray file " << name.toStdString();
    }

    // outbox consistent with records: each record's current version has its outbox row
    for (const char *table : {"step_records", "evidence", "seals", "jobs"}) {
        const QString entity = QLatin1String(table) == QLatin1String("step_records")
            ? QStringLiteral("step")
            : QLatin1String(table) == QLatin1String("seals") ? QStringLiteral("seal")
            : QLatin1String(table) == QLatin1String("jobs")  ? QStringLiteral("job")
                                                             : QStringLiteral("evidence");
        EXPECT_EQ(scalar(s, QStringLiteral("SELECT count(*) FROM %1 r WHERE NOT EXISTS ("
                                           "SELECT 1 FROM outbox o WHERE o.entity = '%2' AND "
                                           "o.uuid = r.uuid AND o.version = r.version)")
                                .arg(QLatin1String(table), entity)),
                  0)
            << table;
        EXPECT_EQ(scalar(s, QStringLiteral("SELECT count(*) FROM outbox o WHERE o.entity = '%2' "
                                           "AND NOT EXISTS (SELECT 1 FROM %1 r WHERE r.uuid = o.uuid "
                                           "AND r.version >= o.version)")
                                .arg(QLatin1String(table), entity)),
                  0)
            << table;
    }
    EXPECT_EQ(scalar(s, QStringLiteral("SELECT count(*) FROM outbox_blobs b WHERE NOT EXISTS "
                                       "(SELECT 1 FROM evidence e WHERE e.sha256 = b.sha256)")),
              0);
    for (const auto &item : test::valueOf(s.jobs().list(JobQuery().page(100)))) {
        const ChainReport chain = s.evidence().verifyChain(RecordOwner::job(item.job.id));
        EXPECT_TRUE(chain.ok) << chain.message.toStdString();
    }
}

} // namespace

TEST(StoreCrash, SurvivesSigkillAtRandomMoments)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QRandomGenerator rng(QRandomGenerator::global()->generate());
    constexpr int kRounds = 36;
    int evidenceRows = 0;
    int temporaries = 0; // kills that landed while a file was being written
    int orphans = 0;     // kills between a file's rename and its row's commit
    for (int round = 0; round < kRounds; ++round) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(MS_CRASH_WRITER),
                    {QStringLiteral("--data"), dir.path(), QStringLiteral("--seed"),
                     QString::number(round + 1)});
        ASSERT_TRUE(child.waitForStarted(10000));
        // Kill some runs during start-up (open, migrate, sweep), most while writing.
        if (round % 6 != 0) {
            ASSERT_TRUE(child.waitForReadyRead(20000)) << "writer did not start";
        }
        QThread::msleep(rng.bounded(5, 350));
        ASSERT_EQ(child.state(), QProcess::Running) << "writer exited early: "
                                                    << child.exitCode();
        ::kill(pid_t(child.processId()), SIGKILL);
        ASSERT_TRUE(child.waitForFinished(10000));
        EXPECT_EQ(child.exitStatus(), QProcess::CrashExit);

        auto opened = Store::open(dir.path());
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        temporaries += opened.value()->sweepReport().temporariesRemoved;
        orphans += opened.value()->sweepReport().orphansQuarantined;
        EXPECT_FALSE(opened.value()->openNotice().movedAside) << "a kill must never corrupt";
        checkWhole(*opened.value(), round);
        evidenceRows = int(scalar(*opened.value(), QStringLiteral("SELECT count(*) FROM evidence")));
        if (HasFatalFailure())
            return;
    }
    // the runs did real work
    EXPECT_GT(evidenceRows, 20);
    std::printf("crash test: %d kills, %d evidence rows, sweep removed %d temporaries and %d "
                "unreferenced files\n", kRounds, evidenceRows, temporaries, orphans);
}
