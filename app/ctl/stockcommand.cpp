// meterswapctl stock issue|return|show|batch: the warehouse (库房, issue 15) from a terminal,
// against meterswap-office's /api/v1/office/stock (docs/sync-protocol.md "Stock").
#include "commands.h"
#include "officeargs.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QUrlQuery>

namespace ms::ctl {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ctl::Stock)
};

const QString kGroup = QStringLiteral("stock");

// FILE: one asset number (or range FROM-TO) per line; blank lines and "#" comments skipped.
std::optional<QStringList> readNumbers(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        printError(kGroup, Tr::tr("读不了 --meters 文件 %1：%2。请给出每行一个资产编号的文本文件。")
                               .arg(path, file.errorString()));
        return std::nullopt;
    }
    QStringList out;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        const QString n = line.trimmed();
        if (!n.isEmpty() && !n.startsWith(QLatin1Char('#')))
            out << n;
    }
    return out;
}
} // namespace

int stockCommand(const QStringList &args)
{
    OfficeArgs a;
    if (auto rc = parseOfficeArgs(a, kGroup, args,
                                  {QStringLiteral("crew"), QStringLiteral("meters"),
                                   QStringLiteral("seals"), QStringLiteral("batch")}))
        return *rc;
    const QCommandLineParser &p = a.parser;
    const QString crew = p.value(QStringLiteral("crew")).trimmed();
    if (a.sub == QLatin1String("show")) {
        QUrlQuery q;
        if (!crew.isEmpty())
            q.addQueryItem(QStringLiteral("crew"), crew);
        return printAnswer(kGroup, a.client->get(QStringLiteral("office/stock"), q));
    }
    if (a.sub == QLatin1String("batch")) {
        const QString batch = p.value(QStringLiteral("batch")).trimmed();
        if (batch.isEmpty()) {
            QUrlQuery q;
            if (!crew.isEmpty())
                q.addQueryItem(QStringLiteral("crew"), crew);
            return printAnswer(kGroup, a.client->get(QStringLiteral("office/stock/batches"), q));
        }
        return printAnswer(kGroup, a.client->get(QStringLiteral("office/stock/batches/") + batch));
    }
    if (a.sub != QLatin1String("issue") && a.sub != QLatin1String("return")) {
        printError(kGroup, Tr::tr("用法：stock issue|return|show|batch --server URL --token T …"));
        return ExitUsage;
    }
    const bool issue = a.sub == QLatin1String("issue");
    if (issue && crew.isEmpty()) {
        printError(kGroup, Tr::tr("issue 需要 --crew 班组（任务上写的施工班组名）"));
        return ExitUsage;
    }
    if (!p.isSet(QStringLiteral("meters")) && !p.isSet(QStringLiteral("seals"))) {
        printError(kGroup, Tr::tr("需要 --meters 文件（每行一个资产编号）和/或 --seals 起号-止号"));
        return ExitUsage;
    }
    QStringList meters;
    if (p.isSet(QStringLiteral("meters"))) {
        auto read = readNumbers(p.value(QStringLiteral("meters")));
        if (!read)
            return ExitFailed;
        meters = *read;
    }
    QJsonObject body{
        {QStringLiteral("request_uuid"), sync::OfficeClient::newDecisionUuid()},
        {QStringLiteral("meters"), QJsonArray::fromStringList(meters)},
        {QStringLiteral("seals"), QJsonArray::fromStringList(p.values(QStringLiteral("seals")))}};
    if (issue)
        body.insert(QStringLiteral("crew"), crew);
    return printAnswer(kGroup, a.client->post(issue ? QStringLiteral("office/stock/issue")
                                                    : QStringLiteral("office/stock/return"),
                                              body));
}

} // namespace ms::ctl
