#include "service/concentratorresults.h"

#include "service/jobsession.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>

namespace ms {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ConcentratorResults)
};
} // namespace

QString archiveProtocolLabel(int archiveProtocol)
{
    switch (archiveProtocol) {
    case 30: return QStringLiteral("DL/T 645-2007");
    case 1: return QStringLiteral("DL/T 645-1997");
    default: return {};
    }
}

Result<ConcentratorCheckFiled> recordConcentratorCheck(
    Store &store, const Catalog &catalog, const Workflow &workflow, const Actor &actor,
    RowId taskId, const std::vector<gdw1376::ArchiveEntry> &archive, const meter::ArchiveDiff &diff,
    const meter::ReadCheck &check, const QJsonObject &meta)
{
    ConcentratorCheckFiled filed;
    QHash<QString, const gdw1376::ArchiveEntry *> byAddress;
    for (const gdw1376::ArchiveEntry &e : archive)
        if (e.point != 0 && !byAddress.contains(QString::fromStdString(e.commAddress)))
            byAddress.insert(QString::fromStdString(e.commAddress), &e);
    QSet<QString> wrong;
    for (const auto &d : diff.wrongProtocol)
        wrong.insert(d.commAddress);
    for (const auto &d : diff.duplicated)
        wrong.insert(d.commAddress);

    auto task = JobSession::openTask(store, catalog, workflow, actor, taskId);
    if (!task)
        return task.error();
    const int archived = int(
        std::count_if(archive.begin(), archive.end(), [](const auto &e) { return e.point != 0; }));
    if (auto r = task.value()->addPortValues(
            {{QStringLiteral("37.1"), QStringLiteral("meters_in_archive"),
              QString::number(archived)}},
            meta);
        !r)
        filed.problems << r.error().message;

    auto jobs = store.jobs().list(JobQuery().inTask(taskId).page(5000, 0));
    if (!jobs)
        return jobs.error();
    auto installed = std::move(jobs).value();
    for (const meter::PointCheck &p : check.points) {
        RowId jobId = 0;
        for (const JobListItem &item : installed)
            if (item.customer.newMeter.commAddress == p.commAddress
                && item.customer.accountNo == p.accountNo)
                jobId = item.job.id;
        if (!jobId)
            continue;
        QList<PortValue> values;
        const QString yes = QStringLiteral("yes");
        const QString no = QStringLiteral("no");
        if (const gdw1376::ArchiveEntry *e = byAddress.value(p.commAddress)) {
            values << PortValue{QStringLiteral("37.2"), QStringLiteral("archive_comm_address"),
                                p.commAddress}
                   << PortValue{QStringLiteral("37.2"), QStringLiteral("measuring_point"),
                                QString::number(e->point)};
            if (const QString label = archiveProtocolLabel(e->protocol); !label.isEmpty())
                values << PortValue{QStringLiteral("37.2"), QStringLiteral("archive_protocol"),
                                    label};
            values << PortValue{QStringLiteral("37.2"), QStringLiteral("archive_matches_site"),
                                wrong.contains(p.commAddress) ? no : yes};
        } else {
            values << PortValue{QStringLiteral("37.2"), QStringLiteral("archive_matches_site"), no};
        }
        // "yes" only for a reading that passed the check: a household not read, or read below
        // its start reading or with implausible growth, goes on to 38.2 (the walk's
        // check.failed edge), which makes the failures 38.2's work list.
        values << PortValue{QStringLiteral("38.1"), QStringLiteral("remote_read_ok"),
                            p.ok() ? yes : no};
        if (p.reading)
            values << PortValue{QStringLiteral("38.1"), QStringLiteral("master_read_total"),
                                QString::number(*p.reading, 'f', 2)};
        auto session = JobSession::open(store, catalog, workflow, actor, jobId);
        if (!session) {
            filed.problems << QStringLiteral("%1: %2").arg(p.accountNo, session.error().message);
            continue;
        }
        QJsonObject m = meta;
        m.insert(QStringLiteral("verdict"), meter::pointVerdictKey(p.verdict));
        if (auto r = session.value()->addPortValues(values, m); !r) {
            filed.problems << QStringLiteral("%1: %2").arg(p.accountNo, r.error().message);
            continue;
        }
        ++filed.households;
    }
    return filed;
}

QStringList masterStationList(const meter::ArchiveDiff &diff, const meter::ReadCheck &check)
{
    QHash<QString, QString> accountOf;
    for (const meter::PointCheck &p : check.points)
        accountOf.insert(p.commAddress, p.accountNo);
    const auto line = [&](const meter::ArchiveDifference &d, const QString &problem) {
        QStringList points;
        for (int p : d.points)
            points << QString::number(p);
        return Tr::tr("户号 %1　通信地址 %2　测量点 %3　%4")
            .arg(d.accountNo.isEmpty() ? accountOf.value(d.commAddress, QStringLiteral("—"))
                                       : d.accountNo,
                 d.commAddress,
                 points.isEmpty() ? QStringLiteral("—") : points.join(QLatin1Char('/')), problem);
    };
    QStringList out;
    for (const auto &d : diff.missing)
        out << line(d, Tr::tr("档案缺失：请主站建档并下发"));
    for (const auto &d : diff.wrongProtocol)
        out << line(d, Tr::tr("规约错误：档案为 %1，现场为 %2")
                           .arg(d.archiveProtocol)
                           .arg(d.expectedProtocol));
    for (const auto &d : diff.duplicated)
        out << line(d, Tr::tr("一个表地址登记在多个测量点：请主站删除多余档案"));
    for (const auto &d : diff.extra)
        out << line(d, Tr::tr("档案中有、本任务未装：请主站核实是否删除"));
    return out;
}

} // namespace ms
