// meterswap — the tablet app. Builds the services, the context and the window; nothing else.
#include "appcontext.h"
#include "crashcheck.h"
#include "mainwindow.h"
#include "meter/meterreadflow.h"
#include "pages/rescuedialog.h"
#include "roles/officehome.h"
#include "service/accounts.h"
#include "service/devicesettings.h"
#include "startup.h"
#include "store/store.h"
#include "style.h"
#include "sync/credentials.h"
#include "sync/synchost.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QTimer>
#include <cstdio>

namespace {

bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
           || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

// --office-token-file NAME=FILE: the office user NAME's own office token, read from FILE's first
// line (never printed) and kept for them in this device's settings.
ms::Result<void> saveOfficeTokens(ms::Store &store, const QStringList &values)
{
    for (const QString &v : values) {
        const qsizetype eq = v.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == v.size() - 1)
            return ms::makeError(
                QStringLiteral("usage"),
                QCoreApplication::translate("main", "--office-token-file 要写成 用户名=文件，例如 "
                                                    "--office-token-file 王芳=office_clerk.token"));
        const QString name = v.left(eq);
        ms::sync::TokenArguments args;
        args.tokenFile = v.mid(eq + 1);
        QStringList warnings;
        auto token = ms::sync::resolveToken(args, &warnings);
        for (const QString &w : std::as_const(warnings))
            std::fprintf(stderr, "meterswap: %s\n", qPrintable(w));
        if (!token)
            return token.error();
        auto user = ms::Accounts(store).byName(name);
        if (!user)
            return ms::makeError(QStringLiteral("usage"),
                                 QCoreApplication::translate("main", "%1的办公令牌没有保存：%2")
                                     .arg(name, user.error().message));
        if (auto saved =
                ms::DeviceSettings(store).setOfficeToken(user->uuid, token->value_or(QString()));
            !saved)
            return saved.error();
    }
    return {};
}

bool wantsHelp(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (!haveDisplay() && !wantsHelp(argc, argv)) {
        std::fprintf(stderr,
                     "meterswap: no display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset).\n"
                     "Run it under a virtual screen:\n"
                     "  xvfb-run -a -s \"-screen 0 1280x800x24\" %s --demo\n"
                     "or headless without a window:\n"
                     "  QT_QPA_PLATFORM=offscreen %s --demo\n",
                     argv[0], argv[0]);
        return 1;
    }
    if (!haveDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen"); // --help / --version need no window

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MeterSwap"));
    QCoreApplication::setApplicationName(QStringLiteral("meterswap"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "换表通：智能电能表换装现场作业"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataOpt(QStringLiteral("data"),
                                     QCoreApplication::translate("main", "数据目录（默认系统应用数据目录）"),
                                     QStringLiteral("DIR"));
    const QCommandLineOption demoOpt(QStringLiteral("demo"),
                                     QCoreApplication::translate("main", "首次运行时装入演示任务和用户"));
    const QCommandLineOption langOpt(QStringLiteral("lang"),
                                     QCoreApplication::translate("main", "界面语言：zh_CN 或 en"),
                                     QStringLiteral("LANG"));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"),
                                        QCoreApplication::translate("main", "卡片目录文件夹（默认内置）"),
                                        QStringLiteral("DIR"));
    const QCommandLineOption userOpt(QStringLiteral("user"),
                                     QCoreApplication::translate("main", "直接以此用户登录（需配合 --pin）"),
                                     QStringLiteral("NAME"));
    const QCommandLineOption pinOpt(QStringLiteral("pin"), QCoreApplication::translate("main", "PIN 码"),
                                    QStringLiteral("PIN"));
    const QCommandLineOption shownOpt(QStringLiteral("exit-when-shown"),
                                      QCoreApplication::translate("main", "显示工单列表后打印启动耗时并退出（基准测试用）"));
    const QCommandLineOption serverOpt(QStringLiteral("server"),
                                       QCoreApplication::translate("main", "保存办公室服务器地址（同步用）"),
                                       QStringLiteral("URL"));
    const QCommandLineOption tokenOpt(QStringLiteral("token"),
                                      QCoreApplication::translate("main", "保存本机的设备令牌（同步用；其他用户可见，建议用 --token-file 或 MS_TOKEN）"),
                                      QStringLiteral("TOKEN"));
    const QCommandLineOption tokenFileOpt(QStringLiteral("token-file"),
                                          QCoreApplication::translate("main", "从文件第一行读取并保存设备令牌（同步用）"),
                                          QStringLiteral("FILE"));
    const QCommandLineOption serverPinOpt(QStringLiteral("server-pin"),
                                          QCoreApplication::translate("main", "保存服务器证书的 SHA-256 指纹"),
                                          QStringLiteral("SHA256"));
    const QCommandLineOption officeTokenOpt(
        QStringLiteral("office-token-file"),
        QCoreApplication::translate("main", "保存某位办公用户本人的办公令牌（用户名="
                                            "文件，可重复；共用的办公电脑上每人用自己的令牌）"),
        QStringLiteral("NAME=FILE"));
    parser.addOptions({dataOpt, demoOpt, langOpt, catalogOpt, userOpt, pinOpt, shownOpt, serverOpt,
                       tokenOpt, tokenFileOpt, serverPinOpt, officeTokenOpt});
    parser.process(app);
    const QString lang = parser.value(langOpt);
    if (!lang.isEmpty() && !ms::LanguageSwitcher::available().contains(lang)) {
        std::fprintf(stderr, "meterswap: unknown language '%s': use zh_CN or en\n", qPrintable(lang));
        return 2;
    }

    // The office address and token are checked before anything starts: a bad one is a usage error.
    if (parser.isSet(serverOpt)) {
        if (auto safe = ms::sync::checkServerUrl(QUrl(parser.value(serverOpt))); !safe) {
            std::fprintf(stderr, "meterswap: %s\n", qPrintable(safe.error().message));
            return 2;
        }
    }
    const auto tokenArgs = ms::sync::TokenArguments::fromParser(parser);
    QStringList tokenWarnings;
    const auto token = ms::sync::resolveToken(tokenArgs, &tokenWarnings);
    for (const QString &w : std::as_const(tokenWarnings))
        std::fprintf(stderr, "meterswap: %s\n", qPrintable(w));
    if (!token) {
        std::fprintf(stderr, "meterswap: %s\n", qPrintable(token.error().message));
        return 2;
    }

    ms::StartupOptions options;
    options.dataDir = parser.value(dataOpt);
    options.demo = parser.isSet(demoOpt);
    options.language = lang;
    options.catalogDir = parser.value(catalogOpt);
    ms::style::apply(app);
    auto services = ms::startServices(options);
    if (!services) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "换表通无法启动"),
                              services.error().message);
        std::fprintf(stderr, "meterswap: %s\n", qPrintable(services.error().message));
        return 1;
    }
    // A corrupt database was moved aside: offer to restore what can be had back from it.
    if (auto rescued = ms::RescueDialog::offer(services.value(), options); !rescued) {
        std::fprintf(stderr, "meterswap: %s\n", qPrintable(rescued.error().message));
        return 1;
    }
    ms::Services &s = services.value();
    ms::AppContext ctx(*s.store, *s.catalog, *s.workflow, *s.language);
    ctx.catalogRoot = s.catalogRoot;
    ctx.catalogNotice = s.catalogNotice;
    // --token, --token-file or $MS_TOKEN: saved like the address (never printed)
    ms::SyncSettingsChange syncChange;
    if (parser.isSet(serverOpt))
        syncChange.server = parser.value(serverOpt);
    syncChange.token = *token;
    if (parser.isSet(serverPinOpt))
        syncChange.pin = parser.value(serverPinOpt);
    if (auto saved = ms::DeviceSettings(*s.store).setSync(syncChange); !saved) {
        std::fprintf(stderr, "meterswap: %s\n", qPrintable(saved.error().message));
        return 1;
    }
    if (auto saved = saveOfficeTokens(*s.store, parser.values(officeTokenOpt)); !saved) {
        std::fprintf(stderr, "meterswap: %s\n", qPrintable(saved.error().message));
        return 2;
    }
    // The meter-read page (app/tablet/meter), role homes (app/tablet/roles) and the sync page
    // (app/tablet/sync) plug in here.
    ms::meter::ProtocolMemory protocolMemory;
    ctx.meterRead = ms::makeMeterReadFactory(ctx, protocolMemory);
    ctx.roleHome = ms::makeOfficeHomeFactory(ctx); // role homes with the appendix forms
    ctx.syncPage = [&ctx](QWidget *parent) -> QWidget * { return new ms::SyncHost(ctx.store, parent); };

    ms::MainWindow window(ctx);
    window.show();
    // After a crash the record and evidence chains are checked in the background.
    ms::CrashCheck crashCheck(s.store->dataDir());
    QObject::connect(&crashCheck, &ms::CrashCheck::finished, &window,
                     [&window](const ms::StoreVerifyReport &report) {
        if (const QString message = ms::CrashCheck::messageFor(report); !message.isEmpty())
            window.showMessage(message);
    });
    if (crashCheck.previousRunCrashed())
        crashCheck.start();
    if (parser.isSet(userOpt)) {
        const auto signedIn =
            ms::Accounts(*s.store).signIn(parser.value(userOpt), parser.value(pinOpt));
        if (!signedIn)
            window.showMessage(signedIn.error().message);
        else if (signedIn->mustChangePin) // the sign-in page asks for the new PIN first
            window.showMessage(QCoreApplication::translate(
                "main", "%1 的 PIN 码需要先换成新的：请在登录页点您的名字，输入 PIN 码后设置新的 PIN 码。")
                                   .arg(signedIn->user.name));
        else
            window.signIn(signedIn->user);
    }
    if (parser.isSet(shownOpt)) {
        QTimer::singleShot(0, &window, [&] {
            std::printf("{\"shown_ms\": %lld}\n", static_cast<long long>(sinceStart.elapsed()));
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    const int rc = app.exec();
    crashCheck.markCleanExit();
    return rc;
}
