#pragma once
// This device's record chain (记录链, docs/sync-protocol.md "Record chain"): the Ed25519 key made
// at first start and kept in the store (table device_key: never in the outbox, never sent, the
// database files 0600), and the link + signature of every outbox row, computed in the row's own
// transaction from its uuid and content. The office checks both on every push; verify() lets
// the tablet check itself (`meterswapctl verify`, and the app after a crash).
//
//   Transaction tx(db);
//   auto link = store.outboxChain().append(row);   // inside the row's transaction
//   ... INSERT the row with link->n, link->prev, link->link, link->signature ...
#include "model/recordchain.h"
#include "model/result.h"
#include "model/signingkey.h"

#include <QList>
#include <optional>

namespace ms {

class Database;
class Statement;

// What OutboxChain::verify() found.
struct ChainVerifyReport
{
    int records = 0;               // outbox rows walked
    qint64 head = 0;               // the newest position the store recorded
    QString publicKey;             // hex, the key the rows must be signed with
    QList<chain::Problem> problems;
    bool ok() const { return problems.isEmpty(); }
};

class OutboxChain
{
public:
    explicit OutboxChain(Database &db);

    // Migration 5: chain columns on outbox, the device_key table, guards against edits.
    static const char *const kMigrationSql;

    // Loads the key (making it on first start) and chains every row written before the chain
    // existed, in one transaction: rows the office already confirmed first, then the others,
    // each group in seq order, so the office can take up the chain at the first row it has
    // not seen (docs/decisions/0006-record-chain.md). Called by Store::open.
    Result<void> open();

    QString publicKeyHex() const;

    // The link of a row about to be appended: reads the head, signs, moves the head on. Call
    // inside the row's transaction (OutboxRepository::append does).
    Result<ChainLink> append(const OutboxEntry &row);

    // Walks every row in chain order: no gap from position 1 to the recorded head, each row
    // follows the one before, its content still hashes to its link, the key signed it.
    ChainVerifyReport verify();

private:
    Result<void> loadOrMakeKey();
    Result<void> chainUnlinkedRows();
    void restrictFilePermissions();
    ChainVerifyReport walk();

    Database &m_db;
    std::optional<SigningKey> m_key;
};

} // namespace ms
