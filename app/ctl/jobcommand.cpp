#include "commands.h"

#include "catalog/catalogloader.h"
#include "service/jobreport.h"
#include "service/jobsession.h"
#include "store/store.h"
#include "workflow/workflow.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace ms::ctl {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ctl::Job)
};

int fail(const QString &message)
{
    std::fprintf(stderr, "meterswapctl job: %s\n", qPrintable(message));
    return ExitFailed;
}
} // namespace

// meterswapctl job list --data DIR --json
// meterswapctl job show --data DIR --job UUID --json
// meterswapctl job resubmit --data DIR --job UUID
// The jobs on this tablet and their state (issue 14 §7); the JSON is made by core/service.
// `resubmit` is the installer's 重新提交 on a sent-back job whose items are all re-done
// (JobSession::resubmit, one transaction); it prints the job as `show` does, exit 1 if refused.
int jobCommand(const QStringList &args)
{
    QCommandLineParser p;
    for (const char *o : {"data", "job"})
        p.addOption(
            QCommandLineOption(QLatin1String(o), QLatin1String(o), QStringLiteral("value")));
    p.addOption(QCommandLineOption(QStringLiteral("json"), QStringLiteral("json")));
    const QStringList actions{QStringLiteral("list"), QStringLiteral("show"),
                              QStringLiteral("resubmit")};
    const bool parsed = p.parse(QStringList{QStringLiteral("meterswapctl")} + args);
    const QString action = p.positionalArguments().value(0);
    if (!parsed || p.positionalArguments().size() != 1 || !actions.contains(action)
        || (action != QLatin1String("list") && p.value(QStringLiteral("job")).isEmpty())) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(Tr::tr("用法：meterswapctl job list --data DIR --json\n"
                                       "      meterswapctl job show --data DIR --job UUID --json\n"
                                       "      meterswapctl job resubmit --data DIR --job UUID")));
        return ExitUsage;
    }
    StoreOptions options;
    options.dataDir = p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data"))
                                                      : Store::defaultDataDir();
    auto opened = Store::open(options);
    if (!opened)
        return fail(opened.error().message);
    Store &store = **opened;
    if (action == QLatin1String("list")) {
        auto jobs = jobListJson(store);
        if (!jobs)
            return fail(jobs.error().message);
        std::printf("%s\n", QJsonDocument(jobs.value()).toJson(QJsonDocument::Compact).constData());
        return ExitOk;
    }
    const CatalogLoad catalog = CatalogLoader::load(CatalogLoader::builtInRoot());
    const Workflow workflow(catalog.catalog);
    const QString uuid = p.value(QStringLiteral("job"));
    if (action == QLatin1String("resubmit")) {
        auto row = store.jobs().byUuid(uuid);
        if (!row)
            return fail(row.error().message);
        auto session = JobSession::open(store, catalog.catalog, workflow, Actor{}, row->id);
        if (!session)
            return fail(session.error().message);
        if (auto done = session.value()->resubmit(); !done)
            return fail(done.error().message);
    }
    auto job = jobShowJson(store, catalog.catalog, workflow, uuid);
    if (!job)
        return fail(job.error().message);
    std::printf("%s\n", QJsonDocument(job.value()).toJson(QJsonDocument::Compact).constData());
    return ExitOk;
}

} // namespace ms::ctl
