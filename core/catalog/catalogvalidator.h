#pragma once
// Checks that need the whole catalog at once: every card a flow lists is defined, edges point at
// existing cards, decisions where a card has several edges, every card reachable from `entry`,
// every role/phase/flow reference known. Field-level checks happen while reading (CatalogLoader).
#include "catalog/catalog.h"
#include "catalog/catalogloader.h"

#include <QList>

namespace ms {

class CatalogValidator
{
public:
    // `root` (optional) is the catalog folder, to check that illustration files exist.
    static QList<CatalogProblem> validate(const Catalog &catalog, const QString &root = {});
};

} // namespace ms
