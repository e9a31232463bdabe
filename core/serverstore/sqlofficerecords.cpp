// SqlOfficeStore: conflicting records kept beside the one the office holds
// (docs/sync-protocol.md, "Who may write a record").
#include "serverstore/sqlofficestore.h"

#include "serverstore/sqlconnection.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace ms::server {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ms::server::SqlOfficeStore", text);
}

QString now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString compact(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QString sha256(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}
} // namespace

Result<wire::PushResult> SqlOfficeStore::conflict(const DeviceToken &from, const OutboxEntry &r,
                                                  const HeldRecord &held, const QStringList &fields)
{
    const QString payload = compact(r.payload);
    auto st = m_db->prepare(QStringLiteral(
        "INSERT INTO record_conflicts(uuid, entity, version, op, payload, "
        "payload_sha256, blobs, fields, device, user, held_device, held_version, received_at) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    s.bindText(1, r.uuid).bindText(2, r.entity).bindInt(3, r.version).bindText(4, r.op);
    s.bindText(5, payload).bindText(6, sha256(payload));
    s.bindText(7, compact(r.blobs)).bindText(8, compact(fields));
    s.bindText(9, from.device).bindText(10, from.user).bindText(11, held.device);
    s.bindInt(12, held.version).bindText(13, now());
    if (auto ok = s.run(); !ok)
        return ok.error();
    const QString what = fields.join(QStringLiteral("、"));
    const QString reason = held.device == from.device
        ? tr("办公室已收到本记录第 %1 版的另一份内容，不同之处：%2。两份都已保存；请联系办公室核对，"
             "本机的这一条会一直保留到办公室处理完。")
              .arg(r.version).arg(what)
        : tr("设备 %1 已修改过同一%2，不同之处：%3。两份修改都已保存，谁的都没有丢；请联系办公室核对，"
             "本机的修改会一直保留到办公室处理完。")
              .arg(held.device,
                   r.entity == QLatin1String("task") ? tr("任务") : tr("客户"), what);
    return wire::PushResult{r.seq, r.uuid, r.version, wire::PushStatus::Conflict,
                      QStringLiteral("record.conflict"), reason, fields};
}

} // namespace ms::server
