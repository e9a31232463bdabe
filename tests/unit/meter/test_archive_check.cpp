// The 37.2 archive comparison and the 38.1 read check as pure functions over values.
#include "meter/concentrator/archivecheck.h"

#include <QJsonArray>
#include <gtest/gtest.h>

using namespace ms::meter;
namespace gdw = ms::gdw1376;

namespace {

gdw::ArchiveEntry entry(int seq, int point, const char *address, int protocol = 30)
{
    gdw::ArchiveEntry e;
    e.seq = seq;
    e.point = point;
    e.protocol = protocol;
    e.port = 31;
    e.commAddress = address;
    return e;
}

InstalledMeter installed(const char *account, const char *address,
                         std::optional<double> start = std::nullopt,
                         const char *protocol = "dlt645-2007")
{
    InstalledMeter m;
    m.accountNo = QString::fromLatin1(account);
    m.commAddress = QString::fromLatin1(address);
    m.protocol = QString::fromLatin1(protocol);
    m.startReading = start;
    m.startReadAt = QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC);
    return m;
}

gdw::EnergyReading reading(double kwh)
{
    gdw::EnergyReading r;
    r.total = std::int64_t(kwh * 10000 + 0.5);
    return r;
}

QStringList addresses(const QList<ArchiveDifference> &list)
{
    QStringList out;
    for (const auto &d : list)
        out << d.commAddress;
    return out;
}

} // namespace

TEST(ArchiveCheck, findsMissingExtraWrongProtocolAndOneAddressOnTwoPoints)
{
    const std::vector<gdw::ArchiveEntry> archive{
        entry(1, 1, "000000000001"),
        entry(2, 2, "000000000002", 1), // the meter is 645-2007: wrong protocol
        entry(3, 3, "000000000009"),    // not installed by this task: extra
        entry(4, 4, "000000000001"),    // the same address on a second point
        entry(5, 0, "000000000003"),    // a deleted record counts for nothing
    };
    const QList<InstalledMeter> meters{
        installed("A1", "000000000001"), installed("A2", "000000000002"),
        installed("A3", "000000000003"), installed("A4", "000000000004", {}, "dlt698.45")};
    const ArchiveDiff diff = compareArchive(archive, meters);
    EXPECT_EQ(addresses(diff.missing), (QStringList{"000000000003", "000000000004"}));
    EXPECT_EQ(addresses(diff.extra), QStringList{"000000000009"});
    EXPECT_EQ(addresses(diff.wrongProtocol), QStringList{"000000000002"});
    EXPECT_EQ(diff.wrongProtocol.first().expectedProtocol, 30);
    EXPECT_EQ(diff.wrongProtocol.first().archiveProtocol, 1);
    ASSERT_EQ(addresses(diff.duplicated), QStringList{"000000000001"});
    EXPECT_EQ(diff.duplicated.first().points, (QList<int>{1, 4}));
    EXPECT_FALSE(diff.clean());
    EXPECT_TRUE(
        compareArchive({entry(1, 1, "000000000001")}, {installed("A1", "000000000001")}).clean());
}

TEST(ArchiveCheck, recordsForTheMissingMetersFollowTheArchivesHighestSeqAndPoint)
{
    const auto out = entriesForMissing(
        {entry(7, 12, "000000000001")},
        {installed("A3", "000000000003"), installed("A4", "000000000004", {}, "dlt645-1997")});
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].seq, 8);
    EXPECT_EQ(out[0].point, 13);
    EXPECT_EQ(out[0].protocol, 30);
    EXPECT_EQ(out[1].seq, 9);
    EXPECT_EQ(out[1].point, 14);
    EXPECT_EQ(out[1].protocol, 1);
    EXPECT_EQ(out[1].commAddress, "000000000004");
}

TEST(ArchiveCheck, readCheckJudgesEachHouseholdAgainstItsStartReading)
{
    const std::vector<gdw::ArchiveEntry> archive{
        entry(1, 1, "000000000001"), entry(2, 2, "000000000002"), entry(3, 3, "000000000003"),
        entry(4, 4, "000000000004"), entry(5, 5, "000000000005")};
    const QList<InstalledMeter> meters{
        installed("A1", "000000000001", 100.0), // read, grew 5 kWh: ok
        installed("A2", "000000000002", 100.0), // not read
        installed("A3", "000000000003", 100.0), // below the start reading
        installed("A4", "000000000004", 100.0), // 5000 kWh in 5 days: implausible
        installed("A5", "000000000005"),        // no start reading: a reading is enough
        installed("A6", "000000000006", 1.0),   // not in the archive
    };
    const std::map<int, gdw::EnergyReading> readings{
        {1, reading(105.0)}, {3, reading(99.5)}, {4, reading(5100.0)}, {5, reading(7.0)}};
    const QDateTime now(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC);
    const ReadCheck check = checkReadings(archive, meters, readings, now);
    ASSERT_EQ(check.points.size(), 6);
    using V = PointCheck::Verdict;
    EXPECT_EQ(check.points[0].verdict, V::Ok);
    EXPECT_DOUBLE_EQ(*check.points[0].reading, 105.0);
    EXPECT_EQ(check.points[1].verdict, V::NotRead);
    EXPECT_FALSE(check.points[1].read);
    EXPECT_EQ(check.points[2].verdict, V::BelowStart);
    EXPECT_EQ(check.points[3].verdict, V::Implausible);
    EXPECT_EQ(check.points[4].verdict, V::Ok);
    EXPECT_EQ(check.points[5].verdict, V::NotInArchive);
    EXPECT_EQ(check.points[5].point, 0);
    EXPECT_EQ(check.readCount, 4);
    EXPECT_DOUBLE_EQ(check.successRate, 4.0 / 6.0);
    EXPECT_EQ(check.failures().size(), 4); // 38.2's work list
}

TEST(ArchiveCheck, jsonHasTheIssuesFields)
{
    const std::vector<gdw::ArchiveEntry> archive{entry(1, 1, "000000000001")};
    const QList<InstalledMeter> meters{installed("A1", "000000000001", 10.0),
                                       installed("A2", "000000000002")};
    const QJsonObject json = checkJson(compareArchive(archive, meters),
                                       checkReadings(archive, meters, {{1, reading(12.0)}}));
    EXPECT_EQ(json.value(QStringLiteral("missing")).toArray(),
              QJsonArray{QStringLiteral("000000000002")});
    EXPECT_TRUE(json.value(QStringLiteral("extra")).toArray().isEmpty());
    EXPECT_TRUE(json.value(QStringLiteral("wrong_protocol")).toArray().isEmpty());
    const QJsonArray points = json.value(QStringLiteral("points")).toArray();
    ASSERT_EQ(points.size(), 2);
    EXPECT_EQ(points[0].toObject().value(QStringLiteral("point")).toInt(), 1);
    EXPECT_TRUE(points[0].toObject().value(QStringLiteral("read")).toBool());
    EXPECT_DOUBLE_EQ(points[0].toObject().value(QStringLiteral("reading")).toDouble(), 12.0);
    EXPECT_TRUE(points[1].toObject().value(QStringLiteral("point")).isNull());
    EXPECT_DOUBLE_EQ(json.value(QStringLiteral("success_rate")).toDouble(), 0.5);
}
