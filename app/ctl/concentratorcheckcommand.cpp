// meterswapctl concentrator check: the archive (F10) against the meters this task installed
// (flow 37.2), optionally writing the missing ones, then every installed meter's current reading
// (F129) against its start reading (flow 38.1). The comparison is core's (meter/concentrator/
// archivecheck.h); the installed meters come from the tablet store (service/concentratorcheck.h).
#include "commands.h"
#include "concentratorctl.h"

#include "meter/concentrator/archivecheck.h"
#include "service/concentratorcheck.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ms::ctl {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(meterswapctl)
};
} // namespace

int concentratorCheck(meter::ConcentratorClient &client,
                      const meter::ConcentratorArchive &archiveIn, const QString &dataDir,
                      const QString &taskId, bool writeMissing, bool passwordGiven)
{
    StoreOptions options;
    options.dataDir = dataDir;
    auto opened = Store::open(options);
    if (!opened)
        return concentratorFailed(opened.error().message);
    Store &store = **opened;
    auto task = concentratorTask(store, taskId);
    if (!task)
        return concentratorFailed(task.error().message);
    auto installed = installedMeters(store, task->id);
    if (!installed)
        return concentratorFailed(installed.error().message);

    meter::ConcentratorArchive archive = archiveIn;
    meter::ConcentratorTraffic traffic = archive.traffic;
    meter::ArchiveDiff diff = meter::compareArchive(archive.entries, installed.value());
    QJsonArray written;
    if (writeMissing && !diff.missing.isEmpty()) {
        if (!passwordGiven)
            return concentratorFailed(
                Tr::tr("--write-missing 需要 --password（主站运维下发的设置密码）。"));
        QList<meter::InstalledMeter> missing;
        for (const meter::InstalledMeter &m : installed.value())
            for (const meter::ArchiveDifference &d : diff.missing)
                if (d.commAddress == m.commAddress)
                    missing.append(m);
        const auto entries = meter::entriesForMissing(archive.entries, missing);
        const auto w = await<meter::ConcentratorArchiveWrite>(
            [&](auto done) { client.writeArchive(entries, done); });
        traffic.frames += w.traffic.frames;
        traffic.requests += w.traffic.requests;
        if (!w.ok)
            return concentratorFailed(w.message);
        for (const auto &e : entries)
            written.append(meter::archiveEntryJson(e));
        // Read the archive back: the comparison is of what the concentrator now holds.
        archive = await<meter::ConcentratorArchive>([&](auto done) { client.readArchive(done); });
        traffic.requests += archive.traffic.requests;
        if (!archive.ok)
            return concentratorFailed(archive.message);
        diff = meter::compareArchive(archive.entries, installed.value());
    }

    QList<int> points;
    for (const meter::InstalledMeter &m : installed.value())
        for (const auto &e : archive.entries)
            if (e.point != 0 && QString::fromStdString(e.commAddress) == m.commAddress
                && !points.contains(e.point))
                points.append(e.point);
    std::sort(points.begin(), points.end());
    const auto energy =
        await<meter::ConcentratorEnergy>([&](auto done) { client.readEnergy(points, done); });
    traffic.requests += energy.traffic.requests;
    traffic.txBytes += archive.traffic.txBytes + energy.traffic.txBytes;
    traffic.rxBytes += archive.traffic.rxBytes + energy.traffic.rxBytes;
    traffic.elapsedMs += energy.traffic.elapsedMs;
    const meter::ReadCheck check =
        meter::checkReadings(archive.entries, installed.value(), energy.readings);
    QJsonObject out = meter::checkJson(diff, check);
    out.insert(QStringLiteral("task"), task->uuid);
    out.insert(QStringLiteral("archive_count"), int(archive.entries.size()));
    out.insert(QStringLiteral("written"), written);
    out.insert(QStringLiteral("traffic"), trafficJson(traffic, false));
    printJson(out);
    if (!energy.ok)
        return concentratorFailed(energy.message);
    return ExitOk;
}

} // namespace ms::ctl
