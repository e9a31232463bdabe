#include "meter/reader/swapset.h"

#include "meter/dlt645/ditable.h"
#include "meter/dlt698/apdu.h"

#include <QCoreApplication>

namespace ms::meter {

namespace {

struct Row
{
    const char *key;
    const char *id2007;
    const char *id1997;
    const char *id698;
};

// Order = reading order. Empty id: the protocol has no such register.
constexpr Row kRows[] = {
    {"address", "", "", ""},
    {"meter_number", "04000402", "C032", "40020200"},
    {"forward_active", "0001FF00", "901F", "00100200"},
    {"reverse_active", "00020000", "9020", "00200201"},
    {"date", "04000101", "C010", ""},
    {"time", "04000102", "C011", ""},
    {"datetime", "", "", "40000200"},
    {"status_word_1", "04000501", "C020", "20140200"},
    {"remaining_energy", "00900100", "", ""},
    {"remaining_money", "00900200", "", "202C0200"},
    {"cover_open_count", "03300D00", "", ""},
};

const char *idOf(const Row &row, Protocol protocol)
{
    switch (protocol) {
    case Protocol::Dlt645_2007: return row.id2007;
    case Protocol::Dlt645_1997: return row.id1997;
    case Protocol::Dlt698_45: return row.id698;
    }
    return "";
}

bool known(Protocol protocol, const QString &id)
{
    const std::string text = id.toStdString();
    switch (protocol) {
    case Protocol::Dlt645_2007:
    case Protocol::Dlt645_1997: {
        const auto version = protocol == Protocol::Dlt645_2007 ? dlt645::Version::V2007
                                                                : dlt645::Version::V1997;
        const auto di = dlt645::diFromText(version, text);
        return di && dlt645::findDataItem(version, *di) != nullptr;
    }
    case Protocol::Dlt698_45: {
        const auto oad = dlt698::oadFromText(text);
        return oad && dlt698::findOad(*oad) != nullptr;
    }
    }
    return false;
}

} // namespace

QList<SwapItem> swapSet(Protocol protocol)
{
    QList<SwapItem> items;
    for (const Row &row : kRows) {
        const QString key = QString::fromLatin1(row.key);
        const QString id = QString::fromLatin1(idOf(row, protocol));
        if (key == QLatin1String("address"))
            items.append({key, {}});
        else if (!id.isEmpty() && known(protocol, id))
            items.append({key, id});
    }
    return items;
}

RegisterRef registerOf(Protocol protocol, const QString &idText)
{
    const QString id = idText.toUpper();
    for (const Row &row : kRows) {
        const QString own = QString::fromLatin1(idOf(row, protocol));
        if (!own.isEmpty() && own == id)
            return {QString::fromLatin1(row.key), -1};
    }
    // Single values of the forward-active block.
    bool ok = false;
    const uint v = id.toUInt(&ok, 16);
    if (!ok)
        return {};
    switch (protocol) {
    case Protocol::Dlt645_2007:
        if ((v & 0xFFFF00FFu) == 0x00010000u && ((v >> 8) & 0xFF) <= 4)
            return {QStringLiteral("forward_active"), int((v >> 8) & 0xFF)};
        if (v == 0x00020000u)
            return {QStringLiteral("reverse_active"), -1};
        if (v == 0x04000401u)
            return {QStringLiteral("address"), -1};
        break;
    case Protocol::Dlt645_1997:
        if (v >= 0x9010 && v <= 0x9014)
            return {QStringLiteral("forward_active"), int(v - 0x9010)};
        break;
    case Protocol::Dlt698_45:
        if (v >= 0x00100201u && v <= 0x00100205u)
            return {QStringLiteral("forward_active"), int(v - 0x00100201u)};
        if (v == 0x00200200u)
            return {QStringLiteral("reverse_active"), -1};
        if (v == 0x40010200u)
            return {QStringLiteral("address"), -1};
        break;
    }
    return {};
}

QString swapItemName(const QString &key)
{
    static const struct
    {
        const char *key;
        const char *name;
    } names[] = {
        {"address", QT_TRANSLATE_NOOP("ms::meter::SwapSet", "通信地址")},
        {"meter_number", QT_TRANSLATE_NOOP("ms::meter::SwapSet", "表号")},
        {"forward_active", QT_TRANSLATE_NOOP("ms::meter::SwapSet", "正向有功电能（总、尖峰平谷）")},
        {"reverse_active", QT_TRANSLATE_NOOP("ms::meter::SwapSet", "反向有功总电能")},
        {"date", QT_TRANSLATE_NOOP("ms::meter::SwapSet", "日期")},
        {"time", QT_TRANSLATE_NOOP("ms::meter::SwapSet", "时间")},
        {"datetime", QT_TRANSLATE_NOOP("ms::meter::SwapSet", "日期时间")},
        {"status_word_1", QT_TRANSLATE_NOOP("ms::meter::SwapSet", "电表运行状态字1")},
        {"remaining_energy", QT_TRANSLATE_NOOP("ms::meter::SwapSet", "剩余电量")},
        {"remaining_money", QT_TRANSLATE_NOOP("ms::meter::SwapSet", "剩余金额")},
        {"cover_open_count", QT_TRANSLATE_NOOP("ms::meter::SwapSet", "开表盖次数")},
    };
    for (const auto &n : names) {
        if (key == QLatin1String(n.key))
            return QCoreApplication::translate("ms::meter::SwapSet", n.name);
    }
    return key;
}

QString protocolText(Protocol protocol)
{
    const std::string_view name = protocolName(protocol);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

std::optional<Protocol> protocolFromText(const QString &text)
{
    return protocolFromName(text.trimmed().toLower().toStdString());
}

} // namespace ms::meter
