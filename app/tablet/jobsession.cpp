#include "jobsession.h"

#include "store/store.h"
#include "store/transaction.h"
#include "uilog.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ms {

namespace {

QString sealPosition(const QString &key, qsizetype index)
{
    // The concentrator's seals (19.1 concentrator_seals, 28.4 concentrator_box_seal) are the
    // task's, never a meter's.
    if (key.startsWith(QLatin1String("concentrator")))
        return key.contains(QLatin1String("box")) ? QStringLiteral("concentrator_box")
                                                  : QStringLiteral("concentrator");
    // One requirement for several seals ("端钮盒、表盖、表箱"): by the order they are entered.
    static const QStringList byIndex = {QStringLiteral("terminal_cover"),
                                        QStringLiteral("meter_cover"), QStringLiteral("box")};
    if (key == QLatin1String("seal_numbers") || key == QLatin1String("seals"))
        return byIndex.value(index, QStringLiteral("other"));
    if (key.contains(QLatin1String("terminal")))
        return QStringLiteral("terminal_cover");
    if (key.contains(QLatin1String("box")))
        return QStringLiteral("box");
    if (key.contains(QLatin1String("removed")) || key.contains(QLatin1String("old")))
        return QStringLiteral("removed");
    return QStringLiteral("meter_cover");
}

} // namespace

JobSession::JobSession(AppContext &ctx, QObject *parent) : QObject(parent), m_ctx(ctx) {}

Result<std::unique_ptr<JobSession>> JobSession::open(AppContext &ctx, RowId jobId, QObject *parent)
{
    auto job = ctx.store.jobs().byId(jobId);
    if (!job)
        return job.error();
    auto customer = ctx.store.tasks().customer(job->customerId);
    if (!customer)
        return customer.error();
    std::unique_ptr<JobSession> s(new JobSession(ctx, parent));
    s->m_job = job.value();
    s->m_customer = customer.value();
    if (auto task = ctx.store.tasks().byId(job->taskId))
        s->m_task = task.value();
    s->reload();
    return s;
}

Result<std::unique_ptr<JobSession>> JobSession::openTask(AppContext &ctx, RowId taskId,
                                                        QObject *parent)
{
    auto task = ctx.store.tasks().byId(taskId);
    if (!task)
        return task.error();
    std::unique_ptr<JobSession> s(new JobSession(ctx, parent));
    s->m_taskSession = true;
    s->m_task = task.value();
    s->reload();
    return s;
}

bool JobSession::recordsOnTask(const QString &cardId) const
{
    if (m_taskSession)
        return true;
    const Card *card = m_ctx.catalog.card(cardId);
    return card && TaskCards::isTaskLevel(*card) && m_task.id != 0;
}

void JobSession::reload()
{
    JobSnapshot snap;
    QList<StepRecord> steps;
    m_evidence.clear();
    if (!m_taskSession) {
        if (auto job = m_ctx.store.jobs().byId(m_job.id))
            m_job = job.value();
        if (auto c = m_ctx.store.tasks().customer(m_job.customerId))
            m_customer = c.value();
        snap.customer.mismatch = m_customer.mismatchFlag;
        snap.customer.prepaid = m_customer.payment == PaymentType::Prepaid;
        steps = m_ctx.store.jobs().steps(m_job.id);
        m_evidence = m_ctx.store.evidence().forJob(m_job.id);
        for (auto it = m_job.branches.constBegin(); it != m_job.branches.constEnd(); ++it) {
            const QJsonObject b = it.value().toObject();
            snap.choose(it.key(), b.value(QStringLiteral("choice")).toString(),
                        b.value(QStringLiteral("reason")).toString());
        }
    }
    // The task's own records (task-level cards) count for the task and for each of its jobs.
    m_completedTaskCards.clear();
    if (m_task.id != 0) {
        steps += m_ctx.store.taskCards().steps(m_task.id);
        m_evidence += m_ctx.store.evidence().forTask(m_task.id);
        for (const TaskCardRecord &r : m_ctx.store.taskCards().cards(m_task.id)) {
            if (!r.choice.isEmpty())
                snap.choose(r.cardId, r.choice, r.reason);
            if (r.completedAt.isValid())
                m_completedTaskCards.insert(r.cardId);
        }
    }
    for (const StepRecord &s : steps)
        if (s.done)
            snap.tick(s.cardId, s.stepIndex);
    for (const Evidence &e : m_evidence)
        snap.capture(e.cardId, e.requirement, e.sha256.isEmpty() ? e.value : e.sha256);
    m_snapshot = snap;
    if (m_taskSession) {
        m_state = WorkflowState{};
        m_state.status = JobStatus::InProgress;
    } else {
        m_state = m_ctx.workflow.evaluate(m_snapshot);
    }
}

TaskCardsOverview JobSession::taskCards() const
{
    return TaskCards(m_ctx.catalog, m_ctx.workflow).overview(m_snapshot, m_completedTaskCards);
}

CardProgress JobSession::progress(const QString &cardId) const
{
    return m_ctx.workflow.progress(m_snapshot, cardId);
}

QList<Evidence> JobSession::evidence(const QString &cardId, const QString &requirement) const
{
    QList<Evidence> out;
    for (const Evidence &e : m_evidence)
        if (e.cardId == cardId && (requirement.isEmpty() || e.requirement == requirement))
            out.append(e);
    return out;
}

QList<TaskSeal> JobSession::taskSeals() const
{
    QList<TaskSeal> out;
    if (m_task.id == 0)
        return out;
    for (const Seal &s : m_ctx.store.seals().forTask(m_task.id)) {
        TaskSeal t{s, {}, {}};
        // The seal-number record it came from: same task, same number, the latest not after it.
        for (const Evidence &e : m_evidence)
            if (e.taskId == m_task.id && e.kind == EvidenceKind::SealNumber && e.value == s.number
                && (!s.at.isValid() || !e.capturedAt.isValid() || e.capturedAt <= s.at.addSecs(1))) {
                t.cardId = e.cardId;
                t.requirement = e.requirement;
            }
        out << t;
    }
    return out;
}

Result<void> JobSession::setStep(const QString &cardId, int index, bool done)
{
    Transaction tx(m_ctx.store.database());
    if (!tx.ok())
        return tx.error();
    auto r = recordsOnTask(cardId)
        ? m_ctx.store.taskCards().setStep(m_task.id, cardId, index, done, m_ctx.userUuid())
        : m_ctx.store.jobs().setStep(m_job.id, cardId, index, done, m_ctx.userUuid());
    if (!r)
        return r.error();
    reload();
    if (auto saved = saveJobState(); !saved)
        return saved.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    emit changed();
    return {};
}

Result<Evidence> JobSession::addEvidence(NewEvidence item)
{
    const bool onTask = recordsOnTask(item.record.cardId);
    item.record.jobId = onTask ? 0 : m_job.id;
    item.record.taskId = onTask ? m_task.id : 0;
    item.record.userUuid = m_ctx.userUuid();
    Transaction tx(m_ctx.store.database());
    if (!tx.ok())
        return tx.error();
    auto added = m_ctx.store.evidence().add(item);
    if (!added)
        return added.error();
    if (item.record.kind == EvidenceKind::SealNumber) {
        const qsizetype index = evidence(item.record.cardId, item.record.requirement).size();
        const QString position = sealPosition(item.record.requirement, index);
        auto seal = onTask ? m_ctx.store.seals().addForTask(m_task.id, position, item.record.value)
                           : m_ctx.store.seals().add(m_job.id, position, item.record.value);
        if (!seal)
            return seal.error();
    }
    reload();
    if (auto saved = saveJobState(); !saved)
        return saved.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    emit changed();
    return added;
}

Result<Evidence> JobSession::addPhoto(const QString &cardId, const QString &requirement,
                                      const ProcessedPhoto &photo)
{
    NewEvidence n;
    n.record.cardId = cardId;
    n.record.requirement = requirement;
    n.record.kind = EvidenceKind::Photo;
    n.record.mime = QStringLiteral("image/jpeg");
    n.record.meta = QJsonObject{
        {QStringLiteral("watermark"), QJsonArray::fromStringList(photo.watermark)},
        {QStringLiteral("width"), photo.size.width()},
        {QStringLiteral("height"), photo.size.height()},
        {QStringLiteral("original_width"), photo.originalSize.width()},
        {QStringLiteral("original_height"), photo.originalSize.height()},
        {QStringLiteral("thumbnail_jpeg_base64"), QString::fromLatin1(photo.thumbnailJpeg.toBase64())}};
    n.data = photo.jpeg;
    return addEvidence(n);
}

Result<Evidence> JobSession::addVideo(const QString &cardId, const QString &requirement,
                                      const QByteArray &bytes, const QString &mime)
{
    NewEvidence n;
    n.record.cardId = cardId;
    n.record.requirement = requirement;
    n.record.kind = EvidenceKind::Video;
    n.record.mime = mime;
    n.data = bytes;
    return addEvidence(n);
}

Result<Evidence> JobSession::addSignature(const QString &cardId, const QString &requirement,
                                          const SignatureArtifact &art, const QString &summary)
{
    NewEvidence n;
    n.record.cardId = cardId;
    n.record.requirement = requirement;
    n.record.kind = EvidenceKind::Signature;
    n.record.mime = QStringLiteral("image/png");
    const EvidenceRequirement *req = nullptr;
    if (const Card *card = m_ctx.catalog.card(cardId))
        req = card->requirement(requirement);
    n.record.meta = QJsonObject{
        {QStringLiteral("summary"), summary},
        {QStringLiteral("summary_sha256"), art.summarySha256},
        {QStringLiteral("points_sha256"), art.pointsSha256},
        {QStringLiteral("points"), QJsonDocument::fromJson(art.pointsJson).object()},
        {QStringLiteral("signer"), req ? req->signer : QString()}};
    n.data = art.png;
    return addEvidence(n);
}

Result<Evidence> JobSession::addValue(const QString &cardId, const QString &requirement,
                                      const QString &value, const QJsonObject &meta)
{
    const Card *card = m_ctx.catalog.card(cardId);
    const EvidenceRequirement *req = card ? card->requirement(requirement) : nullptr;
    if (!req)
        return makeError(QStringLiteral("ui.unknown_requirement"),
                         tr("卡片 %1 没有证据项 %2：请更新卡片目录。").arg(cardId, requirement));
    NewEvidence n;
    n.record.cardId = cardId;
    n.record.requirement = requirement;
    n.record.kind = req->kind;
    n.record.value = value;
    n.record.unit = req->unit;
    QJsonObject m = meta;
    if (!req->meter.isEmpty())
        m.insert(QStringLiteral("meter"), req->meter);
    if (!req->registerName.isEmpty())
        m.insert(QStringLiteral("register"), req->registerName);
    if (!m.contains(QStringLiteral("source")))
        m.insert(QStringLiteral("source"), QStringLiteral("manual"));
    n.record.meta = m;
    return addEvidence(n);
}

Result<void> JobSession::choose(const QString &cardId, const QString &choice, const QString &reason)
{
    Transaction tx(m_ctx.store.database());
    if (!tx.ok())
        return tx.error();
    if (recordsOnTask(cardId)) {
        auto r = m_ctx.store.taskCards().setChoice(m_task.id, cardId, choice, reason, m_ctx.userUuid());
        if (!r)
            return r.error();
    } else if (auto r = m_ctx.store.jobs().recordBranch(m_job.id, cardId, choice, reason); !r) {
        return r.error();
    }
    reload();
    if (auto saved = saveJobState(); !saved)
        return saved.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    emit changed();
    return {};
}

Result<QString> JobSession::completeCard(const QString &cardId)
{
    if (m_taskSession) {
        auto next = TaskCards(m_ctx.catalog, m_ctx.workflow).complete(m_snapshot, cardId);
        if (!next)
            return next.error();
        if (auto marked = markTaskCard(cardId); !marked)
            return marked.error();
        return next;
    }
    const CardProgress p = progress(cardId);
    if (!p.canComplete || p.needsDecision) {
        QStringList missing = p.missing;
        if (p.needsDecision)
            missing << tr("请选择下一步怎么走");
        return makeError(QStringLiteral("workflow.incomplete"),
                         tr("卡片 %1 还不能完成，还缺：\n%2").arg(cardId, missing.join(QLatin1Char('\n'))));
    }
    auto edge = m_ctx.workflow.nextEdge(m_snapshot, cardId);
    if (!edge)
        return edge.error();
    if (recordsOnTask(cardId)) {
        if (auto marked = markTaskCard(cardId); !marked)
            return marked.error();
    }
    if (auto saved = saveJobState(); !saved)
        return saved.error();
    emit changed();
    return edge->to;
}

Result<void> JobSession::markTaskCard(const QString &cardId)
{
    if (m_completedTaskCards.contains(cardId))
        return {};
    auto r = m_ctx.store.taskCards().setCompleted(m_task.id, cardId, true, m_ctx.userUuid());
    if (!r)
        return r.error();
    reload();
    emit changed();
    return {};
}

Result<void> JobSession::saveJobState()
{
    if (m_taskSession)
        return {};
    Job j = m_job;
    j.currentCard = m_state.currentCard;
    j.status = m_state.status;
    if (j.status == JobStatus::InProgress && !j.startedAt.isValid())
        j.startedAt = QDateTime::currentDateTimeUtc();
    if (j.status == JobStatus::Done && !j.finishedAt.isValid())
        j.finishedAt = QDateTime::currentDateTimeUtc();
    if (j.currentCard == m_job.currentCard && j.status == m_job.status)
        return {};
    auto saved = m_ctx.store.jobs().update(j);
    if (!saved)
        return saved.error();
    m_job = saved.value();
    return {};
}

QString JobSession::latestReading(const QString &meter) const
{
    QString value;
    for (const Evidence &e : m_evidence) {
        if (e.kind != EvidenceKind::MeterReading)
            continue;
        const QString reg = e.meta.value(QStringLiteral("register")).toString();
        if (e.meta.value(QStringLiteral("meter")).toString() == meter
            && (reg.isEmpty() || reg == QLatin1String("forward_total")))
            value = e.value; // rows come oldest first: keep the latest
    }
    return value;
}

QString JobSession::signatureSummary() const
{
    const auto dash = [](const QString &s) { return s.isEmpty() ? QStringLiteral("—") : s; };
    QStringList lines;
    if (m_taskSession) {
        lines << tr("任务：%1    编号：%2").arg(m_task.name, dash(m_task.code));
        lines << tr("台区：%1    地址：%2").arg(dash(m_task.areaName), dash(m_task.address));
        return lines.join(QLatin1Char('\n'));
    }
    lines << tr("户名：%1    户号：%2").arg(m_customer.name, m_customer.accountNo);
    lines << tr("地址：%1").arg(m_customer.address);
    lines << tr("旧表资产编号：%1    止码：%2 kWh")
                 .arg(dash(m_customer.oldMeter.assetNo), dash(latestReading(QStringLiteral("old"))));
    lines << tr("新表资产编号：%1    起码：%2 kWh")
                 .arg(dash(m_customer.newMeter.assetNo), dash(latestReading(QStringLiteral("new"))));
    return lines.join(QLatin1Char('\n'));
}

Watermark JobSession::watermark(const QString &cardId) const
{
    Watermark w;
    w.accountNo = m_taskSession ? m_task.areaCode : m_customer.accountNo;
    w.customerName = m_taskSession ? m_task.areaName : m_customer.name;
    w.jobLabel = m_taskSession ? m_task.name : m_customer.address;
    w.cardId = cardId;
    if (const Card *card = m_ctx.catalog.card(cardId))
        w.cardTitle = card->title;
    w.at = QDateTime::currentDateTime();
    w.installer = m_ctx.userName();
    return w;
}

} // namespace ms
