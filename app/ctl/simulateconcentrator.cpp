// meterswapctl simulate --protocol gdw1376.1: a Q/GDW 1376.1 concentrator on a real pty
// (docs/simulator.md "Concentrator"): its parameters, archive and readings from --state FILE.json
// or --meters N, with differences planted by option for tests and the demo.
#include "commands.h"
#include "simulaterun.h"

#include "meter/sim/concentratorsimulator.h"
#include "meter/sim/simrunner.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <cstdio>

namespace ms::ctl {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(meterswapctl)
};

int usage(const QString &why)
{
    std::fprintf(stderr, "meterswapctl simulate: %s\n", qPrintable(why));
    std::fprintf(
        stderr,
        "usage: meterswapctl simulate --protocol gdw1376.1 --link PATH [--address AREA-TERMINAL]\n"
        "         [--state FILE.json | --meters N] [--password HEX32] [--baud N]\n"
        "         [--reply-delay-ms D] [--max-frame-bytes N] [--silent] [--without-f89]\n"
        "         [--unreachable ADDR,...] [--omit ADDR,...] [--extra ADDR,...]\n"
        "         [--wrong-protocol ADDR,...] [--duplicate ADDR,...]\n");
    return ExitUsage;
}

int failed(const QString &message)
{
    std::fprintf(stderr, "meterswapctl simulate: %s\n", qPrintable(message));
    return ExitFailed;
}

} // namespace

int simulateConcentrator(const QStringList &args)
{
    QString link;
    QString statePath;
    QString addressText;
    QString password;
    int meters = -1;
    qint32 baud = 9600;
    int replyDelayMs = 50;
    meter::ConcentratorSimOptions options;
    QMap<QString, QStringList> plants; // option → comm addresses
    const QStringList plantOptions{QStringLiteral("--unreachable"), QStringLiteral("--omit"),
                                   QStringLiteral("--extra"), QStringLiteral("--wrong-protocol"),
                                   QStringLiteral("--duplicate")};
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--silent")) {
            options.silent = true;
            continue;
        }
        if (a == QLatin1String("--without-f89")) {
            options.withoutF89 = true;
            continue;
        }
        if (i + 1 >= args.size())
            return usage(Tr::tr("未知参数或缺少取值：%1").arg(a));
        const QString v = args.at(++i);
        bool ok = true;
        if (a == QLatin1String("--protocol")) {
            ok = v == QLatin1String("gdw1376.1");
        } else if (a == QLatin1String("--link")) {
            link = v;
        } else if (a == QLatin1String("--address")) {
            addressText = v;
            ok = gdw1376::Address::fromText(v.toStdString()).has_value();
        } else if (a == QLatin1String("--state")) {
            statePath = v;
        } else if (a == QLatin1String("--meters")) {
            meters = v.toInt(&ok);
            ok = ok && meters >= 0 && meters <= 2040;
        } else if (a == QLatin1String("--password")) {
            password = v;
            ok = QByteArray::fromHex(v.toLatin1()).size() == int(gdw1376::PasswordBytes);
        } else if (a == QLatin1String("--baud")) {
            baud = v.toInt(&ok);
            ok = ok && baud >= 300 && baud <= 115200;
        } else if (a == QLatin1String("--reply-delay-ms")) {
            replyDelayMs = v.toInt(&ok);
            ok = ok && replyDelayMs >= 0 && replyDelayMs <= 10000;
        } else if (a == QLatin1String("--max-frame-bytes")) {
            options.maxFrameBody = std::size_t(v.toInt(&ok));
            ok = ok && options.maxFrameBody >= 64 && options.maxFrameBody <= 16000;
        } else if (plantOptions.contains(a)) {
            plants[a] += v.split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else {
            return usage(Tr::tr("未知参数：%1").arg(a));
        }
        if (!ok)
            return usage(
                Tr::tr(
                    "%1 的取值“%2”无效（地址如 1101-1234，密码 32 位十六进制，波特率 300–115200，"
                    "延时 0–10000 ms，表数 0–2040，帧长 64–16000）")
                    .arg(a, v));
    }
    if (link.isEmpty())
        return usage(Tr::tr("必须给出 --link"));

    meter::ConcentratorState state = meter::ConcentratorState::generated(std::max(meters, 0));
    if (!statePath.isEmpty()) {
        auto loaded = meter::ConcentratorState::load(statePath);
        if (!loaded)
            return failed(loaded.error().message);
        state = std::move(loaded).value();
    }
    if (!addressText.isEmpty())
        state.address = *gdw1376::Address::fromText(addressText.toStdString());
    if (!password.isEmpty()) {
        const QByteArray pw = QByteArray::fromHex(password.toLatin1());
        state.password.emplace();
        std::copy(pw.begin(), pw.end(), state.password->begin());
    }
    for (const QString &address : plants.value(QStringLiteral("--unreachable")))
        state.setUnreachable(address);
    for (const QString &address : plants.value(QStringLiteral("--extra")))
        state.addExtra(address);
    for (const QString &address : plants.value(QStringLiteral("--omit")))
        if (auto done = state.omit(address); !done)
            return failed(done.error().message);
    for (const QString &address : plants.value(QStringLiteral("--wrong-protocol")))
        if (auto done = state.flipProtocol(address); !done)
            return failed(done.error().message);
    for (const QString &address : plants.value(QStringLiteral("--duplicate")))
        if (auto done = state.duplicate(address); !done)
            return failed(done.error().message);

    const QString addressShown = QString::fromStdString(state.address.displayText());
    const int archived = int(state.archive.size());
    meter::SimulatorRunner runner(
        std::make_unique<meter::ConcentratorSimulator>(std::move(state), options), baud,
        replyDelayMs);
    const auto opened = runner.open(link);
    if (!opened)
        return failed(opened.error().message);
    const QJsonObject ready{{QStringLiteral("event"), QStringLiteral("ready")},
                            {QStringLiteral("link"), runner.linkPath()},
                            {QStringLiteral("device"), runner.devicePath()},
                            {QStringLiteral("protocol"), QStringLiteral("gdw1376.1")},
                            {QStringLiteral("address"), addressShown},
                            {QStringLiteral("meters"), archived},
                            {QStringLiteral("baud"), baud},
                            {QStringLiteral("reply_delay_ms"), replyDelayMs}};
    return runSimulatorUntilSignal(runner, ready);
}

} // namespace ms::ctl
