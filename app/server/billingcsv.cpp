#include "billingcsv.h"

namespace ms::server {

namespace {
QString field(const QString &value)
{
    // A leading =, +, - or @ would make a spreadsheet run it as a formula; a quote keeps it text.
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front())
        && !(v.size() > 1 && (v.at(1).isDigit() || v.at(1) == QLatin1Char('.'))))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n'))
        || v.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return v;
}
} // namespace

QStringList billingCsvHeader()
{
    return {QStringLiteral("batch"),
            QStringLiteral("account_no"),
            QStringLiteral("customer_name"),
            QStringLiteral("payment"),
            QStringLiteral("old_asset_no"),
            QStringLiteral("old_reading_total"),
            QStringLiteral("old_reading_t1"),
            QStringLiteral("old_reading_t2"),
            QStringLiteral("old_reading_t3"),
            QStringLiteral("old_reading_t4"),
            QStringLiteral("new_asset_no"),
            QStringLiteral("new_reading_total"),
            QStringLiteral("mismatch"),
            QStringLiteral("mismatch_difference_kwh"),
            QStringLiteral("mismatch_tier"),
            QStringLiteral("prepaid_balance"),
            QStringLiteral("task_code"),
            QStringLiteral("area_name"),
            QStringLiteral("crew"),
            QStringLiteral("swapped_at"),
            QStringLiteral("approved_by"),
            QStringLiteral("approved_at"),
            QStringLiteral("confirmed_by"),
            QStringLiteral("confirmed_at"),
            QStringLiteral("job_uuid"),
            QStringLiteral("prepaid_balance_unit"),
            QStringLiteral("ct_ratio"),
            QStringLiteral("multiplier"),
            QStringLiteral("old_reading_source"),
            QStringLiteral("old_reading_note")};
}

QByteArray billingCsv(const ExportResult &batch)
{
    QByteArray out("\xEF\xBB\xBF"); // BOM
    out += billingCsvHeader().join(QLatin1Char(',')).toUtf8() + "\r\n";
    for (const BillingRow &r : batch.rows) {
        const QJsonObject &c = r.head.customer;
        const QStringList row{batch.batch,
                              c.value(QStringLiteral("account_no")).toString(),
                              c.value(QStringLiteral("name")).toString(),
                              c.value(QStringLiteral("payment")).toString(),
                              r.oldAssetNo,
                              r.oldTotal,
                              r.oldTariffs.value(0),
                              r.oldTariffs.value(1),
                              r.oldTariffs.value(2),
                              r.oldTariffs.value(3),
                              r.newAssetNo,
                              r.newTotal,
                              c.value(QStringLiteral("mismatch")).toBool() ? QStringLiteral("1")
                                                                           : QStringLiteral("0"),
                              r.mismatchDifference,
                              r.mismatchTier,
                              r.prepaidBalance,
                              r.head.task.value(QStringLiteral("code")).toString(),
                              r.head.task.value(QStringLiteral("area_name")).toString(),
                              r.head.crew,
                              r.head.finishedAt.isEmpty() ? r.head.submittedAt : r.head.finishedAt,
                              r.approvedBy,
                              r.approvedAt,
                              r.confirmedBy,
                              r.confirmedAt,
                              r.head.uuid,
                              r.balanceUnit,
                              r.ctRatio,
                              r.multiplier,
                              r.oldReadingSource,
                              r.oldReadingNote};
        QStringList fields;
        for (const QString &v : row)
            fields << field(v);
        out += fields.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    return out;
}

} // namespace ms::server
