#include "commands.h"

#include "service/accounts.h"
#include "store/pinhash.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace ms::ctl {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ctl::User)
};

int fail(const QString &message)
{
    std::fprintf(stderr, "meterswapctl user: %s\n", qPrintable(message));
    return ExitFailed;
}

void printJson(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
}

QString usage()
{
    return Tr::tr("用法：meterswapctl user status --data DIR [--user 姓名]\n"
                  "      meterswapctl user reset-pin --data DIR --user 姓名 [--code 解锁码] "
                  "（新 PIN 码从标准输入读一行）");
}
} // namespace

// meterswapctl user status --data DIR [--user NAME]
// meterswapctl user reset-pin --data DIR --user NAME [--code CODE]   (new PIN: one line on stdin)
//
// reset-pin is for whoever holds the device's data directory at the office (the person the
// office authorises to look after tablets): with --code it checks the office reset code like
// the sign-in page does; without it, it resets directly. The PIN never goes on the command
// line, where other users of the machine could read it.
int userCommand(const QStringList &args)
{
    QCommandLineParser p;
    for (const char *o : {"data", "user", "code"})
        p.addOption(
            QCommandLineOption(QLatin1String(o), QLatin1String(o), QStringLiteral("value")));
    const QStringList actions{QStringLiteral("status"), QStringLiteral("reset-pin")};
    if (!p.parse(QStringList{QStringLiteral("meterswapctl")} + args) ||
        p.positionalArguments().size() != 1 || !actions.contains(p.positionalArguments().first()) ||
        (p.positionalArguments().first() == actions.at(1) &&
         p.value(QStringLiteral("user")).isEmpty())) {
        std::fprintf(stderr, "%s\n", qPrintable(usage()));
        return ExitUsage;
    }
    StoreOptions options;
    options.dataDir =
        p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data")) : Store::defaultDataDir();
    auto opened = Store::open(options);
    if (!opened)
        return fail(opened.error().message);
    Store &store = **opened;
    Accounts accounts(store);
    const QString name = p.value(QStringLiteral("user"));
    const auto all = accounts.users();
    if (!all)
        return fail(all.error().message);
    QList<User> users;
    for (const User &u : all.value())
        if (name.isEmpty() || u.name == name)
            users << u;
    if (!name.isEmpty() && users.isEmpty())
        return fail(
            Tr::tr("这台设备上没有名为“%1”的用户（用 meterswapctl user status 查看全部用户）。")
                .arg(name));

    if (p.positionalArguments().first() == QLatin1String("status")) {
        QJsonObject out;
        for (const User &u : users) {
            auto lock = accounts.lockState(u.uuid);
            if (!lock)
                return fail(lock.error().message);
            out.insert(u.name,
                       QJsonObject{{QStringLiteral("failures"), lock->failures},
                                   {QStringLiteral("locked_seconds"), lock->secondsLeft},
                                   {QStringLiteral("reset_challenge"), lock->resetChallenge},
                                   {QStringLiteral("pin_kdf"), u.pinKdf}});
        }
        printJson(out);
        return ExitOk;
    }

    QTextStream in(stdin);
    const QString newPin = in.readLine().trimmed();
    if (auto ok = pin::checkFormat(newPin); !ok)
        return fail(ok.error().message);
    const pin::Hash hash = pin::make(newPin);
    const User &user = users.first();
    auto reset = p.isSet(QStringLiteral("code"))
                     ? accounts.resetPin(user.uuid, p.value(QStringLiteral("code")), hash)
                     : accounts.resetPinLocally(user.uuid, hash);
    if (!reset)
        return fail(reset.error().message);
    printJson({{QStringLiteral("user"), user.name}, {QStringLiteral("unlocked"), true}});
    return ExitOk;
}

} // namespace ms::ctl
