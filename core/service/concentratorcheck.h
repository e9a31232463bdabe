#pragma once
// The meters a task installed, as the concentrator checks (flows 37.2, 38.1) compare them: each
// job of the task that has started and whose new meter has a communication address, with the
// new meter's protocol and its start reading (起码: the latest new_start_total of 21.4 / 24.3, or
// replacement_start_total of 43.1). Read in one snapshot.
//
//   auto task = ms::concentratorTask(store, "");          // the only task, or an error
//   auto meters = ms::installedMeters(store, task->id);   // Result<QList<meter::InstalledMeter>>
#include "meter/concentrator/archivecheck.h"
#include "model/result.h"
#include "model/types.h"

namespace ms {

class Store;

// The task by uuid or code; "" = the tablet's only task ("concentrator.task_ambiguous" when it
// holds several, "store.not_found" when none matches).
Result<Task> concentratorTask(Store &store, const QString &uuidOrCode);
Result<QList<meter::InstalledMeter>> installedMeters(Store &store, RowId taskId);

} // namespace ms
