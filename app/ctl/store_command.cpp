// meterswapctl store rescue: after a corrupt database was moved aside (the app or any command
// says so when it opens the store), make a clean copy of what can be read from it and, with
// --adopt, put that copy in place of the new, empty database. Support's tool; the app offers the
// same at start-up.
#include "commands.h"

#include "store/databaserescue.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace ms::ctl {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ctl::StoreCommand)
};

void err(const QString &message)
{
    std::fprintf(stderr, "meterswapctl store: %s\n", qPrintable(message));
}

// The newest DIR/meterswap.db.corrupt-* (their names sort by time).
QString newestMovedAside(const QString &dir)
{
    const QStringList found = QDir(dir).entryList(
        {QString::fromLatin1(Store::kDatabaseFileName) + QStringLiteral(".corrupt-*")}, QDir::Files,
        QDir::Name);
    QStringList mains;
    for (const QString &name : found)
        if (!name.endsWith(QLatin1String("-wal")) && !name.endsWith(QLatin1String("-shm"))
            && !name.endsWith(QLatin1String("-journal")) && !name.contains(QLatin1String(".rescue-work")))
            mains << name;
    return mains.isEmpty() ? QString() : QDir(dir).filePath(mains.last());
}
} // namespace

int storeCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("rescue"), QString());
    p.addOption({QStringLiteral("data"), QString(), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("from"), QString(), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("adopt"), QString()});
    if (!p.parse(QStringList{QStringLiteral("store")} + args) || p.positionalArguments() != QStringList{QStringLiteral("rescue")}) {
        err(Tr::tr("用法：meterswapctl store rescue --data DIR [--from 损坏的文件] [--adopt]"));
        return ExitUsage;
    }
    const QString dir = QDir(p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data"))
                                                             : Store::defaultDataDir())
                            .absolutePath();
    const QString from = p.isSet(QStringLiteral("from")) ? p.value(QStringLiteral("from")) : newestMovedAside(dir);
    if (from.isEmpty() || !QFile::exists(from)) {
        err(Tr::tr("在 %1 中没有找到被移到一旁的损坏数据库（meterswap.db.corrupt-*）。可用 --from 指定文件。").arg(dir));
        return ExitFailed;
    }
    auto found = DatabaseRescue::inspect(from);
    if (!found) {
        err(found.error().message);
        return ExitFailed;
    }
    const RescueReport &r = found.value();
    QJsonObject out{{QStringLiteral("moved_aside"), r.movedAside},
                    {QStringLiteral("recovered"), r.recovered},
                    {QStringLiteral("header_repaired"), r.headerRepaired},
                    {QStringLiteral("schema_version"), r.schemaVersion},
                    {QStringLiteral("jobs"), r.jobs},
                    {QStringLiteral("evidence"), r.evidence},
                    {QStringLiteral("pending_records"), r.pendingRecords},
                    {QStringLiteral("missing_files"), r.missingFiles},
                    {QStringLiteral("evidence_files_on_disk"), DatabaseRescue::evidenceFilesOnDisk(dir)},
                    {QStringLiteral("rescued"), r.rescuedPath},
                    {QStringLiteral("adopted"), false}};
    err(r.message);
    int exit = r.recovered ? ExitOk : ExitFailed;
    if (r.recovered && p.isSet(QStringLiteral("adopt"))) {
        if (auto adopted = DatabaseRescue::adopt(dir, r); !adopted) {
            err(adopted.error().message);
            exit = ExitFailed;
        } else {
            out[QStringLiteral("adopted")] = true;
        }
    }
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return exit;
}

} // namespace ms::ctl
