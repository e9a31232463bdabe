// SqlOfficeJobs: the review and billing queues and a job's whole picture, read from the job
// projection (jobprojection.h) with its indexes.
#include "serverstore/sqlofficejobs.h"

#include "serverstore/sqlconnection.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonDocument>

#include <algorithm>

namespace ms::server {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ms::server::SqlOfficeJobs", text);
}

QJsonObject object(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// "21.10" after "21.9": cards compare by flow, then step, as numbers.
bool cardLess(const QString &a, const QString &b)
{
    const auto key = [](const QString &c) {
        return std::make_pair(c.section(QLatin1Char('.'), 0, 0).toInt(),
                              c.section(QLatin1Char('.'), 1, 1).toInt());
    };
    return key(a) < key(b);
}
} // namespace

SqlOfficeJobs::SqlOfficeJobs(SqlConnection &db, JobProjection &projection)
    : m_db(db), m_projection(projection)
{
}

QString SqlOfficeJobs::headSelect()
{
    // The customer as the crew last saw it (a record of theirs), else as the office assigned it.
    return QStringLiteral(
        "SELECT j.uuid, j.device, j.user, j.customer_uuid, j.task_uuid, j.crew, j.status, "
        "j.current_card, j.review_state, j.submission, j.submitted_at, j.started_at, "
        "j.finished_at, j.billing_returned, j.branches, "
        "coalesce((SELECT payload FROM records WHERE uuid = j.customer_uuid AND entity = "
        "'customer'), (SELECT payload FROM assignments WHERE uuid = j.customer_uuid), '{}'), "
        "coalesce((SELECT payload FROM assignments WHERE uuid = j.task_uuid), (SELECT payload "
        "FROM records WHERE uuid = j.task_uuid AND entity = 'task'), '{}') FROM office_jobs j ");
}

JobHead SqlOfficeJobs::readHead(const SqlStatement &s)
{
    JobHead h;
    h.uuid = s.text(0);
    h.device = s.text(1);
    h.user = s.text(2);
    h.customerUuid = s.text(3);
    h.taskUuid = s.text(4);
    h.crew = s.text(5);
    h.status = s.text(6);
    h.currentCard = s.text(7);
    h.reviewState = s.text(8);
    h.submission = int(s.integer(9));
    h.submittedAt = s.text(10);
    h.startedAt = s.text(11);
    h.finishedAt = s.text(12);
    h.billingReturned = s.integer(13) != 0;
    h.branches = object(s.text(14));
    h.customer = object(s.text(15));
    h.task = object(s.text(16));
    return h;
}

Result<QList<JobHead>> SqlOfficeJobs::heads(const QStringList &states, const QueueFilter &f)
{
    QStringList where;
    if (!f.task.isEmpty())
        where << QStringLiteral("j.task_uuid = ?1");
    if (!f.crew.isEmpty())
        where << QStringLiteral("j.crew = ?2");
    if (!f.from.isEmpty())
        where << QStringLiteral("j.submitted_at >= ?3");
    if (!f.to.isEmpty())
        where << QStringLiteral("j.submitted_at < ?4");
    QString afterAt, afterUuid;
    if (!f.after.isEmpty()) {
        const qsizetype bar = f.after.indexOf(QLatin1Char('|'));
        if (bar <= 0)
            return makeError(QStringLiteral("office.bad_cursor"),
                             tr("翻页游标“%1”无效；请从第一页重新查询。").arg(f.after));
        afterAt = f.after.left(bar);
        afterUuid = f.after.mid(bar + 1);
        where << QStringLiteral("(j.submitted_at, j.uuid) > (?5, ?6)");
    }
    // One ordered, limited scan per state (an index on (review_state, submitted_at, uuid) or
    // (task_uuid|crew, review_state, …) yields each in order), merged into the page. A single
    // "review_state IN (…)" would read and sort every job in those states first: half a second
    // for the first page of a million-job office on PostgreSQL.
    QStringList scans;
    for (qsizetype i = 0; i < states.size(); ++i)
        scans << QStringLiteral("SELECT * FROM (SELECT j.uuid FROM office_jobs j WHERE %1 "
                                "ORDER BY j.submitted_at, j.uuid LIMIT ?7) AS s%2")
                     .arg((QStringList{QStringLiteral("j.review_state = ?%1").arg(i + 10)} + where)
                              .join(QStringLiteral(" AND ")))
                     .arg(i);
    auto st = m_db.prepare(headSelect() + QStringLiteral("JOIN (")
                           + scans.join(QStringLiteral(" UNION ALL "))
                           + QStringLiteral(") AS page ON page.uuid = j.uuid "
                                            "ORDER BY j.submitted_at, j.uuid LIMIT ?7"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    if (!f.task.isEmpty())
        s.bindText(1, f.task);
    if (!f.crew.isEmpty())
        s.bindText(2, f.crew);
    if (!f.from.isEmpty())
        s.bindText(3, f.from);
    if (!f.to.isEmpty()) // inclusive day: everything before the next one
        s.bindText(4, QDate::fromString(f.to, Qt::ISODate).addDays(1).toString(Qt::ISODate));
    if (!f.after.isEmpty())
        s.bindText(5, afterAt).bindText(6, afterUuid);
    s.bindInt(7, f.limit + 1);
    for (qsizetype i = 0; i < states.size(); ++i)
        s.bindText(int(i) + 10, states.at(i));
    QList<JobHead> out;
    while (s.step())
        out << readHead(s);
    if (s.failed())
        return s.error();
    return out;
}

Result<QueuePage> SqlOfficeJobs::reviewQueue(const QueueFilter &filter)
{
    auto list = heads({QStringLiteral("submitted"), QStringLiteral("resubmitted")}, filter);
    if (!list)
        return list.error();
    QueuePage page;
    page.jobs = *list;
    if (page.jobs.size() > filter.limit) {
        page.jobs.resize(filter.limit);
        page.next = page.jobs.last().submittedAt + QLatin1Char('|') + page.jobs.last().uuid;
    }
    return page;
}

Result<QList<BillingRow>> SqlOfficeJobs::billingQueue(const QueueFilter &filter)
{
    auto list = heads({QStringLiteral("approved")}, filter);
    if (!list)
        return list.error();
    QList<BillingRow> rows;
    for (const JobHead &h : std::as_const(*list).mid(0, filter.limit)) {
        auto row = billingFigures(h);
        if (!row)
            return row.error();
        rows << *row;
    }
    return rows;
}

Result<std::optional<JobHead>> SqlOfficeJobs::head(const QString &uuid)
{
    auto st = m_db.prepare(headSelect() + QStringLiteral("WHERE j.uuid = ?1"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    s.bindText(1, uuid);
    if (!s.step())
        return s.failed() ? Result<std::optional<JobHead>>(s.error())
                          : Result<std::optional<JobHead>>(std::optional<JobHead>());
    return std::optional<JobHead>(readHead(s));
}

Result<QList<OfficeDecision>> SqlOfficeJobs::decisions(const QString &jobUuid)
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT uuid, job_uuid, kind, submission, items, reason, by_user, by_device, at "
        "FROM office_decisions WHERE job_uuid = ?1 ORDER BY seq"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    s.bindText(1, jobUuid);
    QList<OfficeDecision> out;
    while (s.step())
        out << OfficeDecision{s.text(0), s.text(1), s.text(2), int(s.integer(3)),
                              QJsonDocument::fromJson(s.text(4).toUtf8()).array(), s.text(5),
                              s.text(6), s.text(7), s.text(8)};
    if (s.failed())
        return s.error();
    return out;
}

Result<std::optional<JobPicture>> SqlOfficeJobs::job(const QString &uuid)
{
    auto h = head(uuid);
    if (!h)
        return h.error();
    if (!h->has_value())
        return std::optional<JobPicture>();
    JobPicture p;
    p.head = **h;
    auto evidenceRows = evidence(uuid);
    if (!evidenceRows)
        return evidenceRows.error();
    p.evidence = evidenceRows.value();
    {
        auto st = m_db.prepare(QStringLiteral(
            "SELECT card, step_index, done, at FROM office_steps WHERE job_uuid = ?1 "
            "ORDER BY card, step_index"));
        if (!st)
            return st.error();
        SqlStatement &s = st.value();
        s.bindText(1, uuid);
        while (s.step())
            p.steps << JobStep{s.text(0), int(s.integer(1)), s.integer(2) != 0, s.text(3)};
        if (s.failed())
            return s.error();
    }
    {
        auto st = m_db.prepare(QStringLiteral(
            "SELECT position, number, at FROM office_seals WHERE job_uuid = ?1 ORDER BY at, uuid"));
        if (!st)
            return st.error();
        SqlStatement &s = st.value();
        s.bindText(1, uuid);
        while (s.step())
            p.seals << JobSeal{s.text(0), s.text(1), s.text(2)};
        if (s.failed())
            return s.error();
    }
    {
        auto st = m_db.prepare(QStringLiteral(
            "SELECT mechanical_register, remaining_energy, difference, tier FROM office_mismatch "
            "WHERE customer_uuid = ?1 ORDER BY rowid DESC LIMIT 1"));
        if (!st)
            return st.error();
        SqlStatement &s = st.value();
        s.bindText(1, p.head.customerUuid);
        if (s.step()) {
            const auto number = [&s](int col) {
                return s.isNull(col) ? QJsonValue(QJsonValue::Null) : QJsonValue(s.real(col));
            };
            p.mismatch = QJsonObject{{QStringLiteral("mechanical_register"), number(0)},
                                     {QStringLiteral("remaining_energy"), number(1)},
                                     {QStringLiteral("difference"), number(2)},
                                     {QStringLiteral("tier"), s.text(3)}};
        }
        if (s.failed())
            return s.error();
    }
    {
        auto st = m_db.prepare(QStringLiteral(
            "SELECT submission, submitted_at, received_at FROM office_submissions "
            "WHERE job_uuid = ?1 ORDER BY submission"));
        if (!st)
            return st.error();
        SqlStatement &s = st.value();
        s.bindText(1, uuid);
        while (s.step())
            p.submissions << JobSubmission{int(s.integer(0)), s.text(1), s.text(2)};
        if (s.failed())
            return s.error();
    }
    auto d = decisions(uuid);
    if (!d)
        return d.error();
    p.decisions = *d;
    {
        auto st = m_db.prepare(QStringLiteral(
            "SELECT x.batch, e.created_at FROM office_export_items x JOIN office_exports e "
            "ON e.batch = x.batch WHERE x.job_uuid = ?1"));
        if (!st)
            return st.error();
        SqlStatement &s = st.value();
        s.bindText(1, uuid);
        if (s.step()) {
            p.exportBatch = s.text(0);
            p.exportedAt = s.text(1);
        }
        if (s.failed())
            return s.error();
    }
    {
        auto st = m_db.prepare(QStringLiteral(
            "SELECT uuid, device, user, status, started_at FROM office_jobs WHERE customer_uuid = ?1 "
            "AND uuid <> ?2 ORDER BY started_at, uuid"));
        if (!st)
            return st.error();
        SqlStatement &s = st.value();
        s.bindText(1, p.head.customerUuid);
        s.bindText(2, uuid);
        while (s.step())
            p.otherJobs << OtherJob{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), {}};
        if (s.failed())
            return s.error();
    }
    for (OtherJob &other : p.otherJobs) {
        auto rows = evidence(other.uuid);
        if (!rows)
            return rows.error();
        other.evidence = rows.value();
    }
    return std::optional<JobPicture>(p);
}

Result<QList<JobEvidence>> SqlOfficeJobs::evidence(const QString &jobUuid)
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT e.uuid, e.device, e.card, e.requirement, e.kind, e.sha256, e.mime, e.value, "
        "e.unit, e.meter, e.register, e.source, e.captured_at, e.supersedes, e.received_at, "
        // "s.supersedes <> ''" lets SQLite use the partial index office_evidence_supersedes
        "EXISTS(SELECT 1 FROM office_evidence s WHERE s.supersedes = e.uuid "
        "AND s.supersedes <> '') "
        "FROM office_evidence e WHERE e.job_uuid = ?1 ORDER BY e.captured_at, e.uuid"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    s.bindText(1, jobUuid);
    QList<JobEvidence> out;
    while (s.step())
        out << JobEvidence{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5),
                           s.text(6), s.text(7), s.text(8), s.text(9), s.text(10), s.text(11),
                           s.text(12), s.text(13), s.text(14), s.integer(15) != 0};
    if (s.failed())
        return s.error();
    std::stable_sort(out.begin(), out.end(),
                     [](const JobEvidence &a, const JobEvidence &b) { return cardLess(a.card, b.card); });
    return out;
}

Result<BillingRow> SqlOfficeJobs::billingRow(const QString &jobUuid)
{
    auto h = head(jobUuid);
    if (!h)
        return h.error();
    if (!h->has_value())
        return makeError(QStringLiteral("office.unknown_job"),
                         tr("办公室没有工单 %1").arg(jobUuid));
    return billingFigures(**h);
}

Result<BillingRow> SqlOfficeJobs::billingFigures(const JobHead &head)
{
    BillingRow row;
    row.head = head;
    row.oldAssetNo = head.customer.value(QStringLiteral("old_meter")).toObject()
                         .value(QStringLiteral("asset_no")).toString();
    row.newAssetNo = head.customer.value(QStringLiteral("new_meter")).toObject()
                         .value(QStringLiteral("asset_no")).toString();
    const bool prepaid = head.customer.value(QStringLiteral("payment")).toString()
        == QLatin1String("prepaid");
    // The values in force: superseded captures are left out; a later capture wins, except the
    // new meter's 起码, which is its first reading (new_start_total; later ones are acceptance).
    auto st = m_db.prepare(QStringLiteral(
        "SELECT e.kind, e.meter, e.register, e.requirement, e.value, e.source FROM office_evidence "
        "e "
        "WHERE e.job_uuid = ?1 AND (e.kind IN ('meter_reading', 'barcode') OR e.requirement IN "
        "('ct_ratio', 'ct_multiplier', 'old_reading_basis')) AND NOT EXISTS("
        "SELECT 1 FROM office_evidence s WHERE s.supersedes = e.uuid AND s.supersedes <> '') "
        "ORDER BY e.captured_at, e.received_at"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    s.bindText(1, head.uuid);
    bool newStartSeen = false;
    while (s.step()) {
        const QString kind = s.text(0), meter = s.text(1), reg = s.text(2), value = s.text(4);
        const QString requirement = s.text(3);
        if (requirement == QLatin1String("ct_ratio")) {
            row.ctRatio = value;
            continue;
        }
        if (requirement == QLatin1String("ct_multiplier")) {
            row.multiplier = value;
            continue;
        }
        if (requirement == QLatin1String("old_reading_basis")) {
            row.oldReadingNote = value;
            continue;
        }
        if (kind == QLatin1String("barcode")) {
            if (meter == QLatin1String("old"))
                row.oldAssetNo = value;
            else if (meter == QLatin1String("new"))
                row.newAssetNo = value;
            continue;
        }
        if (meter == QLatin1String("old")) {
            if (reg == QLatin1String("forward_total")) {
                row.oldTotal = value;
                row.oldReadingSource = s.text(5);
            }
            for (int t = 1; t <= 4; ++t)
                if (reg == QStringLiteral("forward_t%1").arg(t))
                    row.oldTariffs[t - 1] = value;
            // the balance in the unit the meter keeps (电量型 kWh, 金额型 元); the latest counts
            if ((reg == QLatin1String("remaining_money")
                 || reg == QLatin1String("remaining_energy"))
                && prepaid) {
                row.prepaidBalance = value;
                row.balanceUnit = reg == QLatin1String("remaining_money") ? QStringLiteral("元")
                                                                          : QStringLiteral("kWh");
            }
        } else if (meter == QLatin1String("new") && reg == QLatin1String("forward_total")) {
            const bool start = s.text(3) == QLatin1String("new_start_total");
            if (start || (!newStartSeen && row.newTotal.isEmpty()))
                row.newTotal = value;
            newStartSeen = newStartSeen || start;
        }
    }
    if (s.failed())
        return s.error();
    if (row.multiplier.isEmpty())
        row.multiplier = QStringLiteral("1");
    auto mm = m_db.prepare(QStringLiteral(
        "SELECT difference, tier FROM office_mismatch WHERE customer_uuid = ?1 "
        "ORDER BY rowid DESC LIMIT 1"));
    if (!mm)
        return mm.error();
    mm.value().bindText(1, head.customerUuid);
    if (mm.value().step()) {
        if (!mm.value().isNull(0))
            row.mismatchDifference = QString::number(mm.value().real(0), 'f', 2);
        row.mismatchTier = mm.value().text(1);
    }
    if (mm.value().failed())
        return mm.value().error();
    auto d = decisions(head.uuid);
    if (!d)
        return d.error();
    for (const OfficeDecision &x : std::as_const(*d)) {
        if (x.kind == QLatin1String("approved")) {
            row.approvedBy = x.byUser;
            row.approvedAt = x.at;
        } else if (x.kind == QLatin1String("billing_confirmed")) {
            row.confirmedBy = x.byUser;
            row.confirmedAt = x.at;
        }
    }
    return row;
}

} // namespace ms::server
