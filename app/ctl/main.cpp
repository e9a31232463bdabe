#include "commands.h"
#include "languageswitcher.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <functional>
#include <map>
#include <memory>

namespace {
void printUsage()
{
    QTextStream err(stderr);
    err << "usage: meterswapctl <command> ...\n"
           "  catalog validate [DIR] | catalog list [--json]\n"
           "  frame decode HEX | frame encode read --protocol P --address ADDR --item ID\n"
           "  meter read --port PATH [--baud N] [--protocol auto|P] [--items swap|ID,...]\n"
           "  simulate --protocol P --address ADDR --link PATH [--baud N] [--reply-delay-ms D]\n"
           "           [--registers FILE.json] [--drop-rate P] [--corrupt-rate P] [--silent]\n"
           "  simulate --protocol gdw1376.1 --link PATH [--address AREA-TERMINAL] [--state "
           "F.json]\n"
           "           [--meters N] [--password HEX] "
           "[--unreachable|--omit|--extra|--wrong-protocol\n"
           "           |--duplicate ADDR,...] [--silent]\n"
           "  concentrator read|archive --port PATH [--baud N] --address AREA-TERMINAL --json\n"
           "  concentrator set --port PATH --address AREA-TERMINAL [--master IP:PORT]\n"
           "           [--backup IP:PORT] [--apn APN] [--new-address A-T] [--password HEX]\n"
           "  concentrator check --port PATH --address AREA-TERMINAL --data DIR [--task ID]\n"
           "           [--write-missing --password HEX] --json\n"
           "  form pdf NUMBER (--job ID | --task ID) --out FILE [--data DIR]\n"
           "  sync --data DIR --server URL (--token-file F | --token T | env MS_TOKEN) [--pin "
           "SHA256]\n"
           "  demo seed --data DIR --jobs N --photos-per-job M [--photo-kb K] [--complete]\n"
           "  job list --data DIR --json | job show --data DIR --job UUID --json\n"
           "  capture photo --data DIR --job UUID --card CARD --requirement KEY --file F.jpg\n"
           "  capture value --data DIR --job UUID --card CARD --requirement KEY --value V "
           "[--reason T]\n"
           "  store rescue --data DIR [--from FILE] [--adopt]\n"
           "  verify --data DIR   check this tablet's record chain and evidence chains\n"
           "  user status --data DIR [--user NAME]\n"
           "  user reset-pin --data DIR --user NAME [--code CODE]   (new PIN on stdin)\n"
           "  review queue|show|approve|send-back --server URL --token T [--job UUID]\n"
           "         [--item CARD:KEY ... --reason TEXT] [--task T --crew C --from D --to D]\n"
           "  billing queue|confirm|send-back|export|exports --server URL --token T [--job UUID]\n"
           "         [--reason TEXT] [--out FILE.csv [--batch B]]\n"
           "  stock issue --server URL --token T --crew CREW --meters FILE [--seals FROM-TO]\n"
           "  stock return --server URL --token T --meters FILE [--seals FROM-TO]\n"
           "  stock show --server URL --token T [--crew CREW] --json | stock batch [--batch "
           "UUID]\n";
}
} // namespace

int main(int argc, char **argv)
{
    // `form` lays out PDFs with fonts, which needs a QGuiApplication (offscreen: no display).
    // So does a photo's watermark (capture) and the demo's signatures (demo seed --complete).
    const bool needsGui = argc > 1
                          && (qstrcmp(argv[1], "form") == 0 || qstrcmp(argv[1], "capture") == 0
                              || qstrcmp(argv[1], "demo") == 0 || qstrcmp(argv[1], "stock") == 0);
    if (needsGui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> application =
        needsGui ? std::unique_ptr<QCoreApplication>(std::make_unique<QGuiApplication>(argc, argv))
                 : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("MeterSwap"));
    QCoreApplication::setApplicationName(QStringLiteral("meterswap"));
    // Messages in $MS_LANG (zh_CN|en), else in the system locale's language (zh_CN by default).
    ms::LanguageSwitcher language;
    language.setLanguage(ms::LanguageSwitcher::fromEnvironment());
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        printUsage();
        return args.isEmpty() ? ms::ctl::ExitUsage : ms::ctl::ExitOk;
    }
    const std::map<QString, std::function<int(const QStringList &)>> commands{
        {QStringLiteral("catalog"), ms::ctl::catalogCommand},
        {QStringLiteral("frame"), ms::ctl::frameCommand},
        {QStringLiteral("meter"), ms::ctl::meterCommand},
        {QStringLiteral("simulate"), ms::ctl::simulateCommand},
        {QStringLiteral("form"), ms::ctl::formCommand},
        {QStringLiteral("sync"), ms::ctl::syncCommand},
        {QStringLiteral("demo"), ms::ctl::demoCommand},
        {QStringLiteral("verify"), ms::ctl::verifyCommand},
        {QStringLiteral("store"), ms::ctl::storeCommand},
        {QStringLiteral("user"), ms::ctl::userCommand},
        {QStringLiteral("review"), ms::ctl::reviewCommand},
        {QStringLiteral("billing"), ms::ctl::billingCommand},
        {QStringLiteral("stock"), ms::ctl::stockCommand},
        {QStringLiteral("job"), ms::ctl::jobCommand},
        {QStringLiteral("capture"), ms::ctl::captureCommand},
        {QStringLiteral("concentrator"), ms::ctl::concentratorCommand},
    };
    const QString group = args.takeFirst();
    const auto it = commands.find(group);
    if (it == commands.end()) {
        QTextStream(stderr) << QCoreApplication::translate("meterswapctl", "meterswapctl：未知命令“%1”")
                                   .arg(group)
                               << '\n';
        printUsage();
        return ms::ctl::ExitUsage;
    }
    return it->second(args);
}
