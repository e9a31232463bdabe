#pragma once
// One outbox row as an OutboxEntry (internal to core/store): the columns to select and the one
// reader of them, shared by OutboxRepository (what sync sends) and OutboxChain (what verify walks).
#include "store/database.h"
#include "store/recordjson.h"
#include "store/storetypes.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ms::outboxrow {

inline constexpr const char *kSelect =
    "SELECT seq, entity, uuid, version, op, payload, blobs, created_at, confirmed_at, "
    "chain_n, chain_prev, chain_link, chain_sig FROM outbox ";

inline OutboxEntry from(const Statement &q)
{
    OutboxEntry e;
    e.seq = q.integer(0);
    e.entity = q.text(1);
    e.uuid = q.text(2);
    e.version = int(q.integer(3));
    e.op = q.text(4);
    e.payload = QJsonDocument::fromJson(q.text(5).toUtf8()).object();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.text(6).toUtf8()).array())
        e.blobs << v.toString();
    e.createdAt = json::parseTime(q.text(7));
    e.confirmedAt = json::parseTime(q.text(8));
    if (!q.isNull(9))
        e.chain = ChainLink{q.integer(9), q.text(10), q.text(11), q.text(12)};
    return e;
}

} // namespace ms::outboxrow
