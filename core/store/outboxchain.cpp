#include "store/outboxchain.h"

#include "store/database.h"
#include "store/outboxrow.h"
#include "store/recordjson.h"
#include "store/storelog.h"
#include "store/storeutil.h"
#include "store/transaction.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace ms {

using namespace storeutil;

const char *const OutboxChain::kMigrationSql = R"SQL(
ALTER TABLE outbox ADD COLUMN chain_n INTEGER;
ALTER TABLE outbox ADD COLUMN chain_prev TEXT;
ALTER TABLE outbox ADD COLUMN chain_link TEXT;
ALTER TABLE outbox ADD COLUMN chain_sig TEXT;
CREATE UNIQUE INDEX outbox_chain ON outbox(chain_n) WHERE chain_n IS NOT NULL;
CREATE TABLE device_key(
    id INTEGER PRIMARY KEY CHECK(id = 1),
    algorithm TEXT NOT NULL DEFAULT 'ed25519',
    private_key BLOB NOT NULL,              -- never in the outbox, never sent
    public_key TEXT NOT NULL,               -- hex; the office binds it to the token
    created_at TEXT NOT NULL,
    head_n INTEGER NOT NULL DEFAULT 0,      -- the newest chain position written
    head_link TEXT NOT NULL DEFAULT ''
);
-- Tamper evidence: a written outbox row keeps its content and its link.
CREATE TRIGGER outbox_content_fixed BEFORE UPDATE OF entity, uuid, version, op, payload, blobs
ON outbox
BEGIN SELECT RAISE(ABORT, 'outbox rows are never changed; append a new version instead'); END;
CREATE TRIGGER outbox_chain_fixed BEFORE UPDATE OF chain_n, chain_prev, chain_link, chain_sig
ON outbox WHEN OLD.chain_n IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a chained outbox row keeps its link'); END;
CREATE TRIGGER device_key_fixed BEFORE UPDATE OF private_key, public_key ON device_key
BEGIN SELECT RAISE(ABORT, 'the device key is never replaced'); END;
)SQL";

namespace {
chain::Problem problem(const QString &code, const OutboxEntry &e, const QString &message)
{
    return chain::Problem{code, {}, e.uuid, e.chain.n, e.seq, message};
}
} // namespace

OutboxChain::OutboxChain(Database &db) : m_db(db) {}

Result<void> OutboxChain::open()
{
    if (auto r = loadOrMakeKey(); !r)
        return r;
    restrictFilePermissions();
    return chainUnlinkedRows();
}

QString OutboxChain::publicKeyHex() const
{
    return m_key ? QString::fromLatin1(m_key->publicKey().toHex()) : QString();
}

Result<void> OutboxChain::loadOrMakeKey()
{
    auto read = m_db.prepare(QStringLiteral("SELECT private_key FROM device_key WHERE id = 1"));
    if (!read)
        return read.error();
    if (!read.value().step()) {
        if (read.value().failed())
            return read.value().error();
        // First start: a new key. Two processes starting at once both try; the first one wins
        // and both read it back below.
        auto made = SigningKey::generate();
        if (!made)
            return made.error();
        auto ins = m_db.prepare(QStringLiteral(
            "INSERT OR IGNORE INTO device_key(id, private_key, public_key, created_at) "
            "VALUES (1, ?, ?, ?)"));
        if (!ins)
            return ins.error();
        ins.value().bindBlob(1, made->privateKey());
        ins.value().bindText(2, QString::fromLatin1(made->publicKey().toHex()));
        ins.value().bindText(3, json::isoTime(now()));
        if (auto r = ins.value().run(); !r)
            return r;
        qCInfo(lcStore) << "made this device's signing key";
        read.value().reset();
        if (!read.value().step())
            return m_db.lastError(Tr::tr("读取本机签名密钥"));
    }
    auto key = SigningKey::fromPrivateKey(read.value().blob(0));
    if (!key)
        return key.error();
    m_key = std::move(key).value();
    return {};
}

void OutboxChain::restrictFilePermissions()
{
    // The private key lives in the database (as does the device token): owner only. SQLite
    // creates -wal and -shm with the database file's permissions.
    const QString db = m_db.filePath();
    for (const QString &path : {db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm")})
        if (QFile::exists(path)
            && !QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            qCWarning(lcStore) << "could not make" << path << "readable by its owner only";
}

Result<void> OutboxChain::chainUnlinkedRows()
{
    { // most opens: nothing to do, and no write lock taken to find that out
        auto any =
            m_db.prepare(QStringLiteral("SELECT 1 FROM outbox WHERE chain_n IS NULL LIMIT 1"));
        if (!any)
            return any.error();
        if (!any.value().step())
            return any.value().failed() ? Result<void>(any.value().error()) : Result<void>();
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto rows = m_db.prepare(QLatin1String(outboxrow::kSelect)
                             + QStringLiteral("WHERE chain_n IS NULL "
                                              "ORDER BY confirmed_at IS NULL, seq"));
    auto set = m_db.prepare(QStringLiteral(
        "UPDATE outbox SET chain_n = ?, chain_prev = ?, chain_link = ?, chain_sig = ? "
        "WHERE seq = ?"));
    if (!rows || !set)
        return m_db.lastError(Tr::tr("为已有记录建立记录链"));
    QList<OutboxEntry> pending;
    while (rows.value().step())
        pending << outboxrow::from(rows.value());
    if (rows.value().failed())
        return rows.value().error();
    for (const OutboxEntry &row : std::as_const(pending)) {
        auto link = append(row);
        if (!link)
            return link.error();
        set.value().reset();
        set.value().bindInt(1, link->n).bindText(2, link->prev).bindText(3, link->link);
        set.value().bindText(4, link->signature).bindInt(5, row.seq);
        if (auto r = set.value().run(); !r)
            return r;
    }
    qCInfo(lcStore) << "chained" << pending.size() << "outbox rows written before the record chain";
    return tx.commit();
}

Result<ChainLink> OutboxChain::append(const OutboxEntry &row)
{
    if (!m_key)
        return makeError(QStringLiteral("store.no_device_key"),
                         Tr::tr("本机签名密钥未载入，无法记录。请重启应用；如仍失败请联系技术支持。"));
    qint64 n = 0;
    QString prev;
    {
        auto head =
            m_db.prepare(QStringLiteral("SELECT head_n, head_link FROM device_key WHERE id = 1"));
        if (!head)
            return head.error();
        if (!head.value().step())
            return m_db.lastError(Tr::tr("读取记录链末端"));
        n = head.value().integer(0) + 1;
        prev = n == 1 ? chain::genesisHex() : head.value().text(1);
    }
    const ChainLink link = chain::makeLink(row, n, prev, *m_key);
    if (link.signature.isEmpty())
        return makeError(QStringLiteral("crypto.sign"),
                         Tr::tr("无法为记录签名（OpenSSL 出错）。请重启应用；如仍失败请联系技术支持。"));
    auto move = m_db.prepare(
        QStringLiteral("UPDATE device_key SET head_n = ?, head_link = ? WHERE id = 1"));
    if (!move)
        return move.error();
    move.value().bindInt(1, n).bindText(2, link.link);
    if (auto r = move.value().run(); !r)
        return r.error();
    return link;
}

ChainVerifyReport OutboxChain::verify()
{
    // One snapshot for the head and the rows: a row appended by another connection half-way
    // through must not look like a broken head.
    const bool snapshot = m_db.transactionDepth() == 0 && m_db.exec(QStringLiteral("BEGIN")).ok();
    ChainVerifyReport report = walk();
    if (snapshot)
        (void)m_db.exec(QStringLiteral("COMMIT"));
    return report;
}

ChainVerifyReport OutboxChain::walk()
{
    ChainVerifyReport report;
    report.publicKey = publicKeyHex();
    const QByteArray publicKey = m_key ? m_key->publicKey() : QByteArray();
    auto fail = [&](const QString &code, const QString &message) {
        report.problems << chain::Problem{code, {}, {}, 0, 0, message};
        return report;
    };
    auto head =
        m_db.prepare(QStringLiteral("SELECT head_n, head_link FROM device_key WHERE id = 1"));
    if (!head || !head.value().step())
        return fail(QStringLiteral("chain.no_key"),
                    Tr::tr("本机没有签名密钥记录，无法核对记录链。请联系技术支持。"));
    report.head = head.value().integer(0);
    const QString headLink = head.value().text(1);
    auto rows = m_db.prepare(QLatin1String(outboxrow::kSelect)
                             + QStringLiteral("ORDER BY chain_n IS NULL, chain_n"));
    if (!rows)
        return fail(rows.error().code, rows.error().message);
    qint64 expected = 1;
    QString expectedPrev = chain::genesisHex();
    while (rows.value().step()) {
        const OutboxEntry e = outboxrow::from(rows.value());
        ++report.records;
        const QString who = Tr::tr("记录 %1（%2，发件箱第 %3 行）").arg(e.uuid, e.entity).arg(e.seq);
        if (e.chain.n == 0) {
            report.problems << problem(QStringLiteral("chain.unlinked"), e,
                                       Tr::tr("%1 不在记录链中。").arg(who));
            continue;
        }
        if (e.chain.n != expected) {
            report.problems << problem(QStringLiteral("chain.gap"), e,
                                       Tr::tr("记录链第 %1–%2 位的记录不见了（在%3之前）：记录被删除过。")
                                           .arg(expected).arg(e.chain.n - 1).arg(who));
        } else if (e.chain.prev != expectedPrev) {
            report.problems << problem(QStringLiteral("chain.broken"), e,
                                       Tr::tr("%1 没有接在前一条记录之后：记录被替换或插入过。").arg(who));
        }
        switch (chain::checkLink(e, publicKey)) {
        case chain::LinkFault::None:
        case chain::LinkFault::Unsigned: break;
        case chain::LinkFault::Malformed:
            report.problems << problem(QStringLiteral("chain.malformed"), e,
                                       Tr::tr("%1 的链数据格式不对：被改动过。").arg(who));
            break;
        case chain::LinkFault::ContentMismatch:
            report.problems << problem(QStringLiteral("chain.altered"), e,
                                       Tr::tr("%1 的内容在写入后被改动过。").arg(who));
            break;
        case chain::LinkFault::BadSignature:
            report.problems << problem(QStringLiteral("chain.bad_signature"), e,
                                       Tr::tr("%1 的签名不是本机密钥签的。").arg(who));
            break;
        }
        expected = e.chain.n + 1;
        expectedPrev = e.chain.link;
    }
    if (rows.value().failed())
        return fail(rows.value().error().code, rows.value().error().message);
    if (expected - 1 < report.head)
        report.problems << chain::Problem{QStringLiteral("chain.truncated"), {}, {}, expected, 0,
                                          Tr::tr("记录链最新的第 %1–%2 位记录不见了：记录被删除过。")
                                              .arg(expected).arg(report.head)};
    else if (report.head > 0 && expectedPrev != headLink)
        report.problems << chain::Problem{QStringLiteral("chain.head"), {}, {}, report.head, 0,
                                          Tr::tr("记录链末端与本机记下的不符：最新的记录被替换过。")};
    return report;
}

} // namespace ms
