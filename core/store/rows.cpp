#include "store/rows.h"

#include "store/recordjson.h"

#include <QJsonDocument>

namespace ms::rows {

const char *const kCustomerColumns =
    "c.id, c.uuid, c.task_id, c.account_no, c.name, c.address, c.phone, c.meter_box_no, "
    "c.payment, c.old_asset_no, c.old_comm_address, c.old_model, c.old_protocol, "
    "c.new_asset_no, c.new_comm_address, c.new_model, c.new_protocol, c.last_billed_reading, "
    "c.mismatch_flag, c.version, c.updated_at";

const char *const kJobColumns =
    "j.id, j.uuid, j.task_id, j.customer_id, j.status, j.current_card, j.branches, "
    "j.appointment_at, j.started_at, j.finished_at, j.version, j.updated_at, j.submission, "
    "j.submitted_at";

Customer customerFrom(const Statement &q, int i)
{
    Customer c;
    c.id = q.integer(i + 0);
    c.uuid = q.text(i + 1);
    c.taskId = q.integer(i + 2);
    c.accountNo = q.text(i + 3);
    c.name = q.text(i + 4);
    c.address = q.text(i + 5);
    c.phone = q.text(i + 6);
    c.meterBoxNo = q.text(i + 7);
    c.payment = q.text(i + 8) == QLatin1String("prepaid") ? PaymentType::Prepaid
                                                          : PaymentType::Postpaid;
    c.oldMeter = {q.text(i + 9), q.text(i + 10), q.text(i + 11), q.text(i + 12)};
    c.newMeter = {q.text(i + 13), q.text(i + 14), q.text(i + 15), q.text(i + 16)};
    if (!q.isNull(i + 17))
        c.lastBilledReading = q.real(i + 17);
    c.mismatchFlag = q.integer(i + 18) != 0;
    c.version = int(q.integer(i + 19));
    return c;
}

Job jobFrom(const Statement &q, int i)
{
    Job j;
    j.id = q.integer(i + 0);
    j.uuid = q.text(i + 1);
    j.taskId = q.integer(i + 2);
    j.customerId = q.integer(i + 3);
    j.status = jobStatusFromKey(q.text(i + 4)).value_or(JobStatus::NotStarted);
    j.currentCard = q.text(i + 5);
    j.branches = QJsonDocument::fromJson(q.text(i + 6).toUtf8()).object();
    j.appointmentAt = json::parseTime(q.text(i + 7));
    j.startedAt = json::parseTime(q.text(i + 8));
    j.finishedAt = json::parseTime(q.text(i + 9));
    j.version = int(q.integer(i + 10));
    j.submission = int(q.integer(i + 12));
    j.submittedAt = json::parseTime(q.text(i + 13));
    return j;
}

QString searchText(const Customer &c)
{
    return QStringList{c.accountNo, c.name, c.address, c.meterBoxNo, c.oldMeter.assetNo,
                       c.oldMeter.commAddress, c.newMeter.assetNo, c.newMeter.commAddress}
        .join(QLatin1Char(' '))
        .toLower();
}

QString paymentKey(PaymentType p)
{
    return p == PaymentType::Prepaid ? QStringLiteral("prepaid") : QStringLiteral("postpaid");
}

} // namespace ms::rows
