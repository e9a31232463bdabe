#include "workflow/workflow.h"

#include <QCoreApplication>
#include <QSet>

namespace ms {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ms::Workflow", text);
}

bool hasFailedEdge(const Card &card)
{
    for (const Edge &e : card.next)
        if (e.when == QLatin1String("check.failed"))
            return true;
    return false;
}

// A check counts by its latest answer: a check answered "no" and, after rectification, answered
// again "yes" has passed (the earlier answer stays on record).
QString latestAnswer(const QStringList &values)
{
    for (qsizetype i = values.size() - 1; i >= 0; --i)
        if (!values.at(i).trimmed().isEmpty())
            return values.at(i).trimmed();
    return {};
}

// True when every edge of the card is an exception taken on a failed check (41.1: a follow-up
// call that finds a defect goes to 42.1): when the checks pass, the card ends its path.
// True when some edge or requirement of the card branches on this check's "no"
// (`no.<card>.<key>`): the answer is expected and has its own way on, it is not the card's failure.
bool namedByNoCondition(const Card &card, const QString &key)
{
    const QString name = QStringLiteral("no.%1.%2").arg(card.id, key);
    auto names = [&](const QString &when) {
        return when == name || (when.startsWith(QLatin1Char('!')) && when.mid(1) == name);
    };
    for (const Edge &e : card.next)
        if (names(e.when))
            return true;
    for (const EvidenceRequirement &r : card.evidence)
        if (names(r.when))
            return true;
    return false;
}

// The first card of the loop that starts at `to` (the tail of the path) that left on a failed
// check; `to` when none did.
QString redoCard(const QList<PathEntry> &path, const QString &to)
{
    qsizetype start = path.size();
    for (qsizetype i = path.size() - 1; i >= 0; --i)
        if (path.at(i).cardId == to) {
            start = i;
            break;
        }
    for (qsizetype i = start; i < path.size(); ++i)
        if (path.at(i).when == QLatin1String("check.failed")
            || path.at(i).when.startsWith(QLatin1String("no.")))
            return path.at(i).cardId;
    return to;
}

bool onlyFailureEdges(const Card &card)
{
    for (const Edge &e : card.next)
        if (e.when != QLatin1String("check.failed"))
            return false;
    return !card.next.isEmpty();
}

} // namespace

int CardProgress::stepsDone() const
{
    int n = 0;
    for (const StepState &s : steps)
        n += s.done ? 1 : 0;
    return n;
}

int CardProgress::evidenceDone() const
{
    int n = 0;
    for (const RequirementState &r : evidence)
        n += (r.required && r.done()) ? 1 : 0;
    return n;
}

Workflow::Workflow(const Catalog &catalog) : m_catalog(catalog) {}

bool Workflow::handsOverToOffice(const QString &from, const QString &to) const
{
    auto where = [this](const QString &cardId) {
        const Card *card = m_catalog.card(cardId);
        const Role *role = card ? m_catalog.role(card->role) : nullptr;
        return role ? role->where : QString();
    };
    const QString office = QStringLiteral("office");
    return where(from) != office && where(to) == office;
}

CardProgress Workflow::progress(const JobSnapshot &job, const QString &cardId) const
{
    CardProgress p;
    p.cardId = cardId;
    const Card *card = m_catalog.card(cardId);
    if (!card)
        return p;
    const QSet<int> ticked = job.stepsDone.value(cardId);
    const QHash<QString, QStringList> captured = job.evidence.value(cardId);
    p.chosen = job.choices.value(cardId).choice;
    p.started = !ticked.isEmpty() || !captured.isEmpty() || !p.chosen.isEmpty();
    for (int i = 0; i < card->steps.size(); ++i) {
        const Step &s = card->steps.at(i);
        p.steps.append(StepState{i, s.text, s.safety, ticked.contains(i)});
        if (!ticked.contains(i))
            p.missing.append(tr("步骤 %1：%2").arg(i + 1).arg(s.text));
    }
    bool failedUnhandled = false;
    // one_of groups: alternatives (remaining energy in kWh or money in 元) — any one will do
    QHash<QString, bool> groupDone;
    QHash<QString, QStringList> groupLabels;
    for (const EvidenceRequirement &r : card->evidence) {
        if (r.oneOf.isEmpty() || (!r.when.isEmpty() && !conditionHolds(r.when, job, cardId)))
            continue;
        qsizetype have = 0;
        for (const QString &v : captured.value(r.key))
            have += v.trimmed().isEmpty() ? 0 : 1;
        groupDone[r.oneOf] = groupDone.value(r.oneOf) || have >= r.minCount;
        groupLabels[r.oneOf].append(r.label);
    }
    for (const EvidenceRequirement &r : card->evidence) {
        if (!r.when.isEmpty() && !conditionHolds(r.when, job, cardId))
            continue; // does not apply to this job (e.g. remaining money on a postpaid meter)
        RequirementState st{r.key, r.label, r.kind, r.required, 0, r.minCount};
        const QStringList values = captured.value(r.key);
        for (const QString &v : values)
            st.have += v.trimmed().isEmpty() ? 0 : 1;
        if (r.kind == EvidenceKind::Check && latestAnswer(values) == QLatin1String("no")) {
            p.checkFailed = true;
            if (r.blocking || (!hasFailedEdge(*card) && !namedByNoCondition(*card, r.key))) {
                failedUnhandled = true;
                p.missing.append(tr("%1：必须确认为“是”才能继续").arg(r.label));
            }
        }
        if (!r.oneOf.isEmpty()) {
            if (r.required && !groupDone.value(r.oneOf)) {
                const QString either = groupLabels.value(r.oneOf).join(tr("，或"));
                if (!p.missing.contains(either))
                    p.missing.append(either);
            }
        } else if (r.required && !st.done()) {
            if (st.need > 1)
                p.missing.append(tr("%1（需要 %2 项，已有 %3 项）").arg(r.label).arg(st.need).arg(st.have));
            else
                p.missing.append(r.label);
        }
        p.evidence.append(st);
    }
    p.canComplete = p.missing.isEmpty() && !failedUnhandled;
    if (p.canComplete) {
        const Result<Edge> e = selectEdge(job, cardId);
        p.needsDecision = !e.ok() && e.error().code == QLatin1String("workflow.decision_needed");
    }
    return p;
}

bool Workflow::conditionHolds(const QString &when, const JobSnapshot &job,
                              const QString &cardId) const
{
    if (when.startsWith(QLatin1Char('!')))
        return !conditionHolds(when.mid(1), job, cardId);
    if (when == QLatin1String("customer.mismatch"))
        return job.customer.mismatch;
    if (when == QLatin1String("customer.prepaid"))
        return job.customer.prepaid;
    if (when == QLatin1String("customer.postpaid"))
        return !job.customer.prepaid;
    if (when.startsWith(QLatin1String("choice."))) {
        const QString id = when.mid(7);
        for (const BranchChoice &c : job.choices)
            if (c.choice == id)
                return true;
        return false;
    }
    if (when == QLatin1String("check.failed") || when == QLatin1String("check.passed")) {
        const bool failed = checkFailedOn(job, cardId);
        return when == QLatin1String("check.failed") ? failed : !failed;
    }
    if (when.startsWith(QLatin1String("failed."))) // failed.27.3: that card's check answered no
        return checkFailedOn(job, when.mid(7));
    if (when.startsWith(QLatin1String("no."))) { // no.21.3.old_seals_intact: that check's "no"
        const QString ref = when.mid(3);
        const qsizetype dot = ref.lastIndexOf(QLatin1Char('.'));
        const QStringList values = job.evidence.value(ref.left(dot)).value(ref.mid(dot + 1));
        return latestAnswer(values) == QLatin1String("no");
    }
    return false;
}

bool Workflow::checkFailedOn(const JobSnapshot &job, const QString &cardId) const
{
    const Card *card = m_catalog.card(cardId);
    const QHash<QString, QStringList> captured = job.evidence.value(cardId);
    for (auto it = captured.constBegin(); card && it != captured.constEnd(); ++it) {
        const EvidenceRequirement *r = card->requirement(it.key());
        if (r && r->kind == EvidenceKind::Check && !r->blocking
            && !namedByNoCondition(*card, r->key)
            && latestAnswer(it.value()) == QLatin1String("no"))
            return true;
    }
    return false;
}

QList<Edge> Workflow::userChoices(const QString &cardId) const
{
    QList<Edge> out;
    if (const Card *card = m_catalog.card(cardId))
        for (const Edge &e : card->next)
            if (e.when.isEmpty())
                out.append(e);
    return out;
}

Result<void> Workflow::checkChoice(const QString &cardId, const QString &choice) const
{
    for (const Edge &e : userChoices(cardId))
        if (!choice.isEmpty() && e.choice == choice)
            return {};
    return makeError(QStringLiteral("workflow.unknown_choice"),
                     tr("“%1”不是卡片 %2 的分支：请在卡片上给出的选项中选择").arg(choice, cardId));
}

Result<Edge> Workflow::nextEdge(const JobSnapshot &job, const QString &cardId) const
{
    if (!m_catalog.card(cardId))
        return makeError(QStringLiteral("workflow.unknown_card"),
                         tr("作业卡目录中没有卡片 %1：请更新作业卡目录").arg(cardId));
    const CardProgress p = progress(job, cardId);
    if (!p.canComplete)
        return checkComplete(p).error();
    return selectEdge(job, cardId);
}

QStringList Workflow::blockers(const CardProgress &progress)
{
    QStringList missing = progress.missing;
    if (progress.needsDecision)
        missing << tr("请选择下一步怎么走");
    return missing;
}

Result<void> Workflow::checkComplete(const CardProgress &progress)
{
    const QStringList missing = blockers(progress);
    if (missing.isEmpty() && progress.canComplete)
        return {};
    return makeError(QStringLiteral("workflow.incomplete"),
                     tr("卡片 %1 还不能完成，还缺：\n%2")
                         .arg(progress.cardId, missing.join(QLatin1Char('\n'))));
}

Result<Edge> Workflow::selectEdge(const JobSnapshot &job, const QString &cardId) const
{
    const Card *card = m_catalog.card(cardId);
    if (!card)
        return makeError(QStringLiteral("workflow.unknown_card"),
                         tr("作业卡目录中没有卡片 %1：请更新作业卡目录").arg(cardId));
    if (card->next.isEmpty())
        return makeError(QStringLiteral("workflow.end"), tr("卡片 %1 是流程的最后一张").arg(cardId));
    for (const Edge &e : card->next)
        if (!e.when.isEmpty() && conditionHolds(e.when, job, cardId))
            return e;
    const QList<Edge> user = userChoices(cardId);
    if (user.isEmpty() && onlyFailureEdges(*card))
        return makeError(QStringLiteral("workflow.end"),
                         tr("卡片 %1 是流程的最后一张").arg(cardId));
    if (user.isEmpty())
        return makeError(QStringLiteral("workflow.no_edge"),
                         tr("卡片 %1 的分支条件都不满足：请联系内勤检查作业卡目录").arg(cardId));
    if (user.size() == 1)
        return user.first();
    const BranchChoice chosen = job.choices.value(cardId);
    if (chosen.choice.isEmpty()) {
        const QString q = card->decision ? card->decision->question : QString();
        return makeError(QStringLiteral("workflow.decision_needed"),
                         tr("请先选择：%1").arg(q));
    }
    for (const Edge &e : user)
        if (e.choice == chosen.choice)
            return e;
    return makeError(QStringLiteral("workflow.unknown_choice"),
                     tr("记录的选择“%1”不是卡片 %2 的分支：请重新选择").arg(chosen.choice, cardId));
}

WorkflowState Workflow::evaluate(const JobSnapshot &job) const
{
    WorkflowState st;
    QString cur = job.startCard.isEmpty() ? m_catalog.jobEntry : job.startCard;
    if (!m_catalog.card(cur)) {
        st.problem = tr("起始卡片 %1 不在作业卡目录中：请更新作业卡目录").arg(cur);
        st.currentCard = cur;
        return st;
    }
    QSet<QString> visited;
    bool anyStarted = false;
    bool done = false;
    while (true) {
        visited.insert(cur);
        const CardProgress p = progress(job, cur);
        anyStarted = anyStarted || p.started;
        if (!p.canComplete)
            break;
        const Result<Edge> e = selectEdge(job, cur);
        if (!e.ok()) {
            if (e.error().code == QLatin1String("workflow.end")) {
                st.path.append(PathEntry{cur, {}, {}, {}, {}, {}, {}});
                done = true;
            } else if (e.error().code != QLatin1String("workflow.decision_needed")) {
                st.problem = e.error().message;
            }
            break;
        }
        const Edge &edge = e.value();
        const QString reason = edge.when.isEmpty() ? job.choices.value(cur).reason : QString();
        st.path.append(PathEntry{cur, edge.to, edge.when.isEmpty() ? edge.choice : QString(),
                                 edge.when, edge.label, reason, edge.wait});
        if (handsOverToOffice(cur, edge.to)) {
            done = true; // the field part of the job ends; the office takes it from here (31.1)
            break;
        }
        if (visited.contains(edge.to)) {
            // A loop: the walk came back (re-check after rectification, a swap resumed after the
            // seals were handed to 用电检查). The card to redo is the first one in the loop that
            // left on a failed check (its check is answered again); without one, the target.
            cur = redoCard(st.path, edge.to);
            st.problem = tr("卡片 %1 需要重新进行").arg(cur);
            break;
        }
        cur = edge.to;
    }
    if (done) {
        st.status = JobStatus::Done;
        return st;
    }
    st.currentCard = cur;
    st.current = progress(job, cur);
    if (st.current.needsDecision)
        st.choices = userChoices(cur);
    if (!st.path.isEmpty() && st.path.last().wait == QLatin1String("appointment")
        && st.path.last().to == cur)
        st.status = JobStatus::WaitingAppointment;
    else if (anyStarted || !st.path.isEmpty())
        st.status = JobStatus::InProgress;
    else
        st.status = JobStatus::NotStarted;
    return st;
}

} // namespace ms
