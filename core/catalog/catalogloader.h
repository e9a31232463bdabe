#pragma once
// Reads a catalog folder (forms/ layout, see forms/README.md) from disk or from the built-in
// resources (":/forms", linked in by the target meterswap_forms), and validates it.
// Every problem is collected — nothing throws, nothing stops at the first error — and reported as
// `file: card id: field: message`.
#include "catalog/catalog.h"
#include "model/result.h"

#include <QList>
#include <QString>

namespace ms {

struct CatalogProblem
{
    QString file;    // relative to the catalog root: "catalog.json", "cards/21.json"
    QString cardId;  // "21.4", or "" when the problem is not about one card
    QString field;   // JSON path inside the card/file: "evidence[2].plausible", "next[0].to"
    QString message; // what is wrong and what to do, in the UI language
    QString toString() const; // "cards/21.json: 21.4: evidence[2].plausible: …"
};

// What loading produced: the best catalog that could be built (cards with problems are still
// included as far as they could be read), and every problem found.
struct CatalogLoad
{
    Catalog catalog;
    QList<CatalogProblem> problems;
    bool ok() const { return problems.isEmpty(); }
};

class CatalogLoader
{
public:
    // The catalog compiled into the program (requires linking meterswap_forms).
    static QString builtInRoot() { return QStringLiteral(":/forms"); }

    // Read and validate the folder `root` (a directory or ":/forms").
    static CatalogLoad load(const QString &root);

    // Read and validate; an error (code "catalog.invalid") that lists the problems if any.
    static Result<Catalog> loadStrict(const QString &root);
};

} // namespace ms
