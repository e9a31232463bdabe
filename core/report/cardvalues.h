#pragma once
// The auto-fill values that come from what the manual's cards recorded (evidence values and
// decision choices), as opposed to the task list, the meters or the purchase records:
//   card.number       购电卡号            34.3 card_number, else 34.4 readback_card_no
//   card.id_last4     领卡人身份证后四位   35.1 id_last4, else 35.3 id_last4
//   card.issued_at    发卡日期            date 35.1 card_handed_over / 35.3 card_collected was
//   answered yes concentrator.asset_no         19.1 concentrator_barcode, 27.5 / 36.1
//   concentrator_asset concentrator.location         2.4 location_text concentrator.mounting 2.4
//   decision (surface 明装 / concealed 暗装), else 4.1 / 4.2 recorded
//   concentrator.comm             36.2 transport
//   concentrator.sim              36.3 sim_iccid, 19.1 sim_iccid
//   concentrator.master_ip 36.1 master_ip; .master_port 36.2; .apn 36.3; .region_code 36.4;
//   concentrator.terminal_address 36.5; concentrator.seal 19.1 concentrator_seals + 28.4
//   concentrator_box_seal (all, joined); concentrator.assets every distinct asset number of
//   19.1 / 27.5 / 36.1, joined; concentrator.remote_read_ok 38.1 remote_read_ok (per job; the
//   task form counts them: concentrator.read_success_rate, and concentrator.count the assets)
// The concentrator cards are task-level (scope "task"): their records belong to the task
// (fromTask), and a job's records of them (made before task-level cards were recorded on the
// task) only fill what the task has not recorded (preferTask).
//   card.receiver     领卡人姓名          35.1 / 35.3 receiver_name
//   notice.collect_time, .collect_place, .documents  34.2 collect_time, collect_place,
//                     collect_documents (领卡通知, appendices 11 and 12)
//   notice.outage_minutes, .work_hours  10.2 outage_minutes, work_hours (换表通知, appendix 13)
//   concentrator.old_asset_no     19.1 old_concentrator_asset (a replaced concentrator)
//   concentrator.count, .success_rate  39.1 concentrator_count, station_success_rate (appendix 22;
//                     without 39.1 the form context counts the assets and 38.1's reads)
//   meter.ct_ratio, .multiplier  21.3 ct_ratio, ct_multiplier (CT-connected meter, appendices 8/9)
//   meter.old_reading_basis      21.3 old_reading_basis (dead display: how the 止码 was obtained)
// Nothing recorded: the field stays blank for a hand or the form screen.
#include "model/types.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ms {

struct RecordedValue
{
    QString text;
    QDateTime at;  // when it was recorded (the latest capture it is made of)
    int rank = 0;  // 0 = the preferred card; higher = a fallback card
};

using RecordedValues = QHash<QString, RecordedValue>; // auto-fill path → value

class CardValues
{
public:
    // From one job's current (not superseded) evidence and its branch choices (card id →
    // {"choice": …}, as JobRepository::recordBranch stores them).
    static RecordedValues fromJob(const QList<Evidence> &evidence, const QJsonObject &branches);

    // From a task's own records (task-level cards): its evidence (Evidence::taskId) and its cards'
    // choices, card id → {"choice": …, "at": ISO time} (TaskCardRepository).
    static RecordedValues fromTask(const QList<Evidence> &evidence, const QJsonObject &choices);

    // What the task recorded replaces what its jobs recorded for the same path; the jobs' values
    // stay where the task has none.
    static void preferTask(RecordedValues &fromJobs, const RecordedValues &fromTask);

    // Adds `from` to `into`: a preferred card's value beats a fallback's, then the later record.
    static void merge(RecordedValues &into, const RecordedValues &from);

    // Every (card, requirement) the table reads, "19.1/concentrator_barcode", to check against
    // the catalog.
    static QStringList requirementsRead();
    // Every auto-fill path the table can fill.
    static QStringList paths();
};

} // namespace ms
