#pragma once
// What `meterswapctl job list / job show` print, read from the store (issue 14 §7): each job with
// its state (contract: not_started … submitted, sent_back, resubmitted, approved), and for one job
// its round, reviews, the sent-back items and its current evidence. JSON, for scripts and tests.
//
//   auto jobs = ms::jobListJson(store);                       // [{"uuid", "state", …}, …]
//   auto one = ms::jobShowJson(store, catalog, workflow, uuid); // "store.not_found" if unknown
#include "model/result.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ms {

class Catalog;
class Store;
class Workflow;

// [{"uuid", "account_no", "customer_name", "state", "crew", "task_uuid", "submission",
//   "old_meter": {"asset_no", "comm_address", "protocol"}, "new_meter": {…the same}}, …] in the
//   job list's order.
Result<QJsonArray> jobListJson(Store &store);
// {"uuid", "state", "status", "current_card", "account_no", "customer_name", "crew", "task",
//  "submission", "submitted_at", "old_meter", "new_meter",
//  "sent_back": [{"card", "requirement", "reason", "label", "redone"}],
//  "reviews": [{"uuid", "submission", "decision", "by", "at", "items"}],
//  "evidence": [{"uuid", "card", "requirement", "kind", "sha256", "value", "captured_at"}]}
Result<QJsonObject> jobShowJson(Store &store, const Catalog &catalog, const Workflow &workflow,
                                const QString &jobUuid);

} // namespace ms
