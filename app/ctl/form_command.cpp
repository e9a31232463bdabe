// meterswapctl form: the appendix forms from a terminal.
//   form pdf NUMBER (--job ID | --task ID) --out FILE [--data DIR] [--catalog DIR] [--date YYYY-MM-DD]
//       prints what the store knows plus what was typed and saved on the form's screen
//       (FormEntryRepository); static forms (publicity material) need neither --job nor --task.
//   form list
//   form mismatch --task ID [--data DIR]     (7.1/7.2: compute, tier and flag every customer)
#include "commands.h"

#include "catalog/catalogloader.h"
#include "report/formcontextbuilder.h"
#include "report/formrenderer.h"
#include "report/formspec.h"
#include "report/mismatchregister.h"
#include "store/store.h"
#include "workflow/mismatch.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace ms::ctl {

namespace {
void err(const QString &message)
{
    std::fprintf(stderr, "meterswapctl form: %s\n", qPrintable(message));
}

void json(const QJsonObject &o)
{
    std::fprintf(stdout, "%s\n", QJsonDocument(o).toJson(QJsonDocument::Indented).constData());
}

QString option(const QStringList &args, const QString &name)
{
    const qsizetype i = args.indexOf(name);
    if (i >= 0 && i + 1 < args.size())
        return args.at(i + 1);
    for (const QString &a : args)
        if (a.startsWith(name + QLatin1Char('=')))
            return a.mid(name.size() + 1);
    return {};
}

int usage()
{
    err(QStringLiteral("usage: form pdf NUMBER (--job ID | --task ID; neither for static forms) --out FILE [--data DIR] "
                       "[--catalog DIR] [--date YYYY-MM-DD] | form list | form mismatch --task ID [--data DIR]"));
    return ExitUsage;
}

RowId idOption(const QStringList &args, const QString &name, bool *bad)
{
    const QString v = option(args, name);
    if (v.isEmpty())
        return 0;
    bool ok = false;
    const RowId id = v.toLongLong(&ok);
    if (!ok || id <= 0) {
        err(QStringLiteral("%1 %2: expected a positive record number").arg(name, v));
        *bad = true;
    }
    return id;
}

std::unique_ptr<Store> openStore(const QStringList &args)
{
    StoreOptions options;
    options.dataDir = Store::dataDirFromArguments(args);
    auto opened = Store::open(options);
    if (!opened) {
        err(opened.error().message);
        return nullptr;
    }
    if (!opened.value()->openNotice().message.isEmpty())
        err(opened.value()->openNotice().message);
    return std::move(opened).value();
}

int listForms(const QString &root)
{
    auto lib = FormLibrary::load(root);
    if (!lib) {
        err(lib.error().message);
        return ExitFailed;
    }
    QJsonArray forms;
    for (const FormSpec &f : lib->forms())
        forms.append(QJsonObject{{QStringLiteral("number"), f.number}, {QStringLiteral("title"), f.title},
                                 {QStringLiteral("scope"), f.scope},
                                 {QStringLiteral("orientation"), f.landscape ? QStringLiteral("landscape")
                                                                             : QStringLiteral("portrait")}});
    json({{QStringLiteral("forms"), forms}});
    return ExitOk;
}

int mismatch(const QStringList &args, const QString &root)
{
    bool bad = false;
    const RowId task = idOption(args, QStringLiteral("--task"), &bad);
    if (bad || task == 0)
        return usage();
    auto config = MismatchConfig::load(root + QStringLiteral("/config/mismatch-tiers.json"));
    if (!config) {
        err(config.error().message);
        return ExitFailed;
    }
    auto store = openStore(args);
    if (!store)
        return ExitFailed;
    const CatalogLoad catalog = CatalogLoader::load(root);
    const MismatchCalculator calc(config.value());
    MismatchRegister reg(*store, calc, &catalog.catalog);
    auto summary = reg.assessTask(task);
    if (!summary) {
        err(summary.error().message);
        return ExitFailed;
    }
    QJsonArray rows;
    for (const MismatchOutcome &o : summary->outcomes) {
        QJsonObject r{{QStringLiteral("account_no"), o.accountNo}};
        if (o.result) {
            r.insert(QStringLiteral("difference_kwh"), o.result->difference);
            r.insert(QStringLiteral("tier"), o.result->tier.id);
            r.insert(QStringLiteral("flagged"), o.flagged());
        } else {
            r.insert(QStringLiteral("problem"), o.problem.code);
            err(o.problem.message);
        }
        rows.append(r);
    }
    json({{QStringLiteral("customers"), rows}, {QStringLiteral("flagged"), summary->flagged},
          {QStringLiteral("consistent"), summary->consistent},
          {QStringLiteral("needs_purchase_record"), summary->needsPurchaseRecord},
          {QStringLiteral("needs_readings"), summary->needsReadings}});
    return ExitOk;
}

int pdf(const QStringList &args, const QString &root)
{
    if (args.size() < 2)
        return usage();
    bool ok = false;
    const int number = args.at(1).toInt(&ok);
    if (!ok || number < 1 || number > 31) {
        err(QStringLiteral("appendix number '%1': expected 1 to 31 (see 'meterswapctl form list')").arg(args.at(1)));
        return ExitUsage;
    }
    bool bad = false;
    const RowId job = idOption(args, QStringLiteral("--job"), &bad);
    const RowId task = idOption(args, QStringLiteral("--task"), &bad);
    const QString out = option(args, QStringLiteral("--out"));
    if (bad || out.isEmpty())
        return usage();
    auto lib = FormLibrary::load(root);
    if (!lib) {
        err(lib.error().message);
        return ExitFailed;
    }
    const FormSpec *form = lib->form(number);
    if (job == 0 && task == 0 && form->scope != QLatin1String("static"))
        return usage();
    auto store = openStore(args);
    if (!store)
        return ExitFailed;
    const CatalogLoad catalog = CatalogLoader::load(root);
    auto tiers = MismatchConfig::load(root + QStringLiteral("/config/mismatch-tiers.json"));
    FormContextBuilder builder(*store, &catalog.catalog, tiers ? &tiers.value() : nullptr);
    const QString date = option(args, QStringLiteral("--date"));
    if (!date.isEmpty()) {
        const QDate d = QDate::fromString(date, Qt::ISODate);
        if (!d.isValid()) {
            err(QStringLiteral("--date %1: expected YYYY-MM-DD").arg(date));
            return ExitUsage;
        }
        builder.setDate(d);
    }
    auto ctx = builder.forForm(*form, job, task);
    if (!ctx) {
        err(ctx.error().message);
        return ctx.error().code == QLatin1String("report.needs_job")
                || ctx.error().code == QLatin1String("report.needs_task") ? ExitUsage : ExitFailed;
    }
    auto info = FormRenderer::writePdf(*form, ctx.value(), out);
    if (!info) {
        err(info.error().message);
        return ExitFailed;
    }
    for (const QString &w : info->warnings)
        err(w);
    json({{QStringLiteral("appendix"), number}, {QStringLiteral("title"), form->title},
          {QStringLiteral("file"), QFileInfo(out).absoluteFilePath()},
          {QStringLiteral("pages"), info->pages}, {QStringLiteral("font"), info->fontFamily},
          {QStringLiteral("typed_fields"), int(ctx->entries.size())},
          {QStringLiteral("warnings"), QJsonArray::fromStringList(info->warnings)}});
    return ExitOk;
}
} // namespace

int formCommand(const QStringList &args)
{
    if (args.isEmpty())
        return usage();
    QString root = option(args, QStringLiteral("--catalog"));
    if (root.isEmpty())
        root = CatalogLoader::builtInRoot();
    const QString sub = args.first();
    if (sub == QLatin1String("list"))
        return listForms(root);
    if (sub == QLatin1String("mismatch"))
        return mismatch(args, root);
    if (sub == QLatin1String("pdf"))
        return pdf(args, root);
    return usage();
}

} // namespace ms::ctl
