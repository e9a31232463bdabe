// The `meterswapctl frame` contract (issue 3 §5), run as the built program: JSON fields,
// exit codes 0 / 1 (bad frame) / 2 (bad usage), one clear stderr line.
#include "common/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <gtest/gtest.h>

namespace {

struct CtlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CtlRun ctl(const QStringList &args)
{
    const QString program = ms::test::executable(QStringLiteral("meterswapctl"));
    EXPECT_FALSE(program.isEmpty()) << "meterswapctl is not built";
    QProcess p;
    p.start(program, QStringList{QStringLiteral("frame")} + args);
    EXPECT_TRUE(p.waitForFinished(20000));
    return CtlRun{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
               p.readAllStandardError()};
}

QJsonObject json(const CtlRun &r)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << r.out.constData();
    return doc.object();
}

int stderrLines(const CtlRun &r)
{
    return int(r.err.trimmed().count('\n')) + (r.err.trimmed().isEmpty() ? 0 : 1);
}

TEST(FrameCli, DecodesTheWorkedExample)
{
    // GIVEN the worked example, bytes as separate words
    const CtlRun r = ctl(QStringLiteral("decode 68 01 00 00 00 00 00 68 11 04 33 33 33 33 B2 16")
                          .split(QLatin1Char(' ')));
    // THEN exit 0 and the JSON the contract names
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    const QJsonObject o = json(r);
    EXPECT_EQ(o.value(QStringLiteral("protocol")).toString(), QStringLiteral("dlt645-2007"));
    EXPECT_EQ(o.value(QStringLiteral("direction")).toString(), QStringLiteral("request"));
    EXPECT_EQ(o.value(QStringLiteral("address")).toString(), QStringLiteral("000000000001"));
    EXPECT_EQ(o.value(QStringLiteral("control")).toInt(), 0x11);
    EXPECT_EQ(o.value(QStringLiteral("id")).toString(), QStringLiteral("00000000"));
    EXPECT_TRUE(o.value(QStringLiteral("values")).toArray().isEmpty());
    EXPECT_TRUE(o.value(QStringLiteral("error")).isNull());
}

TEST(FrameCli, DecodesValuesUnitsAndNonBcdAddresses)
{
    const CtlRun r = ctl({QStringLiteral("decode"), QStringLiteral("6881040007213A68910733353535333333BA16")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    const QJsonObject o = json(r);
    EXPECT_EQ(o.value(QStringLiteral("address")).toString(), QStringLiteral("3A2107000481"));
    EXPECT_EQ(o.value(QStringLiteral("control")).toInt(), 0x91);
    const QJsonObject v = o.value(QStringLiteral("values")).toArray().at(0).toObject();
    EXPECT_DOUBLE_EQ(v.value(QStringLiteral("value")).toDouble(), 0.0);
    EXPECT_TRUE(v.value(QStringLiteral("value")).isDouble());
    EXPECT_EQ(v.value(QStringLiteral("unit")).toString(), QStringLiteral("A"));

    const CtlRun energy = ctl({QStringLiteral("decode"), QStringLiteral("680100000000006891083333343359B35544DC16")});
    const QJsonObject e = json(energy).value(QStringLiteral("values")).toArray().at(0).toObject();
    EXPECT_DOUBLE_EQ(e.value(QStringLiteral("value")).toDouble(), 112280.26);
    EXPECT_EQ(e.value(QStringLiteral("unit")).toString(), QStringLiteral("kWh"));

    const CtlRun date = ctl({QStringLiteral("decode"), QStringLiteral("681200000010206891093433393833333C4348B116")});
    const QJsonObject d = json(date).value(QStringLiteral("values")).toArray().at(0).toObject();
    EXPECT_EQ(d.value(QStringLiteral("value")).toString(), QStringLiteral("2015-10-09 00:00"));
    EXPECT_TRUE(d.value(QStringLiteral("unit")).isNull());
}

TEST(FrameCli, ErrorReplyCarriesCodeAndText)
{
    const CtlRun r = ctl({QStringLiteral("decode"), QStringLiteral("6812000000102068D101351916")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    const QJsonObject error = json(r).value(QStringLiteral("error")).toObject();
    EXPECT_EQ(error.value(QStringLiteral("code")).toInt(), 2);
    EXPECT_EQ(error.value(QStringLiteral("text")).toString(), QStringLiteral("无请求数据"));
}

TEST(FrameCli, Decodes698WithOadAndScaler)
{
    const CtlRun r = ctl({QStringLiteral("decode"),
                       QStringLiteral("681E00C305000000000000009E548501000010020101060001E24000005AD416")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    const QJsonObject o = json(r);
    EXPECT_EQ(o.value(QStringLiteral("protocol")).toString(), QStringLiteral("dlt698.45"));
    EXPECT_EQ(o.value(QStringLiteral("direction")).toString(), QStringLiteral("response"));
    EXPECT_EQ(o.value(QStringLiteral("id")).toString(), QStringLiteral("00100201"));
    EXPECT_EQ(o.value(QStringLiteral("control")).toInt(), 0xC3);
    const QJsonObject v = o.value(QStringLiteral("values")).toArray().at(0).toObject();
    EXPECT_DOUBLE_EQ(v.value(QStringLiteral("value")).toDouble(), 1234.56);
}

TEST(FrameCli, DecodesAConcentratorsFrameWithItsAfnAndEachUnitsPnAndFn)
{
    // the concentrator sheet's F129 reply: p9 read, p10 left out
    const CtlRun r = ctl({QStringLiteral("decode"),
                          QStringLiteral("68 AE 00 AE 00 68 88 01 11 D2 04 02 0C 65 01 02 01 10 00 08 05 12 26 "
                                         "04 78 56 34 12 00 00 00 00 03 00 00 50 00 04 00 78 06 00 05 00 00 "
                                         "00 34 00 00 62 16")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    const QJsonObject o = json(r);
    EXPECT_EQ(o.value(QStringLiteral("protocol")).toString(), QStringLiteral("gdw1376.1"));
    EXPECT_EQ(o.value(QStringLiteral("direction")).toString(), QStringLiteral("response"));
    EXPECT_EQ(o.value(QStringLiteral("afn")).toInt(), 0x0C);
    EXPECT_EQ(o.value(QStringLiteral("address")).toObject().value(QStringLiteral("logical")).toString(),
              QStringLiteral("110104D2"));
    const QJsonArray units = o.value(QStringLiteral("units")).toArray();
    ASSERT_EQ(units.size(), 1);
    const QJsonObject unit = units.at(0).toObject();
    EXPECT_EQ(unit.value(QStringLiteral("pn")).toInt(), 9);
    EXPECT_EQ(unit.value(QStringLiteral("fn")).toInt(), 129);
    const QJsonObject value = unit.value(QStringLiteral("value")).toObject();
    EXPECT_DOUBLE_EQ(value.value(QStringLiteral("total")).toDouble(), 1234.5678);
    EXPECT_EQ(value.value(QStringLiteral("tariffs")).toArray().size(), 4);
    EXPECT_EQ(value.value(QStringLiteral("read_at")).toString(), QStringLiteral("2026-12-05 08:00"));

    // a terminal's login (AFN 02 F1, p0) from a public library's samples
    const CtlRun login = ctl({QStringLiteral("decode"), QStringLiteral("683200320068C97101220800027800000100E016")});
    ASSERT_EQ(login.exitCode, 0) << login.err.constData();
    EXPECT_EQ(json(login).value(QStringLiteral("afn")).toInt(), 2);
}

TEST(FrameCli, BadFramesExitOneWithOneLineNamingTheProblem)
{
    const struct
    {
        const char *hex;
        const char *says;
    } cases[] = {
        {"680172007200006891083333343333333333E816", "bad checksum"},
        {"68010000000000681104333333", "truncated"},
        {"681E00C305000000000000009E548501000010020101060001E24000005AD516", "FCS"},
        {"683100310068C97101220800027800000100E016", "130-2005"}, // protocol id 1, not 1376.1
        {"681700A30502000000000010C58B050115F1010200001A0016", "not supported yet"},
        {"0102030405060708090A", "not a meter frame"},
        {"hello", "十六进制"},
    };
    for (const auto &c : cases) {
        const CtlRun r = ctl({QStringLiteral("decode"), QString::fromLatin1(c.hex)});
        EXPECT_EQ(r.exitCode, 1) << c.hex;
        EXPECT_TRUE(r.out.isEmpty()) << c.hex;
        EXPECT_EQ(stderrLines(r), 1) << r.err.constData();
        EXPECT_TRUE(QString::fromUtf8(r.err).contains(QString::fromUtf8(c.says))) << r.err.constData();
    }
}

TEST(FrameCli, EncodeReadPrintsTheFrameThatDecodesBack)
{
    const CtlRun r = ctl({QStringLiteral("encode"), QStringLiteral("read"), QStringLiteral("--protocol"),
                       QStringLiteral("dlt645-2007"), QStringLiteral("--address"),
                       QStringLiteral("000000000001"), QStringLiteral("--item"), QStringLiteral("00000000")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    EXPECT_EQ(r.out.trimmed(), QByteArray("68 01 00 00 00 00 00 68 11 04 33 33 33 33 B2 16"));

    for (const auto &[protocol, item] : {std::pair{"dlt645-1997", "9010"}, std::pair{"dlt698.45", "40010200"}}) {
        const CtlRun e = ctl({QStringLiteral("encode"), QStringLiteral("read"), QStringLiteral("--protocol"),
                           QString::fromLatin1(protocol), QStringLiteral("--address"),
                           QStringLiteral("201000000012"), QStringLiteral("--item"), QString::fromLatin1(item)});
        ASSERT_EQ(e.exitCode, 0) << e.err.constData();
        const CtlRun d = ctl(QStringList{QStringLiteral("decode")}
                          + QString::fromLatin1(e.out.trimmed()).split(QLatin1Char(' ')));
        ASSERT_EQ(d.exitCode, 0) << d.err.constData();
        const QJsonObject o = json(d);
        EXPECT_EQ(o.value(QStringLiteral("protocol")).toString(), QString::fromLatin1(protocol));
        EXPECT_EQ(o.value(QStringLiteral("address")).toString(), QStringLiteral("201000000012"));
        EXPECT_EQ(o.value(QStringLiteral("id")).toString(), QString::fromLatin1(item));
    }
}

TEST(FrameCli, BadUsageExitsTwo)
{
    EXPECT_EQ(ctl({}).exitCode, 2);
    EXPECT_EQ(ctl({QStringLiteral("decode")}).exitCode, 2);
    EXPECT_EQ(ctl({QStringLiteral("explode")}).exitCode, 2);
    EXPECT_EQ(ctl({QStringLiteral("encode"), QStringLiteral("read"), QStringLiteral("--protocol"),
                   QStringLiteral("modbus"), QStringLiteral("--item"), QStringLiteral("00010000")})
                  .exitCode, 2);
    EXPECT_EQ(ctl({QStringLiteral("encode"), QStringLiteral("read"), QStringLiteral("--protocol"),
                   QStringLiteral("dlt645-2007"), QStringLiteral("--item"), QStringLiteral("123")})
                  .exitCode, 2);
    EXPECT_EQ(ctl({QStringLiteral("encode"), QStringLiteral("read"), QStringLiteral("--protocol")}).exitCode, 2);
}

} // namespace
