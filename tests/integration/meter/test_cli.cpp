// The real programs: `meterswapctl simulate` in its own process on a pty, `meterswapctl meter
// read` against it. JSON on stdout, messages on stderr, exit codes per the contract.
#include "common/testenv.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace {

struct Simulator
{
    QProcess process;
    QJsonObject ready;

    bool start(const QStringList &args)
    {
        process.start(ms::test::executable(QStringLiteral("meterswapctl")),
                      QStringList{QStringLiteral("simulate")} + args);
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
};

CtlRun ctl(const QStringList &args, int timeoutMs = 30000)
{
    QProcess p;
    p.start(ms::test::executable(QStringLiteral("meterswapctl")), args);
    p.waitForFinished(timeoutMs);
    return CtlRun{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

TEST(MeterCli, simulateThenMeterReadPrintsTheSwapSetWithTimings)
{
    ASSERT_FALSE(ms::test::executable(QStringLiteral("meterswapctl")).isEmpty());
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("meter0"));
    QFile regs(dir.filePath(QStringLiteral("regs.json")));
    ASSERT_TRUE(regs.open(QIODevice::WriteOnly));
    regs.write(R"({"registers": {"forward_active": ["321.00","100.00","100.00","100.00","21.00"]}})");
    regs.close();
    // GIVEN `meterswapctl simulate` as a DL/T 698.45 meter at 9600 bit/s
    Simulator sim;
    ASSERT_TRUE(sim.start({QStringLiteral("--protocol"), QStringLiteral("dlt698.45"),
                           QStringLiteral("--address"), QStringLiteral("201605190907"),
                           QStringLiteral("--link"), link, QStringLiteral("--baud"), QStringLiteral("9600"),
                           QStringLiteral("--reply-delay-ms"), QStringLiteral("10"),
                           QStringLiteral("--registers"), regs.fileName()}));
    EXPECT_TRUE(QFileInfo(link).isSymLink());
    // WHEN `meterswapctl meter read` reads it with protocol auto
    const CtlRun run = ctl({QStringLiteral("meter"), QStringLiteral("read"), QStringLiteral("--port"), link,
                         QStringLiteral("--baud"), QStringLiteral("9600")});
    // THEN it exits 0 with JSON: protocol, address, items with values, unit, raw frames, timings
    ASSERT_EQ(run.exitCode, 0) << run.err.constData();
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    EXPECT_EQ(json.value(QStringLiteral("protocol")).toString(), QStringLiteral("dlt698.45"));
    EXPECT_EQ(json.value(QStringLiteral("address")).toString(), QStringLiteral("201605190907"));
    EXPECT_GT(json.value(QStringLiteral("total_ms")).toDouble(), 0);
    EXPECT_GT(json.value(QStringLiteral("wire_ms")).toDouble(), 0);
    EXPECT_GE(json.value(QStringLiteral("total_ms")).toDouble(), json.value(QStringLiteral("wire_ms")).toDouble() * 0.9);
    bool sawEnergy = false;
    for (const QJsonValue &v : json.value(QStringLiteral("items")).toArray()) {
        const QJsonObject item = v.toObject();
        EXPECT_FALSE(item.value(QStringLiteral("frames")).toArray().isEmpty());
        if (item.value(QStringLiteral("key")).toString() == QLatin1String("forward_active")) {
            sawEnergy = true;
            EXPECT_EQ(item.value(QStringLiteral("id")).toString(), QStringLiteral("00100200"));
            EXPECT_EQ(item.value(QStringLiteral("unit")).toString(), QStringLiteral("kWh"));
            EXPECT_DOUBLE_EQ(item.value(QStringLiteral("values")).toArray().first().toObject()
                                 .value(QStringLiteral("value")).toDouble(), 321.0);
        }
    }
    EXPECT_TRUE(sawEnergy);
    // AND SIGTERM stops the simulator cleanly and removes its link
    sim.process.terminate();
    ASSERT_TRUE(sim.process.waitForFinished(5000));
    EXPECT_EQ(sim.process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(sim.process.exitCode(), 0);
    EXPECT_FALSE(QFileInfo::exists(link));
    EXPECT_FALSE(QFileInfo(link).isSymLink());
}

TEST(MeterCli, silentMeterExitsOneWithWhatToTry)
{
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("meter1"));
    Simulator sim;
    ASSERT_TRUE(sim.start({QStringLiteral("--protocol"), QStringLiteral("dlt645-2007"),
                           QStringLiteral("--address"), QStringLiteral("000000000001"),
                           QStringLiteral("--link"), link, QStringLiteral("--silent")}));
    const CtlRun run = ctl({QStringLiteral("meter"), QStringLiteral("read"), QStringLiteral("--port"), link,
                         QStringLiteral("--protocol"), QStringLiteral("dlt645-2007"),
                         QStringLiteral("--timeout-ms"), QStringLiteral("200")});
    EXPECT_EQ(run.exitCode, 1);
    const QString err = QString::fromUtf8(run.err);
    EXPECT_TRUE(err.contains(QStringLiteral("没有应答"))) << run.err.constData();
    EXPECT_EQ(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("error")).toObject()
                  .value(QStringLiteral("kind")).toString(), QStringLiteral("silent"));
}

TEST(MeterCli, refusedItemExitsOneNamingTheItem)
{
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("meter2"));
    QFile regs(dir.filePath(QStringLiteral("regs.json")));
    ASSERT_TRUE(regs.open(QIODevice::WriteOnly));
    regs.write(R"({"refuse": ["00900200"]})");
    regs.close();
    Simulator sim;
    ASSERT_TRUE(sim.start({QStringLiteral("--protocol"), QStringLiteral("dlt645-2007"),
                           QStringLiteral("--address"), QStringLiteral("000000000001"),
                           QStringLiteral("--link"), link, QStringLiteral("--baud"), QStringLiteral("9600"),
                           QStringLiteral("--reply-delay-ms"), QStringLiteral("5"),
                           QStringLiteral("--registers"), regs.fileName()}));
    const CtlRun run = ctl({QStringLiteral("meter"), QStringLiteral("read"), QStringLiteral("--port"), link,
                         QStringLiteral("--baud"), QStringLiteral("9600"), QStringLiteral("--items"),
                         QStringLiteral("00010000,00900200")});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains("00900200")) << run.err.constData();
}

TEST(MeterCli, badUsageExitsTwoAndBadRegisterFileExitsOne)
{
    EXPECT_EQ(ctl({QStringLiteral("simulate"), QStringLiteral("--protocol"), QStringLiteral("dlt999")}).exitCode, 2);
    EXPECT_EQ(ctl({QStringLiteral("meter"), QStringLiteral("read")}).exitCode, 2);
    QTemporaryDir dir;
    const CtlRun bad = ctl({QStringLiteral("simulate"), QStringLiteral("--protocol"), QStringLiteral("dlt645-2007"),
                         QStringLiteral("--address"), QStringLiteral("000000000001"), QStringLiteral("--link"),
                         dir.filePath(QStringLiteral("x")), QStringLiteral("--registers"),
                         dir.filePath(QStringLiteral("missing.json"))});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains("missing.json"));
}

TEST(MeterCli, simulateBlockPaddingAnswers901FWithFillAndTheReaderDecodesIt)
{
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("meter97"));
    // GIVEN `meterswapctl simulate` as a 645-1997 meter that pads its 901F block and ends it in AA
    Simulator sim;
    ASSERT_TRUE(sim.start(
        {QStringLiteral("--protocol"), QStringLiteral("dlt645-1997"), QStringLiteral("--address"),
         QStringLiteral("000000063295"), QStringLiteral("--link"), link, QStringLiteral("--baud"),
         QStringLiteral("9600"), QStringLiteral("--reply-delay-ms"), QStringLiteral("10"),
         QStringLiteral("--block-padding"), QStringLiteral("2")}));
    // WHEN `meterswapctl meter read` reads it with protocol auto
    const CtlRun run =
        ctl({QStringLiteral("meter"), QStringLiteral("read"), QStringLiteral("--port"), link,
             QStringLiteral("--baud"), QStringLiteral("9600")});
    // THEN the block is read as five values
    ASSERT_EQ(run.exitCode, 0) << run.err.constData();
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    EXPECT_EQ(json.value(QStringLiteral("protocol")).toString(), QStringLiteral("dlt645-1997"));
    bool sawBlock = false;
    for (const QJsonValue &v : json.value(QStringLiteral("items")).toArray()) {
        const QJsonObject item = v.toObject();
        if (item.value(QStringLiteral("key")).toString() == QLatin1String("forward_active")) {
            sawBlock = true;
            EXPECT_EQ(item.value(QStringLiteral("id")).toString(), QStringLiteral("901F"));
            EXPECT_EQ(item.value(QStringLiteral("values")).toArray().size(), 5);
        }
    }
    EXPECT_TRUE(sawBlock);
    // AND an out-of-range padding is a usage error naming the allowed range
    const CtlRun bad = ctl({QStringLiteral("simulate"), QStringLiteral("--protocol"),
                            QStringLiteral("dlt645-1997"), QStringLiteral("--address"),
                            QStringLiteral("000000000001"), QStringLiteral("--link"),
                            dir.filePath(QStringLiteral("y")), QStringLiteral("--block-padding"),
                            QStringLiteral("99")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains("--block-padding")) << bad.err.constData();
}
