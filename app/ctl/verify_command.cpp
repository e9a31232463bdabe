#include "commands.h"

#include "store/store.h"
#include "store/storeverifier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace ms::ctl {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ctl::Verify)
};

void err(const QString &message)
{
    std::fprintf(stderr, "meterswapctl verify: %s\n", qPrintable(message));
}
} // namespace

// meterswapctl verify --data DIR: this tablet's record chain (every outbox row's link and
// signature, no gap) and every job's and task's evidence chain. Exit 0 all hold, 1 not.
int verifyCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(
        QCommandLineOption(QStringLiteral("data"), QStringLiteral("data"), QStringLiteral("DIR")));
    if (!p.parse(QStringList{QStringLiteral("meterswapctl")} + args) ||
        !p.isSet(QStringLiteral("data"))) {
        err(p.errorText().isEmpty() ? Tr::tr("需要 --data DIR（平板的数据目录）") : p.errorText());
        return ExitUsage;
    }
    const QString dir = p.value(QStringLiteral("data"));
    if (!QFileInfo::exists(QDir(dir).filePath(QLatin1String(Store::kDatabaseFileName)))) {
        err(Tr::tr("%1 中没有换表通的数据库（%2）；请用 --data 指定平板的数据目录。")
                .arg(dir, QLatin1String(Store::kDatabaseFileName)));
        return ExitFailed;
    }
    StoreOptions options;
    options.dataDir = dir;
    options.sweepOnOpen = false; // a check changes nothing
    auto store = Store::open(options);
    if (!store) {
        err(store.error().message);
        return ExitFailed;
    }
    const StoreVerifyReport report = verifyStore(**store);
    QJsonArray problems;
    for (const chain::Problem &problem : report.problems) {
        err(problem.message);
        problems.append(QJsonObject{{QStringLiteral("code"), problem.code},
                                    {QStringLiteral("uuid"), problem.uuid},
                                    {QStringLiteral("n"), problem.n},
                                    {QStringLiteral("seq"), problem.seq}});
    }
    const QJsonObject o{{QStringLiteral("ok"), report.ok()},
                        {QStringLiteral("records"), report.outbox.records},
                        {QStringLiteral("chain_head"), report.outbox.head},
                        {QStringLiteral("device_key"), report.outbox.publicKey},
                        {QStringLiteral("evidence_chains"), report.evidenceChains},
                        {QStringLiteral("evidence_rows"), report.evidenceRows},
                        {QStringLiteral("problems"), problems}};
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    if (report.ok())
        err(Tr::tr("记录链 %1 条记录、%2 条证据链全部完好。")
                .arg(report.outbox.records)
                .arg(report.evidenceChains));
    else
        err(Tr::tr("发现 %1 处问题：本机数据被改动或删除过。请不要删除数据目录，联系技术支持。")
                .arg(report.problems.size()));
    return report.ok() ? ExitOk : ExitFailed;
}

} // namespace ms::ctl
