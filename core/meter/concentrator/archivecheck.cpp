#include "meter/concentrator/archivecheck.h"

#include <QHash>
#include <QJsonArray>

#include <cmath>

namespace ms::meter {

namespace gdw = gdw1376;

namespace {

QString addressOf(const gdw::ArchiveEntry &e)
{
    return QString::fromStdString(e.commAddress);
}

QJsonArray addresses(const QList<ArchiveDifference> &list)
{
    QJsonArray a;
    for (const ArchiveDifference &d : list)
        a.append(d.commAddress);
    return a;
}

QJsonArray details(const QList<ArchiveDifference> &list)
{
    QJsonArray a;
    for (const ArchiveDifference &d : list) {
        QJsonArray points;
        for (int p : d.points)
            points.append(p);
        QJsonObject o{{QStringLiteral("comm_address"), d.commAddress},
                      {QStringLiteral("account_no"), d.accountNo},
                      {QStringLiteral("points"), points}};
        if (d.expectedProtocol)
            o.insert(QStringLiteral("expected_protocol"), d.expectedProtocol);
        o.insert(QStringLiteral("archive_protocol"), d.archiveProtocol);
        a.append(o);
    }
    return a;
}

QJsonValue optionalNumber(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

} // namespace

ArchiveDiff compareArchive(const std::vector<gdw::ArchiveEntry> &archive,
                           const QList<InstalledMeter> &installed)
{
    ArchiveDiff diff;
    QHash<QString, QList<const gdw::ArchiveEntry *>> byAddress;
    QList<QString> order; // archive order, for a stable report
    for (const gdw::ArchiveEntry &e : archive) {
        if (e.point == 0)
            continue;
        if (!byAddress.contains(addressOf(e)))
            order.append(addressOf(e));
        byAddress[addressOf(e)].append(&e);
    }
    QHash<QString, const InstalledMeter *> installedBy;
    for (const InstalledMeter &m : installed)
        installedBy.insert(m.commAddress, &m);
    for (const InstalledMeter &m : installed) {
        const auto entries = byAddress.value(m.commAddress);
        ArchiveDifference d{
            m.commAddress, m.accountNo, {}, gdw::archiveProtocolOf(m.protocol.toStdString()), 0};
        if (entries.isEmpty()) {
            diff.missing.append(d);
            continue;
        }
        for (const gdw::ArchiveEntry *e : entries)
            d.points.append(e->point);
        d.archiveProtocol = entries.first()->protocol;
        if (d.expectedProtocol != 0
            && std::any_of(entries.begin(), entries.end(),
                           [&](const auto *e) { return e->protocol != d.expectedProtocol; }))
            diff.wrongProtocol.append(d);
    }
    for (const QString &address : order) {
        const auto entries = byAddress.value(address);
        ArchiveDifference d{address, {}, {}, 0, entries.first()->protocol};
        if (const InstalledMeter *m = installedBy.value(address)) {
            d.accountNo = m->accountNo;
            d.expectedProtocol = gdw::archiveProtocolOf(m->protocol.toStdString());
        }
        for (const gdw::ArchiveEntry *e : entries)
            d.points.append(e->point);
        if (!installedBy.contains(address))
            diff.extra.append(d);
        if (entries.size() > 1)
            diff.duplicated.append(d);
    }
    return diff;
}

std::vector<gdw::ArchiveEntry> entriesForMissing(const std::vector<gdw::ArchiveEntry> &archive,
                                                 const QList<InstalledMeter> &missing)
{
    int seq = 0;
    int point = 0;
    for (const gdw::ArchiveEntry &e : archive) {
        seq = std::max(seq, e.seq);
        point = std::max(point, e.point);
    }
    std::vector<gdw::ArchiveEntry> out;
    for (const InstalledMeter &m : missing) {
        gdw::ArchiveEntry e;
        e.seq = ++seq;
        e.point = ++point;
        e.port = 31;
        const int protocol = gdw::archiveProtocolOf(m.protocol.toStdString());
        e.protocol = protocol ? protocol : 30;
        e.commAddress = m.commAddress.toStdString();
        out.push_back(e);
    }
    return out;
}

QString pointVerdictKey(PointCheck::Verdict v)
{
    switch (v) {
    case PointCheck::Verdict::Ok: return QStringLiteral("ok");
    case PointCheck::Verdict::NotRead: return QStringLiteral("not_read");
    case PointCheck::Verdict::NotInArchive: return QStringLiteral("not_in_archive");
    case PointCheck::Verdict::BelowStart: return QStringLiteral("below_start");
    case PointCheck::Verdict::Implausible: return QStringLiteral("implausible");
    }
    return QStringLiteral("unknown");
}

QList<PointCheck> ReadCheck::failures() const
{
    QList<PointCheck> out;
    for (const PointCheck &p : points)
        if (!p.ok())
            out.append(p);
    return out;
}

ReadCheck checkReadings(const std::vector<gdw::ArchiveEntry> &archive,
                        const QList<InstalledMeter> &installed,
                        const std::map<int, gdw::EnergyReading> &readings, const QDateTime &now,
                        double maxKwhPerDay)
{
    ReadCheck check;
    for (const InstalledMeter &m : installed) {
        PointCheck p;
        p.commAddress = m.commAddress;
        p.accountNo = m.accountNo;
        p.customerName = m.customerName;
        p.startReading = m.startReading;
        for (const gdw::ArchiveEntry &e : archive) {
            if (e.point != 0 && addressOf(e) == m.commAddress
                && (p.point == 0 || e.point < p.point))
                p.point = e.point;
        }
        if (p.point == 0) {
            p.verdict = PointCheck::Verdict::NotInArchive;
            check.points.append(p);
            continue;
        }
        const auto it = readings.find(p.point);
        if (it != readings.end() && it->second.total) {
            p.read = true;
            p.reading = double(*it->second.total) / 10000.0;
            ++check.readCount;
        }
        if (!p.read) {
            p.verdict = PointCheck::Verdict::NotRead;
        } else if (m.startReading && *p.reading + 1e-9 < *m.startReading) {
            p.verdict = PointCheck::Verdict::BelowStart;
        } else if (m.startReading) {
            const double days = m.startReadAt.isValid()
                                    ? std::max(1.0, double(m.startReadAt.secsTo(now)) / 86400.0)
                                    : 1.0;
            p.verdict = *p.reading - *m.startReading > maxKwhPerDay * days
                            ? PointCheck::Verdict::Implausible
                            : PointCheck::Verdict::Ok;
        } else {
            p.verdict = PointCheck::Verdict::Ok; // no start reading to compare with
        }
        check.points.append(p);
    }
    check.successRate = installed.isEmpty() ? 0.0 : double(check.readCount) / installed.size();
    return check;
}

QJsonObject archiveEntryJson(const gdw::ArchiveEntry &e)
{
    return {{QStringLiteral("seq"), e.seq},
            {QStringLiteral("point"), e.point},
            {QStringLiteral("protocol"), e.protocol},
            {QStringLiteral("protocol_name"),
             QString::fromLatin1(gdw::meterProtocolOf(e.protocol).data(),
                                 qsizetype(gdw::meterProtocolOf(e.protocol).size()))},
            {QStringLiteral("comm_address"), addressOf(e)},
            {QStringLiteral("port"), e.port},
            {QStringLiteral("baud_code"), e.baudCode},
            {QStringLiteral("tariffs"), e.tariffs},
            {QStringLiteral("collector"), QString::fromStdString(e.collector)}};
}

QJsonObject checkJson(const ArchiveDiff &diff, const ReadCheck &check)
{
    QJsonArray points;
    for (const PointCheck &p : check.points) {
        points.append(QJsonObject{
            {QStringLiteral("point"), p.point ? QJsonValue(p.point) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("comm_address"), p.commAddress},
            {QStringLiteral("account_no"), p.accountNo},
            {QStringLiteral("read"), p.read},
            {QStringLiteral("reading"), optionalNumber(p.reading)},
            {QStringLiteral("start_reading"), optionalNumber(p.startReading)},
            {QStringLiteral("verdict"), pointVerdictKey(p.verdict)}});
    }
    return {{QStringLiteral("missing"), addresses(diff.missing)},
            {QStringLiteral("extra"), addresses(diff.extra)},
            {QStringLiteral("wrong_protocol"), addresses(diff.wrongProtocol)},
            {QStringLiteral("duplicated"), addresses(diff.duplicated)},
            {QStringLiteral("details"),
             QJsonObject{{QStringLiteral("missing"), details(diff.missing)},
                         {QStringLiteral("extra"), details(diff.extra)},
                         {QStringLiteral("wrong_protocol"), details(diff.wrongProtocol)},
                         {QStringLiteral("duplicated"), details(diff.duplicated)}}},
            {QStringLiteral("points"), points},
            {QStringLiteral("installed"), int(check.points.size())},
            {QStringLiteral("read"), check.readCount},
            {QStringLiteral("success_rate"), check.successRate}};
}

} // namespace ms::meter
