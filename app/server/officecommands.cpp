#include "officecommands.h"

#include "commandsupport.h"
#include "configfile.h"

#include "officeserver.h"
#include "serverpool.h"
#include "serverstore/fileblobstore.h"
#include "serverstore/sqlofficestore.h"
#include "signalwatcher.h"
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

namespace ms::server {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::Commands)
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
    p.addOption(QCommandLineOption(QStringLiteral("config"), QStringLiteral("config"),
                                   QStringLiteral("file")));
    if (!valueOptions.contains(QStringLiteral("database")))
        p.addOption(QCommandLineOption(QStringLiteral("database"), QStringLiteral("database"),
                                       QStringLiteral("url")));
    // --config FILE: its settings go first, so the command line's own options win.
    QStringList fromFile;
    if (const QString config = configPath(args); !config.isEmpty()) {
        auto settings =
            configArguments(config, valueOptions + QStringList{QStringLiteral("database")}, flags);
        if (!settings) {
            err(settings.error().message);
            return false;
        }
        fromFile = *settings;
    }
    if (!p.parse(QStringList{QStringLiteral("meterswap-office")} + fromFile + args)) {
        err(p.errorText());
        return false;
    }
    if (!p.isSet(QStringLiteral("data"))) {
        err(Tr::tr("需要 --data DIR（服务器数据目录），或在 --config 文件中写 data = DIR"));
        return false;
    }
    return true;
}

Result<std::unique_ptr<SqlOfficeStore>> openStore(const QString &dir, const QString &database)
{
    if (database.isEmpty())
        return SqlOfficeStore::open(dir + QStringLiteral("/office.db"));
    if (!database.startsWith(QLatin1String("postgresql://"))
        && !database.startsWith(QLatin1String("postgres://")))
        return makeError(QStringLiteral("office.bad_database"),
                         Tr::tr("--database 应为 PostgreSQL 数据库地址，例如 "
                                "postgresql://meterswap@127.0.0.1:5432/meterswap；不给 --database "
                                "则使用 --data 目录里的 SQLite 数据库"));
    return SqlOfficeStore::openPostgres(database);
}

Result<Opened> openData(const QCommandLineParser &p, EvidencePack::Mode evidence)
{
    const QString dir = p.value(QStringLiteral("data"));
    if (!QDir().mkpath(dir))
        return makeError(QStringLiteral("office.data_dir"), Tr::tr("无法创建数据目录 %1").arg(dir));
    auto store = openStore(dir, p.value(QStringLiteral("database")));
    if (!store)
        return store.error();
    const QString root = dir + QStringLiteral("/evidence");
    if (evidence == EvidencePack::Mode::Writer && !p.value(QStringLiteral("database")).isEmpty()) {
        // Several servers share the database and this directory: each writes volumes of its own,
        // in the first writer slot (evidence/packs/wN) no running server holds.
        for (int slot = 1; slot <= kMaxEvidenceWriters; ++slot) {
            auto blobs = std::make_unique<FileBlobStore>(root, QStringLiteral("w%1").arg(slot));
            auto ok = blobs->init(evidence);
            if (ok)
                return Opened{std::move(store).value(), std::move(blobs)};
            if (ok.error().code != QLatin1String("pack.busy"))
                return ok.error();
        }
        return makeError(QStringLiteral("pack.busy"),
                         Tr::tr("已有 %1 个服务在写入证据目录 %2；请先停止其中一些。")
                             .arg(kMaxEvidenceWriters)
                             .arg(root));
    }
    auto blobs = std::make_unique<FileBlobStore>(root);
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
                                QStringLiteral("token-file"), QStringLiteral("roles")}))
        return ExitUsage;
    // --roles office_clerk,billing: an office user's token; checked before anything is opened.
    QStringList roles;
    for (const QString &role : p.value(QStringLiteral("roles")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!kOfficeRoles.contains(role.trimmed())) {
            err(Tr::tr("未知的角色“%1”；--roles 可用：%2（用逗号分隔），不给 --roles 则是外勤平板的令牌。")
                    .arg(role.trimmed(), kOfficeRoles.join(QLatin1Char(','))));
            return ExitUsage;
        }
        roles << role.trimmed();
    }
    if (p.isSet(QStringLiteral("roles")) && roles.isEmpty()) {
        err(Tr::tr("--roles 不能为空；可用：%1").arg(kOfficeRoles.join(QLatin1Char(','))));
        return ExitUsage;
    }
    auto data = openData(p);
    if (!data) {
        err(data.error().message);
        return ExitFailed;
    }
    if (sub == QLatin1String("create")) {
        auto token = data->store->createToken(p.value(QStringLiteral("device")),
                                              p.value(QStringLiteral("user")), roles);
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
            const auto tokenArgs = sync::TokenArguments::fromParser(p);
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
    QStringList common; // --assign: every customer of the file besides its own installers
    for (const QString &who : p.value(QStringLiteral("assign")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!common.contains(who.trimmed()) && !who.trimmed().isEmpty())
            common << who.trimmed();
    QStringList assignees = import->assignees; // everyone who gets something of this task
    for (const QString &who : std::as_const(common))
        if (!assignees.contains(who))
            assignees << who;
    QStringList unassigned; // account numbers of customers that go to nobody
    for (const wire::Assignment &c : std::as_const(import->customers))
        if (c.assignees.isEmpty() && common.isEmpty())
            unassigned << c.payload.value(QStringLiteral("account_no")).toString();
    auto data = openData(p);
    if (!data) {
        err(data.error().message);
        return ExitFailed;
    }
    auto summary = data->store->importTask(import->task, import->customers, common);
    if (!summary) {
        err(summary.error().message);
        return ExitFailed;
    }
    const QString taskName = QStringLiteral("%1（%2）").arg(
        import->task.payload.value(QStringLiteral("code")).toString(),
        import->task.payload.value(QStringLiteral("name")).toString());
    const auto listed = [](const QStringList &accounts) {
        return accounts.mid(0, 10).join(QStringLiteral("、"))
            + (accounts.size() > 10 ? QStringLiteral("…") : QString());
    };
    if (assignees.isEmpty())
        err(Tr::tr("警告：任务 %1 没有指派给任何人，没有平板会收到它。请在 installers 列填写安装人员，"
                   "或加 --assign 用户名 后重新导入。")
                .arg(taskName));
    else if (!unassigned.isEmpty())
        err(Tr::tr("警告：任务 %1 中有 %2 户没有指派给任何人（户号 %3），没有平板会收到它们。请在这些行的 "
                   "installers 列填写安装人员，或加 --assign 用户名 后重新导入。")
                .arg(taskName).arg(unassigned.size()).arg(listed(unassigned)));
    if (!summary->customersWithdrawn.isEmpty())
        err(Tr::tr("注意：任务 %1 的 %2 户不在这次导入的文件中，已从原先收到它们的平板撤回（户号 %3）。"
                   "若是误删，把这些行加回文件再导入一次即可。")
                .arg(taskName).arg(summary->customersWithdrawn.size())
                .arg(listed(summary->customersWithdrawn)));
    const QJsonObject o{{QStringLiteral("task_uuid"), summary->taskUuid},
                        {QStringLiteral("task_created"), summary->taskCreated},
                        {QStringLiteral("customers_created"), summary->customersCreated},
                        {QStringLiteral("customers_updated"), summary->customersUpdated},
                        {QStringLiteral("customers_unchanged"), summary->customersUnchanged},
                        {QStringLiteral("customers_withdrawn"),
                         QJsonArray::fromStringList(summary->customersWithdrawn)},
                        {QStringLiteral("unassigned_customers"), QJsonArray::fromStringList(unassigned)},
                        {QStringLiteral("assignees"), QJsonArray::fromStringList(assignees)}};
    out(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
    return ExitOk;
}

int statsCommand(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, {QStringLiteral("data")}, {QStringLiteral("json")}))
        return ExitUsage;
    auto data = openData(p);
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
                            {QStringLiteral("devices"), s->devices},
                            {QStringLiteral("jobs_done"), s->jobsDone},
                            {QStringLiteral("conflicts"), s->conflicts},
                            {QStringLiteral("unassigned_tasks"), s->unassignedTasks}};
        out(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
    } else {
        out(Tr::tr("任务 %1（未指派 %2），客户 %3，工单 %4（完成 %5），记录 %6（冲突 %7），"
                   "证据文件 %8（%9 字节），设备 %10\n")
                .arg(s->tasks).arg(s->unassignedTasks).arg(s->customers).arg(s->jobs)
                .arg(s->jobsDone).arg(s->records).arg(s->conflicts).arg(s->evidenceFiles)
                .arg(s->evidenceBytes).arg(s->devices).toUtf8());
    }
    return ExitOk;
}

int verifyCommand(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, {QStringLiteral("data")}))
        return ExitUsage;
    auto data = openData(p);
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
    // Every device's signed record chain, and every stored record against it.
    auto chains = data->store->verifyRecordChains();
    if (!chains) {
        err(chains.error().message);
        return ExitFailed;
    }
    QJsonArray chainProblems;
    for (const chain::Problem &c : chains->problems) {
        report(c.message);
        chainProblems.append(QJsonObject{{QStringLiteral("code"), c.code},
                                         {QStringLiteral("device"), c.device},
                                         {QStringLiteral("uuid"), c.uuid},
                                         {QStringLiteral("n"), c.n}});
    }
    const QJsonObject o{{QStringLiteral("evidence_files"), recorded->size()},
                        {QStringLiteral("references"), refs->size()},
                        {QStringLiteral("devices"), chains->devices},
                        {QStringLiteral("chain_links"), chains->links},
                        {QStringLiteral("records_checked"), chains->records},
                        {QStringLiteral("unsigned_records"), chains->unsignedRecords},
                        {QStringLiteral("chain_problems"), chainProblems},
                        {QStringLiteral("problems"), problems},
                        {QStringLiteral("ok"), problems == 0}};
    out(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
    return problems == 0 ? ExitOk : ExitFailed;
}

} // namespace ms::server
