// meterswap-office: the office sync server and its admin commands. Only dispatches.
#include "languageswitcher.h"
#include "officecommands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {
void usage()
{
    std::fputs(
        "usage: meterswap-office <command> ...\n"
        "  every command: [--config FILE]   settings (data, listen, workers, ...) from a file,\n"
        "        e.g. /etc/meterswap-office/office.conf; options on the command line win\n"
        "  every command with --data: [--database postgresql://USER@HOST:PORT/DB]   the office\n"
        "        database on PostgreSQL (several servers); without it SQLite in DIR/office.db\n"
        "  serve --data DIR --listen ADDR:PORT [--tls-cert FILE --tls-key FILE] [--catalog DIR]\n"
        "        [--workers N]   threads serving requests (default 4)\n"
        "        [--max-connections N] [--max-connections-per-client N]   (default 256, 32)\n"
        "        [--partial-quota-mb N] [--partial-expiry-days N]   unfinished uploads (8192, 7)\n"
        "        [--insecure-plain-http]   allow plain HTTP on a non-loopback address\n"
        "        HTTPS with DIR/tls/cert.pem + key.pem when present (see tls init)\n"
        "  tls init --data DIR [--host NAME,ADDR] [--force]   make a key and self-signed "
        "certificate\n"
        "  tls pin --data DIR                                 print the certificate pin again\n"
        "  token create --data DIR --device NAME --user NAME [--roles ROLE,...]\n"
        "        roles: office_clerk, billing, engineer, warehouse (none = a field device)\n"
        "  token revoke --data DIR (--device NAME | --token-file F | --token T | env MS_TOKEN)\n"
        "  import-task --data DIR FILE.csv [--assign USER,USER]\n"
        "  stats --data DIR [--json]\n"
        "  verify --data DIR\n"
        "  pin-reset-code --data DIR --device NAME --challenge DIGITS [--user NAME]\n",
        stderr);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("meterswap-office"));
    // Messages in $MS_LANG (zh_CN|en), else in the system locale's language (zh_CN by default).
    ms::LanguageSwitcher language;
    language.setLanguage(ms::LanguageSwitcher::fromEnvironment());
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help")) {
        usage();
        return args.isEmpty() ? ms::server::ExitUsage : ms::server::ExitOk;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("serve"))
        return ms::server::serveCommand(args);
    if (command == QLatin1String("tls"))
        return ms::server::tlsCommand(args);
    if (command == QLatin1String("token"))
        return ms::server::tokenCommand(args);
    if (command == QLatin1String("import-task"))
        return ms::server::importTaskCommand(args);
    if (command == QLatin1String("stats"))
        return ms::server::statsCommand(args);
    if (command == QLatin1String("verify"))
        return ms::server::verifyCommand(args);
    if (command == QLatin1String("pin-reset-code"))
        return ms::server::pinResetCodeCommand(args);
    QTextStream(stderr) << QCoreApplication::translate("meterswap-office", "meterswap-office：未知命令“%1”")
                               .arg(command)
                           << '\n';
    usage();
    return ms::server::ExitUsage;
}
