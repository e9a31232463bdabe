#include "commands.h"

#include "catalog/catalogloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace ms::ctl {

namespace {

int usage(QTextStream &err)
{
    err << "usage: meterswapctl catalog validate [DIR]\n"
           "       meterswapctl catalog list [--json] [DIR]\n"
           "DIR is a catalog folder (forms/ layout); without it the built-in catalog is used.\n";
    return ExitUsage;
}

int validate(const QString &root, QTextStream &out, QTextStream &err)
{
    const CatalogLoad load = CatalogLoader::load(root);
    for (const CatalogProblem &p : load.problems)
        out << p.toString() << '\n';
    if (!load.ok()) {
        err << "catalog " << root << ": " << load.problems.size() << " problem(s)\n";
        return ExitFailed;
    }
    err << "catalog " << root << ": ok, " << load.catalog.cards.size() << " cards in "
        << load.catalog.flows.size() << " flows\n";
    return ExitOk;
}

int list(const QString &root, bool json, QTextStream &out, QTextStream &err)
{
    const CatalogLoad load = CatalogLoader::load(root);
    if (load.catalog.flows.isEmpty()) {
        for (const CatalogProblem &p : load.problems)
            err << p.toString() << '\n';
        err << "catalog " << root << ": cannot be read; run 'meterswapctl catalog validate'\n";
        return ExitFailed;
    }
    if (!load.ok())
        err << "catalog " << root << ": " << load.problems.size()
            << " problem(s); listing what could be read (see 'catalog validate')\n";
    QJsonArray cards;
    for (const Card &c : load.catalog.cards) {
        const Phase *phase = load.catalog.phaseOfFlow(c.flow);
        QJsonObject o{{QStringLiteral("id"), c.id},
                      {QStringLiteral("flow"), c.flow},
                      {QStringLiteral("phase"), phase ? phase->id : QString()},
                      {QStringLiteral("role"), c.role},
                      {QStringLiteral("title"), c.title},
                      {QStringLiteral("source"), c.source},
                      {QStringLiteral("steps"), c.steps.size()},
                      {QStringLiteral("checkpoints"), c.checkpoints.size()},
                      {QStringLiteral("precautions"), c.precautions.size()},
                      {QStringLiteral("evidence"), c.evidence.size()}};
        if (json)
            cards.append(o);
        else
            out << c.id << '\t' << c.role << '\t' << c.title << '\t' << c.steps.size() << " steps, "
                << c.evidence.size() << " evidence\n";
    }
    if (json)
        out << QJsonDocument(cards).toJson(QJsonDocument::Indented);
    return ExitOk;
}

} // namespace

int catalogCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.isEmpty())
        return usage(err);
    const QString sub = args.first();
    QStringList rest = args.mid(1);
    bool json = false;
    if (sub == QLatin1String("list") && rest.contains(QStringLiteral("--json"))) {
        json = true;
        rest.removeAll(QStringLiteral("--json"));
    }
    for (const QString &a : std::as_const(rest))
        if (a.startsWith(QLatin1Char('-'))) {
            err << "meterswapctl catalog: unknown option '" << a << "'\n";
            return usage(err);
        }
    if (rest.size() > 1)
        return usage(err);
    const QString root = rest.isEmpty() ? CatalogLoader::builtInRoot() : rest.first();
    if (sub == QLatin1String("validate"))
        return validate(root, out, err);
    if (sub == QLatin1String("list"))
        return list(root, json, out, err);
    err << "meterswapctl catalog: unknown subcommand '" << sub << "'\n";
    return usage(err);
}

} // namespace ms::ctl
