#include "meter/link/linktypes.h"
#include "meter/reader/reading.h"
#include "meter/reader/swapset.h"

#include <QJsonArray>
#include <gtest/gtest.h>

using namespace ms::meter;

TEST(LinkSettings, presetsAreInfrared1200And485At2400Even)
{
    const auto ir = LinkSettings::infrared(QStringLiteral("/dev/ttyUSB0"));
    EXPECT_EQ(ir.baud, 1200);
    EXPECT_EQ(ir.parity, QSerialPort::EvenParity);
    EXPECT_EQ(ir.describe(), QStringLiteral("1200 8E1"));
    const auto rs = LinkSettings::rs485(QStringLiteral("/dev/ttyS1"));
    EXPECT_EQ(rs.baud, 2400);
    EXPECT_EQ(rs.describe(), QStringLiteral("2400 8E1"));
    EXPECT_EQ(rs.replyTimeoutMs, 1000);
    EXPECT_EQ(rs.retries, 2);
}

TEST(LinkSettings, wireTimeIsElevenBitsPerByteAt8E1)
{
    // 11 bits per byte (8E1): a 20-byte 645 request takes 91.7 ms at 2400 and 183.3 ms at 1200
    auto s = LinkSettings::rs485({});
    EXPECT_NEAR(s.wireMs(20), 91.67, 0.01);
    s.baud = 1200;
    EXPECT_NEAR(s.wireMs(24), 220.0, 0.01);
    s.parity = QSerialPort::NoParity;
    EXPECT_EQ(s.bitsPerByte(), 10);
}

TEST(SwapSet, everyProtocolStartsWithAddressAndReadsForwardActive)
{
    for (Protocol p : {Protocol::Dlt645_2007, Protocol::Dlt645_1997, Protocol::Dlt698_45}) {
        const auto items = swapSet(p);
        ASSERT_GE(items.size(), 3) << protocolText(p).toStdString();
        EXPECT_EQ(items.first().key, QStringLiteral("address"));
        EXPECT_TRUE(std::any_of(items.begin(), items.end(), [](const SwapItem &i) {
            return i.key == QLatin1String("forward_active");
        })) << protocolText(p).toStdString();
    }
    const auto ids2007 = swapSet(Protocol::Dlt645_2007);
    EXPECT_TRUE(std::any_of(ids2007.begin(), ids2007.end(),
                            [](const SwapItem &i) { return i.id == QLatin1String("00900200"); }));
    EXPECT_EQ(registerOf(Protocol::Dlt645_1997, QStringLiteral("9012")).index, 2);
}

TEST(SwapSetReading, jsonCarriesValuesFramesAndTimings)
{
    SwapSetReading r;
    r.protocol = Protocol::Dlt645_2007;
    r.address = QStringLiteral("201000000012");
    r.totalMs = 1234;
    r.wireMs = 1000.04;
    ItemReading item;
    item.key = QStringLiteral("forward_active");
    item.id = QStringLiteral("0001FF00");
    item.status = ItemReading::Status::Ok;
    ReadValue v;
    v.text = QStringLiteral("1234.56");
    v.number = 1234.56;
    v.unit = QStringLiteral("kWh");
    item.values.append(v);
    item.frames.append(RawFrame{RawFrame::Direction::Tx, QByteArray::fromHex("6816"), QDateTime::currentDateTimeUtc()});
    r.items.append(item);
    const QJsonObject json = r.toJson();
    EXPECT_EQ(json.value(QStringLiteral("protocol")).toString(), QStringLiteral("dlt645-2007"));
    EXPECT_EQ(json.value(QStringLiteral("total_ms")).toInt(), 1234);
    EXPECT_DOUBLE_EQ(json.value(QStringLiteral("wire_ms")).toDouble(), 1000.0);
    const QJsonObject first = json.value(QStringLiteral("items")).toArray().first().toObject();
    EXPECT_EQ(first.value(QStringLiteral("unit")).toString(), QStringLiteral("kWh"));
    EXPECT_DOUBLE_EQ(first.value(QStringLiteral("values")).toArray().first().toObject().value(QStringLiteral("value")).toDouble(), 1234.56);
    EXPECT_EQ(first.value(QStringLiteral("frames")).toArray().first().toObject().value(QStringLiteral("hex")).toString(), QStringLiteral("6816"));
    EXPECT_TRUE(r.complete());
    EXPECT_EQ(r.number(QStringLiteral("forward_active")), 1234.56);
}
