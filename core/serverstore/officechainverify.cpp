// OfficeChainLog::verify(): `meterswap-office verify` walks every device's record chain and checks
// every stored record against the hash its device signed.
#include "serverstore/officechainlog.h"

#include "serverstore/sqlconnection.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace ms::server {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::ChainLog)
};

chain::Problem problem(const QString &code, const QString &device, const QString &uuid, qint64 n,
                       const QString &message)
{
    return chain::Problem{code, device, uuid, n, 0, message};
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}
} // namespace

Result<ChainAudit> OfficeChainLog::verify()
{
    ChainAudit audit;
    for (auto step : {&OfficeChainLog::walkChains, &OfficeChainLog::checkRecords,
                      &OfficeChainLog::findDeletedRecords})
        if (auto ok = (this->*step)(audit); !ok)
            return ok.error();
    return audit;
}

// Each device's log from its anchor to its head: no position missing, each link follows the one
// before, hashes to what it names and carries the device's signature.
Result<void> OfficeChainLog::walkChains(ChainAudit &audit)
{
    auto keys = m_db.prepare(QStringLiteral(
        "SELECT id, public_key, device, anchor_n, anchor_prev, head_n, head_link FROM device_keys "
        "ORDER BY id"));
    auto links = m_db.prepare(QStringLiteral(
        "SELECT n, prev, link, signature, record_hash, uuid FROM record_chain WHERE key_id = ? "
        "ORDER BY n"));
    auto orphans = m_db.prepare(QStringLiteral("SELECT key_id, count(*) FROM record_chain WHERE "
                                               "key_id NOT IN (SELECT id FROM device_keys) "
                                               "GROUP BY key_id"));
    if (!keys || !links || !orphans)
        return m_db.lastError(QStringLiteral("verify chains"));
    while (keys.value().step()) {
        const SqlStatement &k = keys.value();
        ++audit.devices;
        const qint64 keyId = k.integer(0);
        const QByteArray publicKey = QByteArray::fromHex(k.text(1).toLatin1());
        const QString device = k.text(2);
        const qint64 headN = k.integer(5);
        qint64 expected = k.integer(3);
        QString expectedPrev = k.text(4);
        SqlStatement &l = links.value();
        l.reset();
        l.bindInt(1, keyId);
        while (l.step()) {
            ++audit.links;
            const ChainLink link{l.integer(0), l.text(1), l.text(2), l.text(3)};
            const QString uuid = l.text(5);
            if (link.n != expected)
                audit.problems << problem(QStringLiteral("chain.gap"), device, uuid, link.n,
                                          Tr::tr("设备 %1 的记录链第 %2–%3 位不在办公室的记录链日志中（在记录 %4 之前）：被删除过。")
                                              .arg(device).arg(expected).arg(link.n - 1).arg(uuid));
            else if (link.prev != expectedPrev)
                audit.problems << problem(QStringLiteral("chain.broken"), device, uuid, link.n,
                                          Tr::tr("设备 %1 的记录 %2（第 %3 位）没有接在前一条之后：记录链日志被改动过。")
                                              .arg(device, uuid).arg(link.n));
            switch (chain::checkLink(link, QByteArray::fromHex(l.text(4).toLatin1()), publicKey)) {
            case chain::LinkFault::None: break;
            case chain::LinkFault::Unsigned:
            case chain::LinkFault::Malformed:
            case chain::LinkFault::ContentMismatch:
                audit.problems << problem(QStringLiteral("chain.altered"), device, uuid, link.n,
                                          Tr::tr("设备 %1 的记录 %2（第 %3 位）在记录链日志中的哈希或链接被改动过。")
                                              .arg(device, uuid).arg(link.n));
                break;
            case chain::LinkFault::BadSignature:
                audit.problems << problem(
                    QStringLiteral("chain.bad_signature"), device, uuid, link.n,
                    Tr::tr("设备 %1 的记录 %2（第 %3 位）的签名不是该设备密钥签的。")
                        .arg(device, uuid)
                        .arg(link.n));
                break;
            }
            expected = link.n + 1;
            expectedPrev = link.link;
        }
        if (l.failed())
            return l.error();
        if (headN > 0 && expected - 1 < headN)
            audit.problems << problem(QStringLiteral("chain.truncated"), device, {}, expected,
                                      Tr::tr("设备 %1 的记录链最新的第 %2–%3 位不在办公室的记录链日志中：被删除过。")
                                          .arg(device).arg(expected).arg(headN));
        else if (headN > 0 && expectedPrev != k.text(6))
            audit.problems << problem(QStringLiteral("chain.head"), device, {}, headN,
                                      Tr::tr("设备 %1 的记录链末端与办公室记下的不符：最新的记录被替换过。").arg(device));
    }
    if (keys.value().failed())
        return keys.value().error();
    while (orphans.value().step())
        audit.problems << problem(
            QStringLiteral("chain.orphan"), {}, {}, 0,
            Tr::tr(
                "记录链日志中有 %1 条记录属于一个已不存在的设备密钥（编号 %2）：设备密钥被删除过。")
                .arg(orphans.value().integer(1))
                .arg(orphans.value().integer(0)));
    return {};
}

// Each stored record against what its device signed at that uuid and version; records stored
// before the office checked chains against the copy taken then.
Result<void> OfficeChainLog::checkRecords(ChainAudit &audit)
{
    auto records = m_db.prepare(QStringLiteral(
        "SELECT r.uuid, r.entity, r.version, r.op, r.payload, r.device, "
        " (SELECT group_concat(b.sha256) FROM record_blobs b WHERE b.record_uuid = r.uuid) "
        "FROM records r ORDER BY r.device, r.uuid"));
    auto signedHashes = m_db.prepare(
        QStringLiteral("SELECT record_hash FROM record_chain WHERE uuid = ? AND version = ?"));
    auto legacy = m_db.prepare(
        QStringLiteral("SELECT payload FROM unsigned_records WHERE uuid = ? AND version = ?"));
    if (!records || !signedHashes || !legacy)
        return m_db.lastError(QStringLiteral("verify records"));
    while (records.value().step()) {
        const SqlStatement &r = records.value();
        ++audit.records;
        const QString uuid = r.text(0);
        const int version = int(r.integer(2));
        const QJsonObject payload = parseObject(r.text(4));
        const QString device = r.text(5);
        const QStringList blobs =
            r.isNull(6) ? QStringList() : r.text(6).split(QLatin1Char(','), Qt::SkipEmptyParts);
        const QString hash = QString::fromLatin1(
            chain::recordHash(r.text(1), uuid, version, r.text(3), payload, blobs).toHex());
        SqlStatement &s = signedHashes.value();
        s.reset();
        s.bindText(1, uuid).bindInt(2, version);
        bool signedAtAll = false;
        bool matches = false;
        while (s.step()) {
            signedAtAll = true;
            matches = matches || s.text(0) == hash;
        }
        if (s.failed())
            return s.error();
        if (matches)
            continue;
        if (signedAtAll) {
            audit.problems << problem(QStringLiteral("record.altered"), device, uuid, 0,
                                      Tr::tr("记录 %1（设备 %2，第 %3 版）的内容与设备签名时不同：在办公室被改动过。")
                                          .arg(uuid, device).arg(version));
            continue;
        }
        SqlStatement &old = legacy.value();
        old.reset();
        old.bindText(1, uuid).bindInt(2, version);
        if (old.step() &&
            chain::canonicalJson(parseObject(old.text(0))) == chain::canonicalJson(payload)) {
            ++audit.unsignedRecords;
            continue;
        }
        audit.problems << problem(QStringLiteral("record.unsigned"), device, uuid, 0,
                                  Tr::tr("记录 %1（设备 %2，第 %3 版）不在任何设备的记录链中：在办公室被添加或改动过。")
                                      .arg(uuid, device).arg(version));
    }
    if (records.value().failed())
        return records.value().error();
    return {};
}

// A record the office acknowledged must still be there (at that version or newer).
Result<void> OfficeChainLog::findDeletedRecords(ChainAudit &audit)
{
    auto gone = m_db.prepare(QStringLiteral(
        "SELECT c.uuid, c.version, c.n, coalesce(k.device, '') FROM record_chain c "
        "LEFT JOIN device_keys k ON k.id = c.key_id "
        "WHERE c.status IN ('stored', 'duplicate', 'stale') AND NOT EXISTS "
        " (SELECT 1 FROM records r WHERE r.uuid = c.uuid AND r.version >= c.version) "
        "ORDER BY c.key_id, c.n"));
    if (!gone)
        return gone.error();
    while (gone.value().step()) {
        const SqlStatement &g = gone.value();
        audit.problems << problem(QStringLiteral("record.deleted"), g.text(3), g.text(0),
                                  g.integer(2),
                                  Tr::tr("记录 %1（设备 %2，第 %3 版，记录链第 %4 "
                                         "位）已被办公室确认收到，现在却不见了：被删除过。")
                                      .arg(g.text(0), g.text(3))
                                      .arg(g.integer(1))
                                      .arg(g.integer(2)));
    }
    if (gone.value().failed())
        return gone.value().error();
    return {};
}

} // namespace ms::server
