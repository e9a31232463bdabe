#include "service/concentratorcheck.h"

#include "store/store.h"
#include "store/transaction.h"

#include <QCoreApplication>

namespace ms {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ConcentratorCheck)
};

const QStringList kStartReadings{QStringLiteral("new_start_total"),
                                 QStringLiteral("replacement_start_total")};
} // namespace

Result<Task> concentratorTask(Store &store, const QString &uuidOrCode)
{
    auto tasks = store.tasks().list();
    if (!tasks)
        return tasks.error();
    QList<Task> matches;
    for (const Task &t : tasks.value())
        if (uuidOrCode.isEmpty() || t.uuid == uuidOrCode || t.code == uuidOrCode)
            matches.append(t);
    if (matches.size() == 1)
        return matches.first();
    if (matches.isEmpty())
        return makeError(
            QStringLiteral("store.not_found"),
            uuidOrCode.isEmpty()
                ? Tr::tr("这台平板上没有任务。请先同步领取本台区的任务。")
                : Tr::tr(
                      "没有编号或 UUID 为“%1”的任务。请用 meterswapctl job list --json 查看任务。")
                      .arg(uuidOrCode));
    QStringList names;
    for (const Task &t : matches)
        names << QStringLiteral("%1 (%2)").arg(t.code, t.uuid);
    return makeError(QStringLiteral("concentrator.task_ambiguous"),
                     Tr::tr("这台平板上有 %1 个任务，请用 --task 指定集中器所在台区的任务：%2")
                         .arg(matches.size())
                         .arg(names.join(QStringLiteral("、"))));
}

Result<QList<meter::InstalledMeter>> installedMeters(Store &store, RowId taskId)
{
    Transaction snapshot(store.database(), Transaction::Lock::Read);
    if (!snapshot.ok())
        return snapshot.error();
    QList<meter::InstalledMeter> out;
    constexpr int kPage = 1000;
    for (int offset = 0;; offset += kPage) {
        auto page = store.jobs().list(JobQuery().inTask(taskId).page(kPage, offset));
        if (!page)
            return page.error();
        for (const JobListItem &item : page.value()) {
            const MeterInfo &m = item.customer.newMeter;
            if (m.commAddress.isEmpty())
                continue;
            meter::InstalledMeter installed;
            installed.jobUuid = item.job.uuid;
            installed.accountNo = item.customer.accountNo;
            installed.customerName = item.customer.name;
            installed.commAddress = m.commAddress;
            installed.protocol = m.protocol;
            auto evidence = store.evidence().list(RecordOwner::job(item.job.id));
            if (!evidence)
                return evidence.error();
            for (const Evidence &e : evidence.value()) { // oldest first: the latest wins
                // The start reading (21.4 / 24.3, 43.1 after a re-replacement), never a later
                // reading such as 38.1's own.
                if (e.kind != EvidenceKind::MeterReading || !kStartReadings.contains(e.requirement))
                    continue;
                bool ok = false;
                const double v = e.value.toDouble(&ok);
                if (!ok)
                    continue;
                installed.startReading = v;
                installed.startReadAt = e.capturedAt;
            }
            // Installed: the job has started, or the new meter's start reading is recorded.
            if (item.job.status != JobStatus::NotStarted || installed.startReading)
                out.append(installed);
        }
        if (page->size() < kPage)
            break;
    }
    if (auto done = snapshot.commit(); !done)
        return done.error();
    return out;
}

ConcentratorSheet concentratorSheetOf(const QList<Evidence> &evidence)
{
    ConcentratorSheet sheet;
    for (const Evidence &e : evidence) { // oldest first: the latest wins
        if (e.requirement == QLatin1String("master_ip") && e.cardId == QLatin1String("36.1"))
            sheet.masterIp = e.value;
        else if (e.requirement == QLatin1String("backup_ip") && e.cardId == QLatin1String("36.1"))
            sheet.backupIp = e.value;
        else if (e.requirement == QLatin1String("master_port"))
            sheet.masterPort = e.value.toInt();
        else if (e.requirement == QLatin1String("apn") && e.cardId == QLatin1String("36.3"))
            sheet.apn = e.value;
        else if (e.requirement == QLatin1String("region_code"))
            sheet.area = e.value;
        else if (e.requirement == QLatin1String("terminal_address"))
            sheet.terminal = e.value.toInt();
    }
    return sheet;
}

QList<PortValue> portValuesOf(const gdw1376::MasterStation &master,
                              const std::optional<gdw1376::LogicalAddress> &logical)
{
    const auto ip = [](const gdw1376::Endpoint &e) {
        return QStringLiteral("%1.%2.%3.%4").arg(e.ip[0]).arg(e.ip[1]).arg(e.ip[2]).arg(e.ip[3]);
    };
    QList<PortValue> out;
    out << PortValue{QStringLiteral("36.1"), QStringLiteral("master_ip"), ip(master.main)};
    if (master.backup.ip != std::array<std::uint8_t, 4>{})
        out << PortValue{QStringLiteral("36.1"), QStringLiteral("backup_ip"), ip(master.backup)};
    out << PortValue{QStringLiteral("36.2"), QStringLiteral("master_port"),
                     QString::number(master.main.port)};
    if (!master.apn.empty())
        out << PortValue{QStringLiteral("36.3"), QStringLiteral("apn"),
                         QString::fromStdString(master.apn)};
    if (logical) {
        const gdw1376::Address a{logical->area, logical->terminal};
        out << PortValue{QStringLiteral("36.4"), QStringLiteral("region_code"),
                         QString::fromStdString(a.areaText())};
        out << PortValue{QStringLiteral("36.5"), QStringLiteral("terminal_address"),
                         QString::number(logical->terminal)};
    }
    return out;
}

} // namespace ms
