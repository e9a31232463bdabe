// Every frame in tests/data/meter-frames.json: the decoded meaning matches the vector's
// `meaning`; corrupt frames, Q/GDW 376.1 frames and unsupported 698 frames are rejected with
// the right fault; every good frame re-encodes to the same bytes.
#include "common/testenv.h"
#include "meter/dlt645/codec.h"
#include "meter/dlt645/frame.h"
#include "meter/dlt698/anyframe.h"
#include "meter/dlt698/frame.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace ms;

namespace {

struct Vector
{
    int index = 0;
    QString protocol, direction, hex;
    QJsonObject meaning;
    bool checksumOk = true;
};

std::vector<Vector> loadVectors()
{
    QFile file(QStringLiteral(MS_TEST_DATA_DIR "/meter-frames.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
    std::vector<Vector> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        out.push_back(Vector{int(i), o.value(QStringLiteral("protocol")).toString(),
                             o.value(QStringLiteral("direction")).toString(),
                             o.value(QStringLiteral("hex")).toString(),
                             o.value(QStringLiteral("meaning")).toObject(),
                             o.value(QStringLiteral("checksum_ok")).toBool()});
    }
    return out;
}

meter::Bytes bytesOf(const QString &hex)
{
    const QByteArray latin = hex.toLatin1();
    return meter::fromHex(std::string_view(latin.constData(), std::size_t(latin.size()))).value();
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString firstToken(const QString &s)
{
    return s.section(QLatin1Char(' '), 0, 0);
}

QString unitOf(const QString &meaningUnit)
{
    return meaningUnit == QLatin1String("yuan") ? QStringLiteral("元") : meaningUnit;
}

class MeterFrameVector : public testing::TestWithParam<Vector>
{
};

TEST_P(MeterFrameVector, DecodesToItsMeaningOrIsRejected)
{
    // GIVEN a vector frame from a real meter or a public library
    const Vector &v = GetParam();
    const QString text = v.meaning.value(QStringLiteral("APDU")).toString()
                         + v.meaning.value(QStringLiteral("C")).toString();
    // WHEN it is decoded
    const auto decoded = meter::decodeAnyFrame(bytesOf(v.hex));

    // THEN corrupt frames are rejected naming the checksum
    if (!v.checksumOk) {
        ASSERT_FALSE(decoded.ok());
        EXPECT_EQ(decoded.error().fault, meter::Fault::BadChecksum) << decoded.error().detail;
        return;
    }
    // … Q/GDW 376.1 frames are "not a meter protocol we decode"
    if (v.protocol == QLatin1String("qgdw376.1")) {
        ASSERT_FALSE(decoded.ok());
        EXPECT_EQ(decoded.error().fault, meter::Fault::OtherProtocol);
        return;
    }
    // … segmented and security-wrapped 698 frames are recognised, never misread
    if (text.contains(QLatin1String("segmentation flag 1")) || text.contains(QLatin1String("SECURITY"))) {
        ASSERT_FALSE(decoded.ok());
        EXPECT_EQ(decoded.error().fault, meter::Fault::Unsupported);
        EXPECT_NE(decoded.error().detail.find("not supported yet"), std::string::npos);
        return;
    }
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
    const meter::Message &m = *decoded;
    EXPECT_EQ(q(std::string(meter::protocolName(m.protocol))), v.protocol);
    EXPECT_EQ(m.direction == meter::Direction::Request ? QStringLiteral("request")
                                                       : QStringLiteral("response"),
              v.direction);

    const QJsonObject &mean = v.meaning;
    for (const QString &key : {QStringLiteral("address"), QStringLiteral("SA")}) {
        if (mean.contains(key)) {
            EXPECT_EQ(q(m.address), firstToken(mean.value(key).toString()));
        }
    }
    for (const QString &key : {QStringLiteral("control"), QStringLiteral("C")}) {
        if (mean.contains(key)) {
            EXPECT_EQ(m.control, firstToken(mean.value(key).toString()).toInt(nullptr, 16));
        }
    }
    if (mean.contains(QStringLiteral("DI"))) {
        EXPECT_EQ(q(m.id), mean.value(QStringLiteral("DI")).toString());
    }
    const auto oad = QRegularExpression(QStringLiteral("O[AM]D=([0-9A-F]{8})")).match(text);
    if (oad.hasMatch()) {
        EXPECT_EQ(q(m.id), oad.captured(1));
    }
    const auto octets = QRegularExpression(QStringLiteral("octet-string\\(\\d+\\)=([0-9A-F]+)")).match(text);
    if (octets.hasMatch()) {
        ASSERT_FALSE(m.values.empty());
        EXPECT_EQ(q(m.values[0].text), octets.captured(1));
    }
    if (mean.contains(QStringLiteral("value"))) {
        ASSERT_FALSE(m.values.empty());
        const QString value = mean.value(QStringLiteral("value")).toString();
        const QString expected = value.section(QStringLiteral(" weekday"), 0, 0)
                                     .section(QLatin1Char(','), 0, 0);
        EXPECT_EQ(q(m.values[0].toString()), expected);
        const auto weekday = QRegularExpression(QStringLiteral("weekday (\\d)")).match(value);
        if (weekday.hasMatch()) {
            ASSERT_EQ(m.values.size(), 2u);
            EXPECT_EQ(m.values[1].scaled, weekday.captured(1).toInt());
        }
    }
    if (mean.contains(QStringLiteral("unit"))) {
        EXPECT_EQ(q(m.values.at(0).unit), unitOf(mean.value(QStringLiteral("unit")).toString()));
    }
    for (const QString &key : {QStringLiteral("values_kWh"), QStringLiteral("values_V")}) {
        if (!mean.contains(key))
            continue;
        const QJsonArray expected = mean.value(key).toArray();
        ASSERT_EQ(m.values.size(), std::size_t(expected.size()));
        for (qsizetype i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(q(m.values[std::size_t(i)].toString()), expected.at(i).toString());
            EXPECT_EQ(q(m.values[std::size_t(i)].unit), key.mid(7));
        }
    }
    if (mean.value(QStringLiteral("values")).isArray()) { // "225.6 V", "FFFF (no phase B)"
        const QJsonArray expected = mean.value(QStringLiteral("values")).toArray();
        ASSERT_EQ(m.values.size(), std::size_t(expected.size()));
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const meter::Value &got = m.values[std::size_t(i)];
            EXPECT_EQ(q(got.toString()), firstToken(expected.at(i).toString()));
            EXPECT_EQ(got.kind == meter::Value::Kind::Missing,
                      expected.at(i).toString().contains(QLatin1String("no phase")));
        }
    }
    if (mean.contains(QStringLiteral("address_in_data"))) {
        ASSERT_EQ(m.values.size(), 1u);
        EXPECT_EQ(q(m.values[0].text), mean.value(QStringLiteral("address_in_data")).toString());
    }
    if (mean.contains(QStringLiteral("error_status"))) {
        ASSERT_TRUE(m.error.has_value());
        EXPECT_EQ(m.error->code, mean.value(QStringLiteral("error_status")).toString().toInt(nullptr, 16));
        EXPECT_TRUE(m.error->noRequestedData);
        EXPECT_EQ(q(m.error->text), v.protocol.endsWith(QLatin1String("1997"))
                                        ? QStringLiteral("数据标识错")
                                        : QStringLiteral("无请求数据"));
    } else {
        EXPECT_FALSE(m.error.has_value());
    }
    if (mean.value(QStringLiteral("L")).toInt(-1) == 0) {
        EXPECT_TRUE(m.values.empty());
    }
    if (mean.contains(QStringLiteral("valid_until"))) { // remote control 1C
        ASSERT_EQ(m.values.size(), 2u);
        EXPECT_EQ(q(m.values[0].text), firstToken(mean.value(QStringLiteral("N1")).toString()).mid(2));
        EXPECT_EQ(q(m.values[1].text), mean.value(QStringLiteral("valid_until")).toString());
    }
    if (mean.contains(QStringLiteral("Z"))) { // change baud 0x08 → 2400
        ASSERT_EQ(m.values.size(), 1u);
        EXPECT_EQ(m.values[0].scaled, 2400);
    }
}

class GoodFrameVector : public testing::TestWithParam<Vector>
{
};

std::vector<Vector> goodMeterFrames()
{
    std::vector<Vector> out;
    for (const Vector &v : loadVectors())
        if (v.checksumOk && v.protocol != QLatin1String("qgdw376.1"))
            out.push_back(v);
    return out;
}

TEST_P(GoodFrameVector, ReencodesToTheSameBytes)
{
    const Vector &v = GetParam();
    const meter::Bytes bytes = bytesOf(v.hex);
    const int preamble = int(std::find_if(bytes.begin(), bytes.end(),
                                          [](std::uint8_t b) { return b != 0xFE; })
                             - bytes.begin());
    if (v.protocol.startsWith(QLatin1String("dlt645"))) {
        const auto frame = dlt645::decodeFrame(bytes);
        ASSERT_TRUE(frame.ok()) << frame.error().detail;
        EXPECT_EQ(dlt645::encodeFrame(*frame, preamble), bytes);
    } else {
        const auto frame = dlt698::decodeFrame(bytes);
        ASSERT_TRUE(frame.ok()) << frame.error().detail;
        EXPECT_EQ(dlt698::encodeFrame(*frame, preamble), bytes);
    }
}

std::string vectorName(const testing::TestParamInfo<Vector> &info)
{
    QString p = info.param.protocol;
    p.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]")), QString());
    return "v" + std::to_string(info.param.index) + "_" + p.toStdString();
}

INSTANTIATE_TEST_SUITE_P(MeterFrames, MeterFrameVector, testing::ValuesIn(loadVectors()),
                         vectorName);
INSTANTIATE_TEST_SUITE_P(MeterFrames, GoodFrameVector, testing::ValuesIn(goodMeterFrames()),
                         vectorName);

TEST(MeterFrameVectors, FileHoldsAllSixtyThree)
{
    EXPECT_EQ(loadVectors().size(), 63u);
    EXPECT_EQ(goodMeterFrames().size(), 56u); // 3 corrupt, 4 Q/GDW 376.1
}

} // namespace
