#include "serverstore/officechainlog.h"

#include "serverstore/sqlconnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace ms::server {

const char *const OfficeChainLog::kMigrationSql = R"sql(
ALTER TABLE tokens ADD COLUMN device_key TEXT;   -- hex Ed25519 public key, bound at first use
CREATE TABLE device_keys(
  id INTEGER PRIMARY KEY,
  public_key TEXT NOT NULL UNIQUE,
  device TEXT NOT NULL,                  -- the device name of the token that presented it first
  bound_at TEXT NOT NULL,
  anchor_n INTEGER NOT NULL DEFAULT 0,   -- the first position the office holds (0: none yet)
  anchor_prev TEXT NOT NULL DEFAULT '',
  head_n INTEGER NOT NULL DEFAULT 0,     -- the newest position the office holds
  head_link TEXT NOT NULL DEFAULT '');
CREATE TABLE record_chain(
  key_id INTEGER NOT NULL REFERENCES device_keys(id),
  n INTEGER NOT NULL,
  prev TEXT NOT NULL,
  link TEXT NOT NULL,
  signature TEXT NOT NULL,
  record_hash TEXT NOT NULL,
  uuid TEXT NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL,                  -- outcome of the latest push of this record
  received_at TEXT NOT NULL,
  PRIMARY KEY(key_id, n)) WITHOUT ROWID;
CREATE INDEX record_chain_record ON record_chain(uuid, version);
-- Records stored before the office checked chains: kept as they were, so verify can tell an
-- old unsigned record from one altered or slipped in later.
CREATE TABLE unsigned_records(
  uuid TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  payload TEXT NOT NULL);
INSERT INTO unsigned_records(uuid, version, payload) SELECT uuid, version, payload FROM records;
)sql";

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::ChainLog)
};

QString now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

// A null QString binds as NULL; the NOT NULL text columns take "".
QString nn(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

wire::PushResult refused(const OutboxEntry &r, const QString &code, const QString &reason)
{
    return wire::PushResult{r.seq, r.uuid, r.version, wire::PushStatus::Refused, code, reason};
}

} // namespace

OfficeChainLog::OfficeChainLog(SqlConnection &db) : m_db(db) {}

Result<void> OfficeChainLog::bindKey(const DeviceToken &token, const QString &publicKeyHex)
{
    if (!chain::isHex(publicKeyHex, SigningKey::kPublicKeyBytes))
        return makeError(QStringLiteral("sync.bad_device_key"),
                         Tr::tr("设备公钥应为 64 位小写十六进制（Ed25519）；请更新平板上的应用。"));
    auto bound = boundKey(token.id);
    if (!bound)
        return bound.error();
    if (!bound->has_value()) {
        SqlTransaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        auto key = m_db.prepare(
            QStringLiteral("INSERT INTO device_keys(public_key, device, bound_at) VALUES(?,?,?) "
                           "ON CONFLICT DO NOTHING"));
        auto tok = m_db.prepare(QStringLiteral(
            "UPDATE tokens SET device_key = ? WHERE id = ? AND device_key IS NULL"));
        if (!key || !tok)
            return m_db.lastError(QStringLiteral("bind device key"));
        key.value().bindText(1, publicKeyHex).bindText(2, token.device).bindText(3, now());
        tok.value().bindText(1, publicKeyHex).bindInt(2, token.id);
        if (auto r = key.value().run(); !r)
            return r;
        if (auto r = tok.value().run(); !r)
            return r;
        if (auto r = tx.commit(); !r)
            return r;
        bound = boundKey(token.id); // another worker may have bound a key first
        if (!bound)
            return bound.error();
    }
    if (!bound->has_value() || (*bound)->publicKey != publicKeyHex)
        return makeError(QStringLiteral("auth.device_key_mismatch"),
                         Tr::tr("此令牌已绑定另一台设备的签名密钥：令牌被别的设备用过，或本机数据已重建。"
                                "请办公室为本机重新发放令牌（meterswap-office token create）。"));
    return {};
}

Result<std::optional<OfficeChainLog::BoundKey>> OfficeChainLog::boundKey(qint64 tokenId)
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT k.id, k.public_key, k.device FROM tokens t JOIN device_keys k "
        "ON k.public_key = t.device_key WHERE t.id = ?"));
    if (!st)
        return st.error();
    st.value().bindInt(1, tokenId);
    if (!st.value().step()) {
        if (st.value().failed())
            return st.value().error();
        return std::optional<BoundKey>();
    }
    return std::optional<BoundKey>(
        BoundKey{st.value().integer(0), st.value().text(1), st.value().text(2)});
}

Result<OfficeChainLog::Batch> OfficeChainLog::read(const std::optional<BoundKey> &key,
                                                   const QList<OutboxEntry> &records)
{
    Batch b;
    b.key = key;
    if (!key)
        return b;
    QJsonArray positions;
    for (const OutboxEntry &r : records)
        if (r.chain.n > 0)
            positions.append(r.chain.n);
    auto held =
        m_db.prepare(QStringLiteral("SELECT n, link FROM record_chain WHERE key_id = ?1 AND n")
                     + m_db.inList(2, SqlColumn::Integer));
    auto head = m_db.prepare(QStringLiteral(
        "SELECT anchor_n, anchor_prev, head_n, head_link FROM device_keys WHERE id = ?"));
    if (!held || !head)
        return m_db.lastError(QStringLiteral("read record chain"));
    held.value().bindInt(1, key->id).bindText(2, SqlConnection::jsonRows(positions));
    while (held.value().step())
        b.links.insert(held.value().integer(0), held.value().text(1));
    if (held.value().failed())
        return held.value().error();
    head.value().bindInt(1, key->id);
    if (!head.value().step())
        return head.value().failed() ? head.value().error()
                                     : m_db.lastError(QStringLiteral("chain head"));
    b.anchorN = head.value().integer(0);
    b.anchorPrev = head.value().text(1);
    b.headN = head.value().integer(2);
    b.headLink = head.value().text(3);
    return b;
}

OfficeChainLog::Admission OfficeChainLog::admit(const Batch &b, const OutboxEntry &r)
{
    Admission a;
    auto refuse = [&](const QString &code, const QString &reason) {
        a.refusal = refused(r, code, reason);
        return a;
    };
    if (r.chain.n == 0)
        return refuse(QStringLiteral("sync.unsigned_record"),
                      Tr::tr("记录 %1 没有设备签名，办公室不接收。请把平板上的应用更新到最新版本。").arg(r.uuid));
    if (!b.key)
        return refuse(QStringLiteral("sync.no_device_key"),
                      Tr::tr("办公室还不知道本机的签名公钥（它随每次请求发送）。请把平板上的应用更新到最新版本。"));
    a.keyId = b.key->id;
    a.recordHash = chain::recordHash(r); // once: the log keeps it too (note)
    switch (
        chain::checkLink(r.chain, a.recordHash, QByteArray::fromHex(b.key->publicKey.toLatin1()))) {
    case chain::LinkFault::None: break;
    case chain::LinkFault::Unsigned:
    case chain::LinkFault::Malformed:
    case chain::LinkFault::ContentMismatch:
        return refuse(QStringLiteral("sync.bad_link"),
                      Tr::tr("记录 %1（记录链第 %2 位）的内容与它的链接不符：记录在平板上或传输中被改动过。"
                             "请在平板上运行 meterswapctl verify 并联系技术支持。")
                          .arg(r.uuid).arg(r.chain.n));
    case chain::LinkFault::BadSignature:
        return refuse(QStringLiteral("sync.bad_signature"),
                      Tr::tr("记录 %1（记录链第 %2 位）的签名不是本设备密钥签的，办公室不接收。请联系技术支持。")
                          .arg(r.uuid).arg(r.chain.n));
    }
    if (const auto held = b.links.constFind(r.chain.n); held != b.links.cend()) {
        if (*held == r.chain.link) {
            a.known = true; // sent again (a lost answer, a resumed sync): the same link
            return a;
        }
        return refuse(QStringLiteral("sync.chain_broken"),
                      Tr::tr("办公室已有本设备记录链第 %1 位的另一条记录，与记录 %2 冲突：平板数据被替换或从旧备份恢复过。"
                             "请联系技术支持，不要删除平板数据。")
                          .arg(r.chain.n).arg(r.uuid));
    }
    if (b.anchorN == 0 || (r.chain.n == b.headN + 1 && r.chain.prev == b.headLink))
        return a; // the first record the office sees of this key, or the next one
    if (r.chain.n > b.headN + 1)
        return refuse(QStringLiteral("sync.chain_broken"),
                      Tr::tr("办公室只收到本设备记录链第 %1 位为止，记录 %2 是第 %3 "
                             "位：中间的记录缺失（在平板上被删除？）。"
                             "请在平板上运行 meterswapctl verify 并联系技术支持。")
                          .arg(b.headN)
                          .arg(r.uuid)
                          .arg(r.chain.n));
    return refuse(QStringLiteral("sync.chain_broken"),
                  Tr::tr("记录 %1（记录链第 %2 位）没有接在办公室已有的本设备记录之后：平板数据被替换或改动过。"
                         "请在平板上运行 meterswapctl verify 并联系技术支持。")
                      .arg(r.uuid).arg(r.chain.n));
}

void OfficeChainLog::note(Batch &b, const Admission &admission, const OutboxEntry &r,
                          wire::PushStatus status)
{
    const QString outcome = wire::pushStatusKey(status);
    if (admission.known) {
        if (const auto at = b.insertAt.constFind(r.chain.n); at != b.insertAt.cend())
            b.inserts[*at].status = outcome; // logged earlier in this very batch
        else
            b.updates.insert(r.chain.n, outcome);
        return;
    }
    b.insertAt.insert(r.chain.n, b.inserts.size());
    b.inserts << Batch::Row{r.chain.n,
                            r.chain.prev,
                            r.chain.link,
                            r.chain.signature,
                            QString::fromLatin1(admission.recordHash.toHex()),
                            r.uuid,
                            r.version,
                            outcome};
    b.links.insert(r.chain.n, r.chain.link);
    if (b.anchorN == 0) {
        b.anchorN = r.chain.n;
        b.anchorPrev = r.chain.prev;
    }
    b.headN = r.chain.n;
    b.headLink = r.chain.link;
    b.headMoved = true;
}

Result<void> OfficeChainLog::write(const Batch &b)
{
    if (!b.key)
        return {};
    const QString at = now();
    if (!b.inserts.isEmpty()) {
        QJsonArray rows;
        for (const Batch::Row &row : b.inserts)
            rows.append(QJsonArray{row.n, row.prev, row.link, row.signature, row.recordHash,
                                   row.uuid, row.version, row.status});
        auto ins = m_db.prepare(
            QStringLiteral("INSERT INTO record_chain(key_id, n, prev, link, signature, "
                           "record_hash, uuid, version, status, received_at) SELECT ?1, n, prev, "
                           "link, signature, record_hash, uuid, version, status, ?3 FROM ")
            + m_db.rowsFrom(2, {{"n", SqlColumn::Integer},
                                {"prev"},
                                {"link"},
                                {"signature"},
                                {"record_hash"},
                                {"uuid"},
                                {"version", SqlColumn::Integer},
                                {"status"}}));
        if (!ins)
            return ins.error();
        ins.value()
            .bindInt(1, b.key->id)
            .bindText(2, SqlConnection::jsonRows(rows))
            .bindText(3, at);
        if (auto ok = ins.value().run(); !ok)
            return ok;
    }
    QHash<QString, QJsonArray> sentAgain; // outcome -> the positions that had it
    for (auto it = b.updates.cbegin(); it != b.updates.cend(); ++it)
        sentAgain[it.value()].append(it.key());
    for (auto it = sentAgain.cbegin(); it != sentAgain.cend(); ++it) {
        auto up = m_db.prepare(
            QStringLiteral(
                "UPDATE record_chain SET status = ?3, received_at = ?4 WHERE key_id = ?1 AND n")
            + m_db.inList(2, SqlColumn::Integer));
        if (!up)
            return up.error();
        up.value().bindInt(1, b.key->id).bindText(2, SqlConnection::jsonRows(it.value()));
        up.value().bindText(3, it.key()).bindText(4, at);
        if (auto ok = up.value().run(); !ok)
            return ok;
    }
    if (!b.headMoved)
        return {};
    auto head = m_db.prepare(QStringLiteral("UPDATE device_keys SET head_n = ?, head_link = ?, "
                                            "anchor_n = ?, anchor_prev = ? WHERE id = ?"));
    if (!head)
        return head.error();
    head.value().bindInt(1, b.headN).bindText(2, nn(b.headLink)).bindInt(3, b.anchorN);
    head.value().bindText(4, nn(b.anchorPrev)).bindInt(5, b.key->id);
    return head.value().run();
}

} // namespace ms::server
