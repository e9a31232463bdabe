#pragma once
// What a form is filled with: plain values by auto-fill path, list rows for the table forms,
// captured signature images, and what a person typed on screen. FormContextBuilder fills one
// from the store; tests and the on-screen form can fill one by hand.
//
// Auto-fill paths (the `source` of fields and columns in forms/appendix/*.json):
//   unit.name unit.station unit.phone unit.contractor          供电单位 (settings)
//   doc.date doc.year doc.serial doc.date_range                  printed date, number
//   task.code task.name task.area task.area_name task.area_code task.address task.crew
//   task.leader task.leader_phone task.crew_members task.crew_size task.planned_start
//   task.planned_end task.customer_count task.done_count task.mismatch_count
//   customer.account_no customer.name customer.address customer.phone customer.meter_box_no
//   customer.payment customer.mismatch
//   old_meter.* new_meter.*: asset_no comm_address model protocol
//   reading.old.* reading.new.*: forward_total forward_t1..t4 reverse_total remaining_energy
//   remaining_money mechanical_register remaining (energy or money, with unit)
//   seal.meter_cover seal.terminal_cover seal.box seal.removed
//   job.status job.started_at job.finished_at job.appointment_at job.first_visit_at
//   job.installer job.reason
//   purchase.cumulative_kwh purchase.last_date purchase.count purchase.exported_at
//   purchase.exported_by
//   mismatch.difference mismatch.tier mismatch.reason mismatch.electronic_consumption
//   mismatch.register_advance
//   card.number card.id_last4 card.issued_at card.receiver  concentrator.asset_no old_asset_no
//   location mounting comm sim master_ip master_port apn region_code terminal_address seal count
//   success_rate  notice.collect_time collect_place documents outage_minutes work_hours
//   meter.ct_ratio meter.multiplier meter.old_reading_basis   (from what the cards recorded: see
//   report/cardvalues.h); meter.ct ("150/5（倍率 30）", from the two)
//   signature.<signer>               (an image, in signatures)
//   row.index row.material row.quantity row.return_reason row.state   (table rows only)
// A value nobody knows yet prints as a blank line to be written by hand.
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

namespace ms {

struct FormField;

struct FormSignature
{
    QImage image;  // transparent or white background, ink dark
    QDateTime at;  // when it was signed
    QString name;  // who signed, when known
};

// One row of a list form (a customer of the task, or a task).
struct FormRow
{
    QHash<QString, QString> values;
    QHash<QString, FormSignature> signatures; // "customer" → image, for signature columns
    QStringList tags; // for table filters: swapped | mismatch | appointment | prepaid
};

struct FormContext
{
    QHash<QString, QString> values;            // path → printed text
    QHash<QString, QList<FormRow>> lists;      // "customers", "tasks"
    QHash<QString, FormSignature> signatures;  // signer → signature
    QHash<QString, QString> entries;           // field key → typed on screen (wins over values)

    QString value(const QString &path) const { return values.value(path); }
    // What prints for a field: typed entry, else the auto-filled value, else the field's default.
    QString fieldValue(const FormField &field) const;
    // True when the value came from the app (not typed, not a default).
    bool isAutoFilled(const FormField &field) const;
    // Replaces {path} placeholders; unknown ones become a blank line "＿＿＿＿".
    QString expand(const QString &text) const;
};

// The documented auto-fill vocabulary above, for validating forms/appendix.
bool isKnownFormSource(const QString &path);

} // namespace ms
