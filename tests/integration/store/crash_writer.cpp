// Helper for the crash test: opens the store in --data DIR and writes step records, evidence
// (single and multi-row, with files of varying size), job state and seals in a loop until killed.
#include "store/demodata.h"
#include "store/store.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <cstdio>

using namespace ms;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString dataDir = Store::dataDirFromArguments(args);
    const int seedAt = int(args.indexOf(QStringLiteral("--seed")));
    const quint32 seed = seedAt > 0 && seedAt + 1 < args.size() ? args.at(seedAt + 1).toUInt() : 1;

    auto opened = Store::open(dataDir);
    if (!opened) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    Store &store = *opened.value();
    if (store.tasks().list().value().isEmpty())
        if (auto r = generateJobs(store, 6, 3); !r) {
            std::fprintf(stderr, "generate failed: %s\n", qPrintable(r.error().message));
            return 1;
        }
    QList<RowId> jobs;
    const QList<JobListItem> listed = store.jobs().list(JobQuery().page(100)).value();
    for (const auto &item : listed)
        jobs << item.job.id;
    std::printf("ready\n");
    std::fflush(stdout);

    QRandomGenerator rng(seed);
    for (quint64 n = 0;; ++n) {
        const RowId job = jobs.at(rng.bounded(int(jobs.size())));
        const QString card = QStringLiteral("21.%1").arg(rng.bounded(1, 10));
        const int action = rng.bounded(10);
        Result<void> result;
        if (action < 4) {
            auto r = store.steps().setStep(RecordOwner::job(job), card, rng.bounded(8),
                                           rng.bounded(2) == 1, QStringLiteral("crash-writer"));
            if (!r)
                result = r.error();
        } else if (action < 8) {
            QList<NewEvidence> items;
            const int count = action < 6 ? 1 : 3; // 3 = reading + frames + photo in one go
            for (int i = 0; i < count; ++i) {
                NewEvidence e;
                e.record.jobId = job;
                e.record.cardId = card;
                e.record.kind = i == 0 ? EvidenceKind::Photo : EvidenceKind::MeterFrames;
                e.record.requirement = QStringLiteral("r%1").arg(i);
                e.record.meta = {{QStringLiteral("n"), double(n)}};
                QByteArray bytes(rng.bounded(1, 400 * 1024), Qt::Uninitialized);
                for (char &c : bytes)
                    c = char(rng.generate() & 0xff);
                e.data = bytes;
                items << e;
            }
            auto r = store.evidence().add(items);
            if (!r)
                result = r.error();
        } else if (action == 8) {
            // one user action spanning repositories: state + step in one transaction
            Transaction tx(store.database());
            auto a = store.jobs().setCurrentCard(job, card);
            auto b = store.steps().setStep(RecordOwner::job(job), card, 0, true,
                                           QStringLiteral("crash-writer"));
            if (!a || !b)
                result = !a ? a.error() : b.error();
            else
                result = tx.commit();
        } else {
            auto r = store.seals().add(RecordOwner::job(job), QStringLiteral("meter_cover"),
                                       QStringLiteral("S%1-%2").arg(seed).arg(n));
            if (!r)
                result = r.error();
        }
        if (!result) {
            std::fprintf(stderr, "write failed: %s\n", qPrintable(result.error().message));
            return 2;
        }
    }
}
