// GIVEN a tablet whose user locked the account with five wrong PINs, WHEN the office turns the
// challenge into a code with `meterswap-office pin-reset-code` and the code goes to
// `meterswapctl user reset-pin` with a new PIN on stdin, THEN the account is unlocked with the new
// PIN; a revoked device gets no code, a wrong code or a short PIN is refused and changes nothing.
#include "common/resultvalue.h"
#include "common/testenv.h"
#include "integration/sync/officeprocess.h"
#include "store/store.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {

ProcessResult ctlWithStdin(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(executable(QStringLiteral("meterswapctl")), args);
    p.write(input);
    p.closeWriteChannel();
    ProcessResult r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

class PinReset : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(office.isValid() && tablet.isValid());
        token = OfficeServerProcess(office.path())
                    .token(QStringLiteral("tablet-01"), QStringLiteral("张伟"));
        ASSERT_FALSE(token.isEmpty());
        auto store = Store::open(tablet.path());
        ASSERT_TRUE(store.ok());
        ASSERT_TRUE((*store)->settings().setValue(QStringLiteral("sync.token"), token).ok());
        auto u = (*store)->users().add(QStringLiteral("张伟"), {QStringLiteral("installer")},
                                       QStringLiteral("258046"));
        ASSERT_TRUE(u.ok());
        for (int i = 0; i < 5; ++i)
            (void)(*store)->users().verifyPin(u->uuid, QStringLiteral("000000"));
    }

    QJsonObject status()
    {
        const ProcessResult r =
            runCtl({QStringLiteral("user"), QStringLiteral("status"), QStringLiteral("--data"),
                    tablet.path(), QStringLiteral("--user"), QStringLiteral("张伟")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return r.json().value(QStringLiteral("张伟")).toObject();
    }

    ProcessResult issue(const QString &challenge)
    {
        return runOffice({QStringLiteral("pin-reset-code"), QStringLiteral("--data"), office.path(),
                          QStringLiteral("--device"), QStringLiteral("tablet-01"),
                          QStringLiteral("--challenge"), challenge, QStringLiteral("--user"),
                          QStringLiteral("张伟")});
    }

    ProcessResult reset(const QString &code, const QByteArray &newPin)
    {
        QStringList args{QStringLiteral("user"),   QStringLiteral("reset-pin"),
                         QStringLiteral("--data"), tablet.path(),
                         QStringLiteral("--user"), QStringLiteral("张伟")};
        if (!code.isEmpty())
            args << QStringLiteral("--code") << code;
        return ctlWithStdin(args, newPin + '\n');
    }

    bool pinWorks(const QString &pin)
    {
        auto store = Store::open(tablet.path());
        return store.ok() &&
               (*store)->users().verifyPin(test::valueOf((*store)->users().list()).value(0).uuid, pin).ok();
    }

    QTemporaryDir office, tablet;
    QString token;
};

} // namespace

TEST_F(PinReset, TheOfficeCodeAndANewPinUnlockTheTablet)
{
    const QJsonObject before = status();
    EXPECT_EQ(before.value(QStringLiteral("failures")).toInt(), 5);
    EXPECT_GT(before.value(QStringLiteral("locked_seconds")).toInt(), 0);
    const QString challenge = before.value(QStringLiteral("reset_challenge")).toString();
    ASSERT_EQ(challenge.size(), 8);

    const ProcessResult issued = issue(challenge.left(4) + QLatin1Char(' ') + challenge.mid(4));
    ASSERT_EQ(issued.exitCode, 0) << issued.err.toStdString();
    const QString code = issued.json().value(QStringLiteral("code")).toString();
    ASSERT_EQ(code.size(), 8);
    EXPECT_FALSE(issued.out.contains(token.toUtf8())) << "never echo a token";

    // a short PIN is refused and nothing changes
    ProcessResult r = reset(code, "4321");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains("6")) << r.err.toStdString();
    EXPECT_GT(status().value(QStringLiteral("locked_seconds")).toInt(), 0);
    // a wrong code is refused
    r = reset(QStringLiteral("00000000"), "654321");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_GT(status().value(QStringLiteral("locked_seconds")).toInt(), 0);
    // the office's code unlocks with the new PIN
    r = reset(code, "654321");
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject after = status();
    EXPECT_EQ(after.value(QStringLiteral("locked_seconds")).toInt(), 0);
    EXPECT_EQ(after.value(QStringLiteral("failures")).toInt(), 0);
    EXPECT_TRUE(pinWorks(QStringLiteral("654321")));
    EXPECT_FALSE(pinWorks(QStringLiteral("258046")));

    QFile log(office.path() + QStringLiteral("/pin-resets.log"));
    ASSERT_TRUE(log.open(QIODevice::ReadOnly));
    const QByteArray logged = log.readAll();
    EXPECT_TRUE(logged.contains("device=tablet-01") && logged.contains(challenge.toLatin1()));
    EXPECT_FALSE(logged.contains(code.toLatin1())) << "the log keeps who asked, not the code";
}

TEST_F(PinReset, ARevokedTabletGetsNoCodeButCanBeResetAtTheOffice)
{
    ASSERT_EQ(
        runOffice({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("--data"),
                   office.path(), QStringLiteral("--device"), QStringLiteral("tablet-01")})
            .exitCode,
        0);
    const ProcessResult issued =
        issue(status().value(QStringLiteral("reset_challenge")).toString());
    EXPECT_EQ(issued.exitCode, 1);
    EXPECT_TRUE(issued.err.contains("tablet-01")) << issued.err.toStdString();
    EXPECT_TRUE(issued.out.isEmpty());
    // with the device's data directory at hand, a reset needs no code
    const ProcessResult r = reset({}, "135790");
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(pinWorks(QStringLiteral("135790")));
}
