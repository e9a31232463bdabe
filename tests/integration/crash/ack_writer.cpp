// Child of the acknowledged-crash harness (ackharness.h): opens the real Store in --data DIR and
// captures in a loop until it is killed: a photo (file + evidence row, sometimes three files in
// one capture) or a step tick. Only after a call has returned success does it print the commit,
// one line each, flushed:
//   E <evidence uuid> <sha256> <bytes>
//   S <step uuid> <version> <done 0|1>
// That line is the "saved" the screen would show; the parent checks every one survives.
// --ack-before-commit prints evidence lines before the call instead: a broken writer, which the
// harness's own test uses to show that it does catch a lost acknowledged capture.
#include "model/sha256.h"
#include "store/demodata.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QUuid>
#include <cstdio>

using namespace ms;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString dataDir = Store::dataDirFromArguments(args);
    const int seedAt = int(args.indexOf(QStringLiteral("--seed")));
    const quint32 seed = seedAt > 0 && seedAt + 1 < args.size() ? args.at(seedAt + 1).toUInt() : 1;
    const bool ackEarly = args.contains(QStringLiteral("--ack-before-commit"));

    auto opened = Store::open(dataDir);
    if (!opened) {
        std::fprintf(stderr, "ack_writer: open failed: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    Store &store = *opened.value();
    auto tasks = store.tasks().list();
    if (!tasks) {
        std::fprintf(stderr, "ack_writer: %s\n", qPrintable(tasks.error().message));
        return 1;
    }
    if (tasks->isEmpty())
        if (auto r = generateJobs(store, 4, 11); !r) {
            std::fprintf(stderr, "ack_writer: %s\n", qPrintable(r.error().message));
            return 1;
        }
    auto listed = store.jobs().list(JobQuery().page(100));
    if (!listed) {
        std::fprintf(stderr, "ack_writer: %s\n", qPrintable(listed.error().message));
        return 1;
    }
    QList<RowId> jobs;
    for (const auto &item : *listed)
        jobs << item.job.id;
    if (jobs.isEmpty()) {
        std::fprintf(stderr, "ack_writer: no jobs\n");
        return 1;
    }

    QRandomGenerator rng(seed);
    for (quint64 n = 0;; ++n) {
        const RowId job = jobs.at(rng.bounded(int(jobs.size())));
        const QString card = QStringLiteral("21.%1").arg(rng.bounded(1, 10));
        if (rng.bounded(10) < 6) {
            QList<NewEvidence> items;
            const int count = rng.bounded(5) == 0 ? 3 : 1; // 3 = reading + frames + photo at once
            for (int i = 0; i < count; ++i) {
                NewEvidence e;
                e.record.jobId = job;
                e.record.cardId = card;
                e.record.kind = i == 0 ? EvidenceKind::Photo : EvidenceKind::MeterFrames;
                e.record.mime = i == 0 ? QStringLiteral("image/jpeg") : QString();
                e.record.requirement = QStringLiteral("r%1").arg(i);
                e.record.meta = {{QStringLiteral("seed"), double(seed)},
                                 {QStringLiteral("n"), double(n)}};
                QByteArray bytes(rng.bounded(2 * 1024, 64 * 1024), Qt::Uninitialized);
                for (char &c : bytes)
                    c = char(rng.generate() & 0xff);
                e.data = bytes;
                if (ackEarly) {
                    e.record.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
                    std::printf("E %s %s %lld\n", qPrintable(e.record.uuid),
                                qPrintable(Sha256::hexOf(bytes)),
                                static_cast<long long>(bytes.size()));
                    std::fflush(stdout);
                }
                items << e;
            }
            auto r = store.evidence().add(items);
            if (!r) {
                std::fprintf(stderr, "ack_writer: capture failed: %s\n",
                             qPrintable(r.error().message));
                return 2;
            }
            for (const Evidence &e : ackEarly ? QList<Evidence>() : *r)
                std::printf("E %s %s %lld\n", qPrintable(e.uuid), qPrintable(e.sha256),
                            static_cast<long long>(e.size));
        } else {
            const bool done = rng.bounded(2) == 1;
            auto r = store.steps().setStep(RecordOwner::job(job), card, rng.bounded(8), done,
                                           QStringLiteral("ack-writer"));
            if (!r) {
                std::fprintf(stderr, "ack_writer: step failed: %s\n",
                             qPrintable(r.error().message));
                return 2;
            }
            std::printf("S %s %d %d\n", qPrintable(r->uuid), r->version, r->done ? 1 : 0);
        }
        std::fflush(stdout);
    }
}
