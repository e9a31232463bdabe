// meterswapctl simulate: a DL/T 645-2007 / 645-1997 / 698.45 meter on a real pseudo-terminal
// (docs/simulator.md). Runs until SIGTERM/SIGINT, then removes its link.
#include "commands.h"

#include "meter/reader/swapset.h"
#include "meter/sim/simrunner.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace ms::ctl {

namespace {

int g_stopPipe[2] = {-1, -1}; // written by the signal handler only

extern "C" void onStopSignal(int)
{
    const char c = 's';
    [[maybe_unused]] const auto n = ::write(g_stopPipe[1], &c, 1);
}

// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(meterswapctl)
};

int usage(const QString &why)
{
    std::fprintf(stderr, "meterswapctl simulate: %s\n", qPrintable(why));
    std::fprintf(
        stderr,
        "usage: meterswapctl simulate --protocol dlt645-2007|dlt645-1997|dlt698.45 --address ADDR\n"
        "         --link PATH [--baud N] [--reply-delay-ms D] [--registers FILE.json]\n"
        "         [--drop-rate P] [--corrupt-rate P] [--silent] [--wrong-parity] [--half-frame]\n"
        "         [--block-padding N] [--seed N]\n");
    return ExitUsage;
}

} // namespace

int simulateCommand(const QStringList &args)
{
    meter::SimulatorOptions options;
    QString link;
    QString registersPath;
    bool haveProtocol = false;
    bool haveAddress = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto next = [&](QString &out) {
            if (i + 1 >= args.size())
                return false;
            out = args.at(++i);
            return true;
        };
        QString v;
        bool ok = true;
        if (a == QLatin1String("--silent")) {
            options.silent = true;
        } else if (a == QLatin1String("--wrong-parity")) {
            options.wrongParity = true;
        } else if (a == QLatin1String("--half-frame")) {
            options.halfFrame = true;
        } else if (!next(v)) {
            return usage(Tr::tr("未知参数或缺少取值：%1").arg(a));
        } else if (a == QLatin1String("--protocol")) {
            const auto p = meter::protocolFromText(v);
            if (!p)
                return usage(Tr::tr("--protocol 必须是 dlt645-2007、dlt645-1997 或 dlt698.45，而不是 \"%1\"").arg(v));
            options.protocol = *p;
            haveProtocol = true;
        } else if (a == QLatin1String("--address")) {
            if (!QRegularExpression(QStringLiteral("^[0-9A-Fa-f]{12}$")).match(v).hasMatch())
                return usage(Tr::tr("--address 必须是 12 位通信地址（如 201000000012），而不是 \"%1\"").arg(v));
            options.address = v.toUpper();
            haveAddress = true;
        } else if (a == QLatin1String("--link")) {
            link = v;
        } else if (a == QLatin1String("--baud")) {
            options.baud = v.toInt(&ok);
            ok = ok && options.baud >= 300 && options.baud <= 115200;
        } else if (a == QLatin1String("--reply-delay-ms")) {
            options.replyDelayMs = v.toInt(&ok);
            ok = ok && options.replyDelayMs >= 0 && options.replyDelayMs <= 10000;
        } else if (a == QLatin1String("--registers")) {
            registersPath = v;
        } else if (a == QLatin1String("--drop-rate")) {
            options.dropRate = v.toDouble(&ok);
            ok = ok && options.dropRate >= 0 && options.dropRate <= 1;
        } else if (a == QLatin1String("--corrupt-rate")) {
            options.corruptRate = v.toDouble(&ok);
            ok = ok && options.corruptRate >= 0 && options.corruptRate <= 1;
        } else if (a == QLatin1String("--block-padding")) {
            options.blockPadding = v.toInt(&ok);
            ok = ok && options.blockPadding >= 0 && options.blockPadding <= 64;
        } else if (a == QLatin1String("--seed")) {
            options.seed = v.toUInt(&ok);
        } else {
            return usage(Tr::tr("未知参数：%1").arg(a));
        }
        if (!ok)
            return usage(Tr::tr("%1 的取值 \"%2\" 无效（波特率 300–115200，延时 0–10000 ms，比例 "
                                "0–1，块填充 0–64 字节）")
                             .arg(a, v));
    }
    if (!haveProtocol || !haveAddress || link.isEmpty())
        return usage(Tr::tr("必须给出 --protocol、--address 和 --link"));

    meter::RegisterSet registers = meter::RegisterSet::defaults();
    if (!registersPath.isEmpty()) {
        auto loaded = meter::RegisterSet::load(registersPath);
        if (!loaded) {
            std::fprintf(stderr, "meterswapctl simulate: %s\n", qPrintable(loaded.error().message));
            return ExitFailed;
        }
        registers = std::move(loaded).value();
    }

    if (::pipe2(g_stopPipe, O_CLOEXEC) != 0) {
        std::perror("meterswapctl simulate: pipe2");
        return ExitFailed;
    }
    struct sigaction sa{};
    sa.sa_handler = onStopSignal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);

    meter::SimulatorRunner runner(options, std::move(registers));
    const auto opened = runner.open(link);
    if (!opened) {
        std::fprintf(stderr, "meterswapctl simulate: %s\n", qPrintable(opened.error().message));
        return ExitFailed;
    }
    const QJsonObject ready{{QStringLiteral("event"), QStringLiteral("ready")},
                            {QStringLiteral("link"), runner.linkPath()},
                            {QStringLiteral("device"), runner.devicePath()},
                            {QStringLiteral("protocol"), meter::protocolText(options.protocol)},
                            {QStringLiteral("address"), options.address},
                            {QStringLiteral("baud"), options.baud},
                            {QStringLiteral("reply_delay_ms"), options.replyDelayMs}};
    std::fprintf(stdout, "%s\n", QJsonDocument(ready).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    runner.run(g_stopPipe[0]);
    runner.close();
    std::fprintf(stderr, "meterswapctl simulate: stopped after %d requests, %d replies\n",
                 runner.requests(), runner.replies());
    return ExitOk;
}

} // namespace ms::ctl
