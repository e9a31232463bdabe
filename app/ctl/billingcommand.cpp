// meterswapctl billing queue|confirm|send-back|export: the billing check (33.1) and the export
// for the marketing system (docs/billing-export.md) from a terminal.
#include "commands.h"
#include "officeargs.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSaveFile>

namespace ms::ctl {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ctl::Billing)
};

const QString kGroup = QStringLiteral("billing");
} // namespace

int billingCommand(const QStringList &args)
{
    OfficeArgs a;
    if (auto rc = parseOfficeArgs(a, kGroup, args,
                                  {QStringLiteral("job"), QStringLiteral("reason"),
                                   QStringLiteral("out"), QStringLiteral("batch")}))
        return *rc;
    const QCommandLineParser &p = a.parser;
    const QString job = p.value(QStringLiteral("job"));
    const QJsonObject decision{{QStringLiteral("decision_uuid"), sync::OfficeClient::newDecisionUuid()}};
    if (a.sub == QLatin1String("queue"))
        return printAnswer(kGroup, a.client->get(QStringLiteral("office/billing/queue")));
    if (a.sub == QLatin1String("exports"))
        return printAnswer(kGroup, a.client->get(QStringLiteral("office/billing/exports")));
    if (a.sub == QLatin1String("confirm") || a.sub == QLatin1String("send-back")) {
        if (job.isEmpty()) {
            printError(kGroup, Tr::tr("需要 --job UUID（工单编号，见 billing queue）"));
            return ExitUsage;
        }
        const QString path = QStringLiteral("office/jobs/") + job;
        if (a.sub == QLatin1String("confirm"))
            return printAnswer(kGroup, a.client->post(path + QStringLiteral("/billing-confirm"), decision));
        const QString reason = p.value(QStringLiteral("reason")).trimmed();
        if (reason.isEmpty()) {
            printError(kGroup, Tr::tr("send-back 需要 --reason 原因（内勤会看到它）"));
            return ExitUsage;
        }
        QJsonObject body = decision;
        body.insert(QStringLiteral("reason"), reason);
        return printAnswer(kGroup, a.client->post(path + QStringLiteral("/billing-send-back"), body));
    }
    if (a.sub == QLatin1String("export")) {
        const QString out = p.value(QStringLiteral("out"));
        if (out.isEmpty()) {
            printError(kGroup, Tr::tr("export 需要 --out 文件.csv"));
            return ExitUsage;
        }
        const QString batch = p.value(QStringLiteral("batch"));
        auto reply = a.client->postRaw(
            QStringLiteral("office/billing/export"),
            QJsonObject{{QStringLiteral("batch"), batch.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                  : QJsonValue(batch)}});
        if (!reply) {
            printError(kGroup, reply.error().message);
            return ExitFailed;
        }
        QSaveFile file(out);
        if (!file.open(QIODevice::WriteOnly) || file.write(reply->body) != reply->body.size()
            || !file.commit()) {
            printError(kGroup, Tr::tr("无法写入 %1；导出已在办公室登记，可用 --batch 批次号 重新导出。").arg(out));
            return ExitFailed;
        }
        // The batch is the first column of every row; rows end in CRLF after the header.
        const QList<QByteArray> lines = reply->body.split('\n');
        int rows = 0;
        QString exported;
        for (qsizetype i = 1; i < lines.size(); ++i)
            if (!lines.at(i).trimmed().isEmpty()) {
                ++rows;
                exported = QString::fromUtf8(lines.at(i).left(lines.at(i).indexOf(',')));
            }
        const QJsonObject o{{QStringLiteral("file"), out},
                            {QStringLiteral("batch"), rows ? QJsonValue(exported) : QJsonValue(QJsonValue::Null)},
                            {QStringLiteral("count"), rows},
                            {QStringLiteral("reexport"), !batch.isEmpty()}};
        if (rows == 0)
            printError(kGroup, Tr::tr("没有新的已确认工单可导出；文件只有表头。"));
        return printAnswer(kGroup, o);
    }
    printError(kGroup, Tr::tr("用法：billing queue|confirm|send-back|export|exports --server URL --token T …"));
    return ExitUsage;
}

} // namespace ms::ctl
