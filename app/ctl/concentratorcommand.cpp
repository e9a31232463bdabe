// meterswapctl concentrator read|set|archive|check: the concentrator (集中器) over its
// maintenance port in Q/GDW 1376.1 (issue 18 §7). JSON on stdout, messages on stderr; exit 1 when
// the concentrator did not answer, denied, or (check) the read failed.
#include "commands.h"
#include "concentratorctl.h"

#include "meter/concentrator/archivecheck.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cstdio>

namespace ms::ctl {

namespace {

namespace gdw = gdw1376;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(meterswapctl)
};

int usage(const QString &why)
{
    std::fprintf(stderr, "meterswapctl concentrator: %s\n", qPrintable(why));
    std::fprintf(
        stderr,
        "usage: meterswapctl concentrator read    --port PATH [--baud N] [--address AREA-TERMINAL] "
        "--json\n"
        "              (no --address: the terminal on the port answers a broadcast F89 query)\n"
        "       meterswapctl concentrator set     --port PATH [--baud N] --address AREA-TERMINAL\n"
        "              [--master IP:PORT] [--backup IP:PORT] [--apn APN] [--new-address "
        "AREA-TERMINAL]\n"
        "              [--password HEX]\n"
        "       meterswapctl concentrator archive --port PATH [--baud N] --address AREA-TERMINAL "
        "--json\n"
        "       meterswapctl concentrator check   --port PATH [--baud N] --address AREA-TERMINAL\n"
        "              --data DIR [--task ID] [--write-missing --password HEX] --json\n"
        "  common: [--parity even|none|odd] [--timeout-ms N] [--retries N]\n");
    return ExitUsage;
}

QJsonObject endpointJson(const gdw::Endpoint &e)
{
    const QString text = QString::fromStdString(e.text());
    return {{QStringLiteral("ip"), text.section(QLatin1Char(':'), 0, 0)},
            {QStringLiteral("port"), int(e.port)}};
}

QJsonObject addressJson(std::uint16_t area, std::uint16_t terminal)
{
    const gdw::Address a{area, terminal};
    return {{QStringLiteral("area"), QString::fromStdString(a.areaText())},
            {QStringLiteral("terminal"), int(terminal)},
            {QStringLiteral("logical"), QString::fromStdString(a.logicalText())}};
}

} // namespace

QJsonObject trafficJson(const meter::ConcentratorTraffic &t, bool withFrames)
{
    QJsonObject o{{QStringLiteral("requests"), t.requests},
                  {QStringLiteral("tx_bytes"), t.txBytes},
                  {QStringLiteral("rx_bytes"), t.rxBytes},
                  {QStringLiteral("elapsed_ms"), t.elapsedMs}};
    if (withFrames) {
        QJsonArray frames;
        for (const meter::RawFrame &f : t.frames)
            frames.append(
                QJsonObject{{QStringLiteral("dir"), f.direction == meter::RawFrame::Direction::Tx
                                                        ? QStringLiteral("tx")
                                                        : QStringLiteral("rx")},
                            {QStringLiteral("at"), f.at.toString(Qt::ISODateWithMs)},
                            {QStringLiteral("hex"), f.hex()}});
        o.insert(QStringLiteral("frames"), frames);
    }
    return o;
}

namespace {

QJsonObject parametersJson(const meter::ConcentratorParameters &p, const gdw::Address &asked)
{
    QJsonObject o;
    o.insert(QStringLiteral("address"), p.logical
                                            ? addressJson(p.logical->area, p.logical->terminal)
                                            : addressJson(asked.area, asked.terminal));
    if (p.master) {
        o.insert(QStringLiteral("master"), endpointJson(p.master->main));
        o.insert(QStringLiteral("backup"), endpointJson(p.master->backup));
        o.insert(QStringLiteral("apn"), QString::fromStdString(p.master->apn));
    }
    o.insert(QStringLiteral("traffic"), trafficJson(p.traffic, true));
    return o;
}

struct Common
{
    meter::LinkSettings link = meter::ConcentratorClient::defaultSettings({});
    std::optional<gdw::Address> address;
    std::array<std::uint8_t, gdw::PasswordBytes> password{};
    bool passwordGiven = false;
    QMap<QString, QString> values; // the action's own options
    bool writeMissing = false;
};

} // namespace

int concentratorCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    const QStringList actions{QStringLiteral("read"), QStringLiteral("set"),
                              QStringLiteral("archive"), QStringLiteral("check")};
    const QString action = args.isEmpty() ? QString() : args.takeFirst();
    if (!actions.contains(action))
        return usage(Tr::tr("只支持 read、set、archive 和 check"));
    Common c;
    const QStringList own{QStringLiteral("--master"), QStringLiteral("--backup"),
                          QStringLiteral("--apn"),    QStringLiteral("--new-address"),
                          QStringLiteral("--data"),   QStringLiteral("--task")};
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--json"))
            continue; // the output is always JSON
        if (a == QLatin1String("--write-missing")) {
            c.writeMissing = true;
            continue;
        }
        if (i + 1 >= args.size())
            return usage(Tr::tr("未知参数或缺少取值：%1").arg(a));
        const QString v = args.at(++i);
        bool ok = true;
        if (a == QLatin1String("--port")) {
            c.link.portName = v;
        } else if (a == QLatin1String("--baud")) {
            c.link.baud = v.toInt(&ok);
            ok = ok && c.link.baud >= 1200 && c.link.baud <= 115200;
        } else if (a == QLatin1String("--address")) {
            c.address = gdw::Address::fromText(v.toStdString());
            ok = c.address.has_value();
        } else if (a == QLatin1String("--password")) {
            const QByteArray pw = QByteArray::fromHex(v.toLatin1());
            ok = pw.size() == int(gdw::PasswordBytes) && v.size() == 2 * int(gdw::PasswordBytes);
            if (ok)
                std::copy(pw.begin(), pw.end(), c.password.begin());
            c.passwordGiven = true;
        } else if (a == QLatin1String("--parity")) {
            if (v == QLatin1String("even"))
                c.link.parity = QSerialPort::EvenParity;
            else if (v == QLatin1String("none"))
                c.link.parity = QSerialPort::NoParity;
            else if (v == QLatin1String("odd"))
                c.link.parity = QSerialPort::OddParity;
            else
                ok = false;
        } else if (a == QLatin1String("--timeout-ms")) {
            c.link.replyTimeoutMs = v.toInt(&ok);
            ok = ok && c.link.replyTimeoutMs >= 50 && c.link.replyTimeoutMs <= 60000;
        } else if (a == QLatin1String("--retries")) {
            c.link.retries = v.toInt(&ok);
            ok = ok && c.link.retries >= 0 && c.link.retries <= 10;
        } else if (own.contains(a)) {
            c.values.insert(a, v);
        } else {
            return usage(Tr::tr("未知参数：%1").arg(a));
        }
        if (!ok)
            return usage(
                Tr::tr("%1 的取值“%2”无效（终端地址如 1101-1234 或 110104D2，密码 32 位十六进制，"
                       "波特率 1200–115200）")
                    .arg(a, a == QLatin1String("--password") ? QStringLiteral("…") : v));
    }
    if (c.link.portName.isEmpty())
        return usage(Tr::tr("必须用 --port 指定维护口串口（如 /dev/ttyUSB0）"));
    const bool discover = !c.address && action == QLatin1String("read");
    if (!c.address && !discover)
        return usage(Tr::tr("必须用 --address 给出终端地址（行政区划码-终端地址，如 1101-1234）"));
    if (action == QLatin1String("check") && !c.values.contains(QStringLiteral("--data")))
        return usage(Tr::tr("check 需要 --data 指定平板数据目录"));

    meter::SerialLink link(c.link);
    if (auto opened = link.open(); !opened)
        return concentratorFailed(opened.error().message);
    meter::ConcentratorClient client(&link, c.address.value_or(gdw::Address::broadcast()));
    client.setPassword(c.password);
    if (discover) { // no --address: ask whoever is on the port (F89 to the broadcast address)
        const auto found =
            await<meter::ConcentratorParameters>([&](auto done) { client.discover(done); });
        if (!found.ok)
            return concentratorFailed(found.message);
    }
    if (action == QLatin1String("read")) {
        const auto p =
            await<meter::ConcentratorParameters>([&](auto done) { client.readParameters(done); });
        printJson(parametersJson(p, client.address()));
        return p.ok ? ExitOk : concentratorFailed(p.message);
    }
    if (action == QLatin1String("set")) {
        meter::ConcentratorParameterSet set;
        const bool changesMaster = c.values.contains(QStringLiteral("--master"))
                                   || c.values.contains(QStringLiteral("--backup"))
                                   || c.values.contains(QStringLiteral("--apn"));
        if (changesMaster) {
            // Fields not given keep the concentrator's current values: read them first.
            const auto current = await<meter::ConcentratorParameters>(
                [&](auto done) { client.readParameters(done); });
            if (!current.ok)
                return concentratorFailed(current.message);
            gdw::MasterStation m = *current.master;
            for (const auto &[key, target] : {std::pair{QStringLiteral("--master"), &m.main},
                                              std::pair{QStringLiteral("--backup"), &m.backup}}) {
                if (!c.values.contains(key))
                    continue;
                const auto e = gdw::Endpoint::fromText(c.values.value(key).toStdString());
                if (!e)
                    return usage(Tr::tr("%1 应为 IP:端口，如 10.0.1.20:9001").arg(key));
                *target = *e;
            }
            if (c.values.contains(QStringLiteral("--apn"))) {
                m.apn = c.values.value(QStringLiteral("--apn")).toStdString();
                if (m.apn.size() > gdw::ApnBytes)
                    return usage(Tr::tr("--apn 最多 16 个 ASCII 字符"));
            }
            set.master = m;
        }
        if (c.values.contains(QStringLiteral("--new-address"))) {
            const auto a = gdw::Address::fromText(
                c.values.value(QStringLiteral("--new-address")).toStdString());
            if (!a)
                return usage(Tr::tr("--new-address 应为 行政区划码-终端地址，如 1101-1234"));
            set.logical = gdw::LogicalAddress{a->area, a->terminal};
        }
        if (!set.master && !set.logical)
            return usage(Tr::tr("set 至少需要 --master、--backup、--apn 或 --new-address 之一"));
        const auto r = await<meter::ConcentratorSetResult>(
            [&](auto done) { client.setParameters(set, done); });
        QJsonObject out{{QStringLiteral("ok"), r.ok},
                        {QStringLiteral("denied"), r.denied},
                        {QStringLiteral("read_back"), parametersJson(r.readBack, client.address())},
                        {QStringLiteral("traffic"), trafficJson(r.traffic, true)}};
        printJson(out);
        return r.ok ? ExitOk : concentratorFailed(r.message);
    }
    const auto archive =
        await<meter::ConcentratorArchive>([&](auto done) { client.readArchive(done); });
    if (!archive.ok)
        return concentratorFailed(archive.message);
    if (action == QLatin1String("archive")) {
        QJsonArray meters;
        for (const gdw::ArchiveEntry &e : archive.entries)
            meters.append(meter::archiveEntryJson(e));
        printJson(QJsonObject{{QStringLiteral("meters"), meters},
                              {QStringLiteral("count"), int(archive.entries.size())},
                              {QStringLiteral("traffic"), trafficJson(archive.traffic, false)}});
        return ExitOk;
    }
    return concentratorCheck(client, archive, c.values.value(QStringLiteral("--data")),
                             c.values.value(QStringLiteral("--task")), c.writeMissing,
                             c.passwordGiven);
}

} // namespace ms::ctl
