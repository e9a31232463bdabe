// `meterswapctl simulate --protocol gdw1376.1` in its own process on a pty and `meterswapctl
// concentrator read|set|archive|check` against it, check over a real tablet store: the meters the
// task installed (comm address, protocol, start reading) against an archive with planted
// differences and unreachable meters.
#include "common/storefixture.h"
#include "common/testenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;

namespace {

const QString kPassword = QStringLiteral("0102030405060708090a0b0c0d0e0f10");

struct Simulator
{
    QProcess process;
    QJsonObject ready;

    bool start(const QStringList &args)
    {
        process.start(test::executable(QStringLiteral("meterswapctl")),
                      QStringList{QStringLiteral("simulate"), QStringLiteral("--protocol"),
                                  QStringLiteral("gdw1376.1"), QStringLiteral("--reply-delay-ms"),
                                  QStringLiteral("5")}
                          + args);
        if (!process.waitForStarted(5000))
            return false;
        QByteArray line;
        while (!line.contains('\n') && process.waitForReadyRead(5000))
            line += process.readAllStandardOutput();
        ready = QJsonDocument::fromJson(line.trimmed()).object();
        return ready.value(QStringLiteral("event")).toString() == QLatin1String("ready");
    }
    ~Simulator()
    {
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            process.waitForFinished(5000);
        }
    }
};

struct CtlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

CtlRun ctl(const QStringList &args)
{
    QProcess p;
    p.start(test::executable(QStringLiteral("meterswapctl")), args);
    p.waitForFinished(60000);
    return CtlRun{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QStringList concentrator(const QString &action, const QString &link, QStringList more = {})
{
    return QStringList{QStringLiteral("concentrator"), action,
                       QStringLiteral("--port"),       link,
                       QStringLiteral("--address"),    QStringLiteral("1101-1234"),
                       QStringLiteral("--timeout-ms"), QStringLiteral("300"),
                       QStringLiteral("--json")}
           + more;
}

QString address(int i)
{
    return QStringLiteral("2010000000%1").arg(i, 2, 10, QLatin1Char('0'));
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

// A task of six households: five installed (started, comm address, DL/T 645-2007, start reading
// 100 + i kWh), one not started yet (not counted).
void seedTask(test::StoreEnv &env)
{
    Task t;
    t.name = QStringLiteral("安贞里台区");
    t.code = QStringLiteral("T-18");
    QList<Customer> cs;
    for (int i = 1; i <= 6; ++i) {
        Customer c;
        c.accountNo = QStringLiteral("ACC%1").arg(i);
        c.name = QStringLiteral("客户%1").arg(i);
        c.newMeter.assetNo = QStringLiteral("A%1").arg(i);
        c.newMeter.commAddress = address(i);
        c.newMeter.protocol = QStringLiteral("dlt645-2007");
        cs << c;
    }
    const RowId taskId = env.importTask(t, cs);
    ASSERT_NE(taskId, 0);
    auto jobs = env.store().jobs().list(JobQuery().inTask(taskId));
    ASSERT_TRUE(jobs.ok());
    for (const JobListItem &item : jobs.value()) {
        const int i = item.customer.accountNo.mid(3).toInt();
        if (i == 6)
            continue;
        ASSERT_TRUE(env.store().jobs().setStatus(item.job.id, JobStatus::InProgress).ok());
        NewEvidence n;
        n.record.jobId = item.job.id;
        n.record.cardId = QStringLiteral("21.4");
        n.record.requirement = QStringLiteral("new_start_total");
        n.record.kind = EvidenceKind::MeterReading;
        n.record.value = QString::number(100 + i);
        n.record.unit = QStringLiteral("kWh");
        n.record.meta = QJsonObject{{QStringLiteral("meter"), QStringLiteral("new")},
                                    {QStringLiteral("register"), QStringLiteral("forward_total")}};
        ASSERT_TRUE(env.store().evidence().add(n).ok());
    }
}

// The simulator's archive as the master station loaded it: the five installed meters, each
// having used 3 kWh since its start reading.
QString writeState(const QString &dir)
{
    QJsonArray meters;
    for (int i = 1; i <= 5; ++i)
        meters.append(QJsonObject{{QStringLiteral("seq"), i},
                                  {QStringLiteral("point"), i},
                                  {QStringLiteral("comm_address"), address(i)},
                                  {QStringLiteral("protocol"), QStringLiteral("dlt645-2007")},
                                  {QStringLiteral("reading"), 103 + i}});
    const QJsonObject state{{QStringLiteral("address"), QStringLiteral("1101-1234")},
                            {QStringLiteral("master"), QStringLiteral("10.0.1.20:9001")},
                            {QStringLiteral("backup"), QStringLiteral("10.0.1.21:9001")},
                            {QStringLiteral("apn"), QStringLiteral("DLCJ.BJ")},
                            {QStringLiteral("password"), kPassword},
                            {QStringLiteral("meters"), meters}};
    QFile f(dir + QStringLiteral("/state.json"));
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(state).toJson());
    return f.fileName();
}

} // namespace

TEST(ConcentratorCli, jobListGivesTheNewMetersCommAddressAndProtocol)
{
    test::StoreEnv env;
    seedTask(env);
    const CtlRun run = ctl({QStringLiteral("job"), QStringLiteral("list"), QStringLiteral("--data"),
                            env.dir(), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.constData();
    const QJsonArray jobs = QJsonDocument::fromJson(run.out).array();
    ASSERT_EQ(jobs.size(), 6);
    const QJsonObject newMeter =
        jobs.first().toObject().value(QStringLiteral("new_meter")).toObject();
    EXPECT_EQ(newMeter.value(QStringLiteral("protocol")).toString(), QStringLiteral("dlt645-2007"));
    EXPECT_EQ(newMeter.value(QStringLiteral("comm_address")).toString().size(), 12);
}

TEST(ConcentratorCli, setThenReadBackAndAWrongPasswordRefused)
{
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("c0"));
    Simulator sim;
    ASSERT_TRUE(sim.start(
        {QStringLiteral("--link"), link, QStringLiteral("--state"), writeState(dir.path())}));
    CtlRun run = ctl(concentrator(QStringLiteral("set"), link,
                                  {QStringLiteral("--master"), QStringLiteral("10.7.7.7:9200"),
                                   QStringLiteral("--apn"), QStringLiteral("XXDL.BJ"),
                                   QStringLiteral("--password"), kPassword}));
    ASSERT_EQ(run.exitCode, 0) << run.err.constData();
    EXPECT_TRUE(run.json().value(QStringLiteral("ok")).toBool());
    run = ctl(concentrator(QStringLiteral("read"), link));
    ASSERT_EQ(run.exitCode, 0) << run.err.constData();
    const QJsonObject read = run.json();
    EXPECT_EQ(
        read.value(QStringLiteral("address")).toObject().value(QStringLiteral("area")).toString(),
        QStringLiteral("1101"));
    EXPECT_EQ(
        read.value(QStringLiteral("address")).toObject().value(QStringLiteral("terminal")).toInt(),
        1234);
    EXPECT_EQ(
        read.value(QStringLiteral("master")).toObject().value(QStringLiteral("ip")).toString(),
        QStringLiteral("10.7.7.7"));
    EXPECT_EQ(read.value(QStringLiteral("master")).toObject().value(QStringLiteral("port")).toInt(),
              9200);
    EXPECT_EQ(read.value(QStringLiteral("backup")).toObject().value(QStringLiteral("port")).toInt(),
              9001);
    EXPECT_EQ(read.value(QStringLiteral("apn")).toString(), QStringLiteral("XXDL.BJ"));
    // A wrong password: exit 1, a message that says so, the parameters unchanged.
    run = ctl(concentrator(QStringLiteral("set"), link,
                           {QStringLiteral("--apn"), QStringLiteral("OTHER"),
                            QStringLiteral("--password"),
                            QStringLiteral("00000000000000000000000000000000")}));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(QString::fromUtf8(run.err).contains(QStringLiteral("密码"))) << run.err.constData();
    EXPECT_FALSE(run.err.contains(kPassword.toLatin1()));
    run = ctl(concentrator(QStringLiteral("read"), link));
    EXPECT_EQ(run.json().value(QStringLiteral("apn")).toString(), QStringLiteral("XXDL.BJ"));
}

TEST(ConcentratorCli, checkFindsPlantedDifferencesAndUnreachableMeters)
{
    test::StoreEnv env;
    seedTask(env);
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("c1"));
    Simulator sim;
    ASSERT_TRUE(sim.start(
        {QStringLiteral("--link"), link, QStringLiteral("--state"), writeState(dir.path()),
         QStringLiteral("--omit"), address(2), QStringLiteral("--extra"),
         QStringLiteral("209999999999"), QStringLiteral("--wrong-protocol"), address(3),
         QStringLiteral("--duplicate"), address(4), QStringLiteral("--unreachable"), address(5)}));
    const CtlRun archive = ctl(concentrator(QStringLiteral("archive"), link));
    ASSERT_EQ(archive.exitCode, 0) << archive.err.constData();
    EXPECT_EQ(archive.json().value(QStringLiteral("meters")).toArray().size(), 6); // 5 − 1 + 1 + 1

    const CtlRun run =
        ctl(concentrator(QStringLiteral("check"), link, {QStringLiteral("--data"), env.dir()}));
    ASSERT_EQ(run.exitCode, 0) << run.err.constData();
    const QJsonObject json = run.json();
    EXPECT_EQ(strings(json.value(QStringLiteral("missing"))), QStringList{address(2)});
    EXPECT_EQ(strings(json.value(QStringLiteral("extra"))),
              QStringList{QStringLiteral("209999999999")});
    EXPECT_EQ(strings(json.value(QStringLiteral("wrong_protocol"))), QStringList{address(3)});
    EXPECT_EQ(strings(json.value(QStringLiteral("duplicated"))), QStringList{address(4)});
    const QJsonArray points = json.value(QStringLiteral("points")).toArray();
    ASSERT_EQ(points.size(),
              5); // the five installed households; the not-started one is not counted
    QMap<QString, QJsonObject> byAddress;
    for (const QJsonValue &v : points)
        byAddress.insert(v.toObject().value(QStringLiteral("comm_address")).toString(),
                         v.toObject());
    EXPECT_TRUE(byAddress[address(1)].value(QStringLiteral("read")).toBool());
    EXPECT_DOUBLE_EQ(byAddress[address(1)].value(QStringLiteral("reading")).toDouble(), 104.0);
    EXPECT_EQ(byAddress[address(1)].value(QStringLiteral("verdict")).toString(),
              QStringLiteral("ok"));
    EXPECT_EQ(byAddress[address(2)].value(QStringLiteral("verdict")).toString(),
              QStringLiteral("not_in_archive"));
    EXPECT_FALSE(byAddress[address(5)].value(QStringLiteral("read")).toBool());
    EXPECT_EQ(byAddress[address(5)].value(QStringLiteral("verdict")).toString(),
              QStringLiteral("not_read"));
    EXPECT_DOUBLE_EQ(json.value(QStringLiteral("success_rate")).toDouble(), 3.0 / 5.0);
}

TEST(ConcentratorCli, checkWritesTheMissingMetersWhenAskedThenReadsThem)
{
    test::StoreEnv env;
    seedTask(env);
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("c2"));
    Simulator sim;
    ASSERT_TRUE(sim.start({QStringLiteral("--link"), link, QStringLiteral("--state"),
                           writeState(dir.path()), QStringLiteral("--omit"), address(2)}));
    // Without the password the write is refused before anything is sent.
    CtlRun run =
        ctl(concentrator(QStringLiteral("check"), link,
                         {QStringLiteral("--data"), env.dir(), QStringLiteral("--write-missing")}));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(QString::fromUtf8(run.err).contains(QStringLiteral("--password")))
        << run.err.constData();
    run = ctl(concentrator(QStringLiteral("check"), link,
                           {QStringLiteral("--data"), env.dir(), QStringLiteral("--task"),
                            QStringLiteral("T-18"), QStringLiteral("--write-missing"),
                            QStringLiteral("--password"), kPassword}));
    ASSERT_EQ(run.exitCode, 0) << run.err.constData();
    const QJsonObject json = run.json();
    EXPECT_TRUE(json.value(QStringLiteral("missing")).toArray().isEmpty());
    const QJsonArray written = json.value(QStringLiteral("written")).toArray();
    ASSERT_EQ(written.size(), 1);
    EXPECT_EQ(written[0].toObject().value(QStringLiteral("comm_address")).toString(), address(2));
    EXPECT_EQ(written[0].toObject().value(QStringLiteral("point")).toInt(), 6);
    EXPECT_EQ(json.value(QStringLiteral("archive_count")).toInt(), 5);
}

TEST(ConcentratorCli, aSilentConcentratorExitsOneWithWhatToCheck)
{
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("c3"));
    Simulator sim;
    ASSERT_TRUE(sim.start({QStringLiteral("--link"), link, QStringLiteral("--silent")}));
    const CtlRun run = ctl(concentrator(QStringLiteral("read"), link,
                                        {QStringLiteral("--retries"), QStringLiteral("1")}));
    EXPECT_EQ(run.exitCode, 1);
    const QString err = QString::fromUtf8(run.err);
    EXPECT_TRUE(err.contains(QStringLiteral("集中器没有应答"))) << run.err.constData();
    EXPECT_TRUE(err.contains(QStringLiteral("共尝试 2 次"))) << run.err.constData();
    EXPECT_TRUE(err.contains(QStringLiteral("300 ms"))) << run.err.constData();
}

TEST(ConcentratorCli, readWithoutAnAddressFindsTheTerminalOnThePort)
{
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("c4"));
    Simulator sim;
    ASSERT_TRUE(
        sim.start({QStringLiteral("--link"), link, QStringLiteral("--address"),
                   QStringLiteral("3201-77"), QStringLiteral("--meters"), QStringLiteral("1")}));
    const CtlRun run = ctl({QStringLiteral("concentrator"), QStringLiteral("read"),
                            QStringLiteral("--port"), link, QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.constData();
    const QJsonObject address = run.json().value(QStringLiteral("address")).toObject();
    EXPECT_EQ(address.value(QStringLiteral("area")).toString(), QStringLiteral("3201"));
    EXPECT_EQ(address.value(QStringLiteral("terminal")).toInt(), 77);
    EXPECT_EQ(address.value(QStringLiteral("logical")).toString(), QStringLiteral("3201004D"));
}
