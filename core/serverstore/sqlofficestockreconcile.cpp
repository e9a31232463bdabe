// SqlOfficeStock: the reconciliation (issued = installed + returned + on hand, differences by
// number) and the review page's flags. Every figure is one set-based query over the stock
// tables and the job projection, read in one snapshot (docs/decisions/0017-stock.md).
#include "serverstore/sqlofficestock.h"

#include "serverstore/sqlconnection.h"

#include <QCoreApplication>
#include <QMap>

#include <functional>

namespace ms::server {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::SqlOfficeStock)
};

// stock_use (sqlofficestock.cpp) holds what the jobs used, with each job's crew: new meters
// in force, old meters of swapped jobs, seals. Every query below reads it by index, no joins.
#define MS_INSTALLED(number)                                                                       \
    "EXISTS(SELECT 1 FROM stock_use x WHERE x.kind = 'new_meter' AND x.number = " number ")"
#define MS_SEAL_USED(number)                                                                       \
    "EXISTS(SELECT 1 FROM stock_use x WHERE x.kind = 'seal' AND x.number = " number ")"
// Evidence row `e` is in force (no later capture superseded it).
#define MS_IN_FORCE                                                                                \
    "NOT EXISTS(SELECT 1 FROM office_evidence s WHERE s.supersedes = e.uuid AND s.supersedes <> "  \
    "'')"

// Runs `sql` (with "%CREW%" replaced by `crewFilter` when a crew is asked for, else by
// nothing), binding the crew as ?1; `row` is called for each row.
Result<void> each(SqlConnection &db, const QString &crew, QString sql, const QString &crewFilter,
                  const std::function<void(const SqlStatement &)> &row)
{
    sql.replace(QStringLiteral("%CREW%"), crew.isEmpty() ? QString() : crewFilter);
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    if (!crew.isEmpty())
        s.bindText(1, crew);
    while (s.step())
        row(s);
    if (s.failed())
        return s.error();
    return {};
}

StockDifference difference(const QString &kind, bool seal, const QString &number,
                           const QString &crew, const QString &job, const QString &detail)
{
    StockDifference d;
    d.kind = kind;
    (seal ? d.sealNo : d.assetNo) = number;
    d.crew = crew;
    d.jobUuid = job;
    d.detail = detail;
    return d;
}
} // namespace

Result<StockReconciliation> SqlOfficeStock::reconcile(const QString &crew)
{
    SqlTransaction snapshot(m_db, SqlTransaction::Lock::Read);
    if (!snapshot.ok())
        return snapshot.error();
    StockReconciliation out;
    out.crew = crew;
    QMap<QString, CrewStock> crews;
    const auto at = [&crews](const QString &name) -> CrewStock & {
        CrewStock &c = crews[name];
        c.crew = name;
        return c;
    };
    // Issued and returned, per crew.
    if (auto ok = each(
            m_db, crew,
            QStringLiteral(
                "SELECT crew, count(*), sum(CASE WHEN returned_at <> '' THEN 1 ELSE 0 END) FROM "
                "stock_meters %CREW% GROUP BY crew"),
            QStringLiteral("WHERE crew = ?1"),
            [&](const SqlStatement &s) {
                at(s.text(0)).issued.meters = s.integer(1);
                at(s.text(0)).returned.meters = s.integer(2);
            });
        !ok)
        return ok.error();
    if (auto ok = each(
            m_db, crew,
            QStringLiteral(
                "SELECT crew, count(*), sum(CASE WHEN returned_at <> '' THEN 1 ELSE 0 END) FROM "
                "stock_seals %CREW% GROUP BY crew"),
            QStringLiteral("WHERE crew = ?1"),
            [&](const SqlStatement &s) {
                at(s.text(0)).issued.seals = s.integer(1);
                at(s.text(0)).returned.seals = s.integer(2);
            });
        !ok)
        return ok.error();
    // Installed by the crew's jobs: new meters (21.4 / 24.3) and seals. ("kind || ''": walk the
    // (crew, kind, number) index in order, so the grouping needs no temporary tree.)
    if (auto ok = each(m_db, crew,
                       QStringLiteral("SELECT crew, kind, count(DISTINCT number) FROM stock_use "
                                      "WHERE kind || '' IN ('new_meter', "
                                      "'seal') %CREW% GROUP BY crew, kind"),
                       QStringLiteral("AND crew = ?1"),
                       [&](const SqlStatement &s) {
                           (s.text(1) == QLatin1String("seal") ? at(s.text(0)).installed.seals
                                                               : at(s.text(0)).installed.meters) =
                               s.integer(2);
                       });
        !ok)
        return ok.error();
    // On hand: issued, not returned, not installed anywhere. Issued before the crew's last
    // return and still out: issued_missing (the return settles the crew's account).
    const struct
    {
        const char *sql;
        bool seal;
    } onHand[] = {
        {"SELECT m.crew, m.asset_no, m.issued_at < coalesce(t.at, '') FROM stock_meters m "
         "LEFT JOIN stock_settled t ON t.crew = m.crew WHERE m.returned_at = '' AND "
         "NOT " MS_INSTALLED("m.asset_no") " %CREW% ORDER BY m.crew, m.asset_no",
         false},
        {"SELECT m.crew, m.seal_no, m.issued_at < coalesce(t.at, '') FROM stock_seals m "
         "LEFT JOIN stock_settled t ON t.crew = m.crew WHERE m.returned_at = '' AND "
         "NOT " MS_SEAL_USED("m.seal_no") " %CREW% ORDER BY m.crew, m.seal_no",
         true},
    };
    for (const auto &part : onHand) {
        if (auto ok =
                each(m_db, crew, QString::fromLatin1(part.sql), QStringLiteral("AND m.crew = ?1"),
                     [&](const SqlStatement &s) {
                         CrewStock &c = at(s.text(0));
                         (part.seal ? c.onHand.seals : c.onHand.meters) += 1;
                         (part.seal ? out.onHandSeals : out.onHandMeters) << s.text(1);
                         if (s.integer(2) != 0)
                             out.differences << difference(
                                 QStringLiteral("issued_missing"), part.seal, s.text(1), s.text(0),
                                 {}, Tr::tr("已办理退料，但既未安装也未退回"));
                     });
            !ok)
            return ok.error();
    }
    // Old meters removed by the crew's jobs, received or not; not received by the crew's last
    // return: removed_not_returned.
    if (auto ok = each(
            m_db, crew,
            QStringLiteral(
                "SELECT x.crew, x.number, x.job_uuid, r.asset_no IS NOT NULL, "
                "x.at < coalesce(t.at, '') FROM stock_use x "
                "LEFT JOIN stock_old_returns r ON r.asset_no = x.number "
                "LEFT JOIN stock_settled t ON t.crew = x.crew WHERE x.kind = 'old_meter' %CREW% "
                "ORDER BY x.crew, x.number"),
            QStringLiteral("AND x.crew = ?1"),
            [&](const SqlStatement &s) {
                CrewStock &c = at(s.text(0));
                ++c.oldRemoved;
                if (s.integer(3) != 0) {
                    ++c.oldReturned;
                    return;
                }
                out.oldOnHand << s.text(1);
                if (s.integer(4) != 0)
                    out.differences
                        << difference(QStringLiteral("removed_not_returned"), false, s.text(1),
                                      s.text(0), s.text(2), Tr::tr("旧表已拆下，退料时没有入库"));
            });
        !ok)
        return ok.error();
    // Installed on a job of a crew that has stock, but not issued to that crew.
    const struct
    {
        const char *sql;
        bool seal;
    } notIssued[] = {
        {"SELECT x.crew, x.number, x.job_uuid, coalesce(m.crew, '') FROM stock_use x "
         "LEFT JOIN stock_meters m ON m.asset_no = x.number WHERE x.kind = 'new_meter' AND "
         "(m.asset_no IS NULL OR m.crew <> x.crew) AND EXISTS(SELECT 1 FROM stock_meters y "
         "WHERE y.crew = x.crew) %CREW% ORDER BY x.crew, x.number",
         false},
        {"SELECT x.crew, x.number, x.job_uuid, coalesce(m.crew, '') FROM stock_use x "
         "LEFT JOIN stock_seals m ON m.seal_no = x.number WHERE x.kind = 'seal' AND "
         "(m.seal_no IS NULL OR m.crew <> x.crew) AND EXISTS(SELECT 1 FROM stock_seals y "
         "WHERE y.crew = x.crew) %CREW% ORDER BY x.crew, x.number",
         true},
    };
    for (const auto &part : notIssued) {
        if (auto ok =
                each(m_db, crew, QString::fromLatin1(part.sql), QStringLiteral("AND x.crew = ?1"),
                     [&](const SqlStatement &s) {
                         out.differences << difference(QStringLiteral("installed_not_issued"),
                                                       part.seal, s.text(1), s.text(0), s.text(2),
                                                       s.text(3).isEmpty()
                                                           ? Tr::tr("从未出库")
                                                           : Tr::tr("出库给了 %1").arg(s.text(3)));
                     });
            !ok)
            return ok.error();
    }
    // One seal number on two places (two jobs, or twice on one): across every crew. The
    // numbers are found on the (kind, number) index first; only those are looked at.
    if (auto ok = each(
            m_db, crew,
            QStringLiteral(
                "SELECT group_concat(DISTINCT x.crew), x.number, group_concat(x.job_uuid) FROM "
                "stock_use x WHERE x.kind = 'seal' AND x.number IN (SELECT number FROM stock_use "
                "WHERE kind = 'seal' GROUP BY number HAVING count(*) > 1) GROUP BY x.number %CREW% "
                "ORDER BY x.number"),
            QStringLiteral("HAVING sum(CASE WHEN x.crew = ?1 THEN 1 ELSE 0 END) > 0"),
            [&](const SqlStatement &s) {
                out.differences << difference(QStringLiteral("seal_used_twice"), true, s.text(1),
                                              s.text(0), s.text(2).section(QLatin1Char(','), 0, 0),
                                              Tr::tr("用在这些工单上：%1").arg(s.text(2)));
            });
        !ok)
        return ok.error();
    // Returned as unused, yet a job says it is installed / used.
    if (auto ok =
            each(m_db, crew,
                 QStringLiteral(
                     "SELECT m.crew, m.asset_no, 0 FROM stock_meters m WHERE m.returned_at <> '' "
                     "AND " MS_INSTALLED(
                         "m.asset_no") " %CREW% UNION ALL SELECT m.crew, m.seal_no, 1 FROM "
                                       "stock_seals m WHERE m.returned_at <> '' AND " MS_SEAL_USED(
                                           "m.seal_no") " %CREW%"),
                 QStringLiteral("AND m.crew = ?1"),
                 [&](const SqlStatement &s) {
                     out.differences << difference(QStringLiteral("returned_but_installed"),
                                                   s.integer(2) != 0, s.text(1), s.text(0), {},
                                                   Tr::tr("已作为未用退回，但工单记录为已安装"));
                 });
        !ok)
        return ok.error();
    for (const CrewStock &c : std::as_const(crews)) {
        out.crews << c;
        out.issued.meters += c.issued.meters;
        out.issued.seals += c.issued.seals;
        out.installed.meters += c.installed.meters;
        out.installed.seals += c.installed.seals;
        out.returned.meters += c.returned.meters;
        out.returned.seals += c.returned.seals;
        out.oldRemoved += c.oldRemoved;
        out.oldReturned += c.oldReturned;
    }
    if (auto ok = snapshot.commit(); !ok)
        return ok.error();
    return out;
}

Result<QList<StockFlag>> SqlOfficeStock::jobFlags(const QString &jobUuid)
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT CASE WHEN e.kind = 'seal_number' THEN 'seal' ELSE 'meter' END, e.value, e.card, "
        "e.requirement, coalesce(m.crew, s.crew, ''), coalesce(json_extract(r.payload, "
        "'$.meta.not_issued_reason'), '') FROM office_evidence e "
        "JOIN office_jobs j ON j.uuid = e.job_uuid "
        "LEFT JOIN stock_meters m ON e.kind <> 'seal_number' AND m.asset_no = e.value "
        "LEFT JOIN stock_seals s ON e.kind = 'seal_number' AND s.seal_no = e.value "
        "LEFT JOIN records r ON r.uuid = e.uuid "
        "WHERE e.job_uuid = ?1 AND e.value <> '' AND " MS_IN_FORCE " AND ("
        "(e.requirement = 'new_meter_asset' AND (m.asset_no IS NULL OR m.crew <> j.crew) AND "
        "EXISTS(SELECT 1 FROM stock_meters x WHERE x.crew = j.crew)) OR "
        "(e.kind = 'seal_number' AND (s.seal_no IS NULL OR s.crew <> j.crew) AND "
        "EXISTS(SELECT 1 FROM stock_seals x WHERE x.crew = j.crew))) "
        "ORDER BY e.card, e.captured_at"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    s.bindText(1, jobUuid);
    QList<StockFlag> out;
    while (s.step())
        out << StockFlag{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)};
    if (s.failed())
        return s.error();
    return out;
}

} // namespace ms::server
