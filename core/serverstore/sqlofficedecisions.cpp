// SqlOfficeJobs: the office's decisions on a job (review verdicts, billing checks), billing
// exports and their log, progress figures.
#include "serverstore/sqlofficejobs.h"

#include "serverstore/sqlconnection.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace ms::server {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ms::server::SqlOfficeJobs", text);
}

// NOT NULL columns: an empty text is '', never NULL.
QString text(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

QString now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

QString compact(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

// The states a decision of `kind` applies to.
QStringList awaiting(const QString &kind)
{
    if (kind == QLatin1String("approved") || kind == QLatin1String("sent_back"))
        return {QStringLiteral("submitted"), QStringLiteral("resubmitted")};
    return {QStringLiteral("approved")}; // billing_confirmed, billing_sent_back
}

QString stateText(const QString &state)
{
    if (state == QLatin1String("open"))
        return QCoreApplication::translate("ms::server::SqlOfficeJobs", "尚未提交");
    if (state == QLatin1String("submitted") || state == QLatin1String("resubmitted"))
        return QCoreApplication::translate("ms::server::SqlOfficeJobs", "待内勤审核");
    if (state == QLatin1String("sent_back"))
        return QCoreApplication::translate("ms::server::SqlOfficeJobs",
                                           "已退回施工人员，等待重新提交");
    if (state == QLatin1String("approved"))
        return QCoreApplication::translate("ms::server::SqlOfficeJobs", "已审核通过，待电费审核");
    if (state == QLatin1String("billing_confirmed"))
        return QCoreApplication::translate("ms::server::SqlOfficeJobs", "电费审核已确认，待导出");
    if (state == QLatin1String("exported"))
        return QCoreApplication::translate("ms::server::SqlOfficeJobs", "已导出到营销系统");
    return state;
}
} // namespace

Result<DecisionOutcome> SqlOfficeJobs::decide(const DecisionRequest &r)
{
    SqlTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // One decision at a time per job, none while the job's record is being applied; a review
    // joins the assignment feed like an import (the same order as pushRecords and importTask).
    if (auto locked = m_db.lockKey(QStringLiteral("record:") + r.jobUuid); !locked)
        return locked.error();
    if (auto locked = m_db.lockKey(QStringLiteral("assignments")); !locked)
        return locked.error();
    {
        auto st = m_db.prepare(QStringLiteral(
            "SELECT d.uuid, d.job_uuid, d.kind, d.submission, d.items, d.reason, d.by_user, "
            "d.by_device, d.at, j.review_state FROM office_decisions d LEFT JOIN office_jobs j "
            "ON j.uuid = d.job_uuid WHERE d.uuid = ?1"));
        if (!st)
            return st.error();
        SqlStatement &s = st.value();
        s.bindText(1, r.uuid);
        if (s.step()) { // made before (a retry of a decision queued offline): the first answer
            DecisionOutcome o{OfficeDecision{s.text(0), s.text(1), s.text(2), int(s.integer(3)),
                                             QJsonDocument::fromJson(s.text(4).toUtf8()).array(),
                                             s.text(5), s.text(6), s.text(7), s.text(8)},
                              true, s.text(9)};
            if (o.decision.jobUuid != r.jobUuid || o.decision.kind != r.kind)
                return makeError(QStringLiteral("review.decision_reused"),
                                 tr("决定编号 %1 已用于另一项决定（工单 %2）；每项决定请使用新的编号。")
                                     .arg(r.uuid, o.decision.jobUuid));
            return o;
        }
        if (s.failed())
            return s.error();
    }
    auto h = head(r.jobUuid);
    if (!h)
        return h.error();
    if (!h->has_value())
        return makeError(QStringLiteral("office.unknown_job"),
                         tr("办公室没有工单 %1；请刷新队列后再试。").arg(r.jobUuid));
    const JobHead &job = **h;
    if (!awaiting(r.kind).contains(job.reviewState))
        return makeError(QStringLiteral("review.not_awaiting"),
                         tr("工单 %1 当前状态是“%2”（%3），不能作此决定；请刷新后查看它的最新状态。")
                             .arg(r.jobUuid, job.reviewState, stateText(job.reviewState)));
    OfficeDecision d{r.uuid, r.jobUuid, r.kind, job.submission, r.items, r.reason,
                     r.byUser, r.byDevice, now()};
    auto ins = m_db.prepare(QStringLiteral(
        "INSERT INTO office_decisions(uuid, job_uuid, kind, submission, items, reason, by_user, "
        "by_device, at) VALUES(?,?,?,?,?,?,?,?,?)"));
    if (!ins)
        return ins.error();
    SqlStatement &i = ins.value();
    i.bindText(1, d.uuid).bindText(2, d.jobUuid).bindText(3, d.kind).bindInt(4, d.submission);
    i.bindText(5, compact(d.items)).bindText(6, text(d.reason)).bindText(7, text(d.byUser));
    i.bindText(8, text(d.byDevice)).bindText(9, d.at);
    if (auto ok = i.run(); !ok)
        return ok.error();
    if (d.kind == QLatin1String("approved") || d.kind == QLatin1String("sent_back")) {
        // The verdict goes to the device that owns the job, in its next pull (entity "review").
        QJsonObject payload{{QStringLiteral("uuid"), d.uuid},
                            {QStringLiteral("job_uuid"), d.jobUuid},
                            {QStringLiteral("customer_uuid"), job.customerUuid},
                            {QStringLiteral("submission"), d.submission},
                            {QStringLiteral("decision"), d.kind},
                            {QStringLiteral("items"), d.kind == QLatin1String("sent_back")
                                                          ? d.items : QJsonArray()},
                            {QStringLiteral("by"), d.byUser},
                            {QStringLiteral("at"), d.at},
                            {QStringLiteral("version"), 1}};
        auto a = m_db.prepare(QStringLiteral(
            "INSERT INTO assignments(entity, uuid, version, payload, task_uuid, assignees, device) "
            "VALUES('review', ?1, 1, ?2, ?3, '', ?4)"));
        if (!a)
            return a.error();
        a.value().bindText(1, d.uuid);
        a.value().bindText(2, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
        a.value().bindText(3, text(job.taskUuid)).bindText(4, text(job.device));
        if (auto ok = a.value().run(); !ok)
            return ok.error();
    }
    if (auto ok = m_projection.refreshReviewState(r.jobUuid); !ok)
        return ok.error();
    auto after = head(r.jobUuid);
    if (!after)
        return after.error();
    if (auto ok = tx.commit(); !ok)
        return ok.error();
    return DecisionOutcome{d, false, after->has_value() ? (*after)->reviewState : QString()};
}

Result<ExportResult> SqlOfficeJobs::exportBilling(const QString &batch, const QString &byUser,
                                                  const QString &byDevice)
{
    SqlTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // One export at a time, whichever server it lands on: a job goes into one batch.
    if (auto locked = m_db.lockKey(QStringLiteral("billing-export")); !locked)
        return locked.error();
    ExportResult out;
    out.at = now();
    QStringList jobs;
    if (batch.isEmpty()) {
        auto st = m_db.prepare(QStringLiteral(
            "SELECT uuid FROM office_jobs WHERE review_state = 'billing_confirmed' "
            "ORDER BY submitted_at, uuid"));
        if (!st)
            return st.error();
        while (st.value().step())
            jobs << st.value().text(0);
        if (st.value().failed())
            return st.value().error();
        if (jobs.isEmpty())
            return out; // nothing confirmed since the last export: no batch, nothing logged
        QStringList ordered = jobs;
        ordered.sort();
        for (QString &job : ordered)
            job.prepend(QStringLiteral("record:"));
        if (auto locked = m_db.lockKeys(ordered); !locked)
            return locked.error();
        out.batch = QStringLiteral("B%1-%2")
                        .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")))
                        .arg(QRandomGenerator::system()->bounded(0x10000), 4, 16, QLatin1Char('0'));
        auto e = m_db.prepare(QStringLiteral(
            "INSERT INTO office_exports(batch, created_at, by_user, by_device, count) VALUES(?,?,?,?,?)"));
        if (!e)
            return e.error();
        e.value().bindText(1, out.batch).bindText(2, out.at).bindText(3, text(byUser));
        e.value().bindText(4, text(byDevice)).bindInt(5, jobs.size());
        if (auto ok = e.value().run(); !ok)
            return ok.error();
        for (const QString &job : std::as_const(jobs)) {
            auto x = m_db.prepare(QStringLiteral(
                "INSERT INTO office_export_items(job_uuid, batch) VALUES(?1, ?2)"));
            if (!x)
                return x.error();
            x.value().bindText(1, job).bindText(2, out.batch);
            if (auto ok = x.value().run(); !ok)
                return ok.error();
            if (auto ok = m_projection.refreshReviewState(job); !ok)
                return ok.error();
        }
    } else {
        out.batch = batch;
        out.reexport = true;
        auto st = m_db.prepare(QStringLiteral(
            "SELECT x.job_uuid FROM office_export_items x JOIN office_jobs j ON j.uuid = x.job_uuid "
            "WHERE x.batch = ?1 ORDER BY j.submitted_at, j.uuid"));
        if (!st)
            return st.error();
        st.value().bindText(1, batch);
        while (st.value().step())
            jobs << st.value().text(0);
        if (st.value().failed())
            return st.value().error();
        if (jobs.isEmpty())
            return makeError(QStringLiteral("billing.unknown_batch"),
                             tr("没有导出批次“%1”；请在导出记录中查看批次号。").arg(batch));
    }
    auto log = m_db.prepare(QStringLiteral(
        "INSERT INTO office_export_log(batch, kind, by_user, by_device, at, count) VALUES(?,?,?,?,?,?)"));
    if (!log)
        return log.error();
    log.value().bindText(1, out.batch);
    log.value().bindText(2, out.reexport ? QStringLiteral("re-export") : QStringLiteral("export"));
    log.value().bindText(3, text(byUser)).bindText(4, text(byDevice)).bindText(5, out.at);
    log.value().bindInt(6, jobs.size());
    if (auto ok = log.value().run(); !ok)
        return ok.error();
    for (const QString &job : std::as_const(jobs)) {
        auto row = billingRow(job);
        if (!row)
            return row.error();
        out.rows << *row;
    }
    if (auto ok = tx.commit(); !ok)
        return ok.error();
    return out;
}

Result<QList<ExportLogEntry>> SqlOfficeJobs::exportLog()
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT batch, kind, by_user, by_device, at, count FROM office_export_log ORDER BY id DESC"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    QList<ExportLogEntry> out;
    while (s.step())
        out << ExportLogEntry{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), int(s.integer(5))};
    if (s.failed())
        return s.error();
    return out;
}

Result<Progress> SqlOfficeJobs::progress(const ProgressFilter &f)
{
    QString where = QStringLiteral("WHERE j.submission > 0");
    if (!f.task.isEmpty())
        where += QStringLiteral(" AND j.task_uuid = ?1");
    if (!f.from.isEmpty())
        where += QStringLiteral(" AND j.submitted_at >= ?2");
    if (!f.to.isEmpty())
        where += QStringLiteral(" AND j.submitted_at < ?3");
    const auto bind = [&f](SqlStatement &s) {
        if (!f.task.isEmpty())
            s.bindText(1, f.task);
        if (!f.from.isEmpty())
            s.bindText(2, f.from);
        if (!f.to.isEmpty())
            s.bindText(3, QDate::fromString(f.to, Qt::ISODate).addDays(1).toString(Qt::ISODate));
    };
    Progress out;
    {
        // One row per submitted job with its own figures, folded per task and per crew and day.
        auto st = m_db.prepare(QStringLiteral(
            "SELECT j.task_uuid, coalesce((SELECT json_extract(payload, '$.name') FROM assignments "
            "WHERE uuid = j.task_uuid), (SELECT json_extract(payload, '$.name') FROM records WHERE "
            "uuid = j.task_uuid), ''), j.crew, substr(j.submitted_at, 1, 10), j.review_state, "
            "(SELECT count(*) FROM office_decisions d WHERE d.job_uuid = j.uuid AND d.kind IN "
            "('approved', 'sent_back')), (SELECT count(*) FROM office_decisions d WHERE d.job_uuid "
            "= j.uuid AND d.kind = 'approved'), EXISTS(SELECT 1 FROM office_decisions d WHERE "
            "d.job_uuid = j.uuid AND d.kind = 'approved' AND d.submission = 1) AND NOT EXISTS("
            "SELECT 1 FROM office_decisions d WHERE d.job_uuid = j.uuid AND d.kind = 'sent_back') "
            "FROM office_jobs j ") + where + QStringLiteral(" ORDER BY 1, 3, 4"));
        if (!st)
            return st.error();
        SqlStatement &s = st.value();
        bind(s);
        QHash<QString, qsizetype> taskAt, crewAt;
        while (s.step()) {
            const QString task = s.text(0), crew = s.text(2), day = s.text(3);
            const auto fold = [&s](ProgressRow &row) {
                row.states[s.text(4)] += 1;
                row.reviews += int(s.integer(5));
                row.approvals += int(s.integer(6));
                row.approvedJobs += s.integer(6) > 0 ? 1 : 0;
                row.firstTimeRight += s.integer(7) != 0 ? 1 : 0;
            };
            if (!taskAt.contains(task)) {
                taskAt.insert(task, out.byTask.size());
                out.byTask << ProgressRow{task, s.text(1), {}, {}, {}};
            }
            fold(out.byTask[taskAt.value(task)]);
            const QString key = task + QLatin1Char('\n') + crew + QLatin1Char('\n') + day;
            if (!crewAt.contains(key)) {
                crewAt.insert(key, out.byCrewDay.size());
                out.byCrewDay << ProgressRow{task, s.text(1), crew, day, {}};
            }
            fold(out.byCrewDay[crewAt.value(key)]);
        }
        if (s.failed())
            return s.error();
    }
    {
        auto st = m_db.prepare(QStringLiteral(
            "SELECT j.task_uuid, json_extract(i.value, '$.reason'), count(*) FROM office_decisions d "
            "JOIN office_jobs j ON j.uuid = d.job_uuid, json_each(d.items) i ") + where
            + QStringLiteral(" AND d.kind = 'sent_back' GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2"));
        if (!st)
            return st.error();
        SqlStatement &s = st.value();
        bind(s);
        while (s.step())
            out.reasons << ReasonCount{s.text(0), s.text(1), int(s.integer(2))};
        if (s.failed())
            return s.error();
    }
    return out;
}

} // namespace ms::server
