#include "officeargs.h"

#include "commands.h"
#include "sync/credentials.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

namespace ms::ctl {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ctl::Office)
};
} // namespace

void printError(const QString &group, const QString &message)
{
    std::fprintf(stderr, "meterswapctl %s: %s\n", qPrintable(group), qPrintable(message));
}

int printAnswer(const QString &group, const Result<QJsonObject> &answer)
{
    if (!answer) {
        printError(group, answer.error().message);
        return ExitFailed;
    }
    std::printf("%s\n", QJsonDocument(*answer).toJson(QJsonDocument::Compact).constData());
    return ExitOk;
}

std::optional<int> parseOfficeArgs(OfficeArgs &a, const QString &group, const QStringList &args,
                                   const QStringList &valueOptions, const QStringList &flags)
{
    QCommandLineParser &p = a.parser;
    for (const QString &o : QStringList{QStringLiteral("server"), QStringLiteral("token"),
                                        QStringLiteral("token-file"), QStringLiteral("pin")}
             + valueOptions)
        p.addOption(QCommandLineOption(o, o, QStringLiteral("value")));
    for (const QString &f : QStringList{QStringLiteral("json")} + flags)
        p.addOption(QCommandLineOption(f));
    p.addPositionalArgument(QStringLiteral("sub"), QStringLiteral("sub-command"));
    if (!p.parse(QStringList{QStringLiteral("meterswapctl")} + args)) {
        printError(group, p.errorText());
        return ExitUsage;
    }
    a.sub = p.positionalArguments().value(0);
    const QUrl server(p.value(QStringLiteral("server")));
    QStringList warnings;
    const auto token = sync::resolveToken(sync::TokenArguments::fromParser(p), &warnings);
    for (const QString &w : std::as_const(warnings))
        printError(group, w);
    if (!token) {
        printError(group, token.error().message);
        return ExitUsage;
    }
    if (!p.isSet(QStringLiteral("server")) || !token->has_value()) {
        printError(group, Tr::tr("需要 --server https://主机:端口 和办公令牌（--token-file 文件，或环境变量 "
                                 "MS_TOKEN，或 --token 令牌）"));
        return ExitUsage;
    }
    if (auto safe = sync::checkServerUrl(server); !safe) {
        printError(group, safe.error().message);
        return ExitUsage;
    }
    sync::HttpOptions options;
    options.server = server;
    options.token = **token;
    options.pinnedSha256 = p.value(QStringLiteral("pin")).remove(QLatin1Char(':')).toLower();
    options.maxAttempts = 3;
    a.client = std::make_unique<sync::OfficeClient>(options);
    return std::nullopt;
}

} // namespace ms::ctl
