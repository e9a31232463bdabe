// The concentrator's records through the job service over a real store: the read-back values of
// 36.1–36.5 with their frames are ONE action; a value the card refuses refuses them all; the
// parameter sheet is read back from what was recorded; the installed meters of a task carry the
// new meter's protocol and start reading (never a later 38.1 reading).
#include "jobsessionfixture.h"

#include "service/concentratorcheck.h"
#include "store/recordjson.h"

#include <QJsonArray>

using namespace ms;
using namespace ms::test;

namespace {

gdw1376::MasterStation station()
{
    return gdw1376::MasterStation{*gdw1376::Endpoint::fromText("10.0.1.20:9001"),
                                  *gdw1376::Endpoint::fromText("10.0.1.21:9001"), "DLCJ.BJ"};
}

} // namespace

TEST_F(JobServiceTest, ConcentratorReadBackIsOneActionOnTheTaskCardsAndBecomesTheSheet)
{
    ASSERT_NO_FATAL_FAILURE(openTask());
    const QList<PortValue> values = portValuesOf(station(), gdw1376::LogicalAddress{0x1101, 1234});
    ASSERT_EQ(values.size(), 6);
    const QJsonObject meta{{QStringLiteral("frames"), QJsonArray{QStringLiteral("68 …")}}};
    expectOneAction(
        "addPortValues", [&] { return session->addPortValues(values, meta); },
        [&] { return !session->evidence(QStringLiteral("36.5")).isEmpty(); });
    QList<Evidence> all;
    for (const char *card : {"36.1", "36.2", "36.3", "36.4", "36.5"})
        all += session->evidence(QLatin1String(card));
    ASSERT_EQ(all.size(), 6);
    for (const Evidence &e : all) {
        EXPECT_EQ(e.taskId, m_task); // the task's, never a job's
        EXPECT_EQ(e.meta.value(QStringLiteral("source")).toString(),
                  QStringLiteral("concentrator_port"));
        EXPECT_FALSE(e.meta.value(QStringLiteral("frames")).toArray().isEmpty());
    }
    const ConcentratorSheet sheet = concentratorSheetOf(all);
    EXPECT_EQ(sheet.masterIp, QStringLiteral("10.0.1.20"));
    EXPECT_EQ(sheet.backupIp, QStringLiteral("10.0.1.21"));
    EXPECT_EQ(sheet.masterPort, 9001);
    EXPECT_EQ(sheet.apn, QStringLiteral("DLCJ.BJ"));
    EXPECT_EQ(sheet.area, QStringLiteral("1101"));
    EXPECT_EQ(sheet.terminal, 1234);
}

TEST_F(JobServiceTest, AConcentratorValueTheCardRefusesRefusesThemAll)
{
    ASSERT_NO_FATAL_FAILURE(openTask());
    gdw1376::MasterStation m = station();
    m.apn = "BAD APN!"; // 36.3's pattern: letters, digits, dot, dash
    const Error e = expectRefused(
        "addPortValues", [&] { return session->addPortValues(portValuesOf(m, std::nullopt), {}); });
    EXPECT_EQ(e.code, QStringLiteral("value.invalid"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("APN"))) << e.message.toStdString();
    EXPECT_TRUE(session->evidence(QStringLiteral("36.1")).isEmpty());
}

TEST_F(JobServiceTest, InstalledMetersCarryProtocolAndTheStartReadingOnly)
{
    Customer c = valueOf(store().tasks().customers(m_task)).first();
    c.newMeter.commAddress = QStringLiteral("201000000001");
    c.newMeter.protocol = QStringLiteral("dlt645-2007");
    ASSERT_TRUE(store().tasks().updateCustomer(c).ok());
    // Not started: not installed yet
    EXPECT_TRUE(valueOf(installedMeters(store(), m_task)).isEmpty());
    ASSERT_TRUE(store().jobs().setStatus(m_job, JobStatus::InProgress).ok());
    ASSERT_NO_FATAL_FAILURE(openJob());
    const auto start = session->addValue(QStringLiteral("21.4"), QStringLiteral("new_start_total"),
                                         QStringLiteral("12.5"),
                                         {{QStringLiteral("confirmed_implausible"), true}});
    ASSERT_TRUE(start.ok()) << start.error().message.toStdString();
    // A later reading of the new meter on 38.1 is not the start reading
    ASSERT_TRUE(session
                    ->addPortValues({{QStringLiteral("38.1"), QStringLiteral("master_read_total"),
                                      QStringLiteral("40.00")}},
                                    {})
                    .ok());
    const auto meters = valueOf(installedMeters(store(), m_task));
    ASSERT_EQ(meters.size(), 1);
    EXPECT_EQ(meters.first().protocol, QStringLiteral("dlt645-2007"));
    EXPECT_EQ(meters.first().commAddress, QStringLiteral("201000000001"));
    ASSERT_TRUE(meters.first().startReading.has_value());
    EXPECT_DOUBLE_EQ(*meters.first().startReading, 12.5);
}

TEST_F(JobServiceTest, TheOfficesArchiveWritePermissionTravelsWithTheTask)
{
    Task task = valueOf(store().tasks().byId(m_task));
    EXPECT_FALSE(task.concentratorArchiveWrite); // not unless the office says so
    task.concentratorArchiveWrite = true;
    ASSERT_TRUE(store().tasks().importTask(task, valueOf(store().tasks().customers(m_task))).ok());
    EXPECT_TRUE(valueOf(store().tasks().byId(m_task)).concentratorArchiveWrite);
    // and in the task record the sync wire carries
    const QJsonObject wire = json::fromTask(valueOf(store().tasks().byId(m_task)));
    EXPECT_TRUE(wire.value(QStringLiteral("concentrator_archive_write")).toBool());
    EXPECT_TRUE(json::toTask(wire).concentratorArchiveWrite);
}
