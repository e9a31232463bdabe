#include "store/reviewrepository.h"

#include "store/database.h"
#include "store/recordjson.h"
#include "store/store.h"
#include "store/storelog.h"
#include "store/storeutil.h"
#include "store/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace ms {

using namespace storeutil;

const char *const ReviewRepository::kMigrationSql = R"SQL(
ALTER TABLE jobs ADD COLUMN submission INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN submitted_at TEXT;
CREATE TABLE job_reviews(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    job_uuid TEXT NOT NULL,
    customer_uuid TEXT NOT NULL DEFAULT '',
    submission INTEGER NOT NULL,
    decision TEXT NOT NULL CHECK(decision IN ('approved','sent_back')),
    items TEXT NOT NULL DEFAULT '[]',     -- JSON [{"card","requirement","reason"}]
    by_user TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    evidence_mark INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX job_reviews_job ON job_reviews(job_uuid, submission, id);
)SQL";

namespace {

const char *const kSelect = "SELECT id, uuid, job_uuid, customer_uuid, submission, decision, items, "
                            "by_user, at, received_at, evidence_mark, version FROM job_reviews ";

JobReview reviewFrom(const Statement &q)
{
    JobReview r;
    r.id = q.integer(0);
    r.uuid = q.text(1);
    r.jobUuid = q.text(2);
    r.customerUuid = q.text(3);
    r.submission = int(q.integer(4));
    r.decision = reviewDecisionFromKey(q.text(5)).value_or(ReviewDecision::SentBack);
    for (const QJsonValue &v : QJsonDocument::fromJson(q.text(6).toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        r.items << ReviewItem{o.value(QStringLiteral("card")).toString(),
                              o.value(QStringLiteral("requirement")).toString(),
                              o.value(QStringLiteral("reason")).toString()};
    }
    r.by = q.text(7);
    r.at = json::parseTime(q.text(8));
    r.receivedAt = json::parseTime(q.text(9));
    r.evidenceMark = q.integer(10);
    r.version = int(q.integer(11));
    return r;
}

// An empty (null) QString binds as NULL: these columns are NOT NULL DEFAULT ''.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString itemsJson(const QList<ReviewItem> &items)
{
    QJsonArray a;
    for (const ReviewItem &i : items)
        a.append(QJsonObject{{QStringLiteral("card"), i.card},
                             {QStringLiteral("requirement"), i.requirement},
                             {QStringLiteral("reason"), i.reason}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

} // namespace

ReviewRepository::ReviewRepository(Database &db, Store &store) : m_db(db), m_store(store) {}

Result<int> ReviewRepository::applyPulled(const QList<JobReview> &reviews)
{
    if (reviews.isEmpty())
        return 0;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto mark = m_db.prepare(QStringLiteral("SELECT ifnull(max(id), 0) FROM evidence"));
    auto ins = m_db.prepare(QStringLiteral(
        "INSERT INTO job_reviews(uuid, job_uuid, customer_uuid, submission, decision, items, "
        "by_user, at, received_at, evidence_mark, version) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(uuid) DO NOTHING"));
    auto job = m_db.prepare(QStringLiteral("SELECT id FROM jobs WHERE uuid = ?"));
    if (!mark || !ins || !job)
        return !mark ? mark.error() : !ins ? ins.error() : job.error();
    if (!mark.value().step())
        return mark.value().failed() ? mark.value().error()
                                     : badInput(Tr::tr("读不到证据的最大编号。"));
    const RowId evidenceMark = mark.value().integer(0);
    const QString receivedAt = json::isoTime(now());
    int added = 0;
    QSet<RowId> changedJobs;
    for (const JobReview &r : reviews) {
        if (r.uuid.isEmpty() || r.jobUuid.isEmpty())
            return badInput(Tr::tr("审核结论缺少 uuid 或 job_uuid，没有保存：请联系办公室。"));
        Statement &q = ins.value();
        q.reset();
        q.bindText(1, r.uuid).bindText(2, r.jobUuid).bindText(3, text(r.customerUuid));
        q.bindInt(4, r.submission).bindText(5, reviewDecisionKey(r.decision));
        q.bindText(6, itemsJson(r.items)).bindText(7, text(r.by));
        q.bindText(8, text(json::isoTime(r.at)));
        q.bindText(9, receivedAt).bindInt(10, evidenceMark).bindInt(11, qMax(1, r.version));
        if (auto done = q.run(); !done)
            return done.error();
        if (m_db.changes() == 0)
            continue; // already held: a re-pull changes nothing
        ++added;
        job.value().reset();
        job.value().bindText(1, r.jobUuid);
        if (job.value().step())
            changedJobs.insert(job.value().integer(0));
        else if (job.value().failed())
            return job.value().error();
        else
            qCWarning(lcStore) << "review" << r.uuid << "names a job this tablet does not hold"
                               << r.jobUuid;
    }
    if (auto done = tx.commit(); !done)
        return done.error();
    for (RowId id : std::as_const(changedJobs))
        m_db.afterCommit([this, id] { emit m_store.jobChanged(id); });
    return added;
}

Result<QList<JobReview>> ReviewRepository::forJob(const QString &jobUuid)
{
    auto st = m_db.prepare(QLatin1String(kSelect)
                           + QStringLiteral("WHERE job_uuid = ? ORDER BY id"));
    if (!st)
        return st.error();
    st.value().bindText(1, jobUuid);
    QList<JobReview> out;
    while (st.value().step())
        out << reviewFrom(st.value());
    if (st.value().failed())
        return st.value().error();
    return out;
}

Result<std::optional<JobReview>> ReviewRepository::latestForJob(const QString &jobUuid)
{
    auto st = m_db.prepare(QLatin1String(kSelect)
                           + QStringLiteral("WHERE job_uuid = ? ORDER BY submission DESC, id DESC "
                                            "LIMIT 1"));
    if (!st)
        return st.error();
    st.value().bindText(1, jobUuid);
    if (st.value().step())
        return std::optional<JobReview>(reviewFrom(st.value()));
    if (st.value().failed())
        return st.value().error();
    return std::optional<JobReview>();
}

} // namespace ms
