// meterswapctl stock issue|return|show|batch|print: the warehouse (库房, issue 15) from a terminal,
// against meterswap-office's /api/v1/office/stock (docs/sync-protocol.md "Stock").
#include "commands.h"
#include "officeargs.h"

#include "catalog/catalogloader.h"
#include "report/formrenderer.h"
#include "report/formspec.h"
#include "report/stockforms.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
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
// stock print --batch UUID --form 6|7|24 --out F.pdf: the movement's form, from the office's data.
int printBatch(OfficeArgs &a)
{
    const QCommandLineParser &p = a.parser;
    const QString batch = p.value(QStringLiteral("batch")).trimmed();
    const int number = p.value(QStringLiteral("form")).toInt();
    const QString out = p.value(QStringLiteral("out"));
    if (batch.isEmpty() || out.isEmpty() || (number != 6 && number != 7 && number != 24)) {
        printError(kGroup, Tr::tr("print 需要 --batch 单号、--form "
                                  "6|7|24（流转单、领料单、退料单）和 --out 文件.pdf"));
        return ExitUsage;
    }
    auto answer = a.client->get(QStringLiteral("office/stock/batches/") + batch);
    if (!answer) {
        printError(kGroup, answer.error().message);
        return ExitFailed;
    }
    StockSheet sheet{answer->value(QStringLiteral("uuid")).toString(),
                     answer->value(QStringLiteral("kind")).toString(),
                     answer->value(QStringLiteral("crew")).toString(),
                     answer->value(QStringLiteral("by")).toString(),
                     answer->value(QStringLiteral("at")).toString(),
                     {}};
    for (const QJsonValue &v : answer->value(QStringLiteral("lines")).toArray()) {
        const QJsonObject l = v.toObject();
        sheet.lines << StockSheetLine{l.value(QStringLiteral("kind")).toString(),
                                      l.value(QStringLiteral("number")).toString(),
                                      l.value(QStringLiteral("crew")).toString(),
                                      l.value(QStringLiteral("account_no")).toString()};
    }
    if ((number == 24) != (sheet.kind == QLatin1String("return"))) {
        printError(
            kGroup,
            sheet.kind == QLatin1String("return")
                ? Tr::tr("单号 %1 是入库（退料）单，请用 --form 24。").arg(batch)
                : Tr::tr("单号 %1 是出库单，请用 --form 7（领料单）或 6（流转单）。").arg(batch));
        return ExitUsage;
    }
    auto library = FormLibrary::load(CatalogLoader::builtInRoot());
    if (!library) {
        printError(kGroup, library.error().message);
        return ExitFailed;
    }
    const FormSpec *form = library->form(number);
    auto info = FormRenderer::writePdf(*form, stockFormContext(number, sheet), out);
    if (!info) {
        printError(kGroup, info.error().message);
        return ExitFailed;
    }
    return printAnswer(kGroup,
                       QJsonObject{{QStringLiteral("appendix"), number},
                                   {QStringLiteral("title"), form->title},
                                   {QStringLiteral("file"), QFileInfo(out).absoluteFilePath()},
                                   {QStringLiteral("pages"), info->pages}});
}
} // namespace

int stockCommand(const QStringList &args)
{
    OfficeArgs a;
    if (auto rc = parseOfficeArgs(a, kGroup, args,
                                  {QStringLiteral("crew"), QStringLiteral("meters"),
                                   QStringLiteral("seals"), QStringLiteral("batch"),
                                   QStringLiteral("form"), QStringLiteral("out")}))
        return *rc;
    const QCommandLineParser &p = a.parser;
    const QString crew = p.value(QStringLiteral("crew")).trimmed();
    if (a.sub == QLatin1String("show")) {
        QUrlQuery q;
        if (!crew.isEmpty())
            q.addQueryItem(QStringLiteral("crew"), crew);
        return printAnswer(kGroup, a.client->get(QStringLiteral("office/stock"), q));
    }
    if (a.sub == QLatin1String("print"))
        return printBatch(a);
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
        printError(kGroup,
                   Tr::tr("用法：stock issue|return|show|batch|print --server URL --token T …"));
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
