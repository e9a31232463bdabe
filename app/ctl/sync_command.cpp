#include "commands.h"

#include "store/store.h"
#include "sync/credentials.h"
#include "sync/storesynclocal.h"
#include "sync/syncclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <cstdio>

namespace ms::ctl {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ctl::Sync)
};

QJsonObject summaryJson(const sync::SyncSummary &s, const Result<PendingCounts> &left)
{
    QJsonArray refused, conflicts;
    for (const auto &r : s.refused)
        refused.append(QJsonObject{{QStringLiteral("seq"), r.seq},
                                   {QStringLiteral("uuid"), r.uuid},
                                   {QStringLiteral("status"), wire::pushStatusKey(r.status)},
                                   {QStringLiteral("code"), r.code},
                                   {QStringLiteral("reason"), r.reason}});
    for (const auto &r : s.conflicts)
        conflicts.append(QJsonObject{{QStringLiteral("seq"), r.seq},
                                     {QStringLiteral("uuid"), r.uuid},
                                     {QStringLiteral("version"), r.version},
                                     {QStringLiteral("status"), wire::pushStatusKey(r.status)},
                                     {QStringLiteral("code"), r.code},
                                     {QStringLiteral("fields"), QJsonArray::fromStringList(r.fields)},
                                     {QStringLiteral("reason"), r.reason}});
    QJsonObject o{{QStringLiteral("ok"), s.ok},
                  {QStringLiteral("records_confirmed"), s.recordsConfirmed},
                  {QStringLiteral("records_refused"), s.recordsRefused},
                  {QStringLiteral("files_uploaded"), s.filesUploaded},
                  {QStringLiteral("files_already_there"), s.filesAlreadyThere},
                  {QStringLiteral("file_bytes"), s.fileBytes},
                  {QStringLiteral("bytes_sent"), s.bodyBytesSent},
                  {QStringLiteral("tasks_pulled"), s.tasksPulled},
                  {QStringLiteral("customers_pulled"), s.customersPulled},
                  {QStringLiteral("retries"), s.retries},
                  {QStringLiteral("elapsed_ms"), s.elapsedMs},
                  {QStringLiteral("refused"), refused},
                  {QStringLiteral("records_conflict"), s.recordsConflicted},
                  {QStringLiteral("conflicts"), conflicts},
                  {QStringLiteral("failed_files"), QJsonArray::fromStringList(s.failedFiles)}};
    // What is left to send; when it cannot be read, why (never a zero that is not known).
    if (left)
        o.insert(QStringLiteral("pending"), QJsonObject{{QStringLiteral("records"), left->records},
                                                        {QStringLiteral("files"), left->files},
                                                        {QStringLiteral("bytes"), left->bytes}});
    else
        o.insert(QStringLiteral("pending_error"), left.error().message);
    if (!s.ok)
        o.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), s.error.code},
                                                      {QStringLiteral("message"), s.error.message}});
    return o;
}
} // namespace

// meterswapctl sync --data DIR --server URL (--token-file F | --token T | $MS_TOKEN)
//                   [--pin SHA256] [--chunk-bytes N] [--max-attempts N] [--backoff-ms N] [--no-pull]
int syncCommand(const QStringList &args)
{
    QCommandLineParser p;
    for (const char *o : {"data", "server", "token", "token-file", "pin", "chunk-bytes",
                          "max-attempts", "backoff-ms"})
        p.addOption(QCommandLineOption(QLatin1String(o), QLatin1String(o), QStringLiteral("value")));
    p.addOption(QCommandLineOption(QStringLiteral("no-pull")));
    if (!p.parse(QStringList{QStringLiteral("meterswapctl")} + args)) {
        std::fprintf(stderr, "meterswapctl sync: %s\n", qPrintable(p.errorText()));
        return ExitUsage;
    }
    const QUrl server(p.value(QStringLiteral("server")));
    const auto tokenArgs = sync::TokenArguments::fromParser(p);
    QStringList warnings;
    const auto token = sync::resolveToken(tokenArgs, &warnings);
    for (const QString &w : std::as_const(warnings))
        std::fprintf(stderr, "meterswapctl sync: %s\n", qPrintable(w));
    if (!token) {
        std::fprintf(stderr, "meterswapctl sync: %s\n", qPrintable(token.error().message));
        return ExitUsage;
    }
    if (!p.isSet(QStringLiteral("server")) || !token->has_value()) {
        std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("meterswapctl sync: 需要 --server https://主机:端口 和令牌"
                                                       "（--token-file 文件，或环境变量 MS_TOKEN，或 --token 令牌）")));
        return ExitUsage;
    }
    if (auto safe = sync::checkServerUrl(server); !safe) {
        std::fprintf(stderr, "meterswapctl sync: %s\n", qPrintable(safe.error().message));
        return ExitUsage;
    }
    StoreOptions storeOptions;
    storeOptions.dataDir = p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data"))
                                                           : Store::defaultDataDir();
    auto store = Store::open(storeOptions);
    if (!store) {
        std::fprintf(stderr, "meterswapctl sync: %s\n", qPrintable(store.error().message));
        return ExitFailed;
    }
    if (!(*store)->openNotice().message.isEmpty())
        std::fprintf(stderr, "meterswapctl sync: %s\n", qPrintable((*store)->openNotice().message));
    sync::StoreSyncLocal local(**store);
    QNetworkAccessManager nam;
    sync::SyncOptions options;
    options.http.server = server;
    options.http.token = **token;
    options.http.pinnedSha256 = p.value(QStringLiteral("pin")).remove(QLatin1Char(':')).toLower();
    if (p.isSet(QStringLiteral("chunk-bytes")))
        options.chunkBytes = p.value(QStringLiteral("chunk-bytes")).toLongLong();
    if (p.isSet(QStringLiteral("max-attempts")))
        options.http.maxAttempts = std::max(1, p.value(QStringLiteral("max-attempts")).toInt());
    if (p.isSet(QStringLiteral("backoff-ms")))
        options.http.initialBackoffMs = std::max(1, p.value(QStringLiteral("backoff-ms")).toInt());
    options.pull = !p.isSet(QStringLiteral("no-pull"));
    sync::SyncClient client(local, nam, options);
    sync::SyncSummary summary;
    QObject::connect(&client, &sync::SyncClient::finished, &client, [&](const sync::SyncSummary &s) {
        summary = s;
        QCoreApplication::exit(0);
    });
    QObject::connect(&client, &sync::SyncClient::retrying, &client,
                     [](int attempt, int delayMs, const QString &reason) {
        std::fprintf(stderr, "meterswapctl sync: retry %d in %d ms (%s)\n", attempt, delayMs,
                     qPrintable(reason));
    });
    client.start();
    QCoreApplication::exec();
    const QByteArray json = QJsonDocument(summaryJson(summary, local.counts())).toJson(QJsonDocument::Compact);
    std::printf("%s\n", json.constData());
    for (const auto &r : std::as_const(summary.refused))
        std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("meterswapctl sync: 记录 %1 被办公室拒收（%2）：%3")
                                                    .arg(r.uuid, r.code, r.reason)));
    for (const auto &r : std::as_const(summary.conflicts))
        std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("meterswapctl sync: 记录 %1 与办公室的记录冲突，"
                                                           "不同之处：%2；已保留在本机")
                                                    .arg(r.uuid, r.fields.join(QLatin1Char(',')))));
    if (!summary.ok)
        std::fprintf(stderr, "meterswapctl sync: %s\n", qPrintable(summary.error.message));
    return summary.ok ? ExitOk : ExitFailed;
}

} // namespace ms::ctl
