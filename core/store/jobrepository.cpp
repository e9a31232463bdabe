#include "store/jobrepository.h"

#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/recordjson.h"
#include "store/rows.h"
#include "store/store.h"
#include "store/storeutil.h"
#include "store/transaction.h"

#include <QJsonDocument>

namespace ms {

using namespace storeutil;

namespace {

struct Filter
{
    QString where;
    QVariantList binds;
};

Filter filterFor(const JobQuery &query)
{
    QStringList conditions;
    Filter f;
    if (query.taskId != 0) {
        conditions << QStringLiteral("c.task_id = ?");
        f.binds << query.taskId;
    }
    if (query.status) {
        conditions << QStringLiteral("j.status = ?");
        f.binds << jobStatusKey(*query.status);
    }
    const QStringList words = query.search.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString w : words) {
        w.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        conditions << QStringLiteral("c.search_text LIKE ? ESCAPE '\\'");
        f.binds << QString(QLatin1Char('%') + w + QLatin1Char('%'));
    }
    if (!conditions.isEmpty())
        f.where = QStringLiteral(" WHERE ") + conditions.join(QLatin1String(" AND "));
    return f;
}

void bindAll(Statement &q, const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        q.bind(i + 1, binds.at(i));
}

// The job's latest review (highest round, then the latest to arrive): job_reviews, migration 7.
const char *const kLatestReviewJoin =
    " LEFT JOIN job_reviews r ON r.id = (SELECT r2.id FROM job_reviews r2 WHERE r2.job_uuid = j.uuid"
    " ORDER BY r2.submission DESC, r2.id DESC LIMIT 1)";

QVariant timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(json::isoTime(t)) : QVariant();
}

} // namespace

JobRepository::JobRepository(Database &db, Store &store, OutboxRepository &outbox)
    : m_db(db), m_store(store), m_outbox(outbox)
{
}

Result<QList<JobListItem>> JobRepository::list(const JobQuery &query)
{
    QList<JobListItem> out;
    const Filter f = filterFor(query);
    auto st = m_db.prepare(QStringLiteral("SELECT ") + QLatin1String(rows::kJobColumns)
                           + QStringLiteral(", ") + QLatin1String(rows::kCustomerColumns)
                           + QStringLiteral(", r.decision, r.submission")
                           + QStringLiteral(" FROM customers c JOIN jobs j ON j.customer_id = c.id")
                           + QLatin1String(kLatestReviewJoin) + f.where
                           + QStringLiteral(" ORDER BY c.task_id, c.meter_box_no, c.account_no"
                                            " LIMIT ? OFFSET ?"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    bindAll(q, f.binds);
    q.bindInt(int(f.binds.size()) + 1, qMax(0, query.limit));
    q.bindInt(int(f.binds.size()) + 2, qMax(0, query.offset));
    const int reviewColumn = rows::kJobColumnCount + rows::kCustomerColumnCount;
    while (q.step()) {
        JobListItem item{rows::jobFrom(q, 0), rows::customerFrom(q, rows::kJobColumnCount), {}};
        if (auto d = reviewDecisionFromKey(q.text(reviewColumn)))
            item.review = ReviewVerdict{*d, int(q.integer(reviewColumn + 1))};
        out.append(item);
    }
    if (q.failed())
        return q.error();
    return out;
}

Result<int> JobRepository::count(const JobQuery &query)
{
    const Filter f = filterFor(query);
    auto st = m_db.prepare(
        QStringLiteral("SELECT count(*) FROM customers c JOIN jobs j ON j.customer_id = c.id")
        + f.where);
    if (!st)
        return st.error();
    bindAll(st.value(), f.binds);
    if (!st.value().step())
        return st.value().failed() ? Result<int>(st.value().error()) : Result<int>(0);
    return int(st.value().integer(0));
}

namespace {
Result<Job> jobWhere(Database &db, const QString &where, const QVariant &value)
{
    auto st = db.prepare(QStringLiteral("SELECT ") + QLatin1String(rows::kJobColumns)
                         + QStringLiteral(" FROM jobs j WHERE ") + where);
    if (!st)
        return st.error();
    st.value().bind(1, value);
    if (!st.value().step())
        return noRow(st.value(), notFound(Tr::tr("找不到该工单（%1）。").arg(value.toString())));
    return rows::jobFrom(st.value(), 0);
}
} // namespace

Result<Job> JobRepository::byId(RowId id)
{
    return jobWhere(m_db, QStringLiteral("j.id = ?"), id);
}

Result<Job> JobRepository::byUuid(const QString &uuid)
{
    return jobWhere(m_db, QStringLiteral("j.uuid = ?"), uuid);
}

Result<Job> JobRepository::forCustomer(RowId customerId)
{
    return jobWhere(m_db, QStringLiteral("j.customer_id = ?"), customerId);
}

Result<Job> JobRepository::update(const Job &in)
{
    auto old = byId(in.id);
    if (!old)
        return old.error();
    Job job = in;
    job.uuid = old->uuid;
    job.taskId = old->taskId;
    job.customerId = old->customerId;
    job.version = old->version + 1;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto st = m_db.prepare(QStringLiteral(
        "UPDATE jobs SET status=?, current_card=?, branches=?, appointment_at=?, started_at=?, "
        "finished_at=?, version=?, updated_at=?, submission=?, submitted_at=? WHERE id=?"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    q.bindText(1, jobStatusKey(job.status));
    q.bindText(2, job.currentCard.isNull() ? QStringLiteral("") : job.currentCard);
    q.bindText(3, QString::fromUtf8(QJsonDocument(job.branches).toJson(QJsonDocument::Compact)));
    q.bind(4, timeOrNull(job.appointmentAt)).bind(5, timeOrNull(job.startedAt));
    q.bind(6, timeOrNull(job.finishedAt)).bindInt(7, job.version);
    q.bindText(8, json::isoTime(now())).bindInt(9, qMax(0, job.submission));
    q.bind(10, timeOrNull(job.submittedAt)).bindInt(11, job.id);
    if (auto r = q.run(); !r)
        return r.error();
    auto refs = m_db.prepare(QStringLiteral(
        "SELECT t.uuid, c.uuid FROM jobs j JOIN tasks t ON t.id = j.task_id "
        "JOIN customers c ON c.id = j.customer_id WHERE j.id = ?"));
    if (!refs)
        return refs.error();
    refs.value().bindInt(1, job.id);
    if (!refs.value().step())
        return noRow(refs.value(), notFound(Tr::tr("工单 %1 缺少任务或客户。").arg(job.id)));
    if (auto r = m_outbox.append(QStringLiteral("job"), job.uuid, job.version,
                                 QStringLiteral("upsert"),
                                 json::fromJob(job, refs.value().text(0), refs.value().text(1)));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    const RowId id = job.id;
    m_db.afterCommit([this, id] { emit m_store.jobChanged(id); });
    return job;
}

Result<Job> JobRepository::setCurrentCard(RowId jobId, const QString &cardId)
{
    auto job = byId(jobId);
    if (!job)
        return job;
    job.value().currentCard = cardId;
    return update(job.value());
}

Result<Job> JobRepository::setStatus(RowId jobId, JobStatus status)
{
    auto job = byId(jobId);
    if (!job)
        return job;
    Job &j = job.value();
    j.status = status;
    if (status != JobStatus::NotStarted && !j.startedAt.isValid())
        j.startedAt = now();
    j.finishedAt = status == JobStatus::Done ? now() : QDateTime();
    return update(j);
}

Result<Job> JobRepository::recordBranch(RowId jobId, const QString &decisionId,
                                        const QString &choice, const QString &reason)
{
    if (decisionId.isEmpty() || choice.isEmpty())
        return badInput(Tr::tr("分支记录缺少决策点或选择。"));
    auto job = byId(jobId);
    if (!job)
        return job;
    job.value().branches.insert(decisionId,
                                QJsonObject{{QStringLiteral("choice"), choice},
                                            {QStringLiteral("reason"), reason},
                                            {QStringLiteral("at"), json::isoTime(now())}});
    return update(job.value());
}

Result<Job> JobRepository::setAppointment(RowId jobId, const QDateTime &at)
{
    auto job = byId(jobId);
    if (!job)
        return job;
    job.value().appointmentAt = at;
    return update(job.value());
}

} // namespace ms
