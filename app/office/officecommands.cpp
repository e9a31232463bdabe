#include "officecommands.h"

#include "commandsupport.h"

#include "officeserver.h"
#include "serverpool.h"
#include "signalwatcher.h"
#include "store/office/fileblobstore.h"
#include "store/office/sqliteofficestore.h"
#include "sync/credentials.h"
#include "taskcsv.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslKey>
#include <QTextStream>

#include <cstdio>
#include <malloc.h>

namespace ms::office {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::office::Commands)
};

} // namespace

void err(const QString &message) { std::fprintf(stderr, "meterswap-office: %s\n", qPrintable(message)); }
void out(const QByteArray &text) { std::fwrite(text.constData(), 1, size_t(text.size()), stdout); std::fflush(stdout); }

bool parse(QCommandLineParser &p, const QStringList &args, const QStringList &valueOptions,
           const QStringList &flags)
{
    for (const QString &o : valueOptions)
        p.addOption(QCommandLineOption(o, o, QStringLiteral("value")));
    for (const QString &f : flags)
        p.addOption(QCommandLineOption(f));
    if (!p.parse(QStringList{QStringLiteral("meterswap-office")} + args)) {
        err(p.errorText());
        return false;
    }
    if (!p.isSet(QStringLiteral("data"))) {
        err(Tr::tr("需要 --data DIR（服务器数据目录）"));
        return false;
    }
    return true;
}

Result<Opened> openData(const QString &dir, EvidencePack::Mode evidence)
{
    if (!QDir().mkpath(dir))
        return makeError(QStringLiteral("office.data_dir"), Tr::tr("无法创建数据目录 %1").arg(dir));
    auto store = SqliteOfficeStore::open(dir + QStringLiteral("/office.db"));
    if (!store)
        return store.error();
    auto blobs = std::make_unique<FileBlobStore>(dir + QStringLiteral("/evidence"));
    if (auto ok = blobs->init(evidence); !ok)
        return ok.error();
    return Opened{std::move(store).value(), std::move(blobs)};
}


int tokenCommand(const QStringList &args)
{
    const QString sub = args.value(0);
    QCommandLineParser p;
    if (!parse(p, args.mid(1), {QStringLiteral("data"), QStringLiteral("device"),
                                QStringLiteral("user"), QStringLiteral("token"),
                                QStringLiteral("token-file")}))
        return ExitUsage;
    auto data = openData(p.value(QStringLiteral("data")));
    if (!data) {
        err(data.error().message);
        return ExitFailed;
    }
    if (sub == QLatin1String("create")) {
        auto token = data->store->createToken(p.value(QStringLiteral("device")),
                                              p.value(QStringLiteral("user")));
        if (!token) {
            err(token.error().message);
            return ExitUsage;
        }
        out(token->toUtf8() + '\n');
        return ExitOk;
    }
    if (sub == QLatin1String("revoke")) {
        // By device name, or by the token itself: --token-file, --token (warned), $MS_TOKEN.
        QString which = p.value(QStringLiteral("device"));
        bool byToken = false;
        if (which.isEmpty()) {
            sync::TokenArguments tokenArgs;
            if (p.isSet(QStringLiteral("token")))
                tokenArgs.token = p.value(QStringLiteral("token"));
            if (p.isSet(QStringLiteral("token-file")))
                tokenArgs.tokenFile = p.value(QStringLiteral("token-file"));
            QStringList warnings;
            const auto token = sync::resolveToken(tokenArgs, &warnings);
            for (const QString &w : std::as_const(warnings))
                err(w);
            if (!token) {
                err(token.error().message);
                return ExitUsage;
            }
            which = token->value_or(QString());
            byToken = true;
        }
        if (which.isEmpty()) {
            err(Tr::tr("token revoke 需要 --device NAME，或令牌（--token-file 文件、环境变量 MS_TOKEN 或 --token 令牌）"));
            return ExitUsage;
        }
        auto n = data->store->revokeToken(which);
        if (!n) {
            // The store's message names what it looked for: never print a token.
            err(byToken && n.error().code == QLatin1String("office.unknown_token")
                    ? Tr::tr("没有找到这个令牌，或它已被吊销；未做改动。")
                    : n.error().message);
            return ExitFailed;
        }
        out(QByteArray("{\"revoked\":") + QByteArray::number(*n) + "}\n");
        return ExitOk;
    }
    err(Tr::tr("用法：token create|revoke …"));
    return ExitUsage;
}

int importTaskCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("file"), QStringLiteral("CSV"));
    if (!parse(p, args, {QStringLiteral("data"), QStringLiteral("assign")}))
        return ExitUsage;
    if (p.positionalArguments().size() != 1) {
        err(Tr::tr("import-task 需要且只需要一个 CSV 文件"));
        return ExitUsage;
    }
    auto import = readTaskCsv(p.positionalArguments().first());
    if (!import) {
        err(import.error().message);
        return ExitFailed;
    }
    QStringList assignees = import->assignees;
    for (const QString &who : p.value(QStringLiteral("assign")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!assignees.contains(who.trimmed()))
            assignees << who.trimmed();
    auto data = openData(p.value(QStringLiteral("data")));
    if (!data) {
        err(data.error().message);
        return ExitFailed;
    }
    auto summary = data->store->importTask(import->task, import->customers, assignees);
    if (!summary) {
        err(summary.error().message);
        return ExitFailed;
    }
    const QJsonObject o{{QStringLiteral("task_uuid"), summary->taskUuid},
                        {QStringLiteral("task_created"), summary->taskCreated},
                        {QStringLiteral("customers_created"), summary->customersCreated},
                        {QStringLiteral("customers_updated"), summary->customersUpdated},
                        {QStringLiteral("customers_unchanged"), summary->customersUnchanged},
                        {QStringLiteral("assignees"), QJsonArray::fromStringList(assignees)}};
    out(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
    return ExitOk;
}

int statsCommand(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, {QStringLiteral("data")}, {QStringLiteral("json")}))
        return ExitUsage;
    auto data = openData(p.value(QStringLiteral("data")));
    if (!data) {
        err(data.error().message);
        return ExitFailed;
    }
    auto s = data->store->stats();
    if (!s) {
        err(s.error().message);
        return ExitFailed;
    }
    if (p.isSet(QStringLiteral("json"))) {
        const QJsonObject o{{QStringLiteral("tasks"), s->tasks},
                            {QStringLiteral("customers"), s->customers},
                            {QStringLiteral("jobs"), s->jobs},
                            {QStringLiteral("records"), s->records},
                            {QStringLiteral("evidence_files"), s->evidenceFiles},
                            {QStringLiteral("evidence_bytes"), s->evidenceBytes},
                            {QStringLiteral("devices"), s->devices}};
        out(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
    } else {
        out(Tr::tr("任务 %1，客户 %2，工单 %3，记录 %4，证据文件 %5（%6 字节），设备 %7\n")
                .arg(s->tasks).arg(s->customers).arg(s->jobs).arg(s->records)
                .arg(s->evidenceFiles).arg(s->evidenceBytes).arg(s->devices).toUtf8());
    }
    return ExitOk;
}

int verifyCommand(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, {QStringLiteral("data")}))
        return ExitUsage;
    auto data = openData(p.value(QStringLiteral("data")));
    if (!data) {
        err(data.error().message);
        return ExitFailed;
    }
    int problems = 0;
    const auto report = [&](const QString &message) {
        ++problems;
        err(message);
    };
    if (auto ok = data->store->integrityCheck(); !ok)
        report(ok.error().message);
    auto recorded = data->store->blobHashes();
    if (!recorded) {
        err(recorded.error().message);
        return ExitFailed;
    }
    for (const QString &sha : *recorded)
        if (auto ok = data->blobs->verify(sha); !ok)
            report(ok.error().message);
    auto onDisk = data->blobs->list();
    if (onDisk)
        for (const QString &sha : *onDisk)
            if (!recorded->contains(sha)) {
                if (auto ok = data->blobs->verify(sha); !ok)
                    report(ok.error().message);
            }
    auto refs = data->store->blobReferences();
    if (!refs) {
        err(refs.error().message);
        return ExitFailed;
    }
    for (const BlobReference &r : *refs)
        if (!recorded->contains(r.sha256))
            report(Tr::tr("记录 %1（%2）引用的证据文件 %3 不在服务器上").arg(r.recordUuid, r.entity, r.sha256));
    const QJsonObject o{{QStringLiteral("evidence_files"), recorded->size()},
                        {QStringLiteral("references"), refs->size()},
                        {QStringLiteral("problems"), problems},
                        {QStringLiteral("ok"), problems == 0}};
    out(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
    return problems == 0 ? ExitOk : ExitFailed;
}

} // namespace ms::office
