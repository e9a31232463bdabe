#pragma once
// OfficeStore on one SQLite file (WAL) through ms::Database. The default for a single office
// machine; PostgreSQL would be a sibling class (docs/scaling.md).
#include "store/office/officestore.h"

#include <memory>

namespace ms {
class Database;
}

namespace ms::office {

class SqliteOfficeStore final : public OfficeStore
{
public:
    // Opens (creating and migrating) the database file.
    static Result<std::unique_ptr<SqliteOfficeStore>> open(const QString &filePath);
    // One more connection to a file this process already opened with open() (one per server
    // thread): no header or quick check, which would disturb the first connection's locks.
    static Result<std::unique_ptr<SqliteOfficeStore>> openAnother(const QString &filePath);
    ~SqliteOfficeStore() override;

    Result<QString> createToken(const QString &device, const QString &user) override;
    Result<int> revokeToken(const QString &deviceOrToken) override;
    Result<std::optional<DeviceToken>> authenticate(const QString &token) override;
    Result<QString> deviceTokenHash(const QString &device) override;
    Result<QList<PushResult>> pushRecords(const DeviceToken &from,
                                          const QList<OutboxEntry> &records) override;
    Result<void> recordBlob(const QString &sha256, qint64 size) override;
    Result<bool> hasBlob(const QString &sha256) override;
    Result<AssignmentPage> pullAssignments(const DeviceToken &to, qint64 cursor,
                                           int limit) override;
    Result<ImportSummary> importTask(const Assignment &task, const QList<Assignment> &customers,
                                     const QStringList &assignees) override;
    Result<OfficeStats> stats() override;
    Result<QList<BlobReference>> blobReferences() override;
    Result<QStringList> blobHashes() override;
    Result<void> integrityCheck() override;

private:
    explicit SqliteOfficeStore(std::unique_ptr<Database> db);
    Result<PushResult> applyOne(const DeviceToken &from, const OutboxEntry &record);
    // 0 = created, 1 = updated, 2 = unchanged
    Result<int> upsertAssignment(const Assignment &a, const QString &taskUuid,
                                 const QString &assignees);
    std::unique_ptr<Database> m_db;
};

} // namespace ms::office
