#include "sync/credentials.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>

namespace ms::sync {

TokenArguments TokenArguments::fromParser(const QCommandLineParser &parser)
{
    TokenArguments args;
    for (const auto &[name, field] : {std::pair{QStringLiteral("token"), &TokenArguments::token},
                                      std::pair{QStringLiteral("token-file"), &TokenArguments::tokenFile}})
        if (parser.isSet(name))
            args.*field = parser.value(name);
    return args;
}

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::sync::Credentials)
};

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}
} // namespace

Result<std::optional<QString>> resolveToken(const TokenArguments &args, QStringList *warnings)
{
    if (args.token && args.tokenFile)
        return makeError(QStringLiteral("sync.token_usage"),
                         Tr::tr("--token 和 --token-file 只能给一个；建议只用 --token-file。"));
    if (args.tokenFile) {
        const QString path = *args.tokenFile;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("sync.token_file"),
                             Tr::tr("无法读取令牌文件 %1：%2。请检查路径和权限。")
                                 .arg(path, file.errorString()));
        const QString token = QString::fromUtf8(file.readLine(4096)).trimmed();
        if (token.isEmpty())
            return makeError(QStringLiteral("sync.token_file"),
                             Tr::tr("令牌文件 %1 的第一行是空的；请把办公室发放的令牌写在第一行。").arg(path));
        const QFile::Permissions others = QFile::ReadGroup | QFile::ReadOther;
        if (QFileInfo(path).permissions() & others)
            warnings->append(Tr::tr("警告：令牌文件 %1 其他用户也能读取；请执行 chmod 600 %1。").arg(path));
        return std::optional<QString>(token);
    }
    if (args.token) {
        if (args.token->trimmed().isEmpty())
            return makeError(QStringLiteral("sync.token_usage"), Tr::tr("--token 的值是空的。"));
        warnings->append(Tr::tr("警告：--token 把令牌放在命令行上，本机其他用户可以看到（ps）；"
                                "请改用 --token-file 文件 或环境变量 %1。")
                             .arg(QLatin1String(kTokenEnvironment)));
        return std::optional<QString>(args.token->trimmed());
    }
    const QString fromEnvironment = qEnvironmentVariable(kTokenEnvironment).trimmed();
    if (!fromEnvironment.isEmpty())
        return std::optional<QString>(fromEnvironment);
    return std::optional<QString>();
}

Result<void> checkServerUrl(const QUrl &server)
{
    const QString scheme = server.scheme();
    if (!server.isValid() || server.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return makeError(QStringLiteral("sync.bad_server"),
                         Tr::tr("办公室服务器地址“%1”无效；应为 https://主机:端口。")
                             .arg(server.toString(QUrl::RemoveUserInfo)));
    if (scheme == QLatin1String("http") && !isLoopbackHost(server.host()))
        return makeError(QStringLiteral("sync.insecure_server"),
                         Tr::tr("办公室服务器地址 %1 未加密（http://），令牌和证据会明文经过网络，已拒绝。"
                                "请在办公室执行 meterswap-office tls init，改用 https:// 地址，"
                                "并在本机设置它打印的证书指纹（--server-pin）。")
                             .arg(server.toString(QUrl::RemoveUserInfo)));
    return {};
}

} // namespace ms::sync
