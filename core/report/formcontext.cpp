#include "report/formcontext.h"

#include "report/formspec.h"

#include <QRegularExpression>

namespace ms {

QString FormContext::fieldValue(const FormField &field) const
{
    const auto typed = entries.constFind(field.key);
    if (typed != entries.constEnd())
        return *typed;
    if (!field.source.isEmpty()) {
        const QString v = values.value(field.source);
        if (!v.isEmpty())
            return v;
    }
    return field.defaultText;
}

bool FormContext::isAutoFilled(const FormField &field) const
{
    return !entries.contains(field.key) && !field.source.isEmpty()
        && !values.value(field.source).isEmpty();
}

QString FormContext::expand(const QString &text) const
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([a-z_]+(?:\\.[a-z0-9_]+)+)\\}"));
    QString out;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const QString v = values.value(m.captured(1));
        out += v.isEmpty() ? QStringLiteral("＿＿＿＿＿＿") : v;
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

bool isKnownFormSource(const QString &path)
{
    static const QStringList exact{QStringLiteral("unit.name"),
                                   QStringLiteral("unit.station"),
                                   QStringLiteral("unit.phone"),
                                   QStringLiteral("unit.contractor"),
                                   QStringLiteral("doc.date"),
                                   QStringLiteral("doc.year"),
                                   QStringLiteral("doc.serial"),
                                   QStringLiteral("doc.number"),
                                   QStringLiteral("doc.date_range"),
                                   QStringLiteral("task.code"),
                                   QStringLiteral("task.name"),
                                   QStringLiteral("task.area"),
                                   QStringLiteral("task.area_name"),
                                   QStringLiteral("task.area_code"),
                                   QStringLiteral("task.address"),
                                   QStringLiteral("task.crew"),
                                   QStringLiteral("task.leader"),
                                   QStringLiteral("task.leader_phone"),
                                   QStringLiteral("task.crew_members"),
                                   QStringLiteral("task.crew_size"),
                                   QStringLiteral("task.planned_start"),
                                   QStringLiteral("task.planned_end"),
                                   QStringLiteral("task.customer_count"),
                                   QStringLiteral("task.done_count"),
                                   QStringLiteral("task.mismatch_count"),
                                   QStringLiteral("customer.account_no"),
                                   QStringLiteral("customer.name"),
                                   QStringLiteral("customer.address"),
                                   QStringLiteral("customer.phone"),
                                   QStringLiteral("customer.meter_box_no"),
                                   QStringLiteral("customer.payment"),
                                   QStringLiteral("customer.mismatch"),
                                   QStringLiteral("seal.meter_cover"),
                                   QStringLiteral("seal.terminal_cover"),
                                   QStringLiteral("seal.box"),
                                   QStringLiteral("seal.removed"),
                                   QStringLiteral("job.status"),
                                   QStringLiteral("job.started_at"),
                                   QStringLiteral("job.finished_at"),
                                   QStringLiteral("job.appointment_at"),
                                   QStringLiteral("job.first_visit_at"),
                                   QStringLiteral("job.installer"),
                                   QStringLiteral("job.reason"),
                                   QStringLiteral("purchase.cumulative_kwh"),
                                   QStringLiteral("purchase.last_date"),
                                   QStringLiteral("purchase.count"),
                                   QStringLiteral("purchase.exported_at"),
                                   QStringLiteral("purchase.exported_by"),
                                   QStringLiteral("mismatch.difference"),
                                   QStringLiteral("mismatch.tier"),
                                   QStringLiteral("mismatch.reason"),
                                   QStringLiteral("mismatch.electronic_consumption"),
                                   QStringLiteral("mismatch.register_advance"),
                                   QStringLiteral("row.index"),
                                   QStringLiteral("row.material"),
                                   QStringLiteral("row.quantity"),
                                   QStringLiteral("row.return_reason"),
                                   QStringLiteral("row.state"),
                                   QStringLiteral("row.work_content"),
                                   QStringLiteral("meter.ct_ratio"),
                                   QStringLiteral("meter.multiplier"),
                                   QStringLiteral("meter.ct"),
                                   QStringLiteral("meter.old_reading_basis")};
    if (exact.contains(path))
        return true;
    static const QRegularExpression patterns(QStringLiteral(
        "^((old_meter|new_meter)\\.(asset_no|comm_address|model|protocol)"
        "|reading\\.(old|new)\\.(forward_total|forward_t[1-4]|reverse_total|remaining_energy"
        "|remaining_money|mechanical_register|remaining)"
        "|(concentrator|notice|card|signature)\\.[a-z0-9_]+)$"));
    return patterns.match(path).hasMatch();
}

} // namespace ms
