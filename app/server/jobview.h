#pragma once
// The JSON the office API answers for a job (docs/sync-protocol.md "Office API"): its head as the
// queues list it, its whole picture with cards, readings, seals, evidence, automatic findings and
// history, and its billing figures; and the check of send-back items against the catalog.
#include "serverstore/officejobstore.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace ms {
class Catalog;
}

namespace ms::server {

QJsonObject queueJobJson(const JobHead &head);
QJsonObject billingJson(const BillingRow &row);
// hasThumb(sha256): whether a thumbnail can be shown for that evidence file.
QJsonObject jobPageJson(const JobPicture &job, const Catalog &catalog,
                        const std::function<bool(const QString &)> &hasThumb);
// What the clerk should look at (code, card, requirement, message).
QJsonArray findings(const JobPicture &job, const Catalog &catalog);
// Send-back items [{"card", "requirement", "reason"}]: each card must be a job card of the
// catalog with that requirement key, each reason non-empty; "review.bad_item" names the first
// that is not. Returns the items trimmed, duplicates dropped.
Result<QJsonArray> checkSendBackItems(const QJsonArray &items, const Catalog &catalog);

} // namespace ms::server
