#pragma once
// OfficeStore over one SqlConnection: SQLite (one file, WAL: the default for one office machine)
// or PostgreSQL (several server processes on one database, docs/scaling.md). The logic and the
// SQL are the same on both (sqlconnection.h, docs/decisions/0018-postgresql.md).
#include "serverstore/jobprojection.h"
#include "serverstore/officechainlog.h"
#include "serverstore/officestore.h"
#include "serverstore/sqlofficejobs.h"
#include "serverstore/sqlofficestock.h"

#include <QSet>

#include <functional>
#include <memory>

namespace ms::server {

class SqlOfficeStore final : public OfficeStore
{
public:
    // Opens (creating and migrating) the database file.
    static Result<std::unique_ptr<SqlOfficeStore>> open(const QString &filePath);
    // One more connection to a file this process already opened with open() (one per server
    // thread): no header or quick check, which would disturb the first connection's locks.
    static Result<std::unique_ptr<SqlOfficeStore>> openAnother(const QString &filePath);
    // The database at `url` (postgresql://USER@HOST:PORT/DB): connects and migrates. Each call
    // is one more connection (one per server thread).
    static Result<std::unique_ptr<SqlOfficeStore>> openPostgres(const QString &url);
    ~SqlOfficeStore() override;

    Result<QString> createToken(const QString &device, const QString &user,
                                const QStringList &roles = {}) override;
    Result<int> revokeToken(const QString &deviceOrToken) override;
    Result<std::optional<DeviceToken>> authenticate(const QString &token) override;
    Result<void> bindDeviceKey(const DeviceToken &token, const QString &publicKeyHex) override;
    Result<QString> deviceKey(const DeviceToken &token) override;
    Result<QString> deviceTokenHash(const QString &device) override;
    Result<QList<wire::PushResult>> pushRecords(const DeviceToken &from,
                                          const QList<OutboxEntry> &records) override;
    Result<void> recordBlob(const QString &sha256, qint64 size) override;
    Result<bool> hasBlob(const QString &sha256) override;
    Result<wire::AssignmentPage> pullAssignments(const DeviceToken &to, qint64 cursor,
                                           int limit) override;
    Result<ImportSummary> importTask(const wire::Assignment &task, const QList<wire::Assignment> &customers,
                                     const QStringList &assignees) override;
    Result<OfficeStats> stats() override;
    Result<void> ping() override;
    Result<QList<BlobReference>> blobReferences() override;
    Result<QStringList> blobHashes() override;
    Result<void> integrityCheck() override;
    Result<ChainAudit> verifyRecordChains() override;
    OfficeJobStore &jobs() override { return m_jobs; }
    OfficeStockStore &stock() override { return m_stock; }
    SqlConnection &connection() { return *m_db; }

    // Test seam: runs between reading an assignment page and reading its cursor (a test commits
    // an import on another connection there to show that both come from one snapshot).
    void setBetweenPageAndCursor(std::function<void()> hook)
    {
        m_betweenPageAndCursor = std::move(hook);
    }

private:
    struct HeldRecord
    {
        QString entity;
        int version = 0;
        QString op;
        QString payloadText;
        QString device;
        mutable QJsonObject payload; // payloadText parsed, on first use
        mutable bool parsed = false;
        const QJsonObject &object() const;
    };
    struct PushBatch;

    explicit SqlOfficeStore(std::unique_ptr<SqlConnection> db);
    // pushRecords' steps (sqlofficepush.cpp): the batch's held rows read once, each record
    // decided in memory, the stored ones written set-wise.
    Result<void> readHeld(PushBatch &batch, const QList<OutboxEntry> &records);
    Result<wire::PushResult> decide(const DeviceToken &from, PushBatch &batch,
                                    const OutboxEntry &record);
    Result<void> writeStored(const DeviceToken &from, const PushBatch &batch);
    // Keeps a conflicting record beside the held one and answers Conflict.
    Result<wire::PushResult> conflict(const DeviceToken &from, const OutboxEntry &record,
                                const HeldRecord &held, const QStringList &fields);
    // 0 = created, 1 = updated, 2 = unchanged
    Result<int> upsertAssignment(const wire::Assignment &a, const QString &taskUuid,
                                 const QStringList &assignees);
    // Takes the customers of `taskUuid` that `keep` does not name away from everyone.
    Result<QStringList> withdrawMissing(const QString &taskUuid, const QSet<QString> &keep);
    std::unique_ptr<SqlConnection> m_db;
    OfficeChainLog m_chain;
    JobProjection m_projection;
    SqlOfficeJobs m_jobs;
    SqlOfficeStock m_stock;
    std::function<void()> m_betweenPageAndCursor;
};

} // namespace ms::server
