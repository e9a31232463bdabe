#include "service/jobreport.h"

#include "service/jobrecords.h"
#include "service/reviewstatus.h"
#include "store/recordjson.h"
#include "store/store.h"
#include "store/transaction.h"

#include <QHash>

namespace ms {

namespace {

QJsonObject meterJson(const MeterInfo &m)
{
    return {{QStringLiteral("asset_no"), m.assetNo},
            {QStringLiteral("comm_address"), m.commAddress},
            {QStringLiteral("protocol"), m.protocol}};
}

QJsonArray itemsJson(const QList<ReviewItem> &items)
{
    QJsonArray a;
    for (const ReviewItem &i : items)
        a.append(QJsonObject{{QStringLiteral("card"), i.card},
                             {QStringLiteral("requirement"), i.requirement},
                             {QStringLiteral("reason"), i.reason}});
    return a;
}

} // namespace

Result<QJsonArray> jobListJson(Store &store)
{
    // One snapshot: the pages and the tasks agree with each other.
    Transaction snapshot(store.database(), Transaction::Lock::Read);
    if (!snapshot.ok())
        return snapshot.error();
    QJsonArray out;
    QHash<RowId, Task> tasks;
    constexpr int kPage = 1000;
    for (int offset = 0;; offset += kPage) {
        auto page = store.jobs().list(JobQuery().page(kPage, offset));
        if (!page)
            return page.error();
        for (const JobListItem &item : page.value()) {
            if (!tasks.contains(item.job.taskId)) {
                auto task = store.tasks().byId(item.job.taskId);
                if (!task)
                    return task.error();
                tasks.insert(item.job.taskId, task.value());
            }
            const Task &task = tasks.value(item.job.taskId);
            out.append(QJsonObject{{QStringLiteral("uuid"), item.job.uuid},
                                   {QStringLiteral("account_no"), item.customer.accountNo},
                                   {QStringLiteral("customer_name"), item.customer.name},
                                   {QStringLiteral("state"), jobStateKey(item.state())},
                                   {QStringLiteral("crew"), task.crew},
                                   {QStringLiteral("task_uuid"), task.uuid},
                                   {QStringLiteral("submission"), item.job.submission},
                                   {QStringLiteral("old_meter"), meterJson(item.customer.oldMeter)},
                                   {QStringLiteral("new_meter"), meterJson(item.customer.newMeter)}});
        }
        if (page->size() < kPage)
            break;
    }
    if (auto done = snapshot.commit(); !done)
        return done.error();
    return out;
}

Result<QJsonObject> jobShowJson(Store &store, const Catalog &catalog, const Workflow &workflow,
                                const QString &jobUuid)
{
    auto job = store.jobs().byUuid(jobUuid);
    if (!job)
        return job.error();
    auto records = JobRecords::read(store, workflow, job->id, 0);
    if (!records)
        return records.error();
    const JobRecords &r = records.value();
    const ReviewStatus review = reviewStatusOf(r, catalog);
    QJsonArray sentBack;
    for (const SentBackItem &i : review.items)
        sentBack.append(QJsonObject{{QStringLiteral("card"), i.item.card},
                                    {QStringLiteral("requirement"), i.item.requirement},
                                    {QStringLiteral("reason"), i.item.reason},
                                    {QStringLiteral("label"), i.label},
                                    {QStringLiteral("redone"), i.redone}});
    QJsonArray reviews;
    for (const JobReview &v : r.reviews)
        reviews.append(QJsonObject{{QStringLiteral("uuid"), v.uuid},
                                   {QStringLiteral("submission"), v.submission},
                                   {QStringLiteral("decision"), reviewDecisionKey(v.decision)},
                                   {QStringLiteral("by"), v.by},
                                   {QStringLiteral("at"), json::isoTime(v.at)},
                                   {QStringLiteral("items"), itemsJson(v.items)}});
    QJsonArray evidence;
    for (const Evidence &e : r.evidence)
        if (e.jobId == r.job.id)
            evidence.append(QJsonObject{{QStringLiteral("uuid"), e.uuid},
                                        {QStringLiteral("card"), e.cardId},
                                        {QStringLiteral("requirement"), e.requirement},
                                        {QStringLiteral("kind"), evidenceKindKey(e.kind)},
                                        {QStringLiteral("sha256"), e.sha256},
                                        {QStringLiteral("value"), e.value},
                                        {QStringLiteral("captured_at"), json::isoTime(e.capturedAt)}});
    return QJsonObject{
        {QStringLiteral("uuid"), r.job.uuid},
        {QStringLiteral("state"), jobStateKey(review.state)},
        {QStringLiteral("status"), jobStatusKey(r.job.status)},
        {QStringLiteral("current_card"), r.state.currentCard},
        {QStringLiteral("account_no"), r.customer.accountNo},
        {QStringLiteral("customer_name"), r.customer.name},
        {QStringLiteral("crew"), r.task.crew},
        {QStringLiteral("task"), QJsonObject{{QStringLiteral("uuid"), r.task.uuid},
                                             {QStringLiteral("name"), r.task.name}}},
        {QStringLiteral("submission"), r.job.submission},
        {QStringLiteral("submitted_at"), json::isoTime(r.job.submittedAt)},
        {QStringLiteral("old_meter"), meterJson(r.customer.oldMeter)},
        {QStringLiteral("new_meter"), meterJson(r.customer.newMeter)},
        {QStringLiteral("sent_back"), sentBack},
        {QStringLiteral("can_resubmit"), review.canResubmit},
        {QStringLiteral("reviews"), reviews},
        {QStringLiteral("evidence"), evidence}};
}

} // namespace ms
