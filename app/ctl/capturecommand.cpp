#include "commands.h"

#include "catalog/catalogloader.h"
#include "service/filecapture.h"
#include "store/store.h"
#include "workflow/workflow.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace ms::ctl {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ctl::Capture)
};

int fail(const QString &message)
{
    std::fprintf(stderr, "meterswapctl capture: %s\n", qPrintable(message));
    return ExitFailed;
}
} // namespace

// meterswapctl capture photo --data DIR --job UUID --card CARD --requirement KEY --file F.jpg
// meterswapctl capture value --data DIR --job UUID --card CARD --requirement KEY --value V
//                            [--confirm-implausible] [--reason TEXT]
// The capture the app makes (core/service/filecapture.h): one action of the job service. Prints
// the evidence row as JSON; exit 1 when refused (approved job, unknown requirement, bad value, a
// new meter or seal not issued to the crew without --reason).
int captureCommand(const QStringList &args)
{
    QCommandLineParser p;
    for (const char *o : {"data", "job", "card", "requirement", "file", "value", "reason"})
        p.addOption(
            QCommandLineOption(QLatin1String(o), QLatin1String(o), QStringLiteral("value")));
    p.addOption(QCommandLineOption(QStringLiteral("confirm-implausible"),
                                   QStringLiteral("confirm-implausible")));
    const bool parsed = p.parse(QStringList{QStringLiteral("meterswapctl")} + args);
    const QString action = p.positionalArguments().value(0);
    const bool photo = action == QLatin1String("photo");
    bool complete = parsed && p.positionalArguments().size() == 1
                    && (photo || action == QLatin1String("value"));
    for (const char *o : {"job", "card", "requirement"})
        complete = complete && !p.value(QLatin1String(o)).isEmpty();
    complete = complete && p.isSet(photo ? QStringLiteral("file") : QStringLiteral("value"));
    if (!complete) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(Tr::tr("用法：meterswapctl capture photo --data DIR --job UUID "
                                       "--card CARD --requirement KEY --file F.jpg\n"
                                       "      meterswapctl capture value --data DIR --job UUID "
                                       "--card CARD --requirement KEY --value V")));
        return ExitUsage;
    }
    StoreOptions options;
    options.dataDir = p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data"))
                                                      : Store::defaultDataDir();
    auto opened = Store::open(options);
    if (!opened)
        return fail(opened.error().message);
    Store &store = **opened;
    const CatalogLoad catalog = CatalogLoader::load(CatalogLoader::builtInRoot());
    const Workflow workflow(catalog.catalog);
    const FileCapture capture(store, catalog.catalog, workflow, Actor{}, PhotoOptions{});
    const QString job = p.value(QStringLiteral("job"));
    const QString card = p.value(QStringLiteral("card"));
    const QString key = p.value(QStringLiteral("requirement"));
    auto added = photo ? capture.photo(job, card, key, p.value(QStringLiteral("file")))
                       : capture.value(job, card, key, p.value(QStringLiteral("value")),
                                       p.isSet(QStringLiteral("confirm-implausible")),
                                       p.value(QStringLiteral("reason")));
    if (!added)
        return fail(added.error().message);
    const Evidence &e = added.value();
    const QJsonObject o{{QStringLiteral("uuid"), e.uuid},
                        {QStringLiteral("job"), job},
                        {QStringLiteral("card"), e.cardId},
                        {QStringLiteral("requirement"), e.requirement},
                        {QStringLiteral("kind"), evidenceKindKey(e.kind)},
                        {QStringLiteral("sha256"), e.sha256},
                        {QStringLiteral("value"), e.value},
                        {QStringLiteral("size"), e.size}};
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    return ExitOk;
}

} // namespace ms::ctl
