// meterswapctl meter read: read a meter on a serial port and print the result as JSON
// (protocol, address, every item with values and raw frames, total_ms and wire_ms).
#include "commands.h"

#include "meter/link/seriallink.h"
#include "meter/reader/meterreader.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>

#include <cstdio>

namespace ms::ctl {

namespace {

// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(meterswapctl)
};

int usage(const QString &why)
{
    std::fprintf(stderr, "meterswapctl meter: %s\n", qPrintable(why));
    std::fprintf(stderr,
                 "usage: meterswapctl meter read --port PATH [--baud N] [--protocol auto|P]\n"
                 "         [--items swap|ID,...] [--infrared] [--parity even|none|odd]\n"
                 "         [--timeout-ms N] [--retries N]\n");
    return ExitUsage;
}

} // namespace

int meterCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    if (args.isEmpty() || args.takeFirst() != QLatin1String("read"))
        return usage(Tr::tr("只支持 \"meter read\""));
    meter::LinkSettings settings = meter::LinkSettings::rs485({});
    meter::ReadOptions options;
    bool baudGiven = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--infrared")) {
            const QString port = settings.portName;
            const int baud = settings.baud;
            settings = meter::LinkSettings::infrared(port);
            if (baudGiven)
                settings.baud = baud;
            continue;
        }
        if (i + 1 >= args.size())
            return usage(Tr::tr("未知参数或缺少取值：%1").arg(a));
        const QString v = args.at(++i);
        bool ok = true;
        if (a == QLatin1String("--port")) {
            settings.portName = v;
        } else if (a == QLatin1String("--baud")) {
            settings.baud = v.toInt(&ok);
            ok = ok && settings.baud >= 300 && settings.baud <= 115200;
            baudGiven = true;
        } else if (a == QLatin1String("--protocol")) {
            if (v != QLatin1String("auto")) {
                options.protocol = meter::protocolFromText(v);
                ok = options.protocol.has_value();
            }
        } else if (a == QLatin1String("--items")) {
            if (v != QLatin1String("swap"))
                options.ids = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
            ok = v == QLatin1String("swap") || !options.ids.isEmpty();
        } else if (a == QLatin1String("--parity")) {
            if (v == QLatin1String("even"))
                settings.parity = QSerialPort::EvenParity;
            else if (v == QLatin1String("none"))
                settings.parity = QSerialPort::NoParity;
            else if (v == QLatin1String("odd"))
                settings.parity = QSerialPort::OddParity;
            else
                ok = false;
        } else if (a == QLatin1String("--timeout-ms")) {
            settings.replyTimeoutMs = v.toInt(&ok);
            ok = ok && settings.replyTimeoutMs >= 50 && settings.replyTimeoutMs <= 60000;
        } else if (a == QLatin1String("--retries")) {
            settings.retries = v.toInt(&ok);
            ok = ok && settings.retries >= 0 && settings.retries <= 10;
        } else {
            return usage(Tr::tr("未知参数：%1").arg(a));
        }
        if (!ok)
            return usage(Tr::tr("%1 的取值 \"%2\" 无效").arg(a, v));
    }
    if (settings.portName.isEmpty())
        return usage(Tr::tr("必须用 --port 指定串口（如 /dev/ttyUSB0）"));

    meter::SerialLink link(settings);
    meter::ProtocolMemory memory;
    meter::MeterReader reader(&link, &memory);
    meter::SwapSetReading result;
    QEventLoop loop;
    QObject::connect(&reader, &meter::MeterReader::finished, &loop,
                     [&](const meter::SwapSetReading &r) {
                         result = r;
                         loop.quit();
                     });
    reader.read(options);
    if (reader.running())
        loop.exec();
    link.close();

    std::fprintf(stdout, "%s\n", QJsonDocument(result.toJson()).toJson(QJsonDocument::Indented).constData());
    if (result.failure != meter::LinkFailure::None) {
        std::fprintf(stderr, "meterswapctl meter read: %s\n", qPrintable(result.message));
        return ExitFailed;
    }
    int failures = 0;
    for (const meter::ItemReading &item : result.items) {
        if (item.status == meter::ItemReading::Status::Refused
            || item.status == meter::ItemReading::Status::Failed) {
            std::fprintf(stderr, "meterswapctl meter read: %s (%s): %s\n", qPrintable(item.name),
                         qPrintable(item.id), qPrintable(item.message));
            ++failures;
        }
    }
    return failures ? ExitFailed : ExitOk;
}

} // namespace ms::ctl
