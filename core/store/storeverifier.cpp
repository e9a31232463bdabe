#include "store/storeverifier.h"

#include "store/store.h"

namespace ms {

StoreVerifyReport verifyStore(Store &store)
{
    StoreVerifyReport report;
    report.outbox = store.outboxChain().verify();
    report.problems = report.outbox.problems;
    for (const char *owner : {"job_id", "task_id"}) {
        const QString column = QLatin1String(owner);
        auto owners = store.database().prepare(QStringLiteral("SELECT DISTINCT %1 FROM evidence "
                                                              "WHERE %1 IS NOT NULL ORDER BY 1")
                                                   .arg(column));
        if (!owners) {
            report.problems << chain::Problem{owners.error().code,   {}, {}, 0, 0,
                                              owners.error().message};
            continue;
        }
        QList<RowId> ids;
        while (owners.value().step())
            ids << owners.value().integer(0);
        if (owners.value().failed())
            report.problems << chain::Problem{owners.value().error().code, {}, {}, 0, 0,
                                              owners.value().error().message};
        for (RowId id : std::as_const(ids)) {
            const bool task = column == QLatin1String("task_id");
            const ChainReport walked =
                store.evidence().verifyChain(task ? RecordOwner::task(id) : RecordOwner::job(id));
            ++report.evidenceChains;
            report.evidenceRows += walked.rows;
            if (!walked.ok)
                report.problems << chain::Problem{QStringLiteral("evidence.chain"), {},
                                                  walked.brokenUuid, 0, 0, walked.message};
        }
    }
    return report;
}

} // namespace ms
