#include "jobview.h"

#include "catalog/catalog.h"
#include "workflow/workflow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace ms::server {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::JobView)
};

QJsonObject finding(const QString &code, const QString &card, const QString &requirement,
                    const QString &message)
{
    return {{QStringLiteral("code"), code},
            {QStringLiteral("card"), card},
            {QStringLiteral("requirement"), requirement},
            {QStringLiteral("message"), message}};
}

// "port" (read over the meter's port), "corrected" (typed to replace an earlier value), "typed".
QString readingSource(const JobEvidence &e)
{
    if (e.source == QLatin1String("meter_port"))
        return QStringLiteral("port");
    return e.supersedes.isEmpty() ? QStringLiteral("typed") : QStringLiteral("corrected");
}

QDateTime when(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? t : QDateTime::fromString(iso, Qt::ISODate);
}

// What the workflow knows of the job: its ticked steps, captures in force, choices, customer.
JobSnapshot snapshotOf(const JobPicture &job)
{
    JobSnapshot snap;
    snap.customer.mismatch = job.head.customer.value(QStringLiteral("mismatch")).toBool();
    snap.customer.prepaid =
        job.head.customer.value(QStringLiteral("payment")).toString() == QLatin1String("prepaid");
    for (const JobStep &s : job.steps)
        if (s.done)
            snap.tick(s.card, s.index);
    for (const JobEvidence &e : job.evidence)
        if (!e.superseded)
            snap.capture(e.card, e.requirement, e.sha256.isEmpty() ? e.value : e.sha256);
    for (auto it = job.head.branches.constBegin(); it != job.head.branches.constEnd(); ++it) {
        const QJsonObject b = it.value().toObject();
        snap.choose(it.key(), b.value(QStringLiteral("choice")).toString(),
                    b.value(QStringLiteral("reason")).toString());
    }
    return snap;
}

QJsonArray cardsJson(const JobPicture &job, const Catalog &catalog)
{
    const Workflow workflow(catalog);
    const JobSnapshot snap = snapshotOf(job);
    const WorkflowState state = workflow.evaluate(snap);
    QStringList cards;
    for (const PathEntry &p : state.path)
        cards << p.cardId;
    if (!state.currentCard.isEmpty())
        cards << state.currentCard;
    QJsonArray out;
    for (const QString &id : std::as_const(cards)) {
        const CardProgress progress = workflow.progress(snap, id);
        QJsonArray steps;
        for (const StepState &s : progress.steps)
            steps.append(QJsonObject{{QStringLiteral("index"), s.index},
                                     {QStringLiteral("text"), s.text},
                                     {QStringLiteral("done"), s.done}});
        const Card *card = catalog.card(id);
        out.append(QJsonObject{{QStringLiteral("card"), id},
                               {QStringLiteral("title"), card ? card->title : QString()},
                               {QStringLiteral("complete"), id != state.currentCard},
                               {QStringLiteral("missing"), QJsonArray::fromStringList(
                                                               id == state.currentCard
                                                                   ? progress.missing
                                                                   : QStringList())},
                               {QStringLiteral("steps"), steps}});
    }
    return out;
}

QJsonArray historyJson(const JobPicture &job)
{
    struct Entry
    {
        QString at;
        QJsonObject json;
    };
    QList<Entry> entries;
    // In the order the office learnt of them (its own clock): a tablet's clock may be off.
    for (const JobSubmission &s : job.submissions)
        entries << Entry{s.receivedAt,
                         {{QStringLiteral("at"), s.submittedAt},
                          {QStringLiteral("kind"), s.submission > 1 ? QStringLiteral("resubmitted")
                                                                    : QStringLiteral("submitted")},
                          {QStringLiteral("submission"), s.submission},
                          {QStringLiteral("by"), job.head.user},
                          {QStringLiteral("items"), QJsonArray()},
                          {QStringLiteral("reason"), QString()}}};
    for (const OfficeDecision &d : job.decisions)
        entries << Entry{d.at,
                         {{QStringLiteral("at"), d.at},
                          {QStringLiteral("kind"), d.kind},
                          {QStringLiteral("submission"), d.submission},
                          {QStringLiteral("by"), d.byUser},
                          {QStringLiteral("decision_uuid"), d.uuid},
                          {QStringLiteral("items"), d.items},
                          {QStringLiteral("reason"), d.reason}}};
    if (!job.exportBatch.isEmpty())
        entries << Entry{job.exportedAt,
                         {{QStringLiteral("at"), job.exportedAt},
                          {QStringLiteral("kind"), QStringLiteral("exported")},
                          {QStringLiteral("batch"), job.exportBatch},
                          {QStringLiteral("by"), QString()},
                          {QStringLiteral("items"), QJsonArray()},
                          {QStringLiteral("reason"), QString()}}};
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.at < b.at; });
    QJsonArray out;
    for (const Entry &e : std::as_const(entries))
        out.append(e.json);
    return out;
}
} // namespace

QJsonObject queueJobJson(const JobHead &h)
{
    return {{QStringLiteral("uuid"), h.uuid},
            {QStringLiteral("account_no"), h.customer.value(QStringLiteral("account_no")).toString()},
            {QStringLiteral("customer_name"), h.customer.value(QStringLiteral("name")).toString()},
            {QStringLiteral("task_uuid"), h.taskUuid},
            {QStringLiteral("task_name"), h.task.value(QStringLiteral("name")).toString()},
            {QStringLiteral("area_name"), h.task.value(QStringLiteral("area_name")).toString()},
            {QStringLiteral("crew"), h.crew},
            {QStringLiteral("device"), h.device},
            {QStringLiteral("state"), h.reviewState},
            {QStringLiteral("billing_sent_back"), h.billingReturned},
            {QStringLiteral("submission"), h.submission},
            {QStringLiteral("submitted_at"), h.submittedAt}};
}

QJsonObject billingJson(const BillingRow &r)
{
    QJsonObject o = queueJobJson(r.head);
    o.insert(QStringLiteral("old_asset_no"), r.oldAssetNo);
    o.insert(QStringLiteral("old_reading_total"), r.oldTotal);
    o.insert(QStringLiteral("old_reading_tariffs"), QJsonArray::fromStringList(r.oldTariffs));
    o.insert(QStringLiteral("new_asset_no"), r.newAssetNo);
    o.insert(QStringLiteral("new_reading_total"), r.newTotal);
    o.insert(QStringLiteral("mismatch"), r.head.customer.value(QStringLiteral("mismatch")).toBool());
    o.insert(QStringLiteral("mismatch_difference"), r.mismatchDifference);
    o.insert(QStringLiteral("mismatch_tier"), r.mismatchTier);
    o.insert(QStringLiteral("payment"), r.head.customer.value(QStringLiteral("payment")).toString());
    o.insert(QStringLiteral("prepaid_balance"), r.prepaidBalance);
    o.insert(QStringLiteral("prepaid_balance_unit"), r.balanceUnit);
    o.insert(QStringLiteral("ct_ratio"), r.ctRatio);
    o.insert(QStringLiteral("multiplier"), r.multiplier);
    o.insert(QStringLiteral("old_reading_source"), r.oldReadingSource);
    o.insert(QStringLiteral("old_reading_note"), r.oldReadingNote);
    o.insert(QStringLiteral("approved_by"), r.approvedBy);
    o.insert(QStringLiteral("approved_at"), r.approvedAt);
    return o;
}

QJsonArray findings(const JobPicture &job, const Catalog &catalog)
{
    QJsonArray out;
    const QDateTime started = when(job.head.startedAt);
    const QDateTime submitted = when(job.head.submittedAt);
    const QJsonValue billed = job.head.customer.value(QStringLiteral("last_billed_reading"));
    for (const JobEvidence &e : job.evidence) {
        if (e.superseded)
            continue;
        const Card *card = catalog.card(e.card);
        const EvidenceRequirement *req = card ? card->requirement(e.requirement) : nullptr;
        bool numeric = false;
        const double value = e.value.toDouble(&numeric);
        if (req && numeric && req->plausibleLow && req->plausibleHigh
            && (value < *req->plausibleLow || value > *req->plausibleHigh))
            out.append(finding(QStringLiteral("value.implausible"), e.card, e.requirement,
                               Tr::tr("%1 为 %2，超出通常范围 %3…%4，请对照照片核实。")
                                   .arg(req->label, e.value)
                                   .arg(*req->plausibleLow).arg(*req->plausibleHigh)));
        if (e.kind == QLatin1String("meter_reading") && e.meter == QLatin1String("old")
            && e.registerName == QLatin1String("forward_total") && numeric && billed.isDouble()
            && value < billed.toDouble())
            out.append(finding(QStringLiteral("reading.below_billed"), e.card, e.requirement,
                               Tr::tr("旧表止码 %1 低于上次抄表结算示数 %2，请核实是否抄错或表计异常。")
                                   .arg(e.value).arg(billed.toDouble())));
        const bool media = e.kind == QLatin1String("photo") || e.kind == QLatin1String("video");
        const QDateTime at = when(e.capturedAt);
        if (media && at.isValid() && started.isValid() && submitted.isValid()
            && (at < started || at > submitted))
            out.append(finding(QStringLiteral("evidence.outside_window"), e.card, e.requirement,
                               Tr::tr("照片/视频拍摄于 %1，不在本工单开始（%2）到提交（%3）之间，"
                                      "请确认它拍的是本户。")
                                   .arg(e.capturedAt, job.head.startedAt, job.head.submittedAt)));
    }
    // What the catalog still asks for on the card where the job's walk stops.
    const Workflow workflow(catalog);
    const WorkflowState state = workflow.evaluate(snapshotOf(job));
    if (!state.currentCard.isEmpty()) {
        const Card *card = catalog.card(state.currentCard);
        if (card && card->scope == QLatin1String("job") && job.head.submission > 0) {
            for (const RequirementState &r : state.current.evidence)
                if (r.required && !r.done())
                    out.append(finding(QStringLiteral("item.missing"), state.currentCard, r.key,
                                       Tr::tr("卡片 %1 缺少必需项“%2”（%3/%4）。")
                                           .arg(state.currentCard, r.label).arg(r.have).arg(r.need)));
        }
    }
    return out;
}

namespace {
QJsonObject evidenceJson(const JobEvidence &e, const std::function<bool(const QString &)> &hasThumb)
{
    const bool image = e.mime.startsWith(QLatin1String("image/"));
    return QJsonObject{{QStringLiteral("uuid"), e.uuid},
                       {QStringLiteral("card"), e.card},
                       {QStringLiteral("requirement"), e.requirement},
                       {QStringLiteral("kind"), e.kind},
                       {QStringLiteral("sha256"), e.sha256},
                       {QStringLiteral("mime"), e.mime},
                       {QStringLiteral("value"), e.value},
                       {QStringLiteral("unit"), e.unit},
                       {QStringLiteral("captured_at"), e.capturedAt},
                       {QStringLiteral("supersedes"), e.supersedes},
                       {QStringLiteral("superseded"), e.superseded},
                       {QStringLiteral("thumb"), image && !e.sha256.isEmpty() && hasThumb(e.sha256)}};
}
} // namespace

QJsonObject jobPageJson(const JobPicture &job, const Catalog &catalog,
                        const std::function<bool(const QString &)> &hasThumb)
{
    QJsonObject o = queueJobJson(job.head);
    QJsonArray readings, evidence, seals, changed;
    QString lastSentBack;
    for (const OfficeDecision &d : job.decisions)
        if (d.kind == QLatin1String("sent_back"))
            lastSentBack = d.at;
    for (const JobEvidence &e : job.evidence) {
        if (e.kind == QLatin1String("meter_reading"))
            readings.append(QJsonObject{{QStringLiteral("uuid"), e.uuid},
                                        {QStringLiteral("card"), e.card},
                                        {QStringLiteral("requirement"), e.requirement},
                                        {QStringLiteral("meter"), e.meter},
                                        {QStringLiteral("register"), e.registerName},
                                        {QStringLiteral("value"), e.value},
                                        {QStringLiteral("unit"), e.unit},
                                        {QStringLiteral("source"), readingSource(e)},
                                        {QStringLiteral("superseded"), e.superseded}});
        evidence.append(evidenceJson(e, hasThumb));
        // What changed since the last send-back: captures that replaced earlier ones.
        if (!lastSentBack.isEmpty() && !e.supersedes.isEmpty() && e.receivedAt > lastSentBack)
            changed.append(QJsonObject{{QStringLiteral("uuid"), e.uuid},
                                       {QStringLiteral("card"), e.card},
                                       {QStringLiteral("requirement"), e.requirement},
                                       {QStringLiteral("supersedes"), e.supersedes}});
    }
    for (const JobSeal &s : job.seals)
        seals.append(QJsonObject{{QStringLiteral("position"), s.position},
                                 {QStringLiteral("number"), s.number},
                                 {QStringLiteral("at"), s.at}});
    const QJsonObject customer = job.head.customer;
    o.insert(QStringLiteral("customer"), customer);
    o.insert(QStringLiteral("old_meter"), customer.value(QStringLiteral("old_meter")).toObject());
    o.insert(QStringLiteral("new_meter"), customer.value(QStringLiteral("new_meter")).toObject());
    o.insert(QStringLiteral("task"), job.head.task);
    o.insert(QStringLiteral("status"), job.head.status);
    o.insert(QStringLiteral("started_at"), job.head.startedAt);
    o.insert(QStringLiteral("branches"), job.head.branches);
    o.insert(QStringLiteral("cards"), cardsJson(job, catalog));
    o.insert(QStringLiteral("readings"), readings);
    o.insert(QStringLiteral("seals"), seals);
    o.insert(QStringLiteral("mismatch"), job.mismatch);
    o.insert(QStringLiteral("evidence"), evidence);
    o.insert(QStringLiteral("changed"), changed);
    o.insert(QStringLiteral("findings"), findings(job, catalog));
    o.insert(QStringLiteral("history"), historyJson(job));
    QJsonArray others;
    for (const OtherJob &other : job.otherJobs) {
        QJsonArray theirs;
        for (const JobEvidence &e : other.evidence)
            theirs.append(evidenceJson(e, hasThumb));
        others.append(QJsonObject{{QStringLiteral("uuid"), other.uuid},
                                  {QStringLiteral("device"), other.device},
                                  {QStringLiteral("user"), other.user},
                                  {QStringLiteral("status"), other.status},
                                  {QStringLiteral("started_at"), other.startedAt},
                                  {QStringLiteral("evidence"), theirs}});
    }
    o.insert(QStringLiteral("other_jobs"), others);
    return o;
}

Result<QJsonArray> checkSendBackItems(const QJsonArray &items, const Catalog &catalog)
{
    if (items.isEmpty())
        return makeError(QStringLiteral("review.bad_item"),
                         Tr::tr("退回至少要指明一项（卡片 + 要求项 + 原因）。"));
    QJsonArray out;
    QSet<QString> seen;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const QString cardId = item.value(QStringLiteral("card")).toString().trimmed();
        const QString key = item.value(QStringLiteral("requirement")).toString().trimmed();
        const QString reason = item.value(QStringLiteral("reason")).toString().trimmed();
        const Card *card = catalog.card(cardId);
        if (!card || card->scope != QLatin1String("job"))
            return makeError(QStringLiteral("review.bad_item"),
                             Tr::tr("items[%1]：没有工单卡片“%2”；请按卡片编号（如 21.4）填写。")
                                 .arg(i).arg(cardId));
        if (!card->requirement(key)) {
            QStringList keys;
            for (const EvidenceRequirement &r : card->evidence)
                keys << r.key;
            return makeError(QStringLiteral("review.bad_item"),
                             Tr::tr("items[%1]：卡片 %2 没有要求项“%3”；可选：%4。")
                                 .arg(i).arg(cardId, key, keys.join(QLatin1Char(','))));
        }
        if (reason.isEmpty())
            return makeError(QStringLiteral("review.bad_item"),
                             Tr::tr("items[%1]：请写明退回 %2 %3 的原因，施工人员会看到它。")
                                 .arg(i).arg(cardId, key));
        if (seen.contains(cardId + QLatin1Char(':') + key))
            continue;
        seen.insert(cardId + QLatin1Char(':') + key);
        out.append(QJsonObject{{QStringLiteral("card"), cardId},
                               {QStringLiteral("requirement"), key},
                               {QStringLiteral("reason"), reason}});
    }
    return out;
}

} // namespace ms::server
