#pragma once
// The warehouse's stock (库房, issue 15): new meters and seals issued to a crew (13.1 出库 /
// 12.1 领料), returns (32.1 拆旧设备入库: old meters matched to the jobs that removed them, unused
// new meters and seals), and the reconciliation issued = installed + returned + on hand with
// every difference named by number. Installed meters and seals, and removed old meters, come
// from the job projection (jobprojection.h). Behind an interface like OfficeStore
// (docs/scaling.md); docs/decisions/0017-stock.md gives the rules.
#include "model/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ms::server {

// One issue (出库) to a crew. `meters` / `seals` hold numbers or ranges "FROM-TO" (stockranges.h).
struct StockIssueRequest
{
    QString uuid; // made by the client: the same uuid again answers the first outcome
    QString crew;
    QStringList meters;
    QStringList seals;
    QString byUser, byDevice;
};

// One return (退料 / 拆旧入库) at the warehouse; each number is matched to what it is.
struct StockReturnRequest
{
    QString uuid;
    QStringList meters; // old meters removed by jobs, or unused new meters
    QStringList seals;  // unused seals
    QString byUser, byDevice;
};

// One line of a batch, as the forms (appendices 6, 7, 24) print it.
struct StockLine
{
    QString kind;   // meter | seal | old_meter
    QString number; // asset or seal number
    QString crew;
    QString jobUuid;   // old_meter: the job that removed it
    QString accountNo; // old_meter: that job's customer
};

struct StockBatch
{
    QString uuid;
    QString kind; // issue | return
    QString crew; // issue: the crew; return: the crews its lines came from, ',' joined
    QString byUser, byDevice, at;
    QList<StockLine> lines;
};

struct StockOutcome
{
    StockBatch batch;
    bool repeated = false; // this uuid was recorded before; nothing changed
    int already = 0;       // numbers that were already issued to the crew / already returned
};

struct StockDifference
{
    QString kind;    // installed_not_issued | removed_not_returned | issued_missing |
                     // seal_used_twice | returned_but_installed
    QString assetNo; // a meter's, or
    QString sealNo;  // a seal's (one of the two is set)
    QString crew;
    QString jobUuid; // the job concerned, when there is one
    QString detail;  // e.g. the crew it was issued to, the jobs that used the seal
};

struct StockTally
{
    qint64 meters = 0;
    qint64 seals = 0;
};

struct CrewStock
{
    QString crew;
    StockTally issued, installed, returned, onHand;
    qint64 oldRemoved = 0, oldReturned = 0;
};

struct StockReconciliation
{
    QString crew;         // "" = every crew (the whole task)
    StockTally issued;    // new meters and seals issued (including those returned since)
    StockTally installed; // new meter asset numbers (21.4/24.3) and seals used on jobs
    StockTally returned;  // unused new meters and seals returned
    QStringList onHandMeters, onHandSeals; // issued, neither installed nor returned
    qint64 oldRemoved = 0;                 // old meters removed by the crew's jobs
    qint64 oldReturned = 0;                // of those, received at the warehouse
    QStringList oldOnHand;                 // removed, not yet received
    QList<CrewStock> crews;                // per crew (the whole-task view; one row for a crew's)
    QList<StockDifference> differences;
};

// What the review page flags (issue 14 §3): a number of the job not issued to its crew, once
// the crew has stock of that kind.
struct StockFlag
{
    QString kind; // meter | seal
    QString number;
    QString card, requirement;
    QString issuedTo; // the crew it was issued to instead ("" = never issued)
    QString reason;   // the installer's reason for going on (evidence meta.not_issued_reason)
};

class OfficeStockStore
{
public:
    virtual ~OfficeStockStore() = default;

    // One transaction. Errors: "stock.bad_request" (no crew, nothing to issue, a malformed
    // number or range: the message names it), "stock.already_issued" (a number is with
    // another crew and not returned: the message names both), "stock.request_reused".
    virtual Result<StockOutcome> issue(const StockIssueRequest &request) = 0;
    // One transaction. A meter is an unused new meter (issued, not returned) or an old meter
    // removed by a job (matched to the job); a seal must have been issued. Anything else is
    // "stock.unknown_number" naming it, and nothing is stored.
    virtual Result<StockOutcome> returnStock(const StockReturnRequest &request) = 0;
    virtual Result<std::optional<StockBatch>> batch(const QString &uuid) = 0;
    virtual Result<QList<StockBatch>> batches(const QString &crew) = 0; // newest first, no lines
    // crew "" = every crew. One read snapshot, set-based SQL.
    virtual Result<StockReconciliation> reconcile(const QString &crew) = 0;
    // The job's new meter and seals not issued to its crew (none while the crew has no stock).
    virtual Result<QList<StockFlag>> jobFlags(const QString &jobUuid) = 0;
};

} // namespace ms::server
