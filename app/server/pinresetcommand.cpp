// meterswap-office pin-reset-code: the office's half of a tablet PIN reset
// (docs/decisions/0007-pin-sign-in.md).
#include "officecommands.h"

#include "commandsupport.h"
#include "serverstore/sqlofficestore.h"
#include "store/pinhash.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstdio>

namespace ms::server {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::PinReset)
};

int fail(const QString &message, int code)
{
    std::fprintf(stderr, "meterswap-office: %s\n", qPrintable(message));
    return code;
}
} // namespace

// meterswap-office pin-reset-code --data DIR --device NAME --challenge DIGITS [--user NAME]
// Prints {"device", "code"}: the code the locked tablet accepts with a new PIN. Keyed with the
// device's newest valid token, so a tablet reported lost (token revoked) gets no code. Each
// issue is logged to DIR/pin-resets.log (time, device, user, challenge; never the code).
int pinResetCodeCommand(const QStringList &args)
{
    QCommandLineParser p;
    for (const char *o : {"data", "device", "challenge", "user", "database"})
        p.addOption(
            QCommandLineOption(QLatin1String(o), QLatin1String(o), QStringLiteral("value")));
    static const QRegularExpression digits(QStringLiteral("^[0-9]{%1}$").arg(pin::kResetDigits));
    const QString challenge =
        p.parse(QStringList{QStringLiteral("meterswap-office")} + args)
            ? p.value(QStringLiteral("challenge")).remove(QLatin1Char(' ')).remove(QLatin1Char('-'))
            : QString();
    if (!p.isSet(QStringLiteral("data")) || p.value(QStringLiteral("device")).isEmpty() ||
        !digits.match(challenge).hasMatch())
        return fail(Tr::tr("用法：meterswap-office pin-reset-code --data DIR --device 设备名 "
                           "--challenge 平板上显示的 %1 位挑战码 [--user 姓名]")
                        .arg(pin::kResetDigits),
                    ExitUsage);
    const QString dir = p.value(QStringLiteral("data"));
    const QString database = p.value(QStringLiteral("database"));
    if (database.isEmpty() && !QFile::exists(dir + QStringLiteral("/office.db")))
        return fail(Tr::tr("%1 里没有办公室数据库 office.db：请检查 --data 是否指向服务器数据目录")
                        .arg(dir),
                    ExitFailed);
    auto store = openStore(dir, database);
    if (!store)
        return fail(store.error().message, ExitFailed);
    const QString device = p.value(QStringLiteral("device"));
    auto key = (*store)->deviceTokenHash(device);
    if (!key)
        return fail(key.error().message, ExitFailed);
    QFile log(dir + QStringLiteral("/pin-resets.log"));
    if (!log.open(QIODevice::Append | QIODevice::Text) ||
        log.write(QStringLiteral("%1\tdevice=%2\tuser=%3\tchallenge=%4\n")
                      .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), device,
                           p.value(QStringLiteral("user")), challenge)
                      .toUtf8()) < 0)
        return fail(Tr::tr("无法写入 %1：解锁码只在记录下来之后发放").arg(log.fileName()),
                    ExitFailed);
    log.close();
    const QJsonObject o{{QStringLiteral("device"), device},
                        {QStringLiteral("code"), pin::resetCode(*key, challenge)}};
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    return ExitOk;
}

} // namespace ms::server
