#pragma once
// A filled-in context as the store would give for one job in a task, for render tests.
#include "report/formcontext.h"

#include <QPainter>
#include <QPainterPath>

namespace ms::test {

inline QImage scribble(QColor ink = QColor(20, 30, 120))
{
    QImage img(600, 200, QImage::Format_ARGB32);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(ink, 9, Qt::SolidLine, Qt::RoundCap));
    QPainterPath path(QPointF(30, 150));
    path.cubicTo(120, 10, 200, 190, 300, 80);
    path.cubicTo(380, 10, 450, 190, 570, 60);
    p.drawPath(path);
    return img;
}

inline const QString kAccount = QStringLiteral("3100123456");
inline const QString kOldAsset = QStringLiteral("1100000000001234567890");
inline const QString kNewAsset = QStringLiteral("1100000000009876543210");

inline FormRow customerRow(const QString &account, const QString &name, const QString &oldAsset,
                           const QString &newAsset, QStringList tags)
{
    FormRow r;
    r.values = {{QStringLiteral("customer.account_no"), account},
                {QStringLiteral("customer.name"), name},
                {QStringLiteral("customer.address"), QStringLiteral("安贞里3号楼2单元101")},
                {QStringLiteral("customer.phone"), QStringLiteral("13800138000")},
                {QStringLiteral("old_meter.asset_no"), oldAsset},
                {QStringLiteral("old_meter.model"), QStringLiteral("DDSY102")},
                {QStringLiteral("new_meter.asset_no"), newAsset},
                {QStringLiteral("purchase.cumulative_kwh"), QStringLiteral("4210.00")},
                {QStringLiteral("purchase.last_date"), QStringLiteral("2026-09-30")},
                {QStringLiteral("purchase.count"), QStringLiteral("23")},
                {QStringLiteral("reading.old.mechanical_register"), QStringLiteral("4388.60")},
                {QStringLiteral("reading.old.remaining_energy"), QStringLiteral("35.40")},
                {QStringLiteral("mismatch.difference"), QStringLiteral("214.00")},
                {QStringLiteral("mismatch.tier"), QStringLiteral("正差三档")},
                {QStringLiteral("job.first_visit_at"), QStringLiteral("2026-11-02 09:30")},
                {QStringLiteral("job.appointment_at"), QStringLiteral("2026-11-05 18:00")},
                {QStringLiteral("job.finished_at"), QStringLiteral("2026-11-05 18:20")},
                {QStringLiteral("job.installer"), QStringLiteral("李师傅")},
                {QStringLiteral("row.material"), QStringLiteral("拆回旧表")},
                {QStringLiteral("row.quantity"), QStringLiteral("1")},
                {QStringLiteral("row.return_reason"), QStringLiteral("拆回旧表")}};
    r.tags = tags;
    r.signatures.insert(QStringLiteral("customer"), FormSignature{scribble(), {}, {}});
    return r;
}

inline FormContext sampleContext()
{
    FormContext c;
    c.values = {{QStringLiteral("unit.name"), QStringLiteral("国网北京市电力公司城区供电中心")},
                {QStringLiteral("unit.phone"), QStringLiteral("010-63129999")},
                {QStringLiteral("doc.date"), QStringLiteral("2026-11-05")},
                {QStringLiteral("doc.year"), QStringLiteral("2026")},
                {QStringLiteral("doc.serial"), QStringLiteral("RW2026-018-3100123456")},
                {QStringLiteral("task.name"), QStringLiteral("安贞里3号楼台区智能表更换")},
                {QStringLiteral("task.area"), QStringLiteral("安贞里3号楼台区 / TQ-0231")},
                {QStringLiteral("task.address"), QStringLiteral("朝阳区安贞里3号楼")},
                {QStringLiteral("task.crew"), QStringLiteral("城区二班")},
                {QStringLiteral("task.leader"), QStringLiteral("王建国")},
                {QStringLiteral("task.planned_start"), QStringLiteral("2026-11-02")},
                {QStringLiteral("task.planned_end"), QStringLiteral("2026-11-08")},
                {QStringLiteral("task.customer_count"), QStringLiteral("3")},
                {QStringLiteral("customer.account_no"), kAccount},
                {QStringLiteral("customer.name"), QStringLiteral("张秀兰")},
                {QStringLiteral("customer.address"), QStringLiteral("朝阳区安贞里3号楼2单元101")},
                {QStringLiteral("customer.phone"), QStringLiteral("13800138000")},
                {QStringLiteral("customer.meter_box_no"), QStringLiteral("B03-05")},
                {QStringLiteral("customer.payment"), QStringLiteral("预付费")},
                {QStringLiteral("old_meter.asset_no"), kOldAsset},
                {QStringLiteral("old_meter.model"), QStringLiteral("DDSY102")},
                {QStringLiteral("new_meter.asset_no"), kNewAsset},
                {QStringLiteral("new_meter.comm_address"), QStringLiteral("009876543210")},
                {QStringLiteral("reading.old.forward_total"), QStringLiteral("4388.60")},
                {QStringLiteral("reading.old.mechanical_register"), QStringLiteral("4388.60")},
                {QStringLiteral("reading.old.remaining"), QStringLiteral("35.40 kWh")},
                {QStringLiteral("reading.new.forward_total"), QStringLiteral("0.00")},
                {QStringLiteral("seal.meter_cover"), QStringLiteral("BJ20261105001")},
                {QStringLiteral("seal.box"), QStringLiteral("BJ20261105003")},
                {QStringLiteral("job.finished_at"), QStringLiteral("2026-11-05 18:20")},
                {QStringLiteral("job.installer"), QStringLiteral("李师傅")},
                {QStringLiteral("job.reason"), QStringLiteral("批量轮换")}};
    c.lists.insert(QStringLiteral("customers"),
                   {customerRow(kAccount, QStringLiteral("张秀兰"), kOldAsset, kNewAsset,
                                {QStringLiteral("swapped"), QStringLiteral("appointment"),
                                 QStringLiteral("mismatch"), QStringLiteral("prepaid")}),
                    customerRow(QStringLiteral("3100123457"), QStringLiteral("刘强"),
                                QStringLiteral("1100000000001234567891"), QString(), {})});
    // 附录24's lines: what the swapped jobs send back (the first customer's old meter)
    c.lists.insert(QStringLiteral("returns"), {c.lists.value(QStringLiteral("customers")).first()});
    FormRow task;
    task.values = {{QStringLiteral("task.area"), c.values.value(QStringLiteral("task.area"))},
                   {QStringLiteral("task.address"), c.values.value(QStringLiteral("task.address"))},
                   {QStringLiteral("task.customer_count"), QStringLiteral("3")},
                   {QStringLiteral("task.crew"), QStringLiteral("城区二班")}};
    c.lists.insert(QStringLiteral("tasks"), {task});
    c.signatures.insert(QStringLiteral("installer"),
                        FormSignature{scribble(), QDateTime(QDate(2026, 11, 5), QTime(18, 21)),
                                      QStringLiteral("李师傅")});
    c.signatures.insert(QStringLiteral("customer"),
                        FormSignature{scribble(QColor(0, 0, 0)), QDateTime(QDate(2026, 11, 5), QTime(18, 22)),
                                      QString()});
    return c;
}

} // namespace ms::test
