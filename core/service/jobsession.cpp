#include "service/jobsession.h"

#include "service/evidencerecords.h"
#include "service/jobrecords.h"
#include "service/sealposition.h"
#include "store/store.h"
#include "store/transaction.h"
#include "workflow/valuevalidator.h"

#include <optional>

namespace ms {

namespace {

// The kinds a typed value may be for (photos, videos and signatures have their own actions).
const QList<EvidenceKind> kValueKinds = {EvidenceKind::MeterReading, EvidenceKind::Barcode,
                                         EvidenceKind::SealNumber,   EvidenceKind::Number,
                                         EvidenceKind::Text,         EvidenceKind::Check};

} // namespace

JobSession::JobSession(Store &store, const Catalog &catalog, const Workflow &workflow,
                       const Actor &actor, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_catalog(catalog)
    , m_workflow(workflow)
    , m_actor(actor)
{}

Result<std::unique_ptr<JobSession>> JobSession::open(Store &store, const Catalog &catalog,
                                                     const Workflow &workflow, const Actor &actor,
                                                     RowId jobId, QObject *parent)
{
    std::unique_ptr<JobSession> s(new JobSession(store, catalog, workflow, actor, parent));
    auto data = JobRecords::read(store, workflow, jobId, 0);
    if (!data)
        return data.error();
    s->m_data = std::move(data).value();
    return s;
}

Result<std::unique_ptr<JobSession>> JobSession::openTask(Store &store, const Catalog &catalog,
                                                         const Workflow &workflow,
                                                         const Actor &actor, RowId taskId,
                                                         QObject *parent)
{
    std::unique_ptr<JobSession> s(new JobSession(store, catalog, workflow, actor, parent));
    s->m_taskSession = true;
    auto data = JobRecords::read(store, workflow, 0, taskId);
    if (!data)
        return data.error();
    s->m_data = std::move(data).value();
    return s;
}

Result<JobRecords> JobSession::load() const
{
    return m_taskSession ? JobRecords::read(m_store, m_workflow, 0, m_data.task.id)
                         : JobRecords::read(m_store, m_workflow, m_data.job.id, 0);
}

Result<void> JobSession::reload()
{
    auto fresh = load();
    if (!fresh)
        return fresh.error();
    m_data = std::move(fresh).value();
    emit changed();
    return {};
}

template <typename T>
Result<T> JobSession::act(const std::function<Result<T>()> &write, bool submitWhenDone)
{
    Database &db = m_store.database();
    if (db.transactionDepth() != 0)
        return makeError(QStringLiteral("service.nested"),
                         tr("内部错误：一个操作不能放在另一个事务里进行，没有保存任何内容。"));
    std::optional<JobRecords> next;
    Result<T> result = [&]() -> Result<T> {
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        if (auto open = checkNotApproved(); !open)
            return open.error();
        Result<T> written = write();
        if (!written)
            return written;
        // The job's state follows from what the store now holds, inside the same transaction.
        auto data = load();
        if (!data)
            return data.error();
        if (auto saved = saveJobState(data.value(), submitWhenDone); !saved)
            return saved.error();
        if (auto committed = tx.commit(); !committed)
            return committed.error();
        next = std::move(data).value();
        return written;
    }();
    if (!result) {
        // Everything was rolled back: show what the store holds (if it can be read at all).
        if (auto fresh = load())
            m_data = std::move(fresh).value();
        return result;
    }
    m_data = std::move(*next);
    emit changed();
    return result;
}

Result<void> JobSession::saveJobState(JobRecords &data, bool submitWhenDone) const
{
    if (m_taskSession)
        return {};
    Job j = data.job;
    j.currentCard = data.state.currentCard;
    j.status = data.state.status;
    // The field walk is done (30.2 hands the job to 31.1 内勤审核): the first submission.
    if (submitWhenDone && j.status == JobStatus::Done && j.submission == 0) {
        j.submission = 1;
        j.submittedAt = QDateTime::currentDateTimeUtc();
    }
    if (j.currentCard == data.job.currentCard && j.status == data.job.status
        && j.submission == data.job.submission)
        return {};
    if (j.status == JobStatus::InProgress && !j.startedAt.isValid())
        j.startedAt = QDateTime::currentDateTimeUtc();
    if (j.status == JobStatus::Done && !j.finishedAt.isValid())
        j.finishedAt = QDateTime::currentDateTimeUtc();
    auto saved = m_store.jobs().update(j);
    if (!saved)
        return saved.error();
    data.job = saved.value();
    return {};
}

RecordOwner JobSession::ownerOf(const QString &cardId) const
{
    if (m_taskSession)
        return RecordOwner::task(m_data.task.id);
    const Card *card = m_catalog.card(cardId);
    if (card && TaskCards::isTaskLevel(*card) && m_data.task.id != 0)
        return RecordOwner::task(m_data.task.id);
    return RecordOwner::job(m_data.job.id);
}

TaskCardsOverview JobSession::taskCards() const
{
    return TaskCards(m_catalog, m_workflow).overview(m_data.snapshot, m_data.completedTaskCards);
}

CardProgress JobSession::progress(const QString &cardId) const
{
    return m_workflow.progress(m_data.snapshot, cardId);
}

QList<Evidence> JobSession::evidence(const QString &cardId, const QString &requirement) const
{
    QList<Evidence> out;
    for (const Evidence &e : m_data.evidence)
        if (e.cardId == cardId && (requirement.isEmpty() || e.requirement == requirement))
            out.append(e);
    return out;
}

QList<TaskSeal> JobSession::taskSeals() const
{
    QList<TaskSeal> out;
    for (const Seal &s : m_data.taskSeals) {
        TaskSeal t{s, {}, {}};
        // The seal-number record it came from: same task, same number, the latest not after it.
        for (const Evidence &e : m_data.evidence)
            if (e.taskId == m_data.task.id && e.kind == EvidenceKind::SealNumber &&
                e.value == s.number &&
                (!s.at.isValid() || !e.capturedAt.isValid() || e.capturedAt <= s.at.addSecs(1))) {
                t.cardId = e.cardId;
                t.requirement = e.requirement;
            }
        out << t;
    }
    return out;
}

Result<void> JobSession::setStep(const QString &cardId, int index, bool done)
{
    const Card *card = m_catalog.card(cardId);
    if (!card || index < 0 || index >= card->steps.size())
        return makeError(QStringLiteral("service.unknown_step"),
                         tr("作业卡目录中没有卡片 %1 的第 %2 步：请更新作业卡目录。")
                             .arg(cardId)
                             .arg(index + 1));
    const RecordOwner owner = ownerOf(cardId);
    return act<void>([&]() -> Result<void> {
        if (auto r = m_store.steps().setStep(owner, cardId, index, done, m_actor.uuid); !r)
            return r.error();
        return {};
    });
}

Result<const EvidenceRequirement *> JobSession::requirementOf(const QString &cardId,
                                                              const QString &key,
                                                              QList<EvidenceKind> kinds) const
{
    const Card *card = m_catalog.card(cardId);
    const EvidenceRequirement *req = card ? card->requirement(key) : nullptr;
    if (!req)
        return makeError(QStringLiteral("service.unknown_requirement"),
                         tr("卡片 %1 没有证据项 %2：请更新作业卡目录。").arg(cardId, key));
    if (!kinds.contains(req->kind))
        return makeError(QStringLiteral("service.wrong_kind"),
                         tr("卡片 %1 的证据项“%2”要的是 %3，不能这样采集：请用它旁边的按钮采集。")
                             .arg(cardId, req->label, evidenceKindKey(req->kind)));
    return req;
}

Result<QList<Evidence>> JobSession::addEvidence(QList<NewEvidence> items)
{
    return act<QList<Evidence>>([&]() -> Result<QList<Evidence>> {
        for (NewEvidence &item : items) {
            ownerOf(item.record.cardId).applyTo(item.record);
            item.record.userUuid = m_actor.uuid;
        }
        if (auto marked = markSupersedes(items); !marked)
            return marked.error();
        auto added = m_store.evidence().add(items);
        if (!added)
            return added;
        for (const Evidence &e : added.value()) {
            if (e.kind != EvidenceKind::SealNumber)
                continue;
            // The numbers typed on this requirement before this one give its position.
            const qsizetype index = evidence(e.cardId, e.requirement).size();
            auto seal = m_store.seals().add(RecordOwner::of(e), sealPosition(e.requirement, index),
                                            e.value);
            if (!seal)
                return seal.error();
        }
        return added;
    });
}

Result<Evidence> JobSession::addPhoto(const QString &cardId, const QString &requirement,
                                      const ProcessedPhoto &photo)
{
    if (auto req = requirementOf(cardId, requirement, {EvidenceKind::Photo}); !req)
        return req.error();
    auto added = addEvidence({EvidenceRecords::photo(cardId, requirement, photo)});
    return added ? Result<Evidence>(added->constFirst()) : Result<Evidence>(added.error());
}

Result<Evidence> JobSession::addVideo(const QString &cardId, const QString &requirement,
                                      const QByteArray &bytes, const QString &mime)
{
    if (auto req = requirementOf(cardId, requirement, {EvidenceKind::Video}); !req)
        return req.error();
    auto added = addEvidence({EvidenceRecords::video(cardId, requirement, bytes, mime)});
    return added ? Result<Evidence>(added->constFirst()) : Result<Evidence>(added.error());
}

Result<Evidence> JobSession::addSignature(const QString &cardId, const QString &requirement,
                                          const SignatureArtifact &art, const QString &summary)
{
    auto req = requirementOf(cardId, requirement, {EvidenceKind::Signature});
    if (!req)
        return req.error();
    if (auto own = checkOwnSignature(**req); !own)
        return own.error();
    auto added = addEvidence({EvidenceRecords::signature(cardId, **req, art, summary)});
    return added ? Result<Evidence>(added->constFirst()) : Result<Evidence>(added.error());
}

Result<Evidence> JobSession::addValue(const QString &cardId, const QString &requirement,
                                      const QString &value, const QJsonObject &meta)
{
    auto req = requirementOf(cardId, requirement, kValueKinds);
    if (!req)
        return req.error();
    const ValueCheck check = ValueValidator::check(**req, value);
    const QString confirmed = QStringLiteral("confirmed_implausible");
    if (check.verdict == ValueCheck::Verdict::Invalid)
        return makeError(QStringLiteral("value.invalid"), check.message);
    if (check.verdict == ValueCheck::Verdict::Implausible && !meta.value(confirmed).toBool())
        return makeError(QStringLiteral("value.implausible"), check.message);
    if (auto same = checkMatches(**req, check.normalized); !same)
        return same.error();
    QJsonObject m = meta;
    if (check.verdict != ValueCheck::Verdict::Implausible)
        m.remove(confirmed);
    if (auto stock = checkIssued(**req, check.normalized, m); !stock)
        return stock.error();
    auto added = addEvidence({EvidenceRecords::value(cardId, **req, check.normalized, m)});
    return added ? Result<Evidence>(added->constFirst()) : Result<Evidence>(added.error());
}

Result<void> JobSession::checkIssued(const EvidenceRequirement &req, const QString &value,
                                     QJsonObject &meta) const
{
    const QString reasonKey = QStringLiteral("not_issued_reason");
    const bool meter =
        req.kind == EvidenceKind::Barcode && req.key == QLatin1String("new_meter_asset");
    const bool seal = req.kind == EvidenceKind::SealNumber;
    if (!meter && !seal) {
        meta.remove(reasonKey);
        return {};
    }
    const auto kind = meter ? StockRepository::Kind::Meter : StockRepository::Kind::Seal;
    auto has = m_store.stock().hasStock(kind);
    if (!has)
        return has.error();
    auto issued = *has ? m_store.stock().isIssued(kind, value) : Result<bool>(true);
    if (!issued)
        return issued.error();
    if (*issued) {
        meta.remove(reasonKey);
        return {};
    }
    const QString reason = meta.value(reasonKey).toString().trimmed();
    if (!reason.isEmpty()) {
        meta.insert(reasonKey, reason); // kept with the value: the office sees it in review
        return {};
    }
    return makeError(QStringLiteral("stock.not_issued"),
                     meter ? tr("新表 %1 不在本班组领用的表计中。请核对资产编号；确实要装这只表，"
                                "请写明原因后继续（办公室审核时会看到）。")
                                 .arg(value)
                           : tr("封印 %1 不在本班组领用的封印中。请核对封印号；确实要用这枚封印，"
                                "请写明原因后继续（办公室审核时会看到）。")
                                 .arg(value));
}

Result<QList<Evidence>> JobSession::addMeterRead(const QString &cardId, const QString &requirement,
                                                 const meter::SwapSetReading &reading,
                                                 const QList<meter::CrossCheckWarning> &warnings,
                                                 const QString &assetNo)
{
    auto req = requirementOf(cardId, requirement, {EvidenceKind::MeterReading});
    if (!req)
        return req.error();
    return addEvidence(EvidenceRecords::meterRead(cardId, **req, reading, warnings, assetNo));
}

Result<void> JobSession::choose(const QString &cardId, const QString &choice, const QString &reason)
{
    if (auto ok = m_workflow.checkChoice(cardId, choice); !ok)
        return ok;
    const RecordOwner owner = ownerOf(cardId);
    return act<void>([&]() -> Result<void> {
        return m_store.choices().set(owner, cardId, choice, reason, m_actor.uuid);
    });
}

Result<QString> JobSession::completeCard(const QString &cardId)
{
    // An approved job says so first, rather than what its card might be missing.
    if (!m_taskSession && review().locked())
        if (auto open = checkNotApproved(); !open)
            return open.error();
    QString next;
    if (m_taskSession) {
        auto n = TaskCards(m_catalog, m_workflow).complete(m_data.snapshot, cardId);
        if (!n)
            return n.error();
        next = n.value();
    } else {
        if (auto ready = Workflow::checkComplete(progress(cardId)); !ready)
            return ready.error();
        auto edge = m_workflow.nextEdge(m_data.snapshot, cardId);
        if (!edge)
            return edge.error();
        next = edge->to;
    }
    const RecordOwner owner = ownerOf(cardId);
    auto done = act<void>(
        [&]() -> Result<void> {
            // A task-level card is marked completed on the task; a job's card moves the job on
            // (the job's state, and its first submission, are saved by act()).
            if (!owner.isTask() || m_data.completedTaskCards.contains(cardId))
                return {};
            if (auto r =
                    m_store.taskCards().setCompleted(owner.taskId, cardId, true, m_actor.uuid);
                !r)
                return r.error();
            return {};
        },
        !m_taskSession);
    if (!done)
        return done.error();
    return next;
}

Result<void> JobSession::resubmit()
{
    if (m_taskSession)
        return makeError(QStringLiteral("job.not_sent_back"),
                         tr("台区的作业卡不送内勤审核，不需要重新提交。"));
    return act<void>([&]() -> Result<void> {
        // What the store holds now, inside this transaction (a sync may have pulled a review).
        auto fresh = load();
        if (!fresh)
            return fresh.error();
        const ReviewStatus status = reviewStatusOf(fresh.value(), m_catalog);
        if (status.state != JobState::SentBack)
            return makeError(QStringLiteral("job.not_sent_back"),
                             tr("该工单现在是“%1”，没有被退回，不需要重新提交。")
                                 .arg(jobStateText(status.state)));
        QStringList pending;
        for (const SentBackItem &i : status.items)
            if (!i.redone)
                pending << QStringLiteral("%1 %2").arg(i.item.card, i.label);
        if (!pending.isEmpty())
            return makeError(QStringLiteral("job.items_pending"),
                             tr("还有退回项没有重新采集：%1。请先重新采集这些项，再重新提交。")
                                 .arg(pending.join(QStringLiteral("、"))));
        Job j = fresh->job;
        j.submission = qMax(j.submission, status.latest->submission) + 1;
        j.submittedAt = QDateTime::currentDateTimeUtc();
        if (auto saved = m_store.jobs().update(j); !saved)
            return saved.error();
        return {};
    });
}

} // namespace ms
