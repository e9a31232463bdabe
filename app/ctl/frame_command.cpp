// meterswapctl frame decode HEX | frame encode read --protocol P --address ADDR --item ID
// Contract: issue 3 §5. JSON on stdout; one line on stderr naming what is wrong; exit 0/1/2.
#include "commands.h"

#include "meter/dlt645/common.h"
#include "meter/dlt698/anyframe.h"
#include "gdw1376json.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace ms::ctl {

namespace {

// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ctl::FrameCommand)
};

void printError(const QString &message)
{
    QTextStream err(stderr);
    err << "meterswapctl frame: " << message << '\n';
}

int usage(const QString &problem)
{
    printError(problem);
    QTextStream err(stderr);
    err << Tr::tr("用法: meterswapctl frame decode HEX\n"
              "      meterswapctl frame encode read --protocol dlt645-2007|dlt645-1997|dlt698.45 "
              "--address ADDR --item ID\n");
    return ExitUsage;
}

// What went wrong, in the UI language, and what to do about it.
QString describeFault(meter::Fault fault)
{
    switch (fault) {
    case meter::Fault::Empty: return Tr::tr("没有输入任何字节，请给出帧的十六进制文本");
    case meter::Fault::Garbage: return Tr::tr("不是电能表帧，请检查复制的十六进制是否完整");
    case meter::Fault::Truncated: return Tr::tr("帧不完整（被截断），请重新读取或复制完整的帧");
    case meter::Fault::BadLength: return Tr::tr("长度域错误，帧已损坏，请重新读取");
    case meter::Fault::BadChecksum: return Tr::tr("校验和（CS）错误，帧已损坏：请检查接线和 8E1 校验位后重新读取");
    case meter::Fault::BadHeaderCrc: return Tr::tr("帧头校验（HCS）错误，帧已损坏：请重新读取");
    case meter::Fault::BadFrameCrc: return Tr::tr("帧校验（FCS）错误，帧已损坏：请检查接线和 8E1 校验位后重新读取");
    case meter::Fault::BadEnd: return Tr::tr("结束符不是 16，帧已损坏：请重新读取");
    case meter::Fault::TrailingBytes: return Tr::tr("结束符 16 之后还有多余字节，请只给出一帧");
    case meter::Fault::BadData: return Tr::tr("帧完整但数据域格式错误");
    case meter::Fault::Unsupported: return Tr::tr("暂不支持此类帧");
    case meter::Fault::OtherProtocol: return Tr::tr("不是本程序解码的规约（DL/T 645、DL/T 698.45 或规约标识为 2 的 Q/GDW 1376.1）");
    case meter::Fault::InvalidArgument: return Tr::tr("参数错误");
    }
    return Tr::tr("未知错误");
}

// "<what is wrong and what to do> (<fault name>: <technical detail>)" on one line.
QString failureLine(const meter::CodecError &error)
{
    const std::string name(meter::faultName(error.fault));
    const std::string detail = error.detail.find(name) == std::string::npos
                                   ? name + ": " + error.detail
                                   : error.detail;
    return describeFault(error.fault) + QStringLiteral(" (") + QString::fromStdString(detail)
           + QLatin1Char(')');
}

QJsonObject toJson(const meter::Message &m)
{
    QJsonObject o;
    const auto protocol = meter::protocolName(m.protocol);
    o.insert(QStringLiteral("protocol"),
             QString::fromLatin1(protocol.data(), qsizetype(protocol.size())));
    o.insert(QStringLiteral("direction"), m.direction == meter::Direction::Request
                                              ? QStringLiteral("request")
                                              : QStringLiteral("response"));
    o.insert(QStringLiteral("address"), QString::fromStdString(m.address));
    o.insert(QStringLiteral("control"), m.control);
    if (!m.id.empty())
        o.insert(QStringLiteral("id"), QString::fromStdString(m.id));
    QJsonArray values;
    for (const meter::Value &v : m.values) {
        QJsonObject value;
        if (v.kind == meter::Value::Kind::Number)
            value.insert(QStringLiteral("value"), v.toDouble());
        else
            value.insert(QStringLiteral("value"), QString::fromStdString(v.text));
        value.insert(QStringLiteral("unit"), v.unit.empty() || v.kind == meter::Value::Kind::Missing
                                                 ? QJsonValue(QJsonValue::Null)
                                                 : QJsonValue(QString::fromStdString(v.unit)));
        value.insert(QStringLiteral("name"), QString::fromStdString(v.name));
        values.append(value);
    }
    o.insert(QStringLiteral("values"), values);
    if (m.error) {
        QJsonObject error;
        error.insert(QStringLiteral("code"), m.error->code);
        error.insert(QStringLiteral("text"), QString::fromStdString(m.error->text));
        o.insert(QStringLiteral("error"), error);
    } else {
        o.insert(QStringLiteral("error"), QJsonValue(QJsonValue::Null));
    }
    return o;
}

int decode(const QStringList &args)
{
    if (args.isEmpty())
        return usage(Tr::tr("frame decode 需要一帧的十六进制文本，例如 "
                        "\"68 01 00 00 00 00 00 68 11 04 33 33 33 33 B2 16\""));
    const QByteArray text = args.join(QLatin1Char(' ')).toLatin1();
    const auto bytes = meter::fromHex(std::string_view(text.constData(), std::size_t(text.size())));
    if (!bytes) {
        printError(Tr::tr("输入不是十六进制字节（每字节两位 0-9/A-F，可用空格分隔）：%1")
                       .arg(args.join(QLatin1Char(' '))));
        return ExitFailed;
    }
    const auto message = meter::decodeAnyFrame(*bytes);
    if (!message && message.error().fault == meter::Fault::OtherProtocol) {
        // Not a meter frame: a concentrator's Q/GDW 1376.1 frame (protocol id 2) is decoded
        // here; one with another protocol id (Q/GDW 130-2005) is refused.
        const auto frame = gdw1376::decodeFrame(*bytes);
        const auto units = frame ? gdw1376::decodeUnits(*frame)
                                 : meter::Outcome<std::vector<gdw1376::DataUnit>>(frame.error());
        if (!units) {
            printError(frame ? Tr::tr("Q/GDW 1376.1 帧的数据单元无法解码（%1）")
                                   .arg(QString::fromStdString(units.error().detail))
                             : failureLine(frame.error()));
            return ExitFailed;
        }
        QTextStream(stdout) << QJsonDocument(gdw1376Json(*frame, *units)).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (!message) {
        printError(failureLine(message.error()));
        return ExitFailed;
    }
    QTextStream(stdout) << QJsonDocument(toJson(*message)).toJson(QJsonDocument::Indented);
    return ExitOk;
}

int encode(const QStringList &args)
{
    if (args.value(0) != QLatin1String("read"))
        return usage(Tr::tr("frame encode 目前只支持 read"));
    QString protocolText, address, item;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        QString *target = a == QLatin1String("--protocol") ? &protocolText
                          : a == QLatin1String("--address") ? &address
                          : a == QLatin1String("--item")    ? &item
                                                            : nullptr;
        if (!target)
            return usage(Tr::tr("未知参数 %1").arg(a));
        if (i + 1 >= args.size())
            return usage(Tr::tr("参数 %1 缺少取值").arg(a));
        *target = args.at(++i);
    }
    if (protocolText.isEmpty() || item.isEmpty())
        return usage(Tr::tr("frame encode read 需要 --protocol 和 --item（--address 省略时用通配地址 AAAAAAAAAAAA）"));
    const QByteArray p = protocolText.toLatin1();
    const auto protocol = meter::protocolFromName(std::string_view(p.constData(), std::size_t(p.size())));
    if (!protocol)
        return usage(Tr::tr("未知规约 %1，可用 dlt645-2007、dlt645-1997、dlt698.45").arg(protocolText));
    const QByteArray a = address.toLatin1(), d = item.toLatin1();
    const auto frame = meter::encodeReadRequest(*protocol,
                                                std::string_view(a.constData(), std::size_t(a.size())),
                                                std::string_view(d.constData(), std::size_t(d.size())));
    if (!frame)
        return usage(failureLine(frame.error()));
    // The frame itself, without the FE wake-up preamble the link layer adds.
    std::size_t start = 0;
    while (start < frame->size() && (*frame)[start] == 0xFE)
        ++start;
    const std::string hex = meter::toHex(meter::ByteView(*frame).subspan(start), " ");
    QTextStream(stdout) << QString::fromStdString(hex) << '\n';
    return ExitOk;
}

} // namespace

int frameCommand(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("decode"))
        return decode(args.mid(1));
    if (sub == QLatin1String("encode"))
        return encode(args.mid(1));
    return usage(sub.isEmpty() ? Tr::tr("缺少子命令 decode 或 encode") : Tr::tr("未知子命令 %1").arg(sub));
}

} // namespace ms::ctl
