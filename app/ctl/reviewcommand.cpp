// meterswapctl review queue|show|approve|send-back: the office clerk's review (31.1) from a
// terminal, against meterswap-office's /api/v1/office/ (docs/sync-protocol.md "Office API").
#include "commands.h"
#include "officeargs.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrlQuery>

namespace ms::ctl {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ctl::Review)
};

const QString kGroup = QStringLiteral("review");
} // namespace

int reviewCommand(const QStringList &args)
{
    OfficeArgs a;
    if (auto rc = parseOfficeArgs(a, kGroup, args,
                                  {QStringLiteral("job"), QStringLiteral("reason"),
                                   QStringLiteral("item"), QStringLiteral("task"),
                                   QStringLiteral("crew"), QStringLiteral("from"),
                                   QStringLiteral("to"), QStringLiteral("limit"),
                                   QStringLiteral("after")}))
        return *rc;
    const QCommandLineParser &p = a.parser;
    const QString job = p.value(QStringLiteral("job"));
    if (a.sub == QLatin1String("queue")) {
        QUrlQuery q;
        for (const char *name : {"task", "crew", "from", "to", "limit", "after"})
            if (p.isSet(QLatin1String(name)))
                q.addQueryItem(QLatin1String(name), p.value(QLatin1String(name)));
        return printAnswer(kGroup, a.client->get(QStringLiteral("office/review/queue"), q));
    }
    if (a.sub != QLatin1String("show") && a.sub != QLatin1String("approve")
        && a.sub != QLatin1String("send-back")) {
        printError(kGroup, Tr::tr("用法：review queue|show|approve|send-back --server URL --token T …"));
        return ExitUsage;
    }
    if (job.isEmpty()) {
        printError(kGroup, Tr::tr("需要 --job UUID（工单编号，见 review queue）"));
        return ExitUsage;
    }
    const QString path = QStringLiteral("office/jobs/") + job;
    if (a.sub == QLatin1String("show"))
        return printAnswer(kGroup, a.client->get(path));
    QJsonObject body{{QStringLiteral("decision_uuid"), sync::OfficeClient::newDecisionUuid()}};
    if (a.sub == QLatin1String("approve"))
        return printAnswer(kGroup, a.client->post(path + QStringLiteral("/approve"), body));
    // send-back: --item CARD:KEY (one or more) and --reason TEXT (for every item)
    const QStringList items = p.values(QStringLiteral("item"));
    const QString reason = p.value(QStringLiteral("reason")).trimmed();
    if (items.isEmpty() || reason.isEmpty()) {
        printError(kGroup, Tr::tr("send-back 需要至少一个 --item 卡片:要求项（如 21.4:new_meter_installed）"
                                  "和 --reason 原因"));
        return ExitUsage;
    }
    QJsonArray list;
    for (const QString &item : items) {
        const qsizetype colon = item.indexOf(QLatin1Char(':'));
        if (colon <= 0 || colon == item.size() - 1) {
            printError(kGroup, Tr::tr("--item 应为 卡片:要求项，例如 21.4:new_meter_installed（收到“%1”）")
                                   .arg(item));
            return ExitUsage;
        }
        list.append(QJsonObject{{QStringLiteral("card"), item.left(colon)},
                                {QStringLiteral("requirement"), item.mid(colon + 1)},
                                {QStringLiteral("reason"), reason}});
    }
    body.insert(QStringLiteral("items"), list);
    return printAnswer(kGroup, a.client->post(path + QStringLiteral("/send-back"), body));
}

} // namespace ms::ctl
