#pragma once
// The meters a task installed, as the concentrator checks (flows 37.2, 38.1) compare them: each
// job of the task whose new meter has a communication address and that has started or has the
// new meter's start reading recorded, with the
// new meter's protocol and its start reading (起码: the latest new_start_total of 21.4 / 24.3, or
// replacement_start_total of 43.1). Read in one snapshot.
//
//   auto task = ms::concentratorTask(store, "");          // the only task, or an error
//   auto meters = ms::installedMeters(store, task->id);   // Result<QList<meter::InstalledMeter>>
#include "meter/concentrator/archivecheck.h"
#include "model/result.h"
#include "model/types.h"
#include "service/jobsession.h"

namespace ms {

class Store;

// The task by uuid or code; "" = the tablet's only task ("concentrator.task_ambiguous" when it
// holds several, "store.not_found" when none matches).
Result<Task> concentratorTask(Store &store, const QString &uuidOrCode);
Result<QList<meter::InstalledMeter>> installedMeters(Store &store, RowId taskId);

// The concentrator's parameter sheet (参数单) as the task's 36.x evidence holds it (typed once,
// or saved from an earlier read over the port); empty fields where nothing was recorded.
struct ConcentratorSheet
{
    QString masterIp;   // 36.1 master_ip
    QString backupIp;   // 36.1 backup_ip
    int masterPort = 0; // 36.2 master_port (the backup uses the same port unless typed)
    QString apn;        // 36.3 apn
    QString area;       // 36.4 region_code, 4 digits
    int terminal = 0;   // 36.5 terminal_address
};
ConcentratorSheet concentratorSheetOf(const QList<Evidence> &evidence);

// What a read-back answers on cards 36.1–36.5, for JobSession::addPortValues.
QList<PortValue> portValuesOf(const gdw1376::MasterStation &master,
                              const std::optional<gdw1376::LogicalAddress> &logical);

} // namespace ms
