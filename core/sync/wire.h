#pragma once
// The sync wire format (docs/sync-protocol.md): JSON bodies of the /api/v1 endpoints, shared by
// the client (core/sync) and the office server (app/server). Decoders never trust their input:
// every error names the field that was wrong.
#include "model/result.h"
#include "model/review.h"
#include "model/types.h"
#include "model/wiretypes.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>

namespace ms::sync {

inline constexpr qint64 kMaxChunkBytes = 1 << 20;         // one upload request body
inline constexpr qint64 kMaxBatchBodyBytes = 8 << 20;     // one record batch body
inline constexpr int kMaxBatchRecords = 500;
inline constexpr qint64 kMaxBlobBytes = qint64(2) << 30;  // one evidence file (video included)
inline constexpr int kMaxAssignmentPage = 500;
inline constexpr int kMaxStateQuery = 1000;              // files asked about in one call

QString apiPath(const QString &rest); // "/api/v1/" + rest
// The device's public key (hex) on every request; the office binds it to the token on first use.
inline constexpr char kDeviceKeyHeader[] = "X-MeterSwap-Device-Key";

// --- records ---
QJsonObject outboxEntryToJson(const OutboxEntry &e);
Result<OutboxEntry> outboxEntryFromJson(const QJsonObject &o, const QString &where);
QByteArray encodePushBatch(const QList<OutboxEntry> &records);
Result<QList<OutboxEntry>> decodePushBatch(const QByteArray &body);
QByteArray encodePushResults(const QList<wire::PushResult> &results);
Result<QList<wire::PushResult>> decodePushResults(const QByteArray &body);

// --- assignments ---
// (Encoding is json::fromTask / json::fromCustomer in store/recordjson.h.)
Result<Task> taskFromJson(const QJsonObject &o);
struct PulledCustomer
{
    QString taskUuid;
    Customer customer;
};
Result<PulledCustomer> customerFromJson(const QJsonObject &o);

// A tombstone: the task or customer was taken away from this tablet's user (moved to another
// crew, or out of its task). The tablet removes the customer's personal data and its job if
// nothing was done on it yet; work already captured stays and syncs as usual.
struct Withdrawal
{
    QString entity;   // "task" | "customer"
    QString uuid;
    QString taskUuid; // the customer's task
};

// An office review (entity "review", docs/sync-protocol.md "Reviews"): a page's "reviews" array
// holds {"entity": "review", "uuid", "version", "payload": {"job_uuid", "customer_uuid",
// "submission", "decision": "approved"|"sent_back", "items": [{"card", "requirement",
// "reason"}], "by", "at"}}. A tablet built before reviews ignores the array (it is a key it does
// not read), so its pull still works.
QJsonObject reviewPayload(const JobReview &review);
// `where` names the item in an error ("reviews[2]"); an unknown decision is refused with a
// message saying to update the app.
Result<JobReview> reviewFromJson(const QJsonObject &item, const QString &where);

struct PulledAssignments
{
    QList<Task> tasks;
    QList<PulledCustomer> customers;
    QList<Withdrawal> withdrawn;
    QList<JobReview> reviews; // the office's decisions on this device's jobs
    QList<wire::IssuedStock> stock; // what the warehouse issued to this user's crews
    qint64 cursor = 0;
    bool more = false;
    QString catalogVersion;
};
// The crew's stock (entity "stock_issue"): a page's "stock" array holds {"entity":
// "stock_issue", "uuid", "version", "withdrawn": bool, "payload": {"crew", "meters": [asset…],
// "seals": [number…]}}. A tablet built before stock ignores the array.
Result<wire::IssuedStock> issuedStockFromJson(const QJsonObject &item, const QString &where);

QByteArray encodeAssignmentPage(const wire::AssignmentPage &page, const QString &catalogVersion);
Result<PulledAssignments> decodeAssignmentPage(const QByteArray &body);

// --- evidence files ---
QByteArray encodeBlobState(const QString &sha256, const wire::BlobState &state);
Result<wire::BlobState> decodeBlobState(const QByteArray &body);
// POST blob-states: {"sha256": ["…", …]} → {"blobs": [{"sha256", "offset", "complete"}, …]}
QByteArray encodeBlobStateQuery(const QStringList &sha256s);
Result<QStringList> decodeBlobStateQuery(const QByteArray &body);
QByteArray encodeBlobStates(const QList<QPair<QString, wire::BlobState>> &states);
Result<QHash<QString, wire::BlobState>> decodeBlobStates(const QByteArray &body);

// --- errors: {"error": {"code": "...", "message": "..."}} ---
QByteArray encodeError(const Error &error);
// The server's error if the body carries one, else a generic one for the HTTP status.
Error decodeError(const QByteArray &body, int httpStatus);

} // namespace ms::sync
