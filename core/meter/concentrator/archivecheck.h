#pragma once
// The commissioning checks of flows 37.2 and 38.1, pure functions over values (no port, no store):
// the concentrator's meter archive (F10) against the meters this task installed, and each
// installed meter's current reading (F129) against its new-meter start reading.
//
//   auto diff = ms::meter::compareArchive(archive.entries, installed);
//   auto check = ms::meter::checkReadings(archive.entries, installed, energy.readings);
//   QJsonObject json = ms::meter::checkJson(diff, check);   // `meterswapctl concentrator check`
#include "meter/gdw1376/dataunits.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <map>

namespace ms::meter {

// A household's new meter as the task knows it.
struct InstalledMeter
{
    QString jobUuid;
    QString accountNo;
    QString customerName;
    QString commAddress;                // 12 digits
    QString protocol;                   // "dlt645-2007" | "dlt645-1997" | "dlt698.45" | ""
    std::optional<double> startReading; // kWh, the new meter's start reading (起码)
    QDateTime startReadAt;              // when it was captured (UTC)
};

struct ArchiveDifference
{
    QString commAddress;
    QString accountNo;        // "" for a meter the task does not know (extra)
    QList<int> points;        // the measuring points the archive has it on
    int expectedProtocol = 0; // 1376.1 number of the installed meter's protocol (0: none known)
    int archiveProtocol = 0;
};

struct ArchiveDiff
{
    QList<ArchiveDifference> missing;       // installed, not in the archive
    QList<ArchiveDifference> extra;         // in the archive, not installed by this task
    QList<ArchiveDifference> wrongProtocol; // archive protocol ≠ the installed meter's
    QList<ArchiveDifference> duplicated;    // one address on two (or more) points
    bool clean() const
    {
        return missing.isEmpty() && extra.isEmpty() && wrongProtocol.isEmpty()
               && duplicated.isEmpty();
    }
};

ArchiveDiff compareArchive(const std::vector<gdw1376::ArchiveEntry> &archive,
                           const QList<InstalledMeter> &installed);

// Records to write for the missing meters: 序号 and measuring point after the archive's highest,
// the meter's protocol (DL/T 645-2007 when unknown), port 31 (carrier), 4 tariffs, 6+2 digits.
std::vector<gdw1376::ArchiveEntry>
entriesForMissing(const std::vector<gdw1376::ArchiveEntry> &archive,
                  const QList<InstalledMeter> &missing);

struct PointCheck
{
    enum class Verdict {
        Ok,           // read, not below the start reading, plausible growth
        NotRead,      // the concentrator has no reading for the point
        NotInArchive, // no measuring point for the meter: nothing to ask
        BelowStart,   // reading below the new meter's start reading
        Implausible,  // grew more than a household can use since the start reading
    };
    int point = 0; // 0 when not in the archive
    QString commAddress;
    QString accountNo;
    QString customerName;
    bool read = false;
    std::optional<double> reading; // kWh
    std::optional<double> startReading;
    Verdict verdict = Verdict::NotRead;
    bool ok() const { return verdict == Verdict::Ok; }
};
QString pointVerdictKey(PointCheck::Verdict v); // "ok", "not_read", "not_in_archive", …

struct ReadCheck
{
    QList<PointCheck> points;           // one per installed meter, in the task's order
    int readCount = 0;                  // points that returned a reading
    double successRate = 0;             // readCount ÷ installed meters (0 when none installed)
    QList<PointCheck> failures() const; // 38.2's work list: every point not ok
};

// `maxKwhPerDay`: growth above this per day since the start reading (at least one day) is
// implausible for a household.
ReadCheck checkReadings(const std::vector<gdw1376::ArchiveEntry> &archive,
                        const QList<InstalledMeter> &installed,
                        const std::map<int, gdw1376::EnergyReading> &readings,
                        const QDateTime &now = QDateTime::currentDateTimeUtc(),
                        double maxKwhPerDay = 100.0);

// {"missing": [addr…], "extra": [...], "wrong_protocol": [...], "duplicated": [...],
//  "points": [{"point", "comm_address", "account_no", "read", "reading", "start_reading",
//              "verdict"}], "success_rate", "read", "installed", "details": {…}}
QJsonObject checkJson(const ArchiveDiff &diff, const ReadCheck &check);
QJsonObject archiveEntryJson(const gdw1376::ArchiveEntry &entry);

} // namespace ms::meter
